-- work: the work programme. A workshop (a place, its capacity, its hours and weekdays, its risk, paid or not and
-- at what rate), its sessions day by day, allocations of people to it (with a waiting list), and attendance per
-- session, from which hours and pay come. Work is never a sanction (MANDELA-96..103): nothing here records one.
create table workshop (
    id            bigint generated always as identity primary key,
    facility_code text not null,
    location_id   bigint not null,
    name          text not null,
    capacity      integer not null check (capacity between 1 and 5000),
    starts        time not null,
    ends          time not null check (ends > starts),
    weekdays      integer[] not null,
    risk          text not null check (risk in ('LOW','MEDIUM','HIGH')),
    paid          boolean not null,
    rate_per_hour numeric(9,2) check (rate_per_hour >= 0),
    created_by    text not null,
    created_at    timestamptz not null,
    check (paid = (rate_per_hour is not null))
);
create index workshop_facility on workshop (facility_code);

create table work_session (
    id               bigint generated always as identity primary key,
    workshop_id      bigint not null references workshop (id),
    day              date not null,
    starts_at        timestamptz not null,
    ends_at          timestamptz not null check (ends_at > starts_at),
    cancelled_reason text,
    cancelled_by     text,
    unique (workshop_id, day)
);
create index work_session_day on work_session (day);

create table work_allocation (
    id           bigint generated always as identity primary key,
    workshop_id  bigint not null references workshop (id),
    person_id    bigint not null,
    status       text not null check (status in ('WAITING','ACTIVE','ENDED')),
    since        date,
    requested_by text not null,
    requested_at timestamptz not null,
    end_reason   text check (end_reason in ('RELEASED','TRANSFERRED','DISMISSED','HEALTH','SECURITY','WITHDRAWN',
                                            'COMPLETED')),
    ended_by     text,
    ended_on     date,
    check ((status = 'ENDED') = (end_reason is not null))
);
create unique index work_allocation_open on work_allocation (workshop_id, person_id) where status <> 'ENDED';
create index work_allocation_person on work_allocation (person_id) where status <> 'ENDED';

create table work_attendance (
    session_id  bigint not null references work_session (id),
    person_id   bigint not null,
    outcome     text not null check (outcome in ('ATTENDED','REFUSED','SICK','NOT_REQUIRED','REST_DAY','CLASH',
                                                 'SUSPENDED','CANCELLED','OTHER')),
    hours       numeric(4,2) not null check (hours >= 0 and hours <= 24),
    pay         numeric(9,2) not null check (pay >= 0),
    recorded_by text not null,
    recorded_at timestamptz not null,
    primary key (session_id, person_id)
);
