-- Separation, placement, moves and transfers (module housing). Everything here is closed or ended by a new row,
-- never edited or deleted.

-- Pairs of people kept apart (co-defendants, victim and aggressor, informant) at cell, pavilion or facility level.
create table non_association (
    id          bigint generated always as identity primary key,
    person_a    bigint not null references person (id),
    person_b    bigint not null references person (id),
    level       text not null check (level in ('CELL','PAVILION','FACILITY')),
    kind        text not null check (kind in ('CO_DEFENDANT','VICTIM_AGGRESSOR','INFORMANT','THREAT','OTHER')),
    reason      text not null,
    recorded_by text not null,
    recorded_at timestamptz not null,
    check (person_a < person_b)
);
create index non_association_a on non_association (person_a);
create index non_association_b on non_association (person_b);

create table non_association_event (
    id                 bigint generated always as identity primary key,
    non_association_id bigint not null references non_association (id),
    status             text not null check (status in ('CLOSED','REOPENED')),
    reason             text not null,
    recorded_by        text not null,
    recorded_at        timestamptz not null
);
create index non_association_event_na on non_association_event (non_association_id, id);

-- Contagious isolation: a person under isolation shares a cell only with people isolated for the same cohort.
create table isolation_order (
    id         bigint generated always as identity primary key,
    person_id  bigint not null references person (id),
    cohort     text not null check (cohort ~ '^[A-Z0-9-]{2,20}$'),
    reason     text not null,
    ordered_by text not null,
    ordered_at timestamptz not null
);
create index isolation_order_person on isolation_order (person_id);
create table isolation_end (
    isolation_id bigint primary key references isolation_order (id),
    reason       text not null,
    ended_by     text not null,
    ended_at     timestamptz not null
);

-- An emergency cap authorised by COMMAND: cells in scope may hold up to percent of their certified capacity
-- until it expires. Reported to the inspector with every placement that relies on it.
create table emergency_cap (
    id            bigint generated always as identity primary key,
    facility_code text not null references facility (code),
    pavilion_id   bigint references pavilion (id),
    percent       integer not null check (percent between 101 and 200),
    reason        text not null,
    authorised_by text not null,
    authorised_at timestamptz not null,
    expires_at    timestamptz not null check (expires_at > authorised_at)
);
create index emergency_cap_facility on emergency_cap (facility_code, expires_at);

-- A rule overridden by COMMAND with a reason: flagged to the inspector.
create table housing_override (
    id            bigint generated always as identity primary key,
    facility_code text not null,
    person_id     bigint not null references person (id),
    action        text not null,
    location_id   bigint not null,
    rules         text not null,
    reason        text not null,
    authorised_by text not null,
    authorised_at timestamptz not null
);
create index housing_override_facility on housing_override (facility_code, authorised_at);

create table housing_plan (
    id            bigint generated always as identity primary key,
    facility_code text not null references facility (code),
    kind          text not null check (kind in ('PLACEMENT','REBALANCE')),
    status        text not null check (status in ('PROPOSED','APPLIED','DISCARDED')),
    created_by    text not null,
    created_at    timestamptz not null,
    decided_by    text,
    decided_at    timestamptz,
    summary       jsonb not null
);
create table housing_plan_move (
    plan_id          bigint not null references housing_plan (id),
    seq              integer not null,
    person_id        bigint not null references person (id),
    from_location_id bigint not null,
    to_location_id   bigint not null,
    explanation      text not null,
    primary key (plan_id, seq)
);
create table housing_plan_unplaced (
    plan_id   bigint not null references housing_plan (id),
    person_id bigint not null references person (id),
    reasons   text not null,
    primary key (plan_id, person_id)
);

-- Transfers between facilities: dispatched (in transit, counted at the sending facility's transit location),
-- then received. Both ends are written to the ledger of their facility.
create table transfer (
    id                   bigint generated always as identity primary key,
    person_id            bigint not null references person (id),
    booking_id           bigint not null references booking (id),
    from_facility        text not null references facility (code),
    to_facility          text not null references facility (code),
    authority_reference  text not null,
    reason               text not null,
    dispatched_by        text not null,
    dispatched_at        timestamptz not null,
    received_by          text,
    received_at          timestamptz,
    received_location_id bigint,
    check (from_facility <> to_facility)
);
create unique index transfer_one_open on transfer (person_id) where received_at is null;

-- Daily occupancy per cell, for trends.
create table cell_occupancy_snapshot (
    day                date not null,
    location_id        bigint not null references location (id),
    population         integer not null,
    certified_capacity integer,
    floor_area_m2      numeric(9,2),
    primary key (day, location_id)
);

create trigger non_association_append_only before update or delete on non_association
    for each row execute function ledger_refuse_change();
create trigger non_association_event_append_only before update or delete on non_association_event
    for each row execute function ledger_refuse_change();
create trigger isolation_order_append_only before update or delete on isolation_order
    for each row execute function ledger_refuse_change();
create trigger isolation_end_append_only before update or delete on isolation_end
    for each row execute function ledger_refuse_change();
create trigger emergency_cap_append_only before update or delete on emergency_cap
    for each row execute function ledger_refuse_change();
create trigger housing_override_append_only before update or delete on housing_override
    for each row execute function ledger_refuse_change();
