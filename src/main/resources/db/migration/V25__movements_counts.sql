-- estate: the places people are taken to out of their cell for work, exercise in the open air and visits
alter table location drop constraint location_kind_check;
alter table location add constraint location_kind_check check (kind in ('CELL','RECEPTION','MEDICAL','HEARING_ROOM',
    'PUNISHMENT','COURT','HOSPITAL','TRANSIT','WORKSHOP','EXERCISE_YARD','VISITS_ROOM'));

-- regime: movements out of the cell. A movement is one escorted group to one destination; each person in it
-- returns on their own. The person's booking keeps their cell: out of cell is not a change of cell.
create table movement (
    id             bigint generated always as identity primary key,
    facility_code  text not null,
    destination_id bigint not null,
    purpose        text not null check (purpose in ('MEDICAL','HEARING','COURT','WORK','EXERCISE','VISIT','OTHER')),
    escort         text not null,
    emergency      boolean not null,
    reason         text,
    left_at        timestamptz not null,
    due_back_at    timestamptz not null check (due_back_at > left_at),
    recorded_by    text not null
);
create index movement_facility on movement (facility_code, left_at);
create index movement_destination on movement (destination_id, left_at);

create table movement_person (
    movement_id      bigint not null references movement (id),
    person_id        bigint not null,
    from_location_id bigint not null,
    returned_at      timestamptz,
    returned_by      text,
    primary key (movement_id, person_id),
    check ((returned_at is null) = (returned_by is null))
);
-- nobody is in two places: at most one movement a person has not come back from
create unique index movement_person_out on movement_person (person_id) where returned_at is null;
create index movement_person_person on movement_person (person_id, movement_id);

-- regime (published): who is out of their cell now, where and why
create view regime_out_of_cell as
select mp.person_id, m.id as movement_id, m.facility_code, mp.from_location_id, m.destination_id, m.purpose,
       m.left_at, m.due_back_at
  from movement_person mp join movement m on m.id = mp.movement_id
 where mp.returned_at is null;

-- counts: the times of the scheduled counts of a facility (local time of the service) and whether a cell needs
-- two officers' counts that agree (a cross count)
create table count_schedule (
    facility_code text primary key,
    times         time[] not null,
    cross_count   boolean not null,
    grace_minutes integer not null check (grace_minutes between 0 and 240),
    changed_by    text not null,
    changed_at    timestamptz not null
);

create table count_round (
    id             bigint generated always as identity primary key,
    facility_code  text not null,
    kind           text not null check (kind in ('SCHEDULED','EMERGENCY')),
    reason         text,
    scheduled_for  timestamptz,
    cross_count    boolean not null,
    opened_at      timestamptz not null,
    opened_by      text not null,
    signed_off_at  timestamptz,
    signed_off_by  text,
    check (kind = 'SCHEDULED' or reason is not null),
    check ((signed_off_at is null) = (signed_off_by is null))
);
-- one count at a time in a facility: while it is open, nobody moves
create unique index count_round_one_open on count_round (facility_code) where signed_off_at is null;
create index count_round_facility on count_round (facility_code, opened_at);

-- every submission is kept; a cell's current count is each officer's latest submission
create table count_submission (
    id                 bigint generated always as identity primary key,
    count_id           bigint not null references count_round (id),
    location_id        bigint not null,
    counted            integer not null check (counted >= 0),
    expected           integer not null check (expected >= 0),
    missing            bigint[] not null,
    extra_people       bigint[] not null,
    extra_descriptions text[] not null,
    note               text,
    submitted_by       text not null,
    submitted_at       timestamptz not null
);
create index count_submission_cell on count_submission (count_id, location_id, id);

-- a discrepancy that a recount did not clear is explained before the count is signed off; an explanation answers
-- one submission (a later recount needs its own)
create table count_explanation (
    id            bigint generated always as identity primary key,
    count_id      bigint not null references count_round (id),
    location_id   bigint not null,
    submission_id bigint not null references count_submission (id),
    explanation  text not null,
    explained_by text not null,
    explained_at timestamptz not null
);
create index count_explanation_cell on count_explanation (count_id, location_id);

-- people (published): every stay, ended or not, for the day's arrivals and departures on the roll
create view people_stay as
select b.person_id, b.id as booking_id, b.facility_code, b.admitted_at, b.released_at, b.release_basis
  from booking b;

-- housing (published): transfers between facilities, under way or received
create view housing_transfer as
select t.id, t.person_id, t.from_facility, t.to_facility, t.dispatched_at, t.received_at from transfer t;
