package org.custodia.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.custodia.support.Api;
import org.custodia.support.Fixtures;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Walks the OpenAPI description: every POST and PUT that takes a JSON body starts from a valid body, and each
 * field in turn is replaced by hostile values (control characters, direction overrides, broken surrogates, 100,000
 * characters, impossible and extreme dates, negative and huge numbers, wrong types, null). Never a 5xx; a 4xx
 * changes nothing (row counts and ledger heads). An endpoint without a sample fails the test: new endpoints are
 * covered by construction.
 */
class HostileInputTest extends ServiceTest {

    /** Who calls, where, and a valid body (a map, a list of maps, or null for an endpoint that takes none). */
    record Sample(String user, String path, Object body) {
    }

    static final List<Object> HOSTILE_TEXT = List.of("a\u0000b", "fiebre \u202Eetneics", "x\ud800y", "",
            "x".repeat(100_000), "\u0007", "'; drop table person; --", 12345, true, List.of("x"), Map.of("a", 1));
    static final List<Object> HOSTILE_NUMBER = List.of(-1, 0, Long.MAX_VALUE, "1e400", -9.9e307, 3.5, "abc",
            List.of(1));
    static final List<Object> HOSTILE_DATE = List.of("+300000-01-01T00:00:00Z", "-5000-01-01", "0001-01-01",
            "9999-12-31", "2026-02-30", "1899-12-31", "2026-13-01T00:00:00Z", "");
    static final List<Object> HOSTILE_BOOLEAN = List.of("yes", 2, List.of());
    static final List<Object> HOSTILE_LIST = List.of("x", Collections.nCopies(60_000, 1), Collections.singletonList(null));

    String state() {
        return db.sql("""
                        select (select coalesce(string_agg(chain || ':' || seq, ',' order by chain), '') from ledger_head)
                               || '|' || (select count(*) from person) || '|' || (select count(*) from booking)
                               || '|' || (select count(*) from record_entry) || '|' || (select count(*) from hearing)
                               || '|' || (select count(*) from isolation_order) || '|' || (select count(*) from account)
                               || '|' || (select count(*) from location) || '|' || (select count(*) from transfer)
                               || '|' || (select count(*) from intake_batch) || '|' || (select count(*) from api_token)
                               || '|' || (select count(*) from housing_plan)
                               || '|' || (select count(*) from movement_person where returned_at is null)
                               || '|' || (select count(*) from count_submission)
                               || '|' || (select count(*) from count_round where signed_off_at is null)
                               || '|' || (select count(*) from provision) || '|' || (select count(*) from menu_item)
                               || '|' || (select count(*) from meal_refusal) || '|' || (select count(*) from diet)
                               || '|' || (select count(*) from water_interruption)
                               || '|' || (select count(*) from workshop) || '|' || (select count(*) from work_session)
                               || '|' || (select count(*) from work_allocation where status <> 'ENDED')
                               || '|' || (select count(*) from work_attendance)""")
                .query(String.class).single();
    }

    Map<String, Supplier<Sample>> samples() {
        Map<String, Supplier<Sample>> s = new LinkedHashMap<>();
        Supplier<Long> person = () -> fx.admit("CECOT", fx.newCell("CECOT", 4), "UNTRIED");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        String inAWeek = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        s.put("POST /api/people/{id}/sentences", () -> new Sample("registro", "/api/people/" + person.get()
                + "/sentences", map("caseNumber", "SENT-1", "court", "Tribunal de Sentencia A", "offence",
                "Homicidio agravado", "years", 5, "months", 0, "days", 0, "startDate", "2022-03-27", "mode",
                "CONCURRENT", "remandCreditDays", 10, "imposedOn", "2023-01-10")));
        s.put("POST /api/people/{id}/charges", () -> new Sample("registro", "/api/people/" + person.get()
                + "/charges", map("caseNumber", "EXP-1", "offence", "Extorsión agravada", "statuteArticle",
                "Código Penal art. 214", "seriousness", "SERIOUS")));
        s.put("POST /api/people/{id}/pretrial-extensions", () -> new Sample("registro", "/api/people/"
                + person.get() + "/pretrial-extensions", map("legalBasis", "SV-LECO-2025", "courtResolution",
                "Resolución 45-2026", "expiresOn", LocalDate.now(ZoneOffset.UTC).plusDays(30).toString())));
        s.put("POST /api/people/{id}/transfer-grounds", () -> new Sample("registro", "/api/people/"
                + person.get() + "/transfer-grounds", map("agreement", "Acuerdo 2025", "statedGrounds",
                "Presunta pertenencia", "evidenceProvided", false)));
        s.put("POST /api/people/{id}/hearings", () -> new Sample("registro", "/api/people/" + person.get()
                + "/hearings", map("caseNumber", "CAUSA-1", "court", "Juzgado 1", "scheduledAt", inAWeek,
                "durationMinutes", 60, "mode", "IN_PERSON")));
        s.put("POST /api/hearings/{hearingId}/outcome", () -> {
            long id = api.post("/api/people/" + person.get() + "/hearings", "registro", map("caseNumber", "C-2",
                    "court", "Juzgado 2", "scheduledAt", inAWeek, "durationMinutes", 30, "mode", "IN_PERSON"))
                    .json().get("id").asLong();
            return new Sample("registro", "/api/hearings/" + id + "/outcome", map("outcome", "Aplazada"));
        });
        s.put("POST /api/people/{id}/representation", () -> new Sample("registro", "/api/people/" + person.get()
                + "/representation", map("lawyerName", "Lcda. Ana Menjívar", "kind", "PUBLIC_DEFENDER", "barNumber",
                "A-1", "contact", "2222-0000", "since", today)));
        s.put("POST /api/moves", () -> new Sample("oficial", "/api/moves", map("personId", person.get(),
                "toLocationId", fx.newCell("CECOT", 4), "reason", "Redistribución")));
        s.put("POST /api/moves/check", () -> new Sample("oficial", "/api/moves/check", map("moves",
                List.of(map("personId", person.get(), "toLocationId", fx.newCell("CECOT", 4))), "reason", "R")));
        s.put("POST /api/moves/bulk", () -> new Sample("oficial", "/api/moves/bulk", map("moves",
                List.of(map("personId", person.get(), "toLocationId", fx.newCell("CECOT", 4))), "reason", "R")));
        s.put("POST /api/moves/swap", () -> new Sample("oficial", "/api/moves/swap", map("personA", person.get(),
                "personB", person.get(), "reason", "Intercambio")));
        s.put("POST /api/housing/emergency-caps", () -> new Sample("direccion", "/api/housing/emergency-caps",
                map("facilityCode", ownFacility(), "percent", 120, "reason", "Llegada masiva", "expiresAt", inAWeek)));
        s.put("POST /api/transfers", () -> new Sample("registro", "/api/transfers", map("personId", person.get(),
                "toFacility", fx.otherFacility(), "authorityReference", "Resolución DGCP-1", "reason", "Familia")));
        s.put("POST /api/transfers/{id}/receive", () -> {
            long id = api.post("/api/transfers", "registro", map("personId", person.get(), "toFacility",
                    fx.otherFacility(), "authorityReference", "Resolución DGCP-2", "reason", "Familia"))
                    .json().get("id").asLong();
            return new Sample("direccion", "/api/transfers/" + id + "/receive", map("orderReference",
                    "Resolución DGCP-2"));
        });
        s.put("POST /api/non-associations", () -> new Sample("registro", "/api/non-associations", map("personA",
                person.get(), "personB", person.get(), "level", "CELL", "kind", "THREAT", "reason", "Amenaza")));
        s.put("POST /api/non-associations/{id}/status", () -> new Sample("registro",
                "/api/non-associations/999999999/status", map("status", "CLOSED", "reason", "Resuelto")));
        s.put("POST /api/housing/plans", () -> new Sample("registro", "/api/housing/plans", map("facilityCode",
                "CECOT", "personIds", List.of(person.get()), "fromReception", false)));
        s.put("POST /api/housing/plans/rebalance", () -> new Sample("registro", "/api/housing/plans/rebalance",
                map("facilityCode", "CECOT", "pavilionIds", List.of(), "seconds", 1, "maxMoves", 10)));
        s.put("POST /api/housing/groups", () -> new Sample("direccion", "/api/housing/groups", map("code",
                "G" + System.nanoTime() % 100000, "name", "Grupo de prueba")));
        s.put("POST /api/housing/rivalries", () -> new Sample("direccion", "/api/housing/rivalries", map("groupA",
                group(), "groupB", group(), "level", "CELL", "reason", "Revisión")));
        s.put("POST /api/people/{id}/isolation", () -> new Sample("salud", "/api/people/" + person.get()
                + "/isolation", map("cohort", "AISL-1", "reason", "Varicela")));
        s.put("POST /api/isolation/{isolationId}/end", () -> {
            long id = api.post("/api/people/" + person.get() + "/isolation", "salud", map("cohort", "AISL-2",
                    "reason", "Varicela")).json().get("id").asLong();
            return new Sample("salud", "/api/isolation/" + id + "/end", map("reason", "Curado"));
        });
        s.put("POST /api/people/{id}/affiliations", () -> new Sample("registro", "/api/people/" + person.get()
                + "/affiliations", map("group", "MS13", "source", "SELF_DECLARED", "evidenceRef", "Entrevista 1",
                "confidence", "HIGH", "claimedOn", today)));
        s.put("POST /api/affiliations/{claimId}/status", () -> new Sample("registro",
                "/api/affiliations/999999999/status", map("status", "CONFIRMED", "reason", "Verificado")));
        s.put("POST /api/facilities", () -> new Sample("admin", "/api/facilities", map("code",
                "ZF" + System.nanoTime() % 100000, "name", "Centro de prueba", "kind", "PENITENTIARY", "jurisdiction",
                "SV", "declaredCapacity", 100)));
        s.put("POST /api/facilities/{code}/pavilions", () -> new Sample("admin", "/api/facilities/" + ownFacility()
                + "/pavilions",
                map("code", "PX" + System.nanoTime() % 100000, "name", "Pabellón X", "levels", 1)));
        s.put("POST /api/facilities/{code}/locations", () -> new Sample("admin", "/api/facilities/" + ownFacility()
                + "/locations", List.of(map("pavilionCode", "HP1", "code", "C" + System.nanoTime() % 100000,
                        "kind", "CELL", "level", 1, "floorAreaM2", 96.0, "certifiedCapacity", 20, "bunks", 20))));
        s.put("POST /api/locations/{id}/capacity-requests", () -> new Sample("direccion", "/api/locations/"
                + fx.newCell("CECOT", 4) + "/capacity-requests", map("requestedCapacity", 6, "reason", "Literas")));
        s.put("POST /api/capacity-requests/{id}/approve", () -> new Sample("direccion",
                "/api/capacity-requests/999999999/approve", map("note", "Visto")));
        s.put("POST /api/capacity-requests/{id}/reject", () -> new Sample("direccion",
                "/api/capacity-requests/999999999/reject", map("note", "No")));
        s.put("POST /api/ledger/keys/rotate", () -> new Sample("inspector", "/api/ledger/keys/rotate",
                map("chain", "NOWHERE", "reason", "Rotación")));
        s.put("POST /api/tokens", () -> new Sample("registro", "/api/tokens", map("name", "script",
                "expiresAt", inAWeek)));
        s.put("POST /api/accounts/{username}/tokens", () -> new Sample("admin", "/api/accounts/nadie/tokens",
                map("name", "tribunal", "expiresAt", inAWeek)));
        s.put("POST /api/accounts", () -> new Sample("admin", "/api/accounts", map("username",
                "u" + System.nanoTime() % 1000000, "displayName", "Oficial de prueba", "password",
                "una-frase-larga-de-prueba-77", "roles", List.of("OFFICER"), "national", false, "facilities",
                List.of("CECOT"), "service", false)));
        s.put("POST /api/accounts/{username}/disable", () -> new Sample("admin", "/api/accounts/nadie/disable",
                map("reason", "Baja")));
        s.put("POST /api/accounts/{username}/enable", () -> new Sample("admin", "/api/accounts/nadie/enable",
                map("reason", "Alta")));
        s.put("POST /api/accounts/{username}/password", () -> new Sample("admin", "/api/accounts/nadie/password",
                map("password", "otra-frase-larga-de-prueba-78", "reason", "Olvido")));
        s.put("POST /api/accounts/{username}/roles", () -> new Sample("admin", "/api/accounts/nadie/roles",
                map("roles", List.of("OFFICER"), "reason", "Cambio")));
        s.put("POST /api/accounts/{username}/scope", () -> new Sample("admin", "/api/accounts/nadie/scope",
                map("national", false, "facilities", List.of("CECOT"), "reason", "Cambio")));
        s.put("POST /api/accounts/{username}/unlock", () -> new Sample("admin", "/api/accounts/nadie/unlock",
                map("reason", "Desbloqueo")));
        s.put("POST /api/account/password", () -> new Sample("finanzas", "/api/account/password",
                map("currentPassword", "equivocada", "newPassword", "otra-frase-larga-de-prueba-79")));
        s.put("POST /api/login-blocks/lift", () -> new Sample("admin", "/api/login-blocks/lift",
                map("address", "192.0.2.1", "reason", "Verificado")));
        s.put("POST /api/intake/batches/{id}/held/{row}/resolution", () -> new Sample("registro",
                "/api/intake/batches/none/held/1/resolution", map("decision", "DISMISS", "reason", "Otro")));
        s.put("POST /api/people/{id}/file/{section}", () -> new Sample("registro", "/api/people/" + person.get()
                + "/file/property", map("content", map("item", "Cadena", "sealedBag", "B-7"), "itemKey", "cadena",
                "noneDeclared", false)));
        s.put("POST /api/people/{id}/legal-status", () -> new Sample("registro", "/api/people/" + person.get()
                + "/legal-status", map("status", "SENTENCED", "basis", "Sentencia 1/2026")));
        s.put("POST /api/people/{id}/commitment", () -> new Sample("registro", "/api/people/" + person.get()
                + "/commitment", map("commitment", commitment(), "reason", "Error de copia")));
        s.put("POST /api/people/{id}/identity", () -> new Sample("registro", "/api/people/" + person.get()
                + "/identity", map("givenNames", "José Ángel", "firstSurname", "Muñoz", "secondSurname", "Güemes",
                "aliases", List.of("El Güero"), "dateOfBirth", "1990-01-01", "sex", "MALE", "nationality", "SLV",
                "idDocument", "0" + System.nanoTime() % 100000000 + "-1", "reason", "Documento presentado")));
        s.put("POST /api/admissions", () -> new Sample("registro", "/api/admissions",
                new HashMap<>(Fixtures.admission("CECOT", fx.newCell("CECOT", 4), "Ana", "Pérez", "López"))));
        s.put("POST /api/people", () -> new Sample("registro", "/api/people",
                new HashMap<>(Fixtures.admission("CECOT", fx.newCell("CECOT", 4), "Eva", "Ríos", "Paz"))));
        s.put("POST /api/people/{id}/release", () -> new Sample("registro", "/api/people/" + person.get()
                + "/release", map("basis", "COURT_ORDER", "reference", "Orden 1/2026", "propertySignedBy", "La persona")));
        String inAnHour = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        Supplier<Map<String, Object>> movement = () -> map("personIds", List.of(person.get()), "destinationId",
                fx.newPlace("CECOT", "EXERCISE_YARD"), "purpose", "EXERCISE", "escort", "Sgto. Alvarado",
                "dueBackAt", inAnHour);
        s.put("POST /api/movements", () -> new Sample("oficial", "/api/movements", movement.get()));
        s.put("POST /api/movements/{id}/return", () -> {
            Map<String, Object> m = movement.get();
            long id = api.post("/api/movements", "oficial", m).json().get("id").asLong();
            return new Sample("oficial", "/api/movements/" + id + "/return", map("personIds", m.get("personIds"),
                    "note", "Regresó sin novedad"));
        });
        // counts freeze their facility: each on a facility of its own, never the demo's
        s.put("POST /api/counts", () -> new Sample("direccion", "/api/counts", map("facilityCode",
                fx.newFacility(1, 4).code(), "kind", "EMERGENCY", "reason", "Riña")));
        s.put("POST /api/counts/{id}/cells/{locationId}", () -> {
            Fixtures.TestFacility f = fx.newFacility(1, 4);
            long id = api.post("/api/counts", "direccion", map("facilityCode", f.code(), "kind", "EMERGENCY",
                    "reason", "Riña")).json().get("id").asLong();
            return new Sample("direccion", "/api/counts/" + id + "/cells/" + f.cells().getFirst(), map("counted", 1,
                    "missing", List.of(), "extra", List.of(map("description", "Hombre sin identificar")), "note",
                    "Contado con linterna"));
        });
        s.put("POST /api/counts/{id}/cells/{locationId}/explanation", () -> {
            Fixtures.TestFacility f = fx.newFacility(1, 4);
            long id = api.post("/api/counts", "direccion", map("facilityCode", f.code(), "kind", "EMERGENCY",
                    "reason", "Riña")).json().get("id").asLong();
            String path = "/api/counts/" + id + "/cells/" + f.cells().getFirst();
            api.post(path, "direccion", map("counted", 2));
            return new Sample("direccion", path + "/explanation", map("explanation", "Dos visitas de enfermería"));
        });
        s.put("PUT /api/facilities/{code}/count-schedule", () -> new Sample("direccion", "/api/facilities/"
                + fx.newFacility(1, 4).code() + "/count-schedule", map("times", List.of("06:00", "18:00"),
                "crossCount", false, "graceMinutes", 30)));
        s.put("POST /api/menu-items", () -> new Sample("direccion", "/api/menu-items", map("code",
                "H" + System.nanoTime() % 100000, "name", "Atol", "kcal", 150, "proteinG", 4, "portion", "1 vaso",
                "perPerson", 1, "meals", List.of("BREAKFAST"), "active", true)));
        String localToday = LocalDate.now(java.time.ZoneId.of("America/El_Salvador")).toString();
        s.put("POST /api/provisions", () -> new Sample("oficial", "/api/provisions", map("facilityCode", "CECOT",
                "day", localToday, "kind", "LUNCH", "cells", List.of(map("locationId", fx.newCell("CECOT", 4),
                        "items", List.of(map("item", "ARROZ", "portions", 2)))), "shortfallReason",
                "SUPPLY_SHORTAGE", "shortfallNote", "Falta de víveres")));
        s.put("POST /api/people/{id}/meal-refusals", () -> new Sample("oficial", "/api/people/" + person.get()
                + "/meal-refusals", map("day", localToday, "meal", "LUNCH", "note", "Dice que no tiene hambre")));
        s.put("POST /api/people/{id}/diets", () -> new Sample("salud", "/api/people/" + person.get() + "/diets",
                map("kind", "MEDICAL", "description", "Hiposódica", "since", localToday, "until",
                        LocalDate.now().plusDays(30).toString())));
        s.put("POST /api/water-interruptions", () -> new Sample("oficial", "/api/water-interruptions",
                map("facilityCode", "CECOT", "startedAt", Instant.now().minus(1, ChronoUnit.HOURS)
                        .truncatedTo(ChronoUnit.SECONDS).toString(), "reason", "Bomba averiada")));
        // the work programme, on a facility of its own
        java.util.function.Function<Fixtures.TestFacility, Long> workshop = f -> api.post("/api/workshops",
                "direccion", map("facilityCode", f.code(), "locationId", fx.newPlace(f.code(), "WORKSHOP"), "name",
                        "Taller", "capacity", 10, "starts", "08:00", "ends", "12:00", "weekdays", List.of(1, 2, 3),
                        "risk", "LOW", "paid", true, "ratePerHour", 0.5)).json().get("id").asLong();
        s.put("POST /api/workshops", () -> {
            Fixtures.TestFacility f = fx.newFacility(1, 4);
            return new Sample("direccion", "/api/workshops", map("facilityCode", f.code(), "locationId",
                    fx.newPlace(f.code(), "WORKSHOP"), "name", "Taller de carpintería", "capacity", 20, "starts",
                    "08:00", "ends", "12:00", "weekdays", List.of(1, 2, 3, 4, 5), "risk", "MEDIUM", "paid", true,
                    "ratePerHour", 0.75));
        });
        s.put("POST /api/workshops/{id}/sessions", () -> new Sample("direccion", "/api/workshops/"
                + workshop.apply(fx.newFacility(1, 4)) + "/sessions", map("from", localToday, "to",
                LocalDate.parse(localToday).plusDays(6).toString())));
        s.put("POST /api/work-sessions/{id}/cancel", () -> {
            long w = workshop.apply(fx.newFacility(1, 4));
            long session = api.post("/api/workshops/" + w + "/sessions", "direccion", map("from", "2026-01-05",
                    "to", "2026-01-05")).json().get(0).get("id").asLong();
            return new Sample("direccion", "/api/work-sessions/" + session + "/cancel", map("reason", "Sin energía"));
        });
        s.put("POST /api/workshops/{id}/allocations", () -> {
            Fixtures.TestFacility f = fx.newFacility(1, 4);
            fx.account("registro-nacional", "RECORDS");
            long p = fx.admitAs("registro-nacional", f.code(), f.cells().getFirst());
            return new Sample("direccion", "/api/workshops/" + workshop.apply(f) + "/allocations",
                    map("personIds", List.of(p)));
        });
        s.put("POST /api/work-allocations/{id}/end", () -> new Sample("direccion", "/api/work-allocations/999999999/end",
                map("reason", "WITHDRAWN")));
        s.put("POST /api/work-sessions/{id}/attendance", () -> new Sample("direccion",
                "/api/work-sessions/999999999/attendance", map("day", localToday, "defaultOutcome", "ATTENDED",
                "exceptions", List.of(map("personId", 1, "outcome", "SICK")))));
        s.put("POST /api/facilities/{code}/attendance", () -> new Sample("direccion", "/api/facilities/"
                + fx.newFacility(1, 4).code() + "/attendance", map("day", localToday, "defaultOutcome", "ATTENDED",
                "exceptions", List.of(map("personId", 1, "outcome", "SICK")))));
        s.put("POST /api/people/{id}/screening", () -> new Sample("salud", "/api/people/" + person.get()
                + "/screening", map("outcome", "COMPLETED", "physicalHealth", "Sano", "mentalHealth", "Estable",
                "substanceUse", "Ninguno", "selfHarmRisk", "NONE", "contagiousDisease", false,
                "injuries", List.of(map("bodyPart", "brazo", "description", "Rasguño")), "illTreatmentSigns", false,
                "personsAccount", "Caída", "fitForWork", true, "notes", "Sin novedad",
                "screenedAt", java.time.Instant.now().toString())));
        s.put("POST /api/people/{id}/sick-calls", () -> new Sample("oficial", "/api/people/" + person.get()
                + "/sick-calls", map("source", "PERSON", "request", "Fiebre desde ayer")));
        s.put("POST /api/sick-calls/{id}/triage", () -> new Sample("salud", "/api/sick-calls/" + sickCall(person.get())
                + "/triage", map("priority", "SYMPTOM", "note", "Fiebre", "triagedAt",
                java.time.Instant.now().toString())));
        s.put("POST /api/sick-calls/{id}/seen", () -> {
            long id = sickCall(person.get());
            api.post("/api/sick-calls/" + id + "/triage", "salud", map("priority", "SYMPTOM"));
            return new Sample("salud", "/api/sick-calls/" + id + "/seen", map("outcome", "TREATED", "note",
                    "Paracetamol", "seenAt", java.time.Instant.now().toString()));
        });
        s.put("POST /api/people/{id}/fitness", () -> new Sample("salud", "/api/people/" + person.get()
                + "/fitness", map("kind", "WORK", "fit", true, "reviewOn", LocalDate.now().plusDays(30).toString())));
        s.put("POST /api/people/{id}/clinical-notes", () -> new Sample("salud", "/api/people/" + person.get()
                + "/clinical-notes", map("kind", "NOTE", "text", "Control de presión")));
        s.put("POST /api/people/{id}/clinical-record/disclosures", () -> new Sample("salud", "/api/people/"
                + person.get() + "/clinical-record/disclosures", map()));
        s.put("PUT /api/facilities/{code}/clinical-records-since", () -> new Sample("direccion", "/api/facilities/"
                + fx.newFacility(1, 4).code() + "/clinical-records-since", map("since",
                java.time.Instant.now().minusSeconds(3600).toString())));
        s.put("POST /api/health-reports", () -> new Sample("salud", "/api/health-reports", map("personId",
                person.get(), "condition", "SPACE", "concern", "Hacinamiento")));
        s.put("POST /api/health-reports/{id}/answer", () -> {
            long id = api.post("/api/health-reports", "salud", map("personId", person.get(), "condition", "WATER",
                    "concern", "Sin agua")).json().get("id").asLong();
            return new Sample("direccion", "/api/health-reports/" + id + "/answer", map("answer", "Cisterna"));
        });
        s.put("POST /api/discipline/charges", () -> new Sample("direccion", "/api/discipline/charges", map("personId",
                person.get(), "incidentAt", java.time.Instant.now().minusSeconds(3600).toString(), "incidentReference",
                "INC-1", "offence", "Riña", "particulars", "Pelea en el patio")));
        s.put("POST /api/discipline/charges/{id}/hearing", () -> new Sample("direccion", "/api/discipline/charges/"
                + disciplinaryCharge(person.get()) + "/hearing", map("hearingAt",
                java.time.Instant.now().plusSeconds(86_400).toString())));
        s.put("POST /api/discipline/charges/{id}/decision", () -> new Sample("direccion", "/api/discipline/charges/"
                + disciplinaryCharge(person.get()) + "/decision", map("outcome", "PROVED", "personsAccount",
                "Lo niega", "findings", "Testigos", "sanctions", List.of(map("kind", "LOSS_OF_PRIVILEGES", "days", 3,
                        "description", "Economato")))));
        s.put("POST /api/discipline/charges/{id}/quash", () -> {
            long id = disciplinaryCharge(person.get());
            api.post("/api/discipline/charges/" + id + "/decision", "direccion", map("outcome", "PROVED",
                    "personsAccount", "Lo niega"));
            return new Sample("direccion", "/api/discipline/charges/" + id + "/quash", map("reason", "Error"));
        });
        s.put("POST /api/people/{id}/solitary", () -> new Sample("direccion", "/api/people/" + person.get()
                + "/solitary", map("basis", "GOOD_ORDER", "authority", "Director", "reason", "Amenazas", "days", 3)));
        s.put("POST /api/solitary/{id}/extension", () -> new Sample("direccion", "/api/solitary/"
                + placement(person.get()) + "/extension", map("days", 2, "reason", "Riesgo")));
        s.put("POST /api/solitary/{id}/end", () -> new Sample("direccion", "/api/solitary/" + placement(person.get())
                + "/end", map("reason", "Fin")));
        s.put("POST /api/solitary/{id}/health-visits", () -> new Sample("salud", "/api/solitary/"
                + placement(person.get()) + "/health-visits", map("finding", "NO_ADVERSE_EFFECT", "note", "Bien",
                "at", java.time.Instant.now().toString())));
        s.put("POST /api/solitary/{id}/outdoors", () -> new Sample("oficial", "/api/solitary/"
                + placement(person.get()) + "/outdoors", map("minutes", 60, "at", java.time.Instant.now().toString())));
        s.put("POST /api/solitary/{id}/reviews", () -> new Sample("direccion", "/api/solitary/"
                + placement(person.get()) + "/reviews", map("decision", "CONTINUE", "note", "Sigue el riesgo")));
        s.put("POST /api/serious-cases", () -> new Sample("oficial", "/api/serious-cases", map("kind", "SERIOUS_INJURY",
                "personId", person.get(), "occurredAt", java.time.Instant.now().minusSeconds(3600).toString(), "place",
                "Patio", "circumstances", "Caída", "knownCause", "Caída", "foundBy", "Oficial", "source",
                "STAFF_REPORT", "involvedStaff", List.of("oficial"))));
        s.put("POST /api/serious-cases/{id}/acknowledgement", () -> new Sample("inspector", "/api/serious-cases/"
                + seriousCase(person.get()) + "/acknowledgement", map()));
        s.put("POST /api/serious-cases/{id}/next-of-kin", () -> new Sample("direccion", "/api/serious-cases/"
                + seriousCase(person.get()) + "/next-of-kin", map("nextOfKin", "Madre", "notifiedAt",
                java.time.Instant.now().toString())));
        s.put("POST /api/serious-cases/{id}/remains", () -> {
            long p = person.get();
            long id = api.post("/api/serious-cases", "oficial", map("kind", "DEATH", "personId", p, "occurredAt",
                    java.time.Instant.now().minusSeconds(600).toString(), "place", "Celda", "circumstances", "Hallado",
                    "foundBy", "Oficial")).json().get("id").asLong();
            return new Sample("direccion", "/api/serious-cases/" + id + "/remains", map("destination",
                    "Medicina Legal", "at", java.time.Instant.now().toString()));
        });
        s.put("POST /api/serious-cases/{id}/cause", () -> new Sample("direccion", "/api/serious-cases/"
                + seriousCase(person.get()) + "/cause", map("cause", "Traumatismo", "establishedBy", "Medicina Legal")));
        s.put("POST /api/serious-cases/{id}/additions", () -> new Sample("direccion", "/api/serious-cases/"
                + seriousCase(person.get()) + "/additions", map("text", "Declaración del testigo")));
        s.put("POST /api/incidents", () -> new Sample("oficial", "/api/incidents", map("facilityCode", "CECOT", "type",
                "FIGHT", "occurredAt", java.time.Instant.now().minusSeconds(3600).toString(), "locationId",
                fx.newCell("CECOT", 4), "description", "Riña", "people", List.of(map("personId", person.get(), "role",
                        "VICTIM")), "staff", List.of("oficial"), "submit", true)));
        s.put("POST /api/incidents/{id}/submit", () -> new Sample("oficial", "/api/incidents/" + incident(person.get())
                + "/submit", map()));
        s.put("POST /api/incidents/{id}/additions", () -> new Sample("oficial", "/api/incidents/"
                + incident(person.get()) + "/additions", map("text", "Testigo")));
        s.put("POST /api/incidents/{id}/review", () -> {
            long id = incident(person.get());
            api.post("/api/incidents/" + id + "/submit", "oficial", map());
            return new Sample("direccion", "/api/incidents/" + id + "/review", map("decision", "CLOSE", "note", "Ok"));
        });
        s.put("POST /api/incidents/{id}/reopen", () -> {
            long id = incident(person.get());
            api.post("/api/incidents/" + id + "/submit", "oficial", map());
            api.post("/api/incidents/" + id + "/review", "direccion", map("decision", "CLOSE"));
            return new Sample("direccion", "/api/incidents/" + id + "/reopen", map("reason", "Nuevo testigo"));
        });
        s.put("POST /api/incidents/{id}/use-of-force", () -> new Sample("oficial", "/api/incidents/"
                + incident(person.get()) + "/use-of-force", map("officers", List.of("oficial"), "reason", "Separar",
                "restraint", true, "restraintPosition", "De pie", "techniques", List.of("HANDCUFFS"), "bodyWornCamera",
                false, "cctv", true, "injuries", List.of(map("personId", person.get(), "description", "Rasguño")))));
        s.put("POST /api/use-of-force/{id}/statements", () -> {
            long id = api.post("/api/incidents/" + incident(person.get()) + "/use-of-force", "oficial", map("officers",
                    List.of("oficial"), "reason", "Separar", "restraint", false, "bodyWornCamera", false, "cctv",
                    false)).json().get("id").asLong();
            return new Sample("oficial", "/api/use-of-force/" + id + "/statements", map("text", "Intervine"));
        });
        return s;
    }

    private String facility;

    long incident(long person) {
        return api.post("/api/incidents", "oficial", map("facilityCode", "CECOT", "type", "FIGHT", "occurredAt",
                java.time.Instant.now().minusSeconds(600).toString(), "description", "Riña", "people",
                List.of(map("personId", person, "role", "VICTIM")))).json().get("id").asLong();
    }

    long seriousCase(long person) {
        return api.post("/api/serious-cases", "oficial", map("kind", "SERIOUS_INJURY", "personId", person,
                "occurredAt", java.time.Instant.now().minusSeconds(600).toString(), "place", "Patio", "circumstances",
                "Caída")).json().get("id").asLong();
    }

    long disciplinaryCharge(long person) {
        return api.post("/api/discipline/charges", "direccion", map("personId", person, "incidentAt",
                java.time.Instant.now().minusSeconds(600).toString(), "offence", "Riña", "particulars", "Pelea"))
                .json().get("id").asLong();
    }

    long placement(long person) {
        return api.post("/api/people/" + person + "/solitary", "direccion", map("basis", "GOOD_ORDER", "authority",
                "Director", "reason", "Amenazas", "days", 3)).json().get("id").asLong();
    }

    long sickCall(long person) {
        return api.post("/api/people/" + person + "/sick-calls", "oficial", map("source", "PERSON", "request",
                "Dolor")).json().get("id").asLong();
    }

    /** Estate changes and emergency caps go to a facility of this test's own, not to the demo's. */
    String ownFacility() {
        if (facility == null) {
            facility = "ZHOSTIL";
            assertThat(api.post("/api/facilities", "admin", map("code", facility, "name", "Centro de pruebas hostiles",
                    "kind", "PENITENTIARY", "jurisdiction", "SV", "declaredCapacity", 100)).status()).isEqualTo(201);
            assertThat(api.post("/api/facilities/" + facility + "/pavilions", "admin", map("code", "HP1", "name",
                    "Pabellón 1", "levels", 1)).status()).isIn(200, 201);
        }
        return facility;
    }

    /** A separation group of this test's own: rivalries between the demo's groups would move everyone else. */
    String group() {
        String code = "H" + System.nanoTime() % 1_000_000;
        assertThat(api.post("/api/housing/groups", "direccion", map("code", code, "name", "Grupo " + code))
                .status()).isIn(200, 201);
        return code;
    }

    static Map<String, Object> commitment() {
        return map("authority", "Juzgado de Paz de Apopa", "documentReference", "OD-1", "legalBasis", "CPP art. 329",
                "arrestedAt", "2026-11-01T10:00:00Z", "arrestPlace", "Apopa");
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private final Map<String, String> tokens = new HashMap<>();

    /** A bearer token per official: a password check per request would make this walk minutes long. */
    String token(String user) {
        return tokens.computeIfAbsent(user, u -> api.post("/api/tokens", u, map("name", "hostile-input",
                "expiresAt", Instant.now().plus(1, ChronoUnit.DAYS).toString())).json().get("token").asString());
    }

    /** Each POST/PUT with a JSON body in the OpenAPI description, as "METHOD path". */
    List<String> endpoints() {
        JsonNode docs = api.get("/v3/api-docs", "inspector").json();
        List<String> out = new ArrayList<>();
        docs.get("paths").properties().forEach(p -> p.getValue().properties().forEach(op -> {
            String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
            JsonNode body = op.getValue().get("requestBody");
            if ((method.equals("POST") || method.equals("PUT")) && body != null
                    && body.path("content").has("application/json")) {
                out.add(method + " " + p.getKey());
            }
        }));
        return out;
    }

    @Test
    void everyBodyEndpointHasASample() {
        List<String> missing = new ArrayList<>(endpoints());
        missing.removeAll(samples().keySet());
        // the batch endpoint takes CSV or JSON as a stream and has its own limits test (IntakeLimitsTest)
        missing.remove("POST /api/intake/batches");
        assertThat(missing).as("endpoints without a hostile-input sample").isEmpty();
    }

    @Test
    void noHostileValueGivesA5xxAndNoRefusalChangesAnything() {
        Map<String, Supplier<Sample>> samples = samples();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (String endpoint : new TreeSet<>(endpoints())) {
            Supplier<Sample> make = samples.get(endpoint);
            if (make == null) {
                continue;
            }
            Sample sample = make.get();
            String token = token(sample.user());
            // the records as a refusal left them: nothing else runs before the next request, so they are its
            // "before" (reading them is most of this test's time, and every request but the accepted reads it once)
            String unchanged = null;
            for (Map.Entry<String, Object> mutation : mutations(sample.body()).entrySet()) {
                String before = unchanged != null ? unchanged : state();
                Api.Response r = endpoint.startsWith("PUT ")
                        ? api.putWithToken(sample.path(), token, mutation.getValue())
                        : api.postWithToken(sample.path(), token, mutation.getValue());
                requests++;
                String after = r.status() >= 400 && r.status() < 500 ? state() : null;
                unchanged = before.equals(after) ? after : null;
                if (r.status() >= 500) {
                    failures.add(endpoint + " " + mutation.getKey() + " -> " + r.status() + " " + r.body());
                } else if (after != null && !after.equals(before)) {
                    failures.add(endpoint + " " + mutation.getKey() + " -> " + r.status() + " but changed records");
                } else if (r.status() >= 400 && (r.body().contains("Exception") || r.body().contains("java."))) {
                    // a Java exception named in the answer (a field may be called "exceptions")
                    failures.add(endpoint + " " + mutation.getKey() + " -> an exception in the answer");
                }
            }
        }
        assertThat(requests).isGreaterThan(500);
        assertThat(failures).isEmpty();
    }

    /** The sample's body with one field (top level, or inside a nested object or the first list element) replaced. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mutations(Object body) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("no body", null);
        out.put("wrong shape", "x");
        if (body instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof Map<?, ?> first) {
            mutations(first).forEach((k, v) -> {
                List<Object> copy = new ArrayList<>(list);
                copy.set(0, v);
                out.put("[0]." + k, copy);
            });
            return out;
        }
        if (!(body instanceof Map<?, ?> map)) {
            return out;
        }
        for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
            for (Object hostile : hostileFor(e.getValue())) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
                copy.put(e.getKey(), hostile);
                out.put(e.getKey() + "=" + label(hostile), copy);
            }
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
            copy.put(e.getKey(), null);
            out.put(e.getKey() + "=null", copy);
            if (e.getValue() instanceof Map<?, ?> nested) {
                mutations(nested).forEach((k, v) -> {
                    Map<String, Object> c = new LinkedHashMap<>((Map<String, Object>) map);
                    c.put(e.getKey(), v);
                    out.put(e.getKey() + "." + k, c);
                });
            }
            if (e.getValue() instanceof List<?> l && !l.isEmpty() && l.getFirst() instanceof Map<?, ?> element) {
                mutations(element).forEach((k, v) -> {
                    Map<String, Object> c = new LinkedHashMap<>((Map<String, Object>) map);
                    List<Object> copyList = new ArrayList<>(l);
                    copyList.set(0, v);
                    c.put(e.getKey(), copyList);
                    out.put(e.getKey() + "[0]." + k, c);
                });
            }
        }
        return out;
    }

    static List<Object> hostileFor(Object value) {
        if (value instanceof String s && s.matches("[+-]?\\d{4}-\\d\\d-\\d\\d.*")) {
            List<Object> all = new ArrayList<>(HOSTILE_DATE);
            all.addAll(HOSTILE_TEXT);
            return all;
        }
        return switch (value) {
            case String s -> HOSTILE_TEXT;
            case Number n -> HOSTILE_NUMBER;
            case Boolean b -> HOSTILE_BOOLEAN;
            case List<?> l -> HOSTILE_LIST;
            case null, default -> List.of("x", 1);
        };
    }

    static String label(Object v) {
        String s = String.valueOf(v);
        return s.length() > 24 ? s.substring(0, 12) + "…(" + s.length() + ")" : s;
    }
}
