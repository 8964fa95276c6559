package org.custodia.regime;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.custodia.platform.LocalDays;
import org.custodia.platform.Official;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * MANDELA-23, at least one hour of exercise in the open air every day: time in an exercise yard per person comes
 * from movements to a yard (out to back, or to now for those still there). Per facility: people held, those with an
 * hour or more today (local day), those with none today, and those with none in the last seven days — shown even
 * where policy allows none.
 */
@Service
public class ExerciseFigures {
    public record Facility(String facilityCode, long held, long anHourToday, long noneToday, long noneInSevenDays) {
    }

    private final JdbcClient client;
    private final LocalDays days;
    private final Clock clock;

    ExerciseFigures(JdbcClient client, LocalDays days, Clock clock) {
        this.client = client;
        this.days = days;
        this.clock = clock;
    }

    /** The figures of the official's facilities (all for national accounts), one aggregate query. */
    @Transactional(readOnly = true)
    public List<Facility> facilities(Official official) {
        Instant now = clock.instant();
        Timestamp today = Timestamp.from(days.startOf(days.today()));
        Timestamp week = Timestamp.from(days.startOf(days.today().minusDays(6)));
        Timestamp at = Timestamp.from(now);
        return client.sql("""
                        with outdoors as (
                            select mp.person_id,
                                   sum(extract(epoch from least(coalesce(mp.returned_at, ?), ?) - greatest(m.left_at, ?)))
                                       filter (where coalesce(mp.returned_at, ?) > ?) as today,
                                   count(*) as week
                              from movement_person mp join movement m on m.id = mp.movement_id
                              join estate_place d on d.id = m.destination_id
                             where d.kind = 'EXERCISE_YARD' and m.left_at < ? and coalesce(mp.returned_at, ?) > ?
                             group by mp.person_id)
                        select b.facility_code, count(*),
                               count(*) filter (where coalesce(o.today, 0) >= 3600),
                               count(*) filter (where coalesce(o.today, 0) = 0),
                               count(*) filter (where o.person_id is null)
                          from people_in_custody b left join outdoors o on o.person_id = b.person_id
                         where ? or b.facility_code = any(?)
                         group by b.facility_code order by b.facility_code""")
                .params(at, at, today, at, today, at, at, week, official.national(), official.facilityArray())
                .query((rs, n) -> new Facility(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5)))
                .list();
    }
}
