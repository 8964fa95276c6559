package org.custodia.bench;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.custodia.CustodiaApplication;
import org.custodia.people.PeopleSearch;
import org.custodia.people.SearchHit;
import org.custodia.platform.Official;
import org.custodia.platform.Role;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Search over the national service: about 113,000 people with about 33,000 aliases (demo with the smaller
 * facilities scaled up). Generates misspelled queries for randomly chosen people and measures latency of the
 * search service and whether the intended person is in the top 5.
 * Run: {@code bench/run.sh org.custodia.bench.SearchBenchmark [queries]}.
 */
public final class SearchBenchmark {
    private SearchBenchmark() {
    }

    public static void main(String[] args) {
        int queries = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(CustodiaApplication.class)
                .run("--custodia.data-dir=target/bench-search", "--server.port=0",
                        "--custodia.demo.mega-population=40000", "--custodia.demo.other-facility-scale=9.4",
                        "--custodia.demo.password=bench-password-1", "--custodia.admin-password=bench-password-1",
                        "--logging.level.root=warn");
        try {
            run(ctx, queries);
        } finally {
            ctx.close();
        }
    }

    record Target(long id, String given, String first, String second, String document) {
    }

    static void run(ConfigurableApplicationContext ctx, int queries) {
        JdbcClient db = ctx.getBean(JdbcClient.class);
        PeopleSearch search = ctx.getBean(PeopleSearch.class);
        long people = db.sql("select count(*) from person").query(Long.class).single();
        long aliases = db.sql("select count(*) from person_alias").query(Long.class).single();
        Official national = new Official("bench", "Benchmark", Set.of(Role.INSPECTOR), true, Set.of());
        Random random = new Random(42);
        List<Target> targets = db.sql("""
                        select id, given_names, first_surname, second_surname, id_document from person
                         order by md5(id::text) limit ?""")
                .param(queries + 200)
                .query((rs, n) -> new Target(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .list();
        // warm-up
        for (Target t : targets.subList(queries, targets.size())) {
            search.search(query(t, random), national, 5);
        }
        long[] nanos = new long[queries];
        int top5 = 0;
        int top1 = 0;
        List<String> misses = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
            Target t = targets.get(i);
            String q = query(t, random);
            long t0 = System.nanoTime();
            List<SearchHit> hits = search.search(q, national, 5);
            nanos[i] = System.nanoTime() - t0;
            List<Long> ids = hits.stream().map(SearchHit::personId).toList();
            if (ids.contains(t.id())) {
                top5++;
                if (ids.getFirst() == t.id()) {
                    top1++;
                }
            } else if (misses.size() < 10) {
                misses.add(q + " -> wanted " + t.given() + " " + t.first() + (t.second() == null ? "" : " " + t.second()));
            }
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "people=%d aliases=%d queries=%d%n", people, aliases, queries);
        System.out.printf(Locale.ROOT, "latency ms: p50=%.1f p95=%.1f p99=%.1f max=%.1f%n", ms(nanos, 0.50),
                ms(nanos, 0.95), ms(nanos, 0.99), nanos[nanos.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "intended person in top 5: %.1f%% (top 1: %.1f%%)%n", 100.0 * top5 / queries,
                100.0 * top1 / queries);
        misses.forEach(m -> System.out.println("  miss: " + m));
    }

    private static double ms(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    /** A query as a hurried official types it: accents dropped or kept, case random, one or two typos. */
    static String query(Target t, Random r) {
        int kind = r.nextInt(100);
        String q;
        if (kind < 5 && t.document() != null) {
            return t.document();
        } else if (kind < 25) {
            q = t.given().split(" ")[0] + " " + t.first() + (t.second() == null ? "" : " " + t.second());
        } else {
            q = t.given() + " " + t.first() + (t.second() == null ? "" : " " + t.second());
        }
        if (r.nextBoolean()) {
            q = Normalizer.normalize(q, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        }
        q = switch (r.nextInt(3)) {
            case 0 -> q.toLowerCase(Locale.ROOT);
            case 1 -> q.toUpperCase(Locale.ROOT);
            default -> q;
        };
        int typos = 1 + r.nextInt(2);
        for (int k = 0; k < typos; k++) {
            q = typo(q, r);
        }
        return q;
    }

    private static String typo(String q, Random r) {
        int i = 1 + r.nextInt(Math.max(1, q.length() - 2));
        char[] c = q.toCharArray();
        switch (r.nextInt(4)) {
            case 0 -> {
                return q.substring(0, i) + q.substring(i + 1);
            }
            case 1 -> {
                if (i + 1 < c.length) {
                    char x = c[i];
                    c[i] = c[i + 1];
                    c[i + 1] = x;
                }
                return new String(c);
            }
            case 2 -> {
                c[i] = "aeioustrnlz".charAt(r.nextInt(11));
                return new String(c);
            }
            default -> {
                return q.substring(0, i) + q.charAt(i) + q.substring(i);
            }
        }
    }
}
