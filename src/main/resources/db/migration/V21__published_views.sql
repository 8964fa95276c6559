-- Read-only views by which a module publishes what other modules read in bulk by SQL (the housing checks load a
-- whole pavilion's residents in one query; one query per person through a Java API would be 40,000 queries).
-- Each view belongs to the module named by its prefix and is part of that module's published API: its columns are
-- kept when the module's tables change. Other modules name these views, never the tables behind them
-- (ModuleDataOwnershipTest). The application role may only read them (afterMigrate).

-- people: who is held now, where, with the identity the separation rules need
create view people_in_custody as
select b.person_id, b.id as booking_id, b.facility_code, b.location_id, b.legal_status, b.admitted_at,
       p.given_names, p.first_surname, p.second_surname, p.sex, p.date_of_birth
  from booking b join person p on p.id = b.person_id
 where b.released_at is null;

-- people: the name of anyone ever recorded (a plan may name someone released since it was made)
create view people_name as
select id as person_id, given_names, first_surname, second_surname from person;

-- estate: every place with its pavilion's code, capacity, floor area and population
create view estate_place as
select l.id, l.code, l.facility_code, l.kind, l.level, l.pavilion_id, v.code as pavilion_code,
       l.certified_capacity, l.floor_area_m2, l.population
  from location l left join pavilion v on v.id = l.pavilion_id;

-- estate: pavilions
create view estate_pavilion as
select id, facility_code, code, name, levels from pavilion;

-- legal: the case numbers a person is charged in (people charged in the same case are kept apart)
create view legal_case as
select person_id, case_number from charge;
