-- Hearings and legal representation (module legal). MANDELA-8: court dates and legal representation are on the file.
create table hearing (
    id               bigint generated always as identity primary key,
    person_id        bigint not null references person (id),
    case_number      text not null,
    court            text not null,
    scheduled_at     timestamptz not null,
    duration_minutes integer not null check (duration_minutes between 10 and 600),
    mode             text not null check (mode in ('IN_PERSON','VIRTUAL')),
    hearing_room_id  bigint,
    outcome          text,
    outcome_by       text,
    outcome_at       timestamptz,
    recorded_by      text not null,
    recorded_at      timestamptz not null,
    check (mode = 'IN_PERSON' or hearing_room_id is not null)
);
create index hearing_person on hearing (person_id, scheduled_at);
create index hearing_room on hearing (hearing_room_id, scheduled_at);

create table legal_representation (
    id          bigint generated always as identity primary key,
    person_id   bigint not null references person (id),
    lawyer_name text not null,
    kind        text not null check (kind in ('PRIVATE','PUBLIC_DEFENDER')),
    bar_number  text,
    contact     text,
    since       date not null,
    recorded_by text not null,
    recorded_at timestamptz not null
);
create index legal_representation_person on legal_representation (person_id, id);
