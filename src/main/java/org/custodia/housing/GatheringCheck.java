package org.custodia.housing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who may be in one place together out of their cells — an escort group, a yard, a waiting room, a workshop
 * session: not members of rival groups (at any level: fights over food and water start where they meet), not two
 * people with an open non-association, not men and women (MANDELA-11). Used by the regime and the work programme.
 */
@Service
public class GatheringCheck {
    /** A reason two of the people may not be together; {@code rule} is RIVAL_GROUP, NON_ASSOCIATION or SEX. */
    public record Clash(String rule, long personA, long personB, String detail) {
    }

    private final JdbcClient client;
    private final AffiliationService affiliations;
    private final NonAssociationService nonAssociations;

    GatheringCheck(JdbcClient client, AffiliationService affiliations, NonAssociationService nonAssociations) {
        this.client = client;
        this.affiliations = affiliations;
        this.nonAssociations = nonAssociations;
    }

    /**
     * The clashes newcomers bring to people already together (a yard, a workshop), among themselves and with them;
     * clashes among those already there are not theirs.
     */
    @Transactional(readOnly = true)
    public List<Clash> newClashes(Collection<Long> present, Collection<Long> newcomers) {
        Set<String> before = new HashSet<>();
        clashes(present).forEach(c -> before.add(key(c)));
        Set<Long> all = new HashSet<>(present);
        all.addAll(newcomers);
        return clashes(all).stream().filter(c -> !before.contains(key(c))).toList();
    }

    private static String key(Clash c) {
        return c.rule().equals("NON_ASSOCIATION") ? c.rule() + c.personA() + "/" + c.personB() : c.rule() + c.detail();
    }

    /** Every reason the people may not be together (one example pair per pair of rival groups); empty: they may. */
    @Transactional(readOnly = true)
    public List<Clash> clashes(Collection<Long> personIds) {
        Set<Long> people = new HashSet<>(personIds);
        List<Clash> found = new ArrayList<>();
        if (people.size() < 2) {
            return found;
        }
        Map<String, Long> firstOfGroup = new TreeMap<>();
        Map<String, Long> firstOfSex = new TreeMap<>();
        client.sql("""
                        select b.person_id, b.sex,
                               coalesce((select array_agg(distinct c.group_code) from affiliation_claim c
                                          where c.person_id = b.person_id and not exists (
                                                select 1 from affiliation_claim_event e
                                                 where e.claim_id = c.id and e.status = 'CLOSED')), '{}')
                          from people_in_custody b where b.person_id = any(?) order by b.person_id""")
                .param(people.toArray(Long[]::new))
                .query((rs, n) -> {
                    long id = rs.getLong(1);
                    firstOfSex.putIfAbsent(rs.getString(2), id);
                    for (String g : (String[]) rs.getArray(3).getArray()) {
                        firstOfGroup.putIfAbsent(g, id);
                    }
                    return null;
                }).list();
        for (AffiliationService.Rivalry r : affiliations.rivalries()) {
            Long a = firstOfGroup.get(r.groupA());
            Long b = firstOfGroup.get(r.groupB());
            if (a != null && b != null) {
                found.add(new Clash("RIVAL_GROUP", a, b, r.groupA() + "/" + r.groupB()));
            }
        }
        if (firstOfSex.size() > 1) {
            List<Long> one = new ArrayList<>(firstOfSex.values());
            found.add(new Clash("SEX", one.get(0), one.get(1), String.join("/", firstOfSex.keySet())));
        }
        Map<Long, Boolean> seen = new HashMap<>();
        for (NonAssociation na : nonAssociations.activeFor(people)) {
            if (people.contains(na.personA()) && people.contains(na.personB()) && seen.put(na.id(), true) == null) {
                found.add(new Clash("NON_ASSOCIATION", na.personA(), na.personB(), na.kind()));
            }
        }
        return found;
    }
}
