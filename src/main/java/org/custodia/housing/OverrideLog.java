package org.custodia.housing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.custodia.housing.placement.Violation;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.platform.Official;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Housing rules overridden by COMMAND: recorded with the reason, written to the ledger, flagged to the inspector. */
@Service
public class OverrideLog {
    public record Override(long id, String facilityCode, long personId, String action, long locationId, String rules,
                           String reason, String authorisedBy, Instant authorisedAt) {
    }

    private final JdbcClient client;
    private final LedgerService ledger;
    private final Clock clock;

    OverrideLog(JdbcClient client, LedgerService ledger, Clock clock) {
        this.client = client;
        this.ledger = ledger;
        this.clock = clock;
    }

    void record(String facility, MoveService.MoveCheck c, String reason, Official official) {
        Instant now = clock.instant();
        String rules = c.violations().stream().map(Violation::message).collect(Collectors.joining("; "));
        client.sql("""
                        insert into housing_override (facility_code, person_id, action, location_id, rules, reason,
                                                      authorised_by, authorised_at)
                        values (?, ?, 'MOVE', ?, ?, ?, ?, ?)""")
                .params(facility, c.personId(), c.toLocationId(), rules, reason, official.username(),
                        Timestamp.from(now)).update();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("to", c.to());
        payload.put("rules", c.violations().stream().map(v -> v.rule().name()).distinct().toList());
        payload.put("broken", rules);
        payload.put("reason", reason);
        payload.put("flaggedTo", "INSPECTOR");
        ledger.append(new LedgerEvent(facility, c.personId(), "HOUSING_RULE_OVERRIDDEN", payload, Actor.of(official),
                now));
    }

    /** Overrides in the facilities the official sees, newest first: the inspector's list. */
    @Transactional(readOnly = true)
    public List<Override> list(Official official) {
        return client.sql("""
                        select id, facility_code, person_id, action, location_id, rules, reason, authorised_by,
                               authorised_at
                          from housing_override where ? or facility_code = any(?) order by id desc limit 500""")
                .params(official.national(), official.facilityArray())
                .query((rs, n) -> new Override(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getLong(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getTimestamp(9).toInstant()))
                .list();
    }
}
