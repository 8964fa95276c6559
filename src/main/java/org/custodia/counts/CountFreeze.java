package org.custodia.counts;

import java.util.Map;
import org.custodia.people.MovementFreeze;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The movement freeze: a movement takes the facility's count lock shared (held to its commit) and is refused while
 * a count is open; opening a count takes it exclusively, so it waits for the movements already under way and no
 * movement slips in while it opens.
 */
@Component
class CountFreeze implements MovementFreeze {
    static final int COUNT_LOCK = 7;

    private final JdbcClient client;

    CountFreeze(JdbcClient client) {
        this.client = client;
    }

    @Override
    public void check(String facilityCode) {
        client.sql("select 1 from pg_advisory_xact_lock_shared(?, hashtext(?))").params(COUNT_LOCK, facilityCode)
                .query(Integer.class).single();
        client.sql("select id from count_round where facility_code = ? and signed_off_at is null")
                .param(facilityCode).query(Long.class).optional().ifPresent(id -> {
                    throw new ConflictException(ErrorCode.COUNT_IN_PROGRESS, "Count " + id + " of " + facilityCode
                            + " is open: nobody moves or is admitted there until command signs it off",
                            Map.of("count", id));
                });
    }

    /** Taken by a count as it opens. */
    void lockExclusive(String facilityCode) {
        client.sql("select 1 from pg_advisory_xact_lock(?, hashtext(?))").params(COUNT_LOCK, facilityCode)
                .query(Integer.class).single();
    }
}
