package org.custodia.oversight;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.custodia.platform.Official;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deaths in custody in the last 365 days per facility and for the service, per 1,000 people: the people held now
 * and those who died (no longer held) are the population the rate is of. With the cases not yet acknowledged by the
 * independent authority and the deaths whose next of kin have not been told. One aggregate query.
 */
@Service
public class DeathFigures {
    /** One facility, or the service ({@code facilityCode} null, for national officials). */
    public record Row(String facilityCode, long held, long deaths, BigDecimal perThousand, long seriousInjuries,
                      long illTreatment, long unacknowledged, long nextOfKinNotTold) {
    }

    private final JdbcClient client;
    private final Clock clock;

    DeathFigures(JdbcClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Row> of(Official official) {
        Timestamp since = Timestamp.from(clock.instant().minus(Duration.ofDays(365)));
        return client.sql("""
                        with held as (
                            select facility_code, count(*) as n from people_in_custody
                             where (? or facility_code = any(?)) group by grouping sets ((facility_code), ())
                        ), cases as (
                            select facility_code,
                                   count(*) filter (where kind = 'DEATH' and occurred_at >= ?) as deaths,
                                   count(*) filter (where kind = 'SERIOUS_INJURY' and occurred_at >= ?) as injuries,
                                   count(*) filter (where kind = 'ILL_TREATMENT' and occurred_at >= ?) as ill,
                                   count(*) filter (where acknowledged_at is null) as unacknowledged,
                                   count(*) filter (where kind = 'DEATH' and next_of_kin_notified_at is null) as untold
                              from serious_case where (? or facility_code = any(?))
                             group by grouping sets ((facility_code), ())
                        )
                        select coalesce(h.facility_code, c.facility_code), coalesce(h.n, 0), coalesce(c.deaths, 0),
                               coalesce(c.injuries, 0), coalesce(c.ill, 0), coalesce(c.unacknowledged, 0),
                               coalesce(c.untold, 0), h.facility_code is null and c.facility_code is null
                          from held h full join cases c on coalesce(c.facility_code, '') = coalesce(h.facility_code, '')
                         order by 1 nulls last""")
                .params(official.national(), official.facilityArray(), since, since, since, official.national(),
                        official.facilityArray())
                .query((rs, i) -> {
                    long held = rs.getLong(2);
                    long deaths = rs.getLong(3);
                    BigDecimal rate = held + deaths == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(deaths * 1000L)
                            .divide(BigDecimal.valueOf(held + deaths), 2, RoundingMode.HALF_UP);
                    return new Row(rs.getString(1), held, deaths, rate, rs.getLong(4), rs.getLong(5), rs.getLong(6),
                            rs.getLong(7));
                })
                .list().stream().filter(r -> r.facilityCode() != null || official.national()).toList();
    }
}
