package org.custodia.bench;

import org.custodia.CustodiaApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Health figures on the national demo (about 110,000 people; a month of sick calls in every facility): the
 * inspector's national figures, the mega-prison's, and the health staff's overdue sick-call worklist, through HTTP.
 * Run: {@code bench/run.sh org.custodia.bench.HealthBenchmark [repetitions]}.
 */
public final class HealthBenchmark {
    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CustodiaApplication.class)
                .run("--custodia.data-dir=target/bench-health", "--server.port=0",
                        "--custodia.db.embedded.clean=true", "--custodia.demo.background=false",
                        "--custodia.demo.mega-population=40000", "--custodia.demo.other-facility-scale=9.4",
                        "--custodia.demo.password=" + BenchHttp.PASSWORD,
                        "--custodia.admin-password=" + BenchHttp.PASSWORD, "--logging.level.root=warn");
        try {
            int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
            BenchHttp http = new BenchHttp("http://localhost:" + port);
            JdbcClient db = ctx.getBean(JdbcClient.class);
            System.out.printf("people held %d, sick calls %d, screenings %d%n",
                    db.sql("select count(*) from booking where released_at is null").query(Long.class).single(),
                    db.sql("select count(*) from sick_call").query(Long.class).single(),
                    db.sql("select count(*) from health_screening").query(Long.class).single());
            String inspector = http.token(BenchHttp.basic("inspector"));
            String health = http.token(BenchHttp.basic("salud"));
            System.out.println("national health figures (inspector): " + BenchHttp.stats(BenchHttp.timed(reps,
                    () -> http.send("GET", "/api/figures/health", inspector, null, 200))));
            System.out.println("mega-prison health figures: " + BenchHttp.stats(BenchHttp.timed(reps,
                    () -> http.send("GET", "/api/figures/health?facility=CECOT", inspector, null, 200))));
            System.out.println("overdue sick-call worklist, first page of 50: " + BenchHttp.stats(BenchHttp.timed(reps,
                    () -> http.send("GET", "/api/worklists/sick-call?facility=CECOT&state=OVERDUE", health, null,
                            200))));
            System.out.println("overdue screening worklist, first page of 50: " + BenchHttp.stats(BenchHttp.timed(
                    reps, () -> http.send("GET", "/api/worklists/screening?facility=CECOT&overdue=true", health,
                            null, 200))));
        } finally {
            ctx.close();
        }
    }
}
