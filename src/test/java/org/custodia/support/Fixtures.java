package org.custodia.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Builds what tests need through the API, and reads counts straight from PostgreSQL for assertions. */
public final class Fixtures {
    private final Api api;
    private final JdbcClient db;

    public Fixtures(Api api, JdbcClient db) {
        this.api = api;
        this.db = db;
    }

    /**
     * An account with one role, scoped to the given facilities (national when none), opened by the administrator
     * once per test run; its password is the demo password.
     */
    public String account(String username, String role, String... facilities) {
        if (db.sql("select count(*) from account where username = ?").param(username).query(Long.class).single() == 0) {
            Api.Response r = api.post("/api/accounts", "admin", Map.of("username", username, "displayName",
                    "Cuenta de prueba " + username, "password", Api.DEMO_PASSWORD, "roles", List.of(role),
                    "national", facilities.length == 0, "facilities", List.of(facilities)));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        return username;
    }

    /** Another facility than the mega-prison, for scope tests. */
    /** A demo facility other than CECOT, one that receives people (tests add facilities without a reception). */
    public String otherFacility() {
        return db.sql("""
                        select code from facility f
                         where code <> 'CECOT'
                           and exists (select 1 from location l where l.facility_code = f.code and l.kind = 'RECEPTION')
                         order by code limit 1""").query(String.class)
                .single();
    }

    /** Access log lines about a person, refused or not, for before/after comparisons. */
    public long accessLogLines(long personId, boolean refused) {
        return db.sql("select count(*) from access_log where subject_type = 'person' and subject_id = ? "
                + "and refused = ?").params(Long.toString(personId), refused).query(Long.class).single();
    }

    /** A new cell in the facility, added by the administrator; returns its id. */
    public long newCell(String facility, int certifiedCapacity) {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("code", code);
        cell.put("kind", "CELL");
        cell.put("level", 1);
        cell.put("floorAreaM2", 20.0);
        cell.put("certifiedCapacity", certifiedCapacity);
        cell.put("bunks", certifiedCapacity);
        Api.Response r = api.post("/api/facilities/" + facility + "/locations", "admin", List.of(cell));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get(0).get("id").asLong();
    }

    /** A new pavilion in the facility; returns its code. */
    public String newPavilion(String facility) {
        String code = "X" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Api.Response r = api.post("/api/facilities/" + facility + "/pavilions", "admin",
                Map.of("code", code, "name", "Pabellón de prueba " + code, "levels", 1));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return code;
    }

    /** A new cell in a pavilion; returns its id. */
    public long newCell(String facility, int certifiedCapacity, String pavilionCode) {
        Map<String, Object> cell = new LinkedHashMap<>();
        cell.put("pavilionCode", pavilionCode);
        cell.put("code", pavilionCode + "-" + UUID.randomUUID().toString().substring(0, 6));
        cell.put("kind", "CELL");
        cell.put("level", 1);
        cell.put("floorAreaM2", 20.0);
        cell.put("certifiedCapacity", certifiedCapacity);
        cell.put("bunks", certifiedCapacity);
        Api.Response r = api.post("/api/facilities/" + facility + "/locations", "admin", List.of(cell));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get(0).get("id").asLong();
    }

    /** Admits someone with the given legal status; returns the person id. */
    public long admit(String facility, long locationId, String legalStatus) {
        Map<String, Object> a = admission(facility, locationId, "Juan Carlos", "Hernández", "Ramírez");
        a.put("legalStatus", legalStatus);
        Api.Response r = api.post("/api/admissions", "registro", a);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** A facility of its own for a test: a reception and a pavilion of cells, with certified capacity each. */
    public record TestFacility(String code, long reception, String pavilion, List<Long> cells) {
    }

    public TestFacility newFacility(int cells, int capacity) {
        String code = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Api.Response f = api.post("/api/facilities", "admin", Map.of("code", code, "name", "Centro de prueba " + code,
                "kind", "PENITENTIARY", "jurisdiction", "SV", "declaredCapacity", cells * capacity));
        assertThat(f.status()).as(f.body()).isEqualTo(201);
        String pavilion = newPavilion(code);
        List<Map<String, Object>> places = new java.util.ArrayList<>();
        places.add(Map.of("code", "REC", "kind", "RECEPTION"));
        for (int i = 1; i <= cells; i++) {
            places.add(Map.of("pavilionCode", pavilion, "code", pavilion + "-" + i, "kind", "CELL", "level", 1,
                    "floorAreaM2", 20.0, "certifiedCapacity", capacity, "bunks", capacity));
        }
        Api.Response r = api.post("/api/facilities/" + code + "/locations", "admin", places);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        List<Long> ids = new java.util.ArrayList<>();
        r.json().forEach(l -> ids.add(l.get("id").asLong()));
        return new TestFacility(code, ids.getFirst(), pavilion, List.copyOf(ids.subList(1, ids.size())));
    }

    /** A place of a kind (a yard, a workshop, a medical unit) in the facility; returns its id. */
    public long newPlace(String facility, String kind) {
        String code = kind.substring(0, 3) + "-" + UUID.randomUUID().toString().substring(0, 6);
        Api.Response r = api.post("/api/facilities/" + facility + "/locations", "admin",
                List.of(Map.of("code", code, "kind", kind)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get(0).get("id").asLong();
    }

    /** Admits someone by a records account of the given user (scoped where the test needs); returns the person id. */
    public long admitAs(String user, String facility, long locationId) {
        Api.Response r = api.post("/api/admissions", user, admission(facility, locationId, "José Luis", "Peña",
                "Ávalos"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** Records an affiliation claim on evidence. */
    public void claim(long personId, String group) {
        Api.Response r = api.post("/api/people/" + personId + "/affiliations", "oficial", Map.of("group", group,
                "source", "OBSERVED_MARKS", "evidenceRef", "Fotografía de tatuajes", "confidence", "HIGH",
                "claimedOn", "2026-11-01"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    public static Map<String, Object> admission(String facility, long locationId, String given, String first,
                                                String second) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("givenNames", given);
        a.put("firstSurname", first);
        a.put("secondSurname", second);
        a.put("aliases", List.of("El Chele"));
        a.put("dateOfBirth", "1990-05-17");
        a.put("sex", "MALE");
        a.put("nationality", "SLV");
        a.put("idDocument", "01234567-8");
        a.put("legalStatus", "UNTRIED");
        a.put("commitment", Map.of("authority", "Juzgado Especializado de Instrucción A, San Salvador",
                "documentReference", "EXP-2026-" + UUID.randomUUID().toString().substring(0, 6),
                "legalBasis", "Código Procesal Penal art. 329", "arrestedAt", "2026-11-20T14:30:00Z",
                "arrestPlace", "Soyapango, San Salvador"));
        a.put("facilityCode", facility);
        a.put("locationId", locationId);
        return a;
    }

    public JsonNode admit(String facility, long locationId) {
        Api.Response r = api.post("/api/admissions", "registro",
                admission(facility, locationId, "José Ángel", "Núñez", "Peña"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    public long ledgerEntries() {
        return db.sql("select count(*) from ledger_entry").query(Long.class).single();
    }

    public long ledgerEntries(String type) {
        return db.sql("select count(*) from ledger_entry where event_type = ?").param(type).query(Long.class).single();
    }

    public long people() {
        return db.sql("select count(*) from person").query(Long.class).single();
    }

    public long bookings() {
        return db.sql("select count(*) from booking").query(Long.class).single();
    }

    public int population(long locationId) {
        return db.sql("select population from location where id = ?").param(locationId).query(Integer.class).single();
    }
}
