-- incidents: what happened, where and when, with later additions; the people involved with their role and the staff
-- involved; a status history (draft, awaiting review, needs updating, closed, reopened). Use of force: every
-- officer involved owes a statement by a due date; restraint, techniques, cameras, injuries.
create table incident (
    id            bigint generated always as identity primary key,
    facility_code text not null,
    type          text not null check (type in ('FIGHT','ASSAULT_ON_PERSON','ASSAULT_ON_STAFF','SELF_HARM','DEATH',
                                                'DISTURBANCE','FOOD_REFUSAL','WATER_REFUSAL','LOSS_OF_WATER_SUPPLY',
                                                'ESCAPE_ATTEMPT','CONTRABAND','USE_OF_FORCE','DAMAGE','FIRE','OTHER')),
    occurred_at   timestamptz not null,
    location_id   bigint,
    description   text not null,
    status        text not null check (status in ('DRAFT','AWAITING_REVIEW','NEEDS_UPDATING','CLOSED')),
    reported_by   text not null,
    reported_at   timestamptz not null
);
create index incident_facility on incident (facility_code, occurred_at);

create table incident_person (
    incident_id bigint not null references incident (id),
    person_id   bigint not null,
    role        text not null check (role in ('VICTIM','PERPETRATOR','WITNESS','INVOLVED')),
    primary key (incident_id, person_id)
);
create index incident_person_person on incident_person (person_id);

create table incident_staff (
    incident_id bigint not null references incident (id),
    username    text not null,
    primary key (incident_id, username)
);

create table incident_event (
    id          bigint generated always as identity primary key,
    incident_id bigint not null references incident (id),
    kind        text not null check (kind in ('STATUS','ADDITION')),
    status      text,
    text        text,
    by_user     text not null,
    at          timestamptz not null
);
create index incident_event_incident on incident_event (incident_id, id);

create table use_of_force (
    id                 bigint generated always as identity primary key,
    incident_id        bigint not null unique references incident (id),
    reason             text not null,
    restraint          boolean not null,
    restraint_position text,
    techniques         text[] not null,
    body_worn_camera   boolean not null,
    cctv               boolean not null,
    statements_due     timestamptz not null,
    recorded_by        text not null,
    recorded_at        timestamptz not null
);

create table use_of_force_statement (
    use_of_force_id bigint not null references use_of_force (id),
    username        text not null,
    text            text,
    submitted_at    timestamptz,
    primary key (use_of_force_id, username)
);

create table use_of_force_injury (
    use_of_force_id bigint not null references use_of_force (id),
    person_id       bigint not null,
    description     text not null,
    sick_call_id    bigint not null
);
