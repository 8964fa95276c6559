package org.custodia.legal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodia.people.LegalStatus;
import org.custodia.people.PeopleService;
import org.custodia.platform.Official;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Sentenced people whose earliest release date is today or has passed: nobody is held past it unnoticed. */
@Service
public class ReleaseWatch {
    public record Entry(long personId, String fullName, String bookingNumber, String facilityCode,
                        LocalDate earliestRelease, long daysOverdue) {
    }

    private final PeopleService people;
    private final JdbcClient client;
    private final Clock clock;

    ReleaseWatch(PeopleService people, JdbcClient client, Clock clock) {
        this.people = people;
        this.client = client;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Entry> due(Official official, String facilityCode) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, List<Sentence>> byPerson = new HashMap<>();
        client.sql("""
                        select person_id, id, case_number, court, offence, years, months, days, start_date, mode, follows,
                               remand_credit_days, imposed_on from sentence order by person_id, id""")
                .query((rs, n) -> byPerson.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Sentence(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                new Term(rs.getLong(6), rs.getLong(7), rs.getLong(8)), rs.getDate(9).toLocalDate(),
                                SentenceMode.valueOf(rs.getString(10)), rs.getObject(11, Long.class), rs.getLong(12),
                                rs.getDate(13).toLocalDate())))
                .list();
        List<Entry> out = new ArrayList<>();
        for (LegalStatus status : LegalStatus.values()) {
            for (PeopleService.UntriedCustody h : people.held(official, facilityCode, status)) {
                List<Sentence> s = byPerson.get(h.personId());
                if (s == null) {
                    continue;
                }
                LocalDate release = SentenceCalculator.calculate(s).earliestRelease();
                if (release != null && !release.isAfter(today)) {
                    out.add(new Entry(h.personId(), h.fullName(), h.bookingNumber(), h.facilityCode(), release,
                            ChronoUnit.DAYS.between(release, today)));
                }
            }
        }
        out.sort(Comparator.comparingLong(Entry::daysOverdue).reversed().thenComparingLong(Entry::personId));
        return out;
    }
}
