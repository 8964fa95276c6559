-- Batch intake (module intake): one row per uploaded batch, with its progress and its report.
create table intake_batch (
    id            text primary key,
    client_id     text unique,
    content_hash  char(64) not null unique,
    format        text not null check (format in ('CSV','JSON')),
    mode          text not null check (mode in ('ALL_OR_NOTHING','VALID_ONLY')),
    status        text not null check (status in ('VALIDATING','ADMITTING','DONE','REJECTED','FAILED')),
    total         integer not null,
    processed     integer not null default 0,
    admitted      integer not null default 0,
    held          integer not null default 0,
    error_count   integer not null default 0,
    report        jsonb,
    submitted_by  text not null,
    submitted_at  timestamptz not null,
    finished_at   timestamptz
);

create index person_date_of_birth on person (date_of_birth);
