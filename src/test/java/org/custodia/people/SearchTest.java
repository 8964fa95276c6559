package org.custodia.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodia.support.Api;
import org.custodia.support.Fixtures;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One search box: names, aliases, documents, booking numbers; accents, case and typos forgiven; scope kept. */
class SearchTest extends ServiceTest {

    List<Long> ids(String user, String q) {
        Api.Response r = api.get("/api/people/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8), user);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().values().stream().map(n -> n.get("personId").asLong()).toList();
    }

    @Test
    void findsByMisspelledNameAliasDocumentAndBookingNumber() {
        long cell = fx.newCell("CECOT", 5);
        Map<String, Object> a = new HashMap<>(Fixtures.admission("CECOT", cell, "Wenceslao Ángel", "Ibáñez", "Zúñiga"));
        a.put("aliases", List.of("El Güérito"));
        a.put("idDocument", "04567891-2");
        JsonNode p = api.post("/api/people", "registro", a).json();
        long id = p.get("id").asLong();
        String booking = p.get("current").get("bookingNumber").asString();

        assertThat(ids("registro", "Wenceslao Angel Ibanez Zuniga")).first().isEqualTo(id);
        assertThat(ids("registro", "wenseslao ibañes zuñiga").subList(0, 1)).contains(id);
        assertThat(ids("registro", "IBANES ZUNIGA")).contains(id);
        assertThat(ids("registro", "guerito")).contains(id);
        assertThat(ids("registro", "04567891-2")).first().isEqualTo(id);
        assertThat(ids("registro", booking)).first().isEqualTo(id);
        JsonNode hit = api.get("/api/people/search?q=" + booking, "registro").json().get(0);
        assertThat(hit.get("matchedKind").asString()).isEqualTo("BOOKING");
        assertThat(hit.get("fullName").asString()).isEqualTo("Wenceslao Ángel Ibáñez Zúñiga");
    }

    @Test
    void theWordsOfANewNameAreLearntAtAdmissionAndFindTheNameMisspelledInEveryWord() {
        String words = "select count(*) from search_word where word in ('xochitl', 'itzel', 'quetzalcoatl', 'tlalpan')";
        long before = db.sql(words).query(Long.class).single();
        long cell = fx.newCell("CECOT", 5);
        long id = api.post("/api/people", "registro",
                Fixtures.admission("CECOT", cell, "Xóchitl Itzel", "Quetzalcóatl", "Tlalpan")).json().get("id").asLong();

        assertThat(before).isZero();
        assertThat(db.sql(words).query(Long.class).single()).isEqualTo(4);
        assertThat(ids("registro", "xochilt itzell quetzalcoatel tlalapn")).first().isEqualTo(id);
    }

    @Test
    void peopleOutsideTheOfficialsFacilitiesAreNotFound() {
        Map<String, Object> someone = db.sql("""
                        select p.id, p.given_names || ' ' || p.first_surname || coalesce(' ' || p.second_surname, '') as name
                          from person p join booking b on b.person_id = p.id
                         where b.facility_code = 'LAESPERANZA' order by p.id limit 1""").query().singleRow();
        long id = ((Number) someone.get("id")).longValue();
        String name = (String) someone.get("name");
        assertThat(ids("direccion", name)).contains(id);
        assertThat(ids("oficial", name)).doesNotContain(id);
    }

    /** GET /api/people/search and the search page: what is refused, and what is only text. */
    @Nested
    class BadQueries {
        @Test
        void aQueryTooShortIsAProblem() {
            Api.Response tooShort = api.get("/api/people/search?q=ab", "registro");
            assertThat(tooShort.status()).isEqualTo(400);
            assertThat(tooShort.contentType()).contains("application/problem+json");
        }

        @Test
        void noQueryIsRefused() {
            assertThat(api.get("/api/people/search", "registro").status()).isEqualTo(400);
        }

        @Test
        void sqlInAQueryIsOnlyText() {
            long people = db.sql("select count(*) from person").query(Long.class).single();
            assertThat(ids("registro", "'; drop table person; --")).isNotNull();
            assertThat(db.sql("select count(*) from person").query(Long.class).single()).isGreaterThanOrEqualTo(people);
        }

        @Test
        void markupInAQueryIsEscapedOnThePage() {
            Api.Response page = api.get("/search?q=" + URLEncoder.encode("<script>alert(1)</script>",
                    StandardCharsets.UTF_8), "registro");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).doesNotContain("<script>alert(1)</script>").contains("&lt;script&gt;");
        }
    }
}
