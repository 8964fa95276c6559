package org.custodia.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;
import org.custodia.people.Admission;
import org.custodia.people.LegalStatus;
import org.custodia.people.Sex;
import org.custodia.platform.ZeroPadded;

/** Realistic people for the demo: Spanish names (two surnames, some aliases), documents and commitment records. */
final class DemoPeople {
    private static final String[] ALIASES = {"El Flaco", "Chato", "El Negro", "Güero", "Cholo", "Pelón", "Trucha",
            "Diablito", "Sombra", "Zurdo", "Chele", "Garrobo", "Cuervo", "Tigre", "Ñato", "Chepe", "Toño", "Chamba",
            "El Músico", "Satán", "Pájaro", "Conejo", "Lagarto", "Chino", "Gato", "Mono", "Popeye", "Travieso"};
    private static final String[] COURTS = {"Juzgado Especializado de Instrucción A, San Salvador",
            "Juzgado Especializado de Instrucción B, San Salvador", "Juzgado de Paz de Tecoluca",
            "Juzgado Especializado de Sentencia, San Miguel", "Juzgado Primero de Instrucción, Santa Ana"};

    private static final LocalDate REGIME_START = LocalDate.of(2022, 3, 27);
    private static final String[] PLACES = {"Soyapango, San Salvador", "Apopa, San Salvador", "Ilopango, San Salvador",
            "San Miguel, San Miguel", "Santa Ana, Santa Ana", "Mejicanos, San Salvador", "Usulután, Usulután",
            "Sonsonate, Sonsonate", "La Libertad, La Libertad", "Chalatenango, Chalatenango"};

    private final Faker faker;
    private final Random random;
    /** Admission times draw from their own sequence, so that the people themselves stay as they were. */
    private final Random admissions;
    private final LocalDate today;
    private int serial;

    DemoPeople(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.admissions = new Random(seed + 1);
        this.faker = new Faker(Locale.forLanguageTag("es"), random);
        this.today = today;
    }

    Admission next(String facility, long locationId, boolean woman, boolean foreign) {
        serial++;
        Sex sex = woman ? Sex.FEMALE : Sex.MALE;
        String given = firstName(sex) + (random.nextInt(100) < 45 ? " " + firstName(sex) : "");
        String first = faker.name().lastName();
        String second = random.nextInt(100) < 3 ? null : faker.name().lastName();
        List<String> aliases = new ArrayList<>();
        if (random.nextInt(100) < 27) {
            aliases.add(ALIASES[random.nextInt(ALIASES.length)]);
            if (random.nextInt(100) < 10) {
                aliases.add(ALIASES[random.nextInt(ALIASES.length)] + " " + (random.nextInt(20) + 1));
            }
        }
        LocalDate dob = today.minusYears(18 + random.nextInt(48)).minusDays(random.nextInt(365));
        LegalStatus status;
        Admission.Commitment commitment;
        String nationality;
        String document;
        if (foreign) {
            status = LegalStatus.HELD_FOR_ANOTHER_STATE;
            nationality = "VEN";
            document = "V" + (10_000_000 + random.nextInt(20_000_000));
            commitment = new Admission.Commitment("Estados Unidos de América (contrato de servicios penitenciarios)",
                    "TRF-2025-" + ZeroPadded.of(serial % 10_000, 4), "Acuerdo de servicios penitenciarios 2025",
                    Instant.parse("2025-03-15T10:00:00Z"), "Traslado aéreo, Aeropuerto Internacional de El Salvador");
        } else {
            nationality = "SLV";
            document = ZeroPadded.of(random.nextInt(100_000_000), 8) + "-" + random.nextInt(10);
            int r = random.nextInt(100);
            if (r < 76) {
                status = LegalStatus.UNTRIED;
                commitment = new Admission.Commitment(COURTS[random.nextInt(COURTS.length)],
                        "EXP-" + (2022 + random.nextInt(4)) + "-" + (1000 + random.nextInt(90_000)),
                        "Detención provisional, Código Procesal Penal arts. 329-331; agrupaciones ilícitas, "
                                + "Código Penal art. 345", arrest(REGIME_START, 30), place());
            } else if (r < 98) {
                status = LegalStatus.SENTENCED;
                commitment = new Admission.Commitment(COURTS[random.nextInt(COURTS.length)],
                        "SENT-" + (2018 + random.nextInt(8)) + "-" + (100 + random.nextInt(9_000)),
                        "Sentencia condenatoria firme, Código Penal art. 45",
                        arrest(LocalDate.of(2012, 1, 1), 365 * 3), place());
            } else {
                status = LegalStatus.ADMINISTRATIVE;
                commitment = new Admission.Commitment("Policía Nacional Civil, delegación San Salvador Centro",
                        "PNC-" + (10_000 + random.nextInt(90_000)), "Detención administrativa, Código Procesal Penal art. 323",
                        arrest(today.minusDays(10), 1), place());
            }
        }
        return new Admission(given, first, second, aliases, dob, sex, nationality, document, status, commitment,
                facility, locationId);
    }

    /**
     * When the person was admitted here: a day or two after the arrest, or, for people arrested before the facility
     * opened, at some time in its first year and a half (the mega-prison was filled by transfers over months).
     */
    Instant admittedAt(Admission a, LocalDate opened, Instant now) {
        Instant arrested = a.commitment().arrestedAt();
        Instant at = arrested.plus(6 + admissions.nextInt(42), ChronoUnit.HOURS);
        if (opened != null && at.isBefore(opened.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            at = opened.plusDays(admissions.nextInt(540)).atStartOfDay(ZoneOffset.UTC)
                    .plusMinutes(6 * 60 + admissions.nextInt(12 * 60)).toInstant();
        }
        return at.isAfter(now) ? now : at;
    }

    /** Arrests from {@code from} until {@code minDaysAgo} days ago: most held since the emergency regime began. */
    private Instant arrest(LocalDate from, int minDaysAgo) {
        long span = Math.max(1, ChronoUnit.DAYS.between(from, today.minusDays(minDaysAgo)));
        return from.plusDays(Math.floorMod(random.nextLong(), span)).atStartOfDay(ZoneOffset.UTC)
                .plusMinutes(random.nextInt(24 * 60)).toInstant();
    }

    private String place() {
        return PLACES[random.nextInt(PLACES.length)];
    }

    private String firstName(Sex sex) {
        return sex == Sex.FEMALE ? faker.name().femaleFirstName() : faker.name().malefirstName();
    }
}
