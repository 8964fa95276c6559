package org.custodia.regime;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.custodia.estate.EstateService;
import org.custodia.people.PeopleService;
import org.custodia.platform.LocalDays;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.Page;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The unlock list of a facility for a local day: who leaves which cell, for what, when and to where, built from what
 * is already recorded — hearings (in person at court, or virtual in a hearing room) and work sessions — in the
 * order of the day, optionally for one pavilion. Health appointments join it when the health module records them.
 */
@Service
public class UnlockList {
    public record Entry(long personId, String name, String cellCode, String pavilionCode, Purpose purpose,
                        Instant at, int minutes, String destinationCode) {
    }

    private final JdbcClient client;
    private final EstateService estate;
    private final LocalDays days;

    UnlockList(JdbcClient client, EstateService estate, LocalDays days) {
        this.client = client;
        this.estate = estate;
        this.days = days;
    }

    @Transactional(readOnly = true)
    public Page<Entry> of(String facility, LocalDate date, String pavilion, int page, int size, Official official) {
        estate.requireVisible(facility, official);
        LocalDate day = date == null ? days.today() : date;
        Timestamp from = Timestamp.from(days.startOf(day));
        Timestamp to = Timestamp.from(days.startOf(day.plusDays(1)));
        // hearings (at court in person, or virtual in a hearing room), work sessions and health appointments (the
        // health module publishes only who and when), in the order of the day
        String union = """
                select h.person_id, h.scheduled_at as at, h.duration_minutes as minutes,
                       case when h.mode = 'IN_PERSON' then 'COURT' else 'HEARING' end as purpose,
                       h.hearing_room_id as destination
                  from legal_hearing h where h.scheduled_at >= ? and h.scheduled_at < ? and h.outcome is null
                union all
                select w.person_id, w.starts_at, (extract(epoch from w.ends_at - w.starts_at) / 60)::int, 'WORK',
                       w.location_id
                  from work_session_person w where w.facility_code = ? and w.starts_at >= ? and w.starts_at < ?
                union all
                select a.person_id, a.at, 30, 'MEDICAL', null
                  from health_appointment a where a.facility_code = ? and a.at >= ? and a.at < ?""";
        String where = " from (" + union + """
                ) u join people_in_custody b on b.person_id = u.person_id
                  join estate_place c on c.id = b.location_id
                  left join estate_place r on r.id = u.destination
                 where b.facility_code = ? and (cast(? as text) is null or c.pavilion_code = ?)""";
        Object[] params = {from, to, facility, from, to, facility, from, to, facility, pavilion, pavilion};
        long total = client.sql("select count(*)" + where).params(params).query(Long.class).single();
        List<Object> paged = new java.util.ArrayList<>(java.util.Arrays.asList(params));
        paged.add(size);
        paged.add(Page.offset(page, size));
        List<Entry> items = client.sql("""
                        select b.person_id, b.given_names, b.first_surname, b.second_surname, c.code, c.pavilion_code,
                               u.purpose, u.at, u.minutes, r.code""" + where
                        + " order by u.at, c.code, b.person_id limit ? offset ?")
                .params(paged)
                .query((rs, n) -> new Entry(rs.getLong(1), PeopleService.fullName(rs.getString(2), rs.getString(3),
                        rs.getString(4)), rs.getString(5), rs.getString(6), Purpose.valueOf(rs.getString(7)),
                        rs.getTimestamp(8).toInstant(), rs.getInt(9), rs.getString(10)))
                .list();
        return new Page<>(items, page, size, total);
    }
}
