package org.custodia.housing;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.custodia.housing.AffiliationService.Group;
import org.custodia.housing.AffiliationService.Rivalry;
import org.custodia.ledger.Actor;
import org.custodia.ledger.LedgerEvent;
import org.custodia.ledger.LedgerService;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.Official;
import org.custodia.platform.validation.Text;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The groups separation knows and which pairs may never share a cell or a pavilion. Command sets them; each change
 * is written to the national chain of the ledger with its reason, and the answer says where the estate already
 * holds both groups together, so the separation can be planned. Nobody is moved by a change of policy.
 */
@Service
public class GroupService {
    public record NewGroup(@Text(max = 100) String code, @Text(max = 200) String name) {
    }

    public record RivalryChange(@Text(max = 100) String groupA,
                                @Text(max = 100) String groupB,
                                @Text(max = 100) String level,
                                @Text(max = 2000, multiline = true) String reason) {
    }

    /** The rivalry now in force (null once ended), the level before, and where both groups are held together. */
    public record RivalryOutcome(Rivalry rivalry, String previousLevel, int cellsHoldingBoth,
                                 int pavilionsHoldingBoth) {
    }

    static final Set<String> LEVELS = Set.of("CELL", "PAVILION", "NONE");
    private static final long RIVALRY_LOCK = 0x52495641L;
    /** Placement and rebalancing give each group one bit of a long. */
    static final int MAX_GROUPS = 64;

    private final JdbcClient client;
    private final AffiliationService affiliations;
    private final LedgerService ledger;
    private final java.time.Clock clock;

    GroupService(JdbcClient client, AffiliationService affiliations, LedgerService ledger, java.time.Clock clock) {
        this.client = client;
        this.affiliations = affiliations;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Transactional
    public Group define(NewGroup g, Official official) {
        Map<String, String> e = new LinkedHashMap<>();
        if (g == null || g.code() == null || !g.code().matches("[A-Z0-9-]{2,30}")) {
            e.put("code", "2 to 30 capital letters, digits or hyphens");
        }
        if (g == null || g.name() == null || g.name().isBlank() || g.name().length() > 200
                || g.name().chars().anyMatch(ch -> ch < 0x20)) {
            e.put("name", "required, at most 200 characters");
        }
        if (!e.isEmpty()) {
            throw new InvalidRequestException("The group cannot be defined; nothing was changed", e);
        }
        client.sql("select pg_advisory_xact_lock(?)").param(RIVALRY_LOCK).query().listOfRows();
        if (client.sql("select count(*) from housing_group").query(Long.class).single() >= MAX_GROUPS) {
            throw new ConflictException("Separation keeps at most " + MAX_GROUPS + " groups apart (one bit each in "
                    + "placement and rebalancing); nothing was changed");
        }
        int added = client.sql("insert into housing_group (code, name) values (?, ?) on conflict do nothing")
                .params(g.code(), g.name().strip()).update();
        if (added == 0) {
            throw new ConflictException(ErrorCode.ALREADY_EXISTS, "Group " + g.code() + " already exists");
        }
        ledger.append(new LedgerEvent(LedgerEvent.NATIONAL, null, "HOUSING_GROUP_DEFINED",
                Map.of("code", g.code(), "name", g.name().strip()), Actor.of(official), clock.instant()));
        return new Group(g.code(), g.name().strip());
    }

    /** Sets the level at which two groups are kept apart (CELL, PAVILION) or ends the rivalry (NONE). */
    @Transactional
    public RivalryOutcome setRivalry(RivalryChange c, Official official) {
        validate(c);
        // the pair in canonical order, as the table keeps it
        String a = c.groupA().compareTo(c.groupB()) < 0 ? c.groupA() : c.groupB();
        String b = a.equals(c.groupA()) ? c.groupB() : c.groupA();
        client.sql("select pg_advisory_xact_lock(?)").param(RIVALRY_LOCK).query().listOfRows();
        String previous = client.sql("select level from group_rivalry where group_a = ? and group_b = ?")
                .params(a, b).query(String.class).optional().orElse("NONE");
        if (previous.equals(c.level())) {
            throw new ConflictException(ErrorCode.ALREADY_EXISTS,
                    c.level().equals("NONE") ? "There is no rivalry between " + a + " and " + b
                    : a + " and " + b + " are already kept apart by " + c.level().toLowerCase());
        }
        if (c.level().equals("NONE")) {
            client.sql("delete from group_rivalry where group_a = ? and group_b = ?").params(a, b).update();
        } else {
            client.sql("""
                            insert into group_rivalry (group_a, group_b, level) values (?, ?, ?)
                            on conflict (group_a, group_b) do update set level = excluded.level""")
                    .params(a, b, c.level()).update();
        }
        Instant now = clock.instant();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("groupA", a);
        payload.put("groupB", b);
        payload.put("level", c.level());
        payload.put("previousLevel", previous);
        payload.put("reason", c.reason().strip());
        ledger.append(new LedgerEvent(LedgerEvent.NATIONAL, null,
                c.level().equals("NONE") ? "GROUP_RIVALRY_ENDED" : "GROUP_RIVALRY_SET", payload, Actor.of(official),
                now));
        int[] together = together(a, b);
        return new RivalryOutcome(c.level().equals("NONE") ? null : new Rivalry(a, b, c.level()), previous,
                together[0], together[1]);
    }

    private void validate(RivalryChange c) {
        Map<String, String> e = new LinkedHashMap<>();
        Set<String> known = affiliations.groups().stream().map(Group::code)
                .collect(java.util.stream.Collectors.toSet());
        if (c == null || c.groupA() == null || !known.contains(c.groupA())) {
            e.put("groupA", "one of " + known.stream().sorted().toList());
        }
        if (c == null || c.groupB() == null || !known.contains(c.groupB())) {
            e.put("groupB", "one of " + known.stream().sorted().toList());
        } else if (c.groupB().equals(c.groupA())) {
            e.put("groupB", "a group is not kept apart from itself");
        }
        if (c == null || c.level() == null || !LEVELS.contains(c.level())) {
            e.put("level", "CELL, PAVILION or NONE (ends the rivalry)");
        }
        if (c == null || c.reason() == null || c.reason().isBlank() || c.reason().length() > 1000) {
            e.put("reason", "required, at most 1000 characters");
        }
        if (!e.isEmpty()) {
            throw new InvalidRequestException("The rivalry cannot be changed; nothing was changed", e);
        }
    }

    /** Cells and pavilions that now hold people with open or disputed claims to both groups. */
    private int[] together(String a, String b) {
        return client.sql("""
                        with held as (
                            select distinct b.location_id, l.pavilion_id, c.group_code
                              from people_in_custody b join estate_place l on l.id = b.location_id
                              join affiliation_claim c on c.person_id = b.person_id
                             where c.group_code in (?, ?)
                               and not exists (select 1 from affiliation_claim_event e
                                                where e.claim_id = c.id and e.status = 'CLOSED'))
                        select (select count(*) from (select location_id from held group by location_id
                                                      having count(distinct group_code) = 2) x),
                               (select count(*) from (select pavilion_id from held where pavilion_id is not null
                                                      group by pavilion_id having count(distinct group_code) = 2) y)""")
                .params(a, b).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).single();
    }
}
