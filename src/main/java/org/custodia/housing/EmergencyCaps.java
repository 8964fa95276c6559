package org.custodia.housing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.estate.EstateService;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.Official;
import org.custodia.platform.validation.Moment;
import org.custodia.platform.validation.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emergency caps: COMMAND lets the cells of a facility (or one pavilion) hold up to a percentage of their certified
 * capacity until a stated time, with a reason. Written to the ledger and listed for the inspector; placement and
 * moves use the cap while it lasts and say so.
 */
@Service
public class EmergencyCaps {
    public record NewCap(@Text(max = 100) String facilityCode,
                         Long pavilionId,
                         @Min(0) @Max(1000) Integer percent,
                         @Text(max = 2000, multiline = true) String reason,
                         @Moment(daysBack = 1, daysAhead = 366) Instant expiresAt) {
    }

    public record Cap(long id, String facilityCode, Long pavilionId, int percent, String reason, String authorisedBy,
                      Instant authorisedAt, Instant expiresAt, boolean inForce) {
    }

    static final long MAX_DAYS = 30;

    private final JdbcClient client;
    private final EstateService estate;
    private final LedgerService ledger;
    private final Clock clock;

    EmergencyCaps(JdbcClient client, EstateService estate, LedgerService ledger, Clock clock) {
        this.client = client;
        this.estate = estate;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public Cap authorise(NewCap c, Official official) {
        if (c == null || c.facilityCode() == null) {
            throw new InvalidRequestException("facilityCode", "required");
        }
        estate.requireVisible(c.facilityCode(), official);
        Instant now = clock.instant();
        Map<String, String> e = new LinkedHashMap<>();
        if (c.percent() == null || c.percent() < 101 || c.percent() > 200) {
            e.put("percent", "101-200 (per cent of certified capacity)");
        }
        if (c.reason() == null || c.reason().isBlank() || c.reason().length() > 1000) {
            e.put("reason", "required, at most 1000 characters");
        }
        if (c.expiresAt() == null || !c.expiresAt().isAfter(now)
                || c.expiresAt().isAfter(now.plusSeconds(MAX_DAYS * 86_400))) {
            e.put("expiresAt", "in the future, at most " + MAX_DAYS + " days ahead");
        }
        if (c.pavilionId() != null && client.sql("select count(*) from estate_pavilion where id = ? and facility_code = ?")
                .params(c.pavilionId(), c.facilityCode()).query(Long.class).single() == 0) {
            e.put("pavilionId", "no such pavilion in " + c.facilityCode());
        }
        if (!e.isEmpty()) {
            throw new InvalidRequestException("The emergency cap cannot be authorised; nothing was changed", e);
        }
        long id = client.sql("""
                        insert into emergency_cap (facility_code, pavilion_id, percent, reason, authorised_by,
                                                   authorised_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(c.facilityCode(), c.pavilionId(), c.percent(), c.reason().strip(), official.username(),
                        Timestamp.from(now), Timestamp.from(c.expiresAt()))
                .query(Long.class).single();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("cap", id);
        payload.put("pavilionId", c.pavilionId());
        payload.put("percent", c.percent());
        payload.put("reason", c.reason().strip());
        payload.put("expiresAt", c.expiresAt());
        payload.put("flaggedTo", "INSPECTOR");
        ledger.append(new LedgerEvent(c.facilityCode(), null, "EMERGENCY_CAP_AUTHORISED", payload, Actor.of(official),
                now));
        return list(official).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Cap> list(Official official) {
        Timestamp now = Timestamp.from(clock.instant());
        return client.sql("""
                        select id, facility_code, pavilion_id, percent, reason, authorised_by, authorised_at, expires_at,
                               authorised_at <= ? and expires_at > ?
                          from emergency_cap where ? or facility_code = any(?) order by id desc""")
                .params(now, now, official.national(), official.facilityArray())
                .query((rs, n) -> new Cap(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8).toInstant(), rs.getBoolean(9)))
                .list();
    }
}
