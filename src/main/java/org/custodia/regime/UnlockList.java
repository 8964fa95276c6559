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
 * is already recorded — hearings (in person at court, or virtual in a hearing room) — in the order of the day,
 * optionally for one pavilion. Health appointments and work sessions join it as their modules record them.
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
        if (!official.sees(facility) || !estate.exists(facility)) {
            throw new NotFoundException("No facility " + facility);
        }
        LocalDate day = date == null ? days.today() : date;
        Timestamp from = Timestamp.from(days.startOf(day));
        Timestamp to = Timestamp.from(days.startOf(day.plusDays(1)));
        String where = """
                  from legal_hearing h join people_in_custody b on b.person_id = h.person_id
                  join estate_place c on c.id = b.location_id
                  left join estate_place r on r.id = h.hearing_room_id
                 where b.facility_code = ? and h.scheduled_at >= ? and h.scheduled_at < ? and h.outcome is null
                   and (cast(? as text) is null or c.pavilion_code = ?)""";
        long total = client.sql("select count(*) " + where).params(facility, from, to, pavilion, pavilion)
                .query(Long.class).single();
        List<Entry> items = client.sql("""
                        select b.person_id, b.given_names, b.first_surname, b.second_surname, c.code, c.pavilion_code,
                               h.mode, h.scheduled_at, h.duration_minutes, r.code""" + where
                        + " order by h.scheduled_at, c.code, b.person_id limit ? offset ?")
                .params(facility, from, to, pavilion, pavilion, size, Page.offset(page, size))
                .query((rs, n) -> new Entry(rs.getLong(1), PeopleService.fullName(rs.getString(2), rs.getString(3),
                        rs.getString(4)), rs.getString(5), rs.getString(6),
                        "IN_PERSON".equals(rs.getString(7)) ? Purpose.COURT : Purpose.HEARING,
                        rs.getTimestamp(8).toInstant(), rs.getInt(9), rs.getString(10)))
                .list();
        return new Page<>(items, page, size, total);
    }
}
