package org.custodia.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.custodia.platform.Sha256;
import org.custodia.support.ServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The demo's health care as the inspector reads it: the mega-prison answers sick calls far later than the standard
 * and leaves admissions unscreened, the other facilities come close to it, and what was taken on matches its ledger
 * entry.
 */
class DemoHealthTest extends ServiceTest {
    JsonNode row(String facility) {
        for (JsonNode r : api.get("/api/figures/health", "inspector").json().get("rows")) {
            if (facility.equals(r.get("facilityCode").asString(null))) {
                return r;
            }
        }
        throw new AssertionError("no row for " + facility);
    }

    @Test
    void theMegaPrisonSeesPeopleLaterThanTheStandardAndTheOthersDoNot() {
        JsonNode mega = row("CECOT");
        assertThat(mega.get("seenP90Hours").asDouble()).isGreaterThan(48);
        assertThat(mega.get("overdueTriage").asLong() + mega.get("overdueSeen").asLong()).isPositive();
        assertThat(mega.get("unscreenedOverdue").asLong()).isPositive();
        JsonNode other = row(fx.otherFacility());
        assertThat(other.get("seenP50Hours").asDouble()).isLessThan(mega.get("seenP50Hours").asDouble());
    }

    @Test
    void theSickCallsTakenOnAreTheRowsTheLedgerEntryHashed() {
        String rows = db.sql("""
                        select coalesce(string_agg(id || ':' || person_id || ':' || coalesce(priority, '-') || ':'
                                  || epoch_micros(received_at) || ':' || coalesce(epoch_micros(triaged_at)::text, '-') || ':'
                                  || coalesce(epoch_micros(seen_at)::text, '-'), E'\\n' order by id), '')
                          from sick_call where facility_code = 'CECOT' and received_by = 'sistema'""")
                .query(String.class).single();
        String entry = db.sql("select canonical from ledger_entry where chain = 'CECOT' and event_type = "
                + "'HEALTH_TAKEN_ON'").query(String.class).single();
        assertThat(entry).contains("\"sickCallRowsSha256\":\"" + Sha256.hex(rows) + "\"")
                .doesNotContain("Solicitud de consulta");
    }
}
