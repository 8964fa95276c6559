package org.custodia.bench;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.custodia.CustodiaApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts and the roll on the national demo (the mega-prison: 40,000 people in 576 cells), through HTTP with bearer
 * tokens: 16 officers submit every place of an emergency count at once (submissions/s; none lost, ledger valid),
 * the reconciliation after the last cell (latency), the national and the mega-prison's roll (latency), and
 * movements out of cell and back by 16 officers at once in the one facility (movements/s: each takes the
 * facility's ledger head lock).
 * Run: {@code bench/run.sh org.custodia.bench.CountBenchmark [repetitions]}.
 */
public final class CountBenchmark {
    private static final String PASSWORD = BenchHttp.PASSWORD;
    private static final JsonMapper JSON = BenchHttp.JSON;
    private static final int OFFICERS = 16;

    private final BenchHttp http;

    private CountBenchmark(String base) {
        this.http = new BenchHttp(base);
    }

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CustodiaApplication.class)
                .run("--custodia.data-dir=target/bench-counts", "--server.port=0",
                        "--custodia.db.embedded.clean=true", "--custodia.demo.background=false",
                        "--custodia.demo.mega-population=40000", "--custodia.demo.other-facility-scale=9.4",
                        "--custodia.demo.password=" + PASSWORD, "--custodia.admin-password=" + PASSWORD,
                        "--logging.level.root=warn");
        try {
            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            new CountBenchmark("http://localhost:" + port).run(ctx.getBean(JdbcClient.class), reps);
        } finally {
            ctx.close();
        }
    }

    private void run(JdbcClient db, int reps) throws Exception {
        String admin = BenchHttp.basic("admin");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < OFFICERS; i++) {
            String user = "bench-oficial-" + i;
            http.send("POST", "/api/accounts", admin, "{\"username\":\"" + user + "\",\"displayName\":\"Oficial " + i
                    + "\",\"password\":\"" + PASSWORD + "\",\"roles\":[\"OFFICER\"],\"national\":true,"
                    + "\"facilities\":[],\"service\":false}", 201);
            tokens.add(http.token(BenchHttp.basic(user)));
        }
        String command = http.token(BenchHttp.basic("direccion"));
        String inspector = http.token(BenchHttp.basic("inspector"));
        long people = db.sql("select count(*) from booking where released_at is null and facility_code = 'CECOT'")
                .query(Long.class).single();
        List<long[]> places = db.sql("""
                        select l.id, l.population from location l
                         where l.facility_code = 'CECOT' and l.kind in ('CELL','PUNISHMENT','RECEPTION') order by l.id""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
        System.out.printf(Locale.ROOT, "CECOT: %d people, %d places to count; %d officers at once%n", people,
                places.size(), OFFICERS);

        // warm-up: a whole count, signed off
        http.send("POST", "/api/counts/" + count(command, tokens, places) + "/sign-off", command, null, 200);
        long ledgerBefore = db.sql("select count(*) from ledger_entry").query(Long.class).single();
        long t0 = System.nanoTime();
        long id = count(command, tokens, places);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long submitted = db.sql("select count(*) from count_submission where count_id = ?").param(id)
                .query(Long.class).single();
        long entries = db.sql("select count(*) from ledger_entry").query(Long.class).single() - ledgerBefore;
        System.out.printf(Locale.ROOT, "count of %d places by %d officers: %.2f s = %.0f submissions/s; "
                + "recorded %d, ledger entries +%d%n", places.size(), OFFICERS, seconds, places.size() / seconds,
                submitted, entries);

        double[] reconcile = BenchHttp.timed(reps, () -> http.send("GET", "/api/counts/" + id, command, null, 200));
        JsonNode summary = JSON.readTree(http.send("GET", "/api/counts/" + id, command, null, 200)).get("summary");
        System.out.printf(Locale.ROOT, "reconciliation after the last cell (%s): %s%n", summary, BenchHttp.stats(reconcile));
        http.send("POST", "/api/counts/" + id + "/sign-off", command, null, 200);

        System.out.printf(Locale.ROOT, "national roll: %s%n", BenchHttp.stats(BenchHttp.timed(reps,
                () -> http.send("GET", "/api/roll", inspector, null, 200))));
        System.out.printf(Locale.ROOT, "CECOT roll: %s%n", BenchHttp.stats(BenchHttp.timed(reps,
                () -> http.send("GET", "/api/facilities/CECOT/roll", inspector, null, 200))));

        movements(db, tokens);
        attendance(db, command, tokens.getFirst());
        String verify = http.send("GET", "/api/ledger/verify", inspector, null, 200);
        System.out.printf(Locale.ROOT, "ledger: %s%n", verify.length() > 200 ? verify.substring(0, 200) : verify);
    }

    /** Opens an emergency count of CECOT, submits every place as expected from 16 threads, returns its id. */
    private long count(String command, List<String> tokens, List<long[]> places) throws Exception {
        long id = JSON.readTree(http.send("POST", "/api/counts", command,
                "{\"facilityCode\":\"CECOT\",\"kind\":\"EMERGENCY\",\"reason\":\"Prueba de rendimiento\"}", 201))
                .get("id").asLong();
        AtomicInteger next = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(OFFICERS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < OFFICERS; t++) {
                String token = tokens.get(t);
                done.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < places.size()) {
                        long[] p = places.get(i);
                        try {
                            http.send("POST", "/api/counts/" + id + "/cells/" + p[0], token,
                                    "{\"counted\":" + p[1] + "}", 200);
                        } catch (Exception e) {
                            failures.add(e.getMessage());
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " submissions failed: " + failures.peek());
        }
        return id;
    }

    /**
     * 16 officers each take people to a yard and back, one at a time, in the one facility, to the facility's yards in
     * turn (one yard's movements wait for each other: who is there is checked under the yard's lock).
     */
    private void movements(JdbcClient db, List<String> tokens) throws Exception {
        List<Long> yards = db.sql("select id from location where facility_code = 'CECOT' and kind = 'EXERCISE_YARD' "
                + "order by id").query(Long.class).list();
        if (yards.isEmpty()) {
            System.out.println("movements: no exercise yard in the demo's CECOT; skipped");
            return;
        }
        // people without groups, so that no two of them clash in the yard
        List<Long> people = db.sql("""
                        select b.person_id from booking b where b.facility_code = 'CECOT' and b.released_at is null
                           and not exists (select 1 from affiliation_claim c where c.person_id = b.person_id)
                         order by b.person_id limit 800""")
                .query(Long.class).list();
        String due = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(OFFICERS)) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < OFFICERS; t++) {
                String token = tokens.get(t);
                done.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < people.size()) {
                        String m = http.send("POST", "/api/movements", token, "{\"personIds\":[" + people.get(i)
                                + "],\"destinationId\":" + yards.get(i % yards.size()) + ",\"purpose\":\"EXERCISE\",\"escort\":\"Agente\","
                                + "\"dueBackAt\":\"" + due + "\"}", 201);
                        http.send("POST", "/api/movements/" + JSON.readTree(m).get("id").asLong() + "/return", token,
                                null, 200);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "movements out and back in CECOT by %d officers: %d people in %.2f s = "
                + "%.0f movements/s (each out and each return a ledger entry)%n", OFFICERS, people.size(), seconds,
                2 * people.size() / seconds);
    }

    /**
     * The mega-prison's whole population at work: a workshop per pavilion (people of one pavilion share their
     * groups, so none clash), allocated in one call each, a session today, and the day's attendance for all of them
     * in one request (default ATTENDED, 1 % exceptions).
     */
    private void attendance(JdbcClient db, String command, String officer) throws Exception {
        long place = db.sql("select id from location where facility_code = 'CECOT' and kind = 'WORKSHOP' "
                + "order by id limit 1").query(Long.class).single();
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("America/El_Salvador"));
        // Monday to Saturday, as the demo's workshops (some of these people work in them: Sunday stays their rest day)
        if (today.getDayOfWeek() == java.time.DayOfWeek.SUNDAY) {
            System.out.println("work: a Sunday, no sessions; skipped");
            return;
        }
        String weekdays = "1,2,3,4,5,6";
        List<Long> pavilions = db.sql("select id from pavilion where facility_code = 'CECOT' and code ~ '^M[1-8]$' "
                + "order by code").query(Long.class).list();
        List<Long> exceptions = new ArrayList<>();
        long t0 = System.nanoTime();
        int allocated = 0;
        for (long pavilion : pavilions) {
            List<Long> people = db.sql("""
                            select b.person_id from booking b join location l on l.id = b.location_id
                             where b.released_at is null and l.pavilion_id = ? order by b.person_id limit 5000""")
                    .param(pavilion).query(Long.class).list();
            long w = JSON.readTree(http.send("POST", "/api/workshops", command, "{\"facilityCode\":\"CECOT\","
                    + "\"locationId\":" + place + ",\"name\":\"Taller " + pavilion + "\",\"capacity\":5000,"
                    + "\"starts\":\"08:00\",\"ends\":\"12:00\",\"weekdays\":[" + weekdays + "],\"risk\":\"LOW\","
                    + "\"paid\":true,\"ratePerHour\":0.5}", 201)).get("id").asLong();
            http.send("POST", "/api/workshops/" + w + "/allocations", officer, "{\"personIds\":" + people + "}", 200);
            http.send("POST", "/api/workshops/" + w + "/sessions", command, "{\"from\":\"" + today + "\",\"to\":\""
                    + today + "\"}", 200);
            allocated += people.size();
            for (int i = 0; i < people.size(); i += 100) {
                exceptions.add(people.get(i));
            }
        }
        double allocating = (System.nanoTime() - t0) / 1e9;
        StringBuilder body = new StringBuilder("{\"day\":\"" + today + "\",\"defaultOutcome\":\"ATTENDED\","
                + "\"exceptions\":[");
        for (int i = 0; i < exceptions.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"personId\":").append(exceptions.get(i))
                    .append(",\"outcome\":\"REFUSED\"}");
        }
        body.append("]}");
        long t1 = System.nanoTime();
        String recorded = http.send("POST", "/api/facilities/CECOT/attendance", officer, body.toString(), 200);
        double seconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf(Locale.ROOT, "work: %d people allocated to %d workshops in %.1f s (allocation, sessions); "
                + "a day's attendance in one request: %.2f s (%s)%n", allocated, pavilions.size(), allocating, seconds,
                JSON.readTree(recorded).get("rows"));
    }
}
