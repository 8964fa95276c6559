-- Sentences (module legal). Terms are kept as pronounced (years, months, days) so that accumulated terms of
-- centuries are exact; the release date is computed from them, never stored.
create table sentence (
    id                 bigint generated always as identity primary key,
    person_id          bigint not null references person (id),
    case_number        text not null,
    court              text not null,
    offence            text not null,
    years              bigint not null check (years >= 0),
    months             bigint not null check (months between 0 and 11),
    days               bigint not null check (days between 0 and 30),
    start_date         date not null,
    mode               text not null check (mode in ('CONCURRENT','CONSECUTIVE')),
    follows            bigint references sentence (id),
    remand_credit_days bigint not null check (remand_credit_days >= 0),
    imposed_on         date not null,
    recorded_by        text not null,
    recorded_at        timestamptz not null
);
create index sentence_person on sentence (person_id, id);
