package org.custodia.regime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodia.estate.EstateService;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.LocalDays;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.validation.Moment;
import org.custodia.platform.validation.RecordCheck;
import org.custodia.platform.validation.Required;
import org.custodia.platform.validation.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Interruptions of the water supply, of a facility or one pavilion: when they began and ended, and why. */
@Service
public class WaterSupply {
    public record NewInterruption(@NotBlank(groups = Required.class, message = "required") @Text(max = 20)
                                  String facilityCode,
                                  Long pavilionId,
                                  @NotNull(groups = Required.class, message = "required") @Moment(daysBack = 2)
                                  Instant startedAt,
                                  @NotBlank(groups = Required.class, message = "required")
                                  @Text(max = 2000, multiline = true) String reason) {
    }

    public record Interruption(long id, String facilityCode, Long pavilionId, Instant startedAt, Instant endedAt,
                               String reason, String recordedBy, String endedBy) {
    }

    private final JdbcClient client;
    private final EstateService estate;
    private final LedgerService ledger;
    private final RecordCheck check;
    private final LocalDays days;
    private final Clock clock;

    WaterSupply(JdbcClient client, EstateService estate, LedgerService ledger, RecordCheck check, LocalDays days,
                Clock clock) {
        this.client = client;
        this.estate = estate;
        this.ledger = ledger;
        this.check = check;
        this.days = days;
        this.clock = clock;
    }

    @Transactional
    public Interruption start(NewInterruption n, Official official) {
        check.require(n, "The interruption was not recorded");
        estate.requireVisible(n.facilityCode(), official);
        if (n.pavilionId() != null && client.sql("select count(*) from estate_pavilion where id = ? and facility_code = ?")
                .params(n.pavilionId(), n.facilityCode()).query(Long.class).single() == 0) {
            throw new InvalidRequestException("pavilionId", "a pavilion of " + n.facilityCode());
        }
        Instant now = clock.instant();
        long id = client.sql("""
                        insert into water_interruption (facility_code, pavilion_id, started_at, reason, recorded_by)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(n.facilityCode(), n.pavilionId(), Timestamp.from(n.startedAt()), n.reason().strip(),
                        official.username())
                .query(Long.class).single();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("interruption", id);
        payload.put("startedAt", n.startedAt().toString());
        if (n.pavilionId() != null) {
            payload.put("pavilion", n.pavilionId());
        }
        payload.put("reason", n.reason().strip());
        ledger.append(new LedgerEvent(n.facilityCode(), null, "WATER_SUPPLY_INTERRUPTED", payload,
                Actor.of(official), now));
        return find(id, official);
    }

    @Transactional
    public Interruption end(long id, Official official) {
        Interruption i = find(id, official);
        Instant now = clock.instant();
        int ended = client.sql("update water_interruption set ended_at = ?, ended_by = ? where id = ? "
                        + "and ended_at is null and started_at <= ?")
                .params(Timestamp.from(now), official.username(), id, Timestamp.from(now)).update();
        if (ended == 0) {
            throw new ConflictException(ErrorCode.ALREADY_DONE, "Interruption " + id + " has already ended");
        }
        ledger.append(new LedgerEvent(i.facilityCode(), null, "WATER_SUPPLY_RESTORED", Map.of("interruption", id),
                Actor.of(official), now));
        return find(id, official);
    }

    /** The interruptions of a facility that overlap a local day (at most 200). */
    @Transactional(readOnly = true)
    public List<Interruption> of(String facility, LocalDate day, Official official) {
        estate.requireVisible(facility, official);
        LocalDate d = day == null ? days.today() : day;
        return client.sql(SELECT + " where facility_code = ? and started_at < ? and coalesce(ended_at, ?) >= ? "
                        + "order by started_at limit 200")
                .params(facility, Timestamp.from(days.startOf(d.plusDays(1))), Timestamp.from(clock.instant()),
                        Timestamp.from(days.startOf(d)))
                .query(WaterSupply::row).list();
    }

    private Interruption find(long id, Official official) {
        return client.sql(SELECT + " where id = ?").param(id).query(WaterSupply::row).optional()
                .filter(i -> official.sees(i.facilityCode()))
                .orElseThrow(() -> new NotFoundException("No interruption " + id));
    }

    private static final String SELECT = "select id, facility_code, pavilion_id, started_at, ended_at, reason, "
            + "recorded_by, ended_by from water_interruption";

    private static Interruption row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp ended = rs.getTimestamp(5);
        return new Interruption(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class),
                rs.getTimestamp(4).toInstant(), ended == null ? null : ended.toInstant(), rs.getString(6),
                rs.getString(7), rs.getString(8));
    }
}
