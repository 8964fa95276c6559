package org.custodia.housing.placement;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.custodia.housing.AffiliationService;
import org.custodia.housing.NonAssociation;
import org.custodia.housing.NonAssociationService;
import org.custodia.housing.SeparationPolicy;
import org.custodia.housing.placement.HousingState.Where;
import org.custodia.people.AdmissionGuard;
import org.custodia.people.LegalStatus;
import org.custodia.people.PeopleService;
import org.custodia.people.Sex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Loads the part of the estate a housing decision needs into a {@link HousingState}. */
@Component
public class HousingData {
    private static final String CELL_SELECT = """
            select l.id, l.code, l.facility_code, l.pavilion_id, l.pavilion_code, l.certified_capacity, l.floor_area_m2,
                   l.population,
                   (select max(c.percent) from emergency_cap c
                     where c.facility_code = l.facility_code and (c.pavilion_id is null or c.pavilion_id = l.pavilion_id)
                       and c.authorised_at <= ? and c.expires_at > ?)
              from estate_place l
             where l.kind in ('CELL','PUNISHMENT') and l.certified_capacity is not null and\s""";

    private static final String RESIDENT_SELECT = """
            select b.person_id, b.given_names, b.first_surname, b.second_surname, b.sex, b.date_of_birth,
                   b.legal_status, b.location_id, l.pavilion_id, b.facility_code,
                   coalesce((select array_agg(distinct c.group_code) from affiliation_claim c
                              where c.person_id = b.person_id and not exists (select 1 from affiliation_claim_event e
                                    where e.claim_id = c.id and e.status = 'CLOSED')), '{}'),
                   (select i.cohort from isolation_order i where i.person_id = b.person_id
                       and not exists (select 1 from isolation_end x where x.isolation_id = i.id)
                     order by i.id desc limit 1),
                   coalesce((select array_agg(distinct ch.case_number) from legal_case ch
                              where ch.person_id = b.person_id), '{}')
              from people_in_custody b join estate_place l on l.id = b.location_id
             where\s""";

    private final JdbcClient client;
    private final AffiliationService affiliations;
    private final NonAssociationService nonAssociations;
    private final SeparationPolicy policy;
    private final Clock clock;

    HousingData(JdbcClient client, AffiliationService affiliations, NonAssociationService nonAssociations,
                SeparationPolicy policy, Clock clock) {
        this.client = client;
        this.affiliations = affiliations;
        this.nonAssociations = nonAssociations;
        this.policy = policy;
        this.clock = clock;
    }

    /** Every cell of the facility that belongs to a pavilion, everyone in those pavilions, and the movers. */
    public HousingState facility(String facilityCode, Collection<Long> movers) {
        HousingState s = new HousingState(policy, affiliations.rivalries());
        Timestamp now = Timestamp.from(clock.instant());
        client.sql(CELL_SELECT + "l.kind = 'CELL' and l.facility_code = ? and l.pavilion_id is not null")
                .params(now, now, facilityCode).query(HousingData::cell).list().forEach(s::addCell);
        client.sql(RESIDENT_SELECT + "(b.facility_code = ? and l.pavilion_id is not null or b.person_id = any(?))")
                .params(facilityCode, ids(movers)).query((rs, n) -> resident(rs, s)).list();
        return withNonAssociations(s, movers);
    }

    /** Every cell of the facility in a pavilion, everyone in them, and all their non-associations (to rebalance). */
    public HousingState rebalancing(String facilityCode) {
        HousingState s = facility(facilityCode, java.util.List.of());
        Set<Long> people = new HashSet<>();
        s.cells().keySet().forEach(c -> people.addAll(s.occupants(c)));
        return withNonAssociations(s, people);
    }

    /** The given pavilions (all their cells and everyone in them), other cells by id, and the movers. */
    public HousingState around(Collection<Long> pavilionIds, Collection<Long> cellIds, Collection<Long> movers) {
        HousingState s = new HousingState(policy, affiliations.rivalries());
        Timestamp now = Timestamp.from(clock.instant());
        client.sql(CELL_SELECT + "(l.pavilion_id = any(?) or l.id = any(?))")
                .params(now, now, ids(pavilionIds), ids(cellIds)).query(HousingData::cell).list().forEach(s::addCell);
        client.sql(RESIDENT_SELECT + "(l.pavilion_id = any(?) or b.location_id = any(?) or b.person_id = any(?))")
                .params(ids(pavilionIds), ids(cellIds), ids(movers)).query((rs, n) -> resident(rs, s)).list();
        return withNonAssociations(s, movers);
    }

    private HousingState withNonAssociations(HousingState s, Collection<Long> movers) {
        Set<Long> partners = new HashSet<>();
        for (NonAssociation na : nonAssociations.activeFor(movers)) {
            s.addNonAssociation(na);
            partners.add(na.personA());
            partners.add(na.personB());
        }
        if (!partners.isEmpty()) {
            client.sql("""
                            select b.person_id, b.location_id, l.pavilion_id, b.facility_code
                              from people_in_custody b join estate_place l on l.id = b.location_id
                             where b.person_id = any(?)""")
                    .param(ids(partners))
                    .query((rs, n) -> {
                        s.addWhere(rs.getLong(1), new Where(rs.getLong(2), rs.getObject(3, Long.class),
                                rs.getString(4)));
                        return null;
                    }).list();
        }
        return s;
    }

    private Object resident(ResultSet rs, HousingState s) throws SQLException {
        java.sql.Date dob = rs.getDate(6);
        Resident r = new Resident(rs.getLong(1), PeopleService.fullName(rs.getString(2), rs.getString(3), rs.getString(4)),
                Sex.valueOf(rs.getString(5)), LegalStatus.valueOf(rs.getString(7)).convicted(),
                youngAdult(dob == null ? null : dob.toLocalDate()), strings(rs.getArray(11)), rs.getString(12),
                strings(rs.getArray(13)));
        s.addResident(r, new Where(rs.getLong(8), rs.getObject(9, Long.class), rs.getString(10)));
        return null;
    }

    /**
     * Someone about to be booked in, as separation sees them: what the admission says, and for a known person
     * their open claims, cases and any isolation still in force.
     */
    public Resident arrival(long id, AdmissionGuard.Arrival a) {
        boolean young = youngAdult(a.dateOfBirth());
        boolean convicted = a.legalStatus() != null && a.legalStatus().convicted();
        if (a.personId() == null) {
            return new Resident(id, "admission", a.sex(), convicted, young, Set.of(), null, Set.of());
        }
        return client.sql("""
                        select coalesce((select array_agg(distinct c.group_code) from affiliation_claim c
                                          where c.person_id = p.person_id
                                            and not exists (select 1 from affiliation_claim_event e
                                                             where e.claim_id = c.id and e.status = 'CLOSED')), '{}'),
                               (select i.cohort from isolation_order i where i.person_id = p.person_id
                                   and not exists (select 1 from isolation_end x where x.isolation_id = i.id)
                                 order by i.id desc limit 1),
                               coalesce((select array_agg(distinct ch.case_number) from legal_case ch
                                          where ch.person_id = p.person_id), '{}'),
                               p.given_names, p.first_surname, p.second_surname
                          from people_name p where p.person_id = ?""")
                .param(a.personId())
                .query((rs, n) -> new Resident(id, PeopleService.fullName(rs.getString(4), rs.getString(5),
                        rs.getString(6)), a.sex(), convicted, young, strings(rs.getArray(1)), rs.getString(2),
                        strings(rs.getArray(3)))).single();
    }

    /** MANDELA-11(d): younger than the configured age today. */
    private boolean youngAdult(LocalDate dateOfBirth) {
        return dateOfBirth != null && dateOfBirth.isAfter(LocalDate.now(clock).minusYears(policy.youngAdultAge()));
    }

    private static HousingCell cell(ResultSet rs, int n) throws SQLException {
        int certified = rs.getInt(6);
        Integer percent = rs.getObject(9, Integer.class);
        int limit = percent == null ? certified : certified * percent / 100;
        return new HousingCell(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getObject(4, Long.class),
                rs.getString(5), certified, limit, percent != null, rs.getBigDecimal(7), rs.getInt(8));
    }

    private static Set<String> strings(Array a) throws SQLException {
        return a == null ? Set.of() : Set.of((String[]) a.getArray());
    }

    public static Long[] ids(Collection<Long> ids) {
        return ids.stream().distinct().toArray(Long[]::new);
    }
}
