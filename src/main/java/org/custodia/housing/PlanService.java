package org.custodia.housing;

import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodia.accounts.AccessLog;
import org.custodia.accounts.AccountService;
import org.custodia.estate.EstateService;
import org.custodia.housing.MoveService.MoveRequest;
import org.custodia.housing.placement.HousingData;
import org.custodia.housing.placement.HousingState;
import org.custodia.housing.placement.PlacementEngine.PlannedMove;
import org.custodia.housing.placement.PlacementEngine.Unplaced;
import org.custodia.housing.placement.PlacementEngine;
import org.custodia.housing.placement.Reason;
import org.custodia.platform.ConflictException;
import org.custodia.platform.ErrorCode;
import org.custodia.platform.InvalidRequestException;
import org.custodia.platform.NotFoundException;
import org.custodia.platform.Official;
import org.custodia.platform.validation.Text;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Placement plans: who to house (named people, everyone in reception, or everyone in a pavilion to be emptied),
 * proposed by the {@link PlacementEngine}, kept for review, and applied only when an official approves it; applying
 * re-checks every move under lock, so a plan that the estate has outrun is refused, not half applied.
 */
@Service
public class PlanService {
    public record PlanRequest(@Text(max = 100) String facilityCode,
                              @Size(max = 50000) List<Long> personIds,
                              Boolean fromReception,
                              Long emptyPavilionId) {
    }

    public record Plan(long id, String facilityCode, String kind, String status, String createdBy, Instant createdAt,
                       String decidedBy, Instant decidedAt, Map<String, Object> summary, List<PlannedMove> moves,
                       List<Unplaced> unplaced, int totalMoves) {
    }

    private final JdbcClient client;
    private final JdbcTemplate jdbc;
    private final EstateService estate;
    private final HousingData data;
    private final MoveService moves;
    private final Clock clock;
    private final JsonMapper json;
    private final AccessLog accessLog;
    private final AccountService accounts;

    PlanService(JdbcClient client, JdbcTemplate jdbc, EstateService estate, HousingData data, MoveService moves,
                Clock clock, JsonMapper json, AccessLog accessLog, AccountService accounts) {
        this.accounts = accounts;
        this.accessLog = accessLog;
        this.json = json;
        this.client = client;
        this.jdbc = jdbc;
        this.estate = estate;
        this.data = data;
        this.moves = moves;
        this.clock = clock;
    }

    @Transactional
    public Plan propose(PlanRequest r, Official official) {
        if (r == null || r.facilityCode() == null) {
            throw new InvalidRequestException("facilityCode", "required");
        }
        estate.requireVisible(r.facilityCode(), official);
        int ways = (r.personIds() == null || r.personIds().isEmpty() ? 0 : 1)
                + (Boolean.TRUE.equals(r.fromReception()) ? 1 : 0) + (r.emptyPavilionId() == null ? 0 : 1);
        if (ways != 1) {
            throw new InvalidRequestException("personIds",
                    "say who to house: personIds, fromReception: true, or emptyPavilionId (one of them)");
        }
        List<Long> people = selection(r);
        if (people.isEmpty()) {
            throw new ConflictException("Nobody to house: the selection is empty");
        }
        if (people.size() > MoveService.MAX_MOVES) {
            throw new InvalidRequestException("personIds", "at most " + MoveService.MAX_MOVES + " people");
        }
        HousingState state = data.facility(r.facilityCode(), people);
        for (long id : people) {
            HousingState.Where w = state.where(id);
            if (w == null || !w.facilityCode().equals(r.facilityCode())) {
                throw new InvalidRequestException("personIds", "person " + id + " is not held in " + r.facilityCode());
            }
        }
        Set<Long> excluded = r.emptyPavilionId() == null ? Set.of() : Set.of(r.emptyPavilionId());
        PlacementEngine.Result result = PlacementEngine.plan(state, r.facilityCode(), people, excluded);
        PlacementEngine.Stats s = result.stats();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("people", s.people());
        summary.put("placed", s.placed());
        summary.put("unplaced", s.unplaced());
        summary.put("cells", s.cells());
        summary.put("coDefendantsTogether", s.coDefendantsTogether());
        summary.put("minAreaPerPerson", s.minAreaPerPerson());
        summary.put("meanAreaPerPerson", s.meanAreaPerPerson());
        summary.put("millis", s.millis());
        return store(r.facilityCode(), "PLACEMENT", result.moves(), result.unplaced(), summary, official);
    }

    private List<Long> selection(PlanRequest r) {
        if (r.personIds() != null && !r.personIds().isEmpty()) {
            if (r.personIds().stream().anyMatch(java.util.Objects::isNull)
                    || new HashSet<>(r.personIds()).size() != r.personIds().size()) {
                throw new InvalidRequestException("personIds", "each person once, no nulls");
            }
            return r.personIds();
        }
        if (r.emptyPavilionId() != null) {
            if (client.sql("select count(*) from estate_pavilion where id = ? and facility_code = ?")
                    .params(r.emptyPavilionId(), r.facilityCode()).query(Long.class).single() == 0) {
                throw new InvalidRequestException("emptyPavilionId", "no such pavilion in " + r.facilityCode());
            }
            return client.sql("""
                            select b.person_id from people_in_custody b join estate_place l on l.id = b.location_id
                             where l.pavilion_id = ? order by b.person_id""")
                    .param(r.emptyPavilionId()).query(Long.class).list();
        }
        return client.sql("""
                        select b.person_id from people_in_custody b join estate_place l on l.id = b.location_id
                         where b.facility_code = ? and l.kind = 'RECEPTION'
                         order by b.person_id""")
                .param(r.facilityCode()).query(Long.class).list();
    }

    /** Stores a proposed plan: its moves in the order they are applied, who is left where they are and why. */
    Plan store(String facility, String kind, List<PlannedMove> planned, List<Unplaced> unplacedPeople,
               Map<String, Object> summary, Official official) {
        long id = client.sql("""
                        insert into housing_plan (facility_code, kind, status, created_by, created_at, summary)
                        values (?, ?, 'PROPOSED', ?, ?, ?::jsonb) returning id""")
                .params(facility, kind, official.username(), Timestamp.from(clock.instant()),
                        json.writeValueAsString(summary))
                .query(Long.class).single();
        List<Object[]> rows = new ArrayList<>();
        int seq = 0;
        for (PlannedMove m : planned) {
            rows.add(new Object[] {id, seq++, m.personId(), m.fromLocationId(), m.toCellId(), write(m.why())});
        }
        jdbc.batchUpdate("insert into housing_plan_move (plan_id, seq, person_id, from_location_id, to_location_id, "
                + "explanation) values (?, ?, ?, ?, ?, ?)", rows);
        jdbc.batchUpdate("insert into housing_plan_unplaced (plan_id, person_id, reasons) values (?, ?, ?)",
                unplacedPeople.stream().map(u -> new Object[] {id, u.personId(), write(u.reasons())}).toList());
        return plan(id, 0, 500, official);
    }

    /** Reasons are stored as codes with their values, so the page can say them in its own language. */
    private String write(List<Reason> reasons) {
        return json.writeValueAsString(reasons);
    }

    private List<Reason> read(String stored) {
        if (!stored.startsWith("[")) {
            // plans stored before reasons had codes: one line of English each
            return java.util.Arrays.stream(stored.split("\n")).map(line -> Reason.of(Reason.Code.NOTE, line))
                    .toList();
        }
        return json.readValue(stored, new tools.jackson.core.type.TypeReference<List<Reason>>() { });
    }

    /** The plan with a page of its moves (in the order they are applied) and everyone it could not place. */
    @Transactional(readOnly = true)
    public Plan plan(long id, int offset, int limit, Official official) {
        Map<String, Object> p = client.sql("""
                        select facility_code, kind, status, created_by, created_at, decided_by, decided_at,
                               summary::text from housing_plan where id = ?""")
                .param(id).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new NotFoundException("No plan " + id));
        String facility = (String) p.get("facility_code");
        estate.requireVisible(facility, official);
        List<PlannedMove> page = client.sql("""
                        select m.person_id, pe.given_names, pe.first_surname, pe.second_surname, m.from_location_id,
                               m.to_location_id, l.code, l.pavilion_code, l.certified_capacity, l.floor_area_m2,
                               m.explanation
                          from housing_plan_move m join people_name pe on pe.person_id = m.person_id
                          join estate_place l on l.id = m.to_location_id
                         where m.plan_id = ? order by m.seq offset ? limit ?""")
                .params(id, Math.max(0, offset), Math.clamp(limit, 1, 5000))
                .query((rs, n) -> new PlannedMove(rs.getLong(1), org.custodia.people.PeopleService.fullName(
                        rs.getString(2), rs.getString(3), rs.getString(4)), rs.getObject(5, Long.class), rs.getLong(6),
                        rs.getString(7), rs.getString(8), 0, rs.getInt(9), 0, read(rs.getString(11))))
                .list();
        List<Unplaced> unplaced = client.sql("""
                        select u.person_id, pe.given_names, pe.first_surname, pe.second_surname, u.reasons
                          from housing_plan_unplaced u join people_name pe on pe.person_id = u.person_id
                         where u.plan_id = ? order by u.person_id limit 5000""")
                .param(id)
                .query((rs, n) -> new Unplaced(rs.getLong(1), org.custodia.people.PeopleService.fullName(
                        rs.getString(2), rs.getString(3), rs.getString(4)), read(rs.getString(5))))
                .list();
        int total = client.sql("select count(*) from housing_plan_move where plan_id = ?").param(id)
                .query(Integer.class).single();
        // everyone named on the page shown is a read of that person (MANDELA-9)
        List<Long> named = new java.util.ArrayList<>(page.stream().map(PlannedMove::personId).toList());
        unplaced.forEach(u -> named.add(u.personId()));
        accessLog.peopleRead("READ_PERSON", named, "housing plan " + id);
        return new Plan(id, facility, (String) p.get("kind"), (String) p.get("status"), (String) p.get("created_by"),
                ((Timestamp) p.get("created_at")).toInstant(), (String) p.get("decided_by"),
                p.get("decided_at") == null ? null : ((Timestamp) p.get("decided_at")).toInstant(),
                summary((String) p.get("summary")), page, unplaced, total);
    }

    /** The order figures are shown in (the database keeps JSON keys in its own order). */
    private static final List<String> FIGURE_ORDER = List.of("people", "placed", "unplaced", "cells", "pavilions",
            "moves", "droppedOnRecheck", "pinned", "coDefendantsTogether", "coDefendantPairsBefore",
            "coDefendantPairsAfter", "maxPopulationBefore", "maxPopulationAfter", "cellsOverLimitBefore",
            "cellsOverLimitAfter", "minAreaPerPerson", "minAreaPerPersonBefore", "minAreaPerPersonAfter",
            "meanAreaPerPerson", "crowdingBefore", "crowdingAfter", "score", "maxMoves", "budgetSeconds", "millis");

    /** The plan's figures in a fixed order. */
    private Map<String, Object> summary(String text) {
        Map<?, ?> read = json.readValue(text, Map.class);
        Map<String, Object> out = new LinkedHashMap<>();
        FIGURE_ORDER.stream().filter(read::containsKey).forEach(k -> out.put(k, read.get(k)));
        read.forEach((k, v) -> out.putIfAbsent(String.valueOf(k), v));
        return out;
    }

    /** Approves and applies the plan: every move re-checked under lock, all or nothing. */
    @Transactional
    public Plan apply(long id, Official official) {
        Plan p = lockProposed(id, official);
        // four eyes: the official who proposed a plan does not approve it, by any account of theirs
        if (accounts.samePerson(p.createdBy(), official.username())) {
            throw new ConflictException(ErrorCode.SECOND_OFFICIAL_REQUIRED,
                    "A plan is approved by a different official from the one who proposed it ("
                    + p.createdBy() + "), not through an account they opened or changed");
        }
        List<MoveRequest> list = client.sql("select person_id, to_location_id from housing_plan_move where plan_id = ? "
                        + "order by seq")
                .param(id).query((rs, n) -> new MoveRequest(rs.getLong(1), rs.getLong(2))).list();
        if (list.isEmpty()) {
            throw new ConflictException("Plan " + id + " places nobody");
        }
        moves.apply(list, (p.kind().equals("REBALANCE") ? "rebalancing" : "placement") + " plan " + id, null,
                Map.of("plan", id), official);
        decide(id, "APPLIED", official);
        return plan(id, 0, 500, official);
    }

    @Transactional
    public Plan discard(long id, Official official) {
        lockProposed(id, official);
        decide(id, "DISCARDED", official);
        return plan(id, 0, 500, official);
    }

    private Plan lockProposed(long id, Official official) {
        client.sql("select id from housing_plan where id = ? for update").param(id).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("No plan " + id));
        Plan p = plan(id, 0, 1, official);
        if (!p.status().equals("PROPOSED")) {
            throw new ConflictException(ErrorCode.ALREADY_DONE,
                    "Plan " + id + " is already " + p.status().toLowerCase());
        }
        return p;
    }

    private void decide(long id, String status, Official official) {
        client.sql("update housing_plan set status = ?, decided_by = ?, decided_at = ? where id = ?")
                .params(status, official.username(), Timestamp.from(clock.instant()), id).update();
    }
}
