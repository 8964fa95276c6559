-- Estate (module estate): facilities, pavilions, cells and other locations that can hold people.
-- Declared capacity (facility), certified capacity and floor area (cell) and the actual population are kept apart.
create table facility (
    code              text primary key check (code ~ '^[A-Z0-9-]{2,20}$'),
    name              text not null,
    kind              text not null check (kind in ('MAXIMUM_SECURITY','PENITENTIARY','WOMEN','JUVENILE','REMAND')),
    jurisdiction      text not null,
    declared_capacity integer not null check (declared_capacity >= 0)
);

create table pavilion (
    id            bigint generated always as identity primary key,
    facility_code text not null references facility (code),
    code          text not null,
    name          text not null,
    levels        integer not null check (levels between 1 and 10),
    unique (facility_code, code)
);

create table location (
    id                 bigint generated always as identity primary key,
    facility_code      text not null references facility (code),
    pavilion_id        bigint references pavilion (id),
    code               text not null,
    kind               text not null check (kind in ('CELL','RECEPTION','MEDICAL','HEARING_ROOM','PUNISHMENT',
                                                     'COURT','HOSPITAL','TRANSIT')),
    level              integer,
    floor_area_m2      numeric(9,2) check (floor_area_m2 > 0),
    certified_capacity integer check (certified_capacity >= 0),
    bunks              integer check (bunks >= 0),
    -- kept by the estate service in the same transaction as every admission, move and release
    population         integer not null default 0 check (population >= 0),
    unique (facility_code, code)
);
create index location_pavilion on location (pavilion_id);

create table capacity_change_request (
    id                 bigint generated always as identity primary key,
    location_id        bigint not null references location (id),
    current_capacity   integer,
    requested_capacity integer not null check (requested_capacity >= 0),
    reason             text not null,
    requested_by       text not null,
    requested_at       timestamptz not null,
    status             text not null check (status in ('PENDING','APPROVED','REJECTED')),
    decided_by         text,
    decided_at         timestamptz,
    decision_note      text,
    check (decided_by is null or decided_by <> requested_by)
);
create index capacity_change_request_status on capacity_change_request (status);
