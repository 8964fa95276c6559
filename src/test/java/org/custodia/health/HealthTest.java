package org.custodia.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodia.platform.Sha256;
import org.custodia.support.Api;
import org.custodia.support.Fixtures.TestFacility;
import org.custodia.support.MutableClock;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Health care: the reception screening every stay is owed, sick call with its clocks, the clinical record that only
 * health staff read, fitness that custody staff may know, reports to the director and the figures.
 */
class HealthTest extends ServiceTest {
    static final String OFFICER = "oficial-nacional";
    static final String RECORDS = "registro-nacional";
    static final String HEALTH = "salud-nacional";
    static final String SECRET = "dolor torácico desde anoche";

    @Autowired
    MutableClock clock;

    TestFacility f;
    long person;

    @BeforeEach
    void setUp() {
        fx.account(OFFICER, "OFFICER");
        fx.account(RECORDS, "RECORDS");
        fx.account(HEALTH, "HEALTH");
        f = fx.newFacility(2, 10);
        person = fx.admitAs(RECORDS, f.code(), f.cells().get(0));
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    static Map<String, Object> screening() {
        Map<String, Object> s = new HashMap<>();
        s.put("outcome", "COMPLETED");
        s.put("physicalHealth", "Hipertensión tratada; " + SECRET);
        s.put("selfHarmRisk", "LOW");
        s.put("contagiousDisease", false);
        s.put("illTreatmentSigns", false);
        s.put("fitForWork", true);
        return s;
    }

    Api.Response screen(String user, Map<String, Object> body) {
        return api.post("/api/people/" + person + "/screening", user, body);
    }

    long sickCall(String user) {
        Api.Response r = api.post("/api/people/" + person + "/sick-calls", user,
                Map.of("source", "PERSON", "request", SECRET));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    List<Long> worklist(String path) {
        Api.Response r = api.get(path + (path.contains("?") ? "&" : "?") + "facility=" + f.code() + "&size=500",
                HEALTH);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("items").valueStream().map(i -> i.get("personId").asLong()).toList();
    }

    JsonNode figures() {
        Api.Response r = api.get("/api/figures/health?facility=" + f.code(), HEALTH);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().get("rows").get(0);
    }

    @Nested
    class Screening {
        @Test
        void aNewStayIsOwedAScreeningThatIsNotOverdueYet() {
            assertThat(worklist("/api/worklists/screening")).contains(person);
            assertThat(worklist("/api/worklists/screening?overdue=true")).doesNotContain(person);
        }

        @Test
        void pastTwentyFourHoursTheScreeningIsOverdue() {
            clock.advance(Duration.ofHours(25));
            assertThat(worklist("/api/worklists/screening?overdue=true")).contains(person);
            assertThat(figures().get("unscreenedOverdue").asLong()).isEqualTo(1);
        }

        @Test
        void custodyStaffDoNotScreen() {
            assertThat(screen(OFFICER, screening()).status()).isEqualTo(403);
        }

        @Test
        void aCompletedScreeningAnswersEveryQuestionAndNothingIsStoredOtherwise() {
            Map<String, Object> s = screening();
            s.remove("selfHarmRisk");
            long before = fx.ledgerEntries();
            assertThat(screen(HEALTH, s).status()).isEqualTo(400);
            assertThat(fx.ledgerEntries()).isEqualTo(before);
            assertThat(worklist("/api/worklists/screening")).contains(person);
        }

        @Test
        void signsOfIllTreatmentAreDocumented() {
            Map<String, Object> s = screening();
            s.put("illTreatmentSigns", true);
            Api.Response r = screen(HEALTH, s);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.body()).contains("MANDELA-34");
        }

        @Test
        void aScreeningClosesTheTaskOnceAndRecordsFitnessForWork() {
            Map<String, Object> s = screening();
            s.put("illTreatmentSigns", true);
            s.put("injuries", List.of(Map.of("bodyPart", "espalda", "description", "hematomas lineales recientes")));
            s.put("personsAccount", "Golpeado con porras durante el traslado");
            Api.Response r = screen(HEALTH, s);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().get("injuries").asBoolean()).isTrue();
            assertThat(worklist("/api/worklists/screening")).doesNotContain(person);
            assertThat(screen(HEALTH, screening()).status()).as("one per stay").isEqualTo(409);
            JsonNode fit = api.get("/api/people/" + person + "/fitness", OFFICER).json();
            assertThat(fit.at("/decisions/WORK/fit").asBoolean()).isTrue();
            JsonNode row = figures();
            assertThat(row.get("screeningsWithInjuries").asLong()).isEqualTo(1);
            assertThat(row.get("illTreatmentDocumented").asLong()).isEqualTo(1);
        }

        @Test
        void theLedgerCarriesTheNotesHashNeverItsText() {
            Api.Response r = screen(HEALTH, screening());
            String canonical = db.sql("select canonical from ledger_entry where person_id = ? and event_type = "
                    + "'HEALTH_SCREENED'").param(person).query(String.class).single();
            String note = db.sql("select content from clinical_note where person_id = ? and kind = 'SCREENING'")
                    .param(person).query(String.class).single();
            assertThat(canonical).doesNotContain("Hipertensión", "torácico")
                    .contains(Sha256.hex(note)).contains(r.json().get("noteSha256").asString());
        }

        @Test
        void staysBeforeAFacilityKeptClinicalRecordsAreNotOwedOne() {
            Api.Response set = api.put("/api/facilities/" + f.code() + "/clinical-records-since", "direccion",
                    Map.of("since", Instant.now().toString()));
            assertThat(set.status()).as(set.body()).isEqualTo(200);
            assertThat(worklist("/api/worklists/screening")).doesNotContain(person);
            long later = fx.admitAs(RECORDS, f.code(), f.cells().get(0));
            assertThat(worklist("/api/worklists/screening")).contains(later);
            assertThat(api.put("/api/facilities/" + f.code() + "/clinical-records-since", "direccion",
                    Map.of("since", Instant.now().toString())).status()).as("set once").isEqualTo(409);
        }
    }

    @Nested
    class SickCall {
        @Test
        void custodyStaffReceiveARequestButCannotReadIt() {
            long id = sickCall(OFFICER);
            assertThat(api.get("/api/sick-calls/" + id, OFFICER).status()).isEqualTo(403);
            Api.Response r = api.get("/api/sick-calls/" + id, HEALTH);
            assertThat(r.json().get("request").asString()).isEqualTo(SECRET);
            assertThat(r.json().get("overdue").asBoolean()).isFalse();
        }

        @Test
        void theAnswerToCustodyStaffCarriesTheClockNotTheWords() {
            Api.Response r = api.post("/api/people/" + person + "/sick-calls", OFFICER,
                    Map.of("source", "PERSON", "request", SECRET));
            assertThat(r.body()).doesNotContain("torácico").contains("triageDueBy");
        }

        @Test
        void aRequestNotTriagedInADayIsOverdue() {
            long id = sickCall(OFFICER);
            clock.advance(Duration.ofHours(25));
            assertThat(api.get("/api/sick-calls/" + id, HEALTH).json().get("overdue").asBoolean()).isTrue();
            assertThat(worklist("/api/worklists/sick-call?state=OVERDUE")).contains(person);
            assertThat(figures().get("overdueTriage").asLong()).isEqualTo(1);
        }

        @Test
        void aClinicalSymptomIsSeenWithinFortyEightHours() {
            clock.pin(Instant.now());
            long id = sickCall(OFFICER);
            clock.advance(Duration.ofHours(6));
            assertThat(api.post("/api/sick-calls/" + id + "/triage", HEALTH, Map.of("priority", "SYMPTOM")).status())
                    .isEqualTo(200);
            clock.advance(Duration.ofHours(43));
            assertThat(worklist("/api/worklists/sick-call?state=OVERDUE")).contains(person);
            Api.Response seen = api.post("/api/sick-calls/" + id + "/seen", HEALTH,
                    Map.of("outcome", "TREATED", "note", "Electrocardiograma normal"));
            assertThat(seen.status()).as(seen.body()).isEqualTo(200);
            assertThat(worklist("/api/worklists/sick-call")).doesNotContain(person);
            JsonNode row = figures();
            assertThat(row.get("requests").asLong()).isEqualTo(1);
            assertThat(row.get("triageP50Hours").asDouble()).isEqualTo(6.0);
            assertThat(row.get("seenP90Hours").asDouble()).isEqualTo(49.0);
            String entry = db.sql("select canonical from ledger_entry where person_id = ? and event_type = "
                    + "'SICK_CALL_SEEN'").param(person).query(String.class).single();
            assertThat(entry).contains("\"late\":true").doesNotContain("Electrocardiograma");
        }

        @Test
        void anAppointmentPutsThePersonOnThatDaysUnlockListWithoutTheReason() {
            long id = sickCall(OFFICER);
            java.time.ZonedDateTime at = java.time.LocalDate.now(java.time.ZoneId.of("America/El_Salvador"))
                    .plusDays(1).atTime(9, 30).atZone(java.time.ZoneId.of("America/El_Salvador"));
            assertThat(api.post("/api/sick-calls/" + id + "/triage", HEALTH, Map.of("priority", "SYMPTOM",
                    "appointmentAt", at.toInstant().toString())).status()).isEqualTo(200);
            Api.Response list = api.get("/api/facilities/" + f.code() + "/unlock-list?date=" + at.toLocalDate(),
                    OFFICER);
            assertThat(list.status()).isEqualTo(200);
            JsonNode entry = list.json().get("items").get(0);
            assertThat(entry.get("personId").asLong()).isEqualTo(person);
            assertThat(entry.get("purpose").asString()).isEqualTo("MEDICAL");
            assertThat(list.body()).doesNotContain("torácico", "SYMPTOM");
        }

        @Test
        void aReferralToHospitalIsAMovementOut() {
            long hospital = fx.newPlace(f.code(), "HOSPITAL");
            long id = sickCall(OFFICER);
            api.post("/api/sick-calls/" + id + "/triage", HEALTH, Map.of("priority", "URGENT"));
            assertThat(api.post("/api/sick-calls/" + id + "/seen", HEALTH, Map.of("outcome", "REFERRED_HOSPITAL"))
                    .status()).as("where to, with whom, until when").isEqualTo(400);
            Api.Response r = api.post("/api/sick-calls/" + id + "/seen", HEALTH, Map.of("outcome", "REFERRED_HOSPITAL",
                    "referral", Map.of("hospitalId", hospital, "escort", "Agentes Pérez y Molina", "dueBackAt",
                            Instant.now().plus(Duration.ofHours(8)).toString())));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode out = api.get("/api/facilities/" + f.code() + "/out-of-cell", OFFICER).json();
            assertThat(out.get("items").valueStream().map(m -> m.get("personId").asLong())).contains(person);
        }

        @Test
        void seeingBeforeTriageIsRefused() {
            long id = sickCall(OFFICER);
            assertThat(api.post("/api/sick-calls/" + id + "/seen", HEALTH, Map.of("outcome", "TREATED")).status())
                    .isEqualTo(409);
        }

        @Test
        void aRequestIsTriagedOnce() {
            long id = sickCall(HEALTH);
            assertThat(api.post("/api/sick-calls/" + id + "/triage", HEALTH, Map.of("priority", "ROUTINE")).status())
                    .isEqualTo(200);
            assertThat(api.post("/api/sick-calls/" + id + "/triage", HEALTH, Map.of("priority", "URGENT")).status())
                    .isEqualTo(409);
        }

        @Test
        void aStepIsNotRecordedBeforeTheOneItFollows() {
            long id = sickCall(OFFICER);
            Api.Response r = api.post("/api/sick-calls/" + id + "/triage", HEALTH, Map.of("priority", "ROUTINE",
                    "triagedAt", Instant.now().minus(Duration.ofHours(2)).toString()));
            assertThat(r.status()).isEqualTo(400);
        }

        @Test
        void healthStaffOfAnotherFacilityDoNotSeeTheRequest() {
            long id = sickCall(OFFICER);
            String elsewhere = fx.account("salud-" + fx.otherFacility().toLowerCase(), "HEALTH", fx.otherFacility());
            assertThat(api.get("/api/sick-calls/" + id, elsewhere).status()).isEqualTo(404);
        }

        @Test
        void aReleasedPersonCannotBeGivenARequest() {
            assertThat(api.post("/api/people/" + person + "/release", RECORDS,
                    Map.of("basis", "COURT_ORDER", "reference", "Orden 1/2026")).status()).isEqualTo(200);
            assertThat(api.post("/api/people/" + person + "/sick-calls", OFFICER,
                    Map.of("source", "PERSON", "request", "fiebre")).status()).isEqualTo(409);
        }
    }

    @Nested
    class ClinicalRecord {
        @Test
        void onlyHealthStaffReadItAndEachReadIsLogged() {
            sickCall(OFFICER);
            for (String user : List.of(OFFICER, "direccion", "inspector")) {
                assertThat(api.get("/api/people/" + person + "/clinical-record", user).status()).as(user)
                        .isEqualTo(403);
            }
            long logged = fx.accessLogLines(person, false);
            Api.Response r = api.get("/api/people/" + person + "/clinical-record", HEALTH);
            assertThat(r.body()).contains("torácico");
            assertThat(fx.accessLogLines(person, false)).isEqualTo(logged + 1);
        }

        @Test
        void theLedgerExportCarriesNoClinicalText() {
            screen(HEALTH, screening());
            long id = sickCall(OFFICER);
            api.post("/api/sick-calls/" + id + "/triage", HEALTH, Map.of("priority", "SYMPTOM",
                    "note", "sospecha de angina"));
            api.post("/api/people/" + person + "/clinical-notes", HEALTH, Map.of("kind", "NOTE",
                    "text", "Tuberculosis pulmonar en tratamiento"));
            String inspector = fx.account("inspector-" + f.code().toLowerCase(), "INSPECTOR", f.code());
            Api.Response export = api.get("/api/ledger/export", inspector);
            assertThat(export.status()).isEqualTo(200);
            assertThat(export.body()).contains("HEALTH_SCREENED", "SICK_CALL_TRIAGED", "CLINICAL_NOTE_ADDED")
                    .doesNotContain("torácico", "angina", "Tuberculosis", "Hipertensión");
        }

        @Test
        void thePersonIsGivenTheirWholeRecordAndTheHandOverIsRecorded() {
            sickCall(OFFICER);
            api.post("/api/people/" + person + "/clinical-notes", HEALTH, Map.of("kind", "CONSULTATION",
                    "text", "Control de presión arterial"));
            long before = fx.ledgerEntries("CLINICAL_RECORD_DISCLOSED");
            Api.Response r = api.post("/api/people/" + person + "/clinical-record/disclosures", HEALTH, Map.of());
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            assertThat(r.json().get("notes").asInt()).isEqualTo(2);
            String hashes = r.json().get("record").valueStream().map(n -> n.get("sha256").asString() + "\n")
                    .reduce("", String::concat);
            assertThat(r.json().get("sha256").asString()).isEqualTo(Sha256.hex(hashes));
            assertThat(fx.ledgerEntries("CLINICAL_RECORD_DISCLOSED")).isEqualTo(before + 1);
        }
    }

    @Nested
    class Fitness {
        @Test
        void custodyStaffReadWhatHealthStaffDecide() {
            assertThat(api.post("/api/people/" + person + "/fitness", HEALTH, Map.of("kind", "SOLITARY",
                    "fit", false)).status()).isEqualTo(201);
            JsonNode fit = api.get("/api/people/" + person + "/fitness", OFFICER).json();
            assertThat(fit.at("/decisions/SOLITARY/fit").asBoolean()).isFalse();
            assertThat(fit.at("/decisions/TRANSFER").isMissingNode()).as("never assessed").isTrue();
        }

        @Test
        void custodyStaffDoNotDecide() {
            assertThat(api.post("/api/people/" + person + "/fitness", OFFICER, Map.of("kind", "WORK",
                    "fit", true)).status()).isEqualTo(403);
        }
    }

    @Nested
    class ReportsToTheDirector {
        Api.Response report() {
            return api.post("/api/health-reports", HEALTH, Map.of("personId", person, "condition", "SPACE",
                    "concern", "El hacinamiento de la celda agrava su asma"));
        }

        @Test
        void theDirectorAnswersOnceAndTheFiguresCountTheUnanswered() {
            Api.Response r = report();
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            long id = r.json().get("id").asLong();
            assertThat(figures().get("reportsUnanswered").asLong()).isEqualTo(1);
            assertThat(api.post("/api/health-reports/" + id + "/answer", HEALTH, Map.of("answer", "x")).status())
                    .as("the director answers").isEqualTo(403);
            Api.Response a = api.post("/api/health-reports/" + id + "/answer", "direccion",
                    Map.of("answer", "Traslado a una celda ventilada del pabellón 2"));
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            assertThat(a.json().get("answer").asString()).startsWith("Traslado");
            assertThat(figures().get("reportsUnanswered").asLong()).isZero();
            assertThat(api.post("/api/health-reports/" + id + "/answer", "direccion", Map.of("answer", "otra"))
                    .status()).isEqualTo(409);
        }

        @Test
        void theInspectorReadsThemAndOfficersDoNot() {
            report();
            assertThat(api.get("/api/health-reports?facility=" + f.code(), "inspector").body()).contains("asma");
            assertThat(api.get("/api/health-reports?facility=" + f.code(), OFFICER).status()).isEqualTo(403);
        }
    }

    @Nested
    class Figures {
        @Test
        void officersDoNotReadHealthFigures() {
            assertThat(api.get("/api/figures/health", OFFICER).status()).isEqualTo(403);
        }

        @Test
        void theNationalRowAddsUpTheFacilities() {
            sickCall(OFFICER);
            JsonNode rows = api.get("/api/figures/health", "inspector").json().get("rows");
            JsonNode national = rows.get(rows.size() - 1);
            assertThat(national.get("facilityCode").isNull()).isTrue();
            long sum = rows.valueStream().filter(r -> !r.get("facilityCode").isNull())
                    .mapToLong(r -> r.get("requests").asLong()).sum();
            assertThat(national.get("requests").asLong()).isEqualTo(sum).isPositive();
        }
    }

    @Nested
    class HealthPage {
        @Test
        void withoutAFacilityItShowsOneTheOfficialSees() {
            String scoped = fx.account("salud-" + f.code().toLowerCase(), "HEALTH", f.code());
            Api.Response r = api.get("/health", scoped);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains(f.code());
        }

        @Test
        void custodyStaffDoNotOpenIt() {
            assertThat(api.get("/health?facility=" + f.code(), OFFICER).status()).isEqualTo(403);
        }

        @Test
        void itListsTheOverdueRequestWithItsTriageFormAndTheFigures() {
            long id = sickCall(OFFICER);
            clock.advance(Duration.ofHours(25));
            Api.Response r = api.get("/health?facility=" + f.code(), HEALTH);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.body()).contains("data-sick-call=\"" + id + "\"", "id=\"triage-" + id + "\"")
                    .contains("id=\"health-overdue-triage\"").doesNotContain("torácico");
        }
    }
}
