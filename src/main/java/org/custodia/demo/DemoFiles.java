package org.custodia.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.datafaker.Faker;
import org.custodia.ledger.Actor;
import org.custodia.people.Admission;
import org.custodia.people.PeopleService;
import org.custodia.people.PersonFileService.NewEntry;
import org.custodia.people.PersonFileService;
import org.custodia.people.RecordSection;
import org.custodia.people.Sex;
import org.custodia.platform.ZeroPadded;

/**
 * The MANDELA-7 files as reception left them, so that the completeness view has something to show: about 7 people in
 * 100 with a complete file (a)-(g), 23 with identity details and sometimes their property, the others with
 * nothing beyond identity and commitment (what the admission itself records).
 */
final class DemoFiles {
    private static final String[] LANGUAGES = {"español", "español", "español", "español", "náhuatl pipil",
            "inglés"};
    private static final String[] PROPERTY = {"Reloj de pulsera", "Cadena de metal", "Billetera con documentos",
            "Teléfono móvil", "Cinturón", "Anillo", "Zapatos deportivos", "Gorra"};
    private static final String[] RELATIONSHIPS = {"madre", "padre", "hermana", "hermano", "pareja", "tía", "abuela"};

    private final Random random;
    private final Faker faker;
    private final PersonFileService files;

    DemoFiles(long seed, PersonFileService files) {
        this.random = new Random(seed + 2);
        this.faker = new Faker(Locale.forLanguageTag("es"), random);
        this.files = files;
    }

    void takeOn(long[] ids, List<PeopleService.TakenOn> people) {
        List<NewEntry> entries = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            Admission a = people.get(i).admission();
            int r = random.nextInt(100);
            if (r < 7) {
                complete(entries, ids[i], a);
            } else if (r < 30) {
                entries.add(identity(ids[i], a));
                if (random.nextBoolean()) {
                    entries.add(property(ids[i], a));
                }
            }
        }
        files.takeOn(entries, Actor.SYSTEM);
    }

    private void complete(List<NewEntry> entries, long id, Admission a) {
        String facility = a.facilityCode();
        entries.add(identity(id, a));
        entries.add(new NewEntry(id, facility, RecordSection.OBSERVATION, Map.of(
                "visibleInjuries", random.nextInt(100) < 12 ? "Hematomas en antebrazos, referidos a la detención"
                        : "Ninguna visible",
                "examinedBy", "Enfermería de ingreso"), false));
        entries.add(property(id, a));
        if (random.nextInt(100) < 15) {
            entries.add(new NewEntry(id, facility, RecordSection.FAMILY, Map.of(), true));
        } else {
            entries.add(relative(id, facility, RELATIONSHIPS[random.nextInt(RELATIONSHIPS.length)]));
            if (random.nextInt(100) < 45) {
                Map<String, Object> child = new LinkedHashMap<>();
                child.put("name", faker.name().firstName() + " " + a.firstSurname());
                child.put("relationship", "hija o hijo");
                child.put("age", 1 + random.nextInt(16));
                child.put("child", true);
                child.put("whereabouts", "Con su abuela materna, " + faker.address().cityName());
                child.put("caregiver", "Abuela materna");
                entries.add(new NewEntry(id, facility, RecordSection.FAMILY, child, false));
            }
        }
        if (random.nextInt(100) < 10) {
            entries.add(new NewEntry(id, facility, RecordSection.CONTACT,
                    Map.of("note", "No quiso nombrar a nadie"), true));
        } else {
            for (String kind : List.of("EMERGENCY", "NEXT_OF_KIN")) {
                entries.add(new NewEntry(id, facility, RecordSection.CONTACT, Map.of("kind", kind,
                        "name", faker.name().firstName() + " " + faker.name().lastName(),
                        "relationship", RELATIONSHIPS[random.nextInt(RELATIONSHIPS.length)],
                        "phone", "+503 7" + ZeroPadded.of(random.nextInt(1000), 3) + "-" + ZeroPadded.of(random.nextInt(10_000), 4)),
                        false));
            }
        }
    }

    private NewEntry identity(long id, Admission a) {
        return new NewEntry(id, a.facilityCode(), RecordSection.IDENTITY, Map.of(
                "selfPerceivedGender", a.sex() == Sex.FEMALE ? "mujer" : "hombre",
                "language", a.nationality().equals("VEN") ? "español" : LANGUAGES[random.nextInt(LANGUAGES.length)],
                "photoRef", "FOTO-" + id, "fingerprintRef", "HUELLA-" + id), false);
    }

    private NewEntry property(long id, Admission a) {
        if (random.nextInt(100) < 30) {
            return new NewEntry(id, a.facilityCode(), RecordSection.PROPERTY, Map.of("note", "Sin pertenencias"),
                    true);
        }
        return new NewEntry(id, a.facilityCode(), RecordSection.PROPERTY, Map.of(
                "item", PROPERTY[random.nextInt(PROPERTY.length)], "condition", "usado",
                "sealedBag", "BOLSA-" + id), false);
    }

    private NewEntry relative(long id, String facility, String relationship) {
        return new NewEntry(id, facility, RecordSection.FAMILY, Map.of(
                "name", faker.name().firstName() + " " + faker.name().lastName(), "relationship", relationship,
                "whereabouts", faker.address().cityName()), false);
    }
}
