-- MANDELA-7 file (module people): identity details, injuries and complaints seen at admission, property,
-- family (children included), emergency contact and next of kin. Append-only versions: a correction is a new
-- version that supersedes the old one, which stays visible in the history.
create table record_entry (
    id            bigint generated always as identity primary key,
    person_id     bigint not null references person (id),
    section       text not null check (section in ('IDENTITY','OBSERVATION','PROPERTY','FAMILY','CONTACT')),
    item_key      text not null,
    content       jsonb not null,
    none_declared boolean not null default false,
    supersedes    bigint references record_entry (id),
    recorded_by   text not null,
    recorded_at   timestamptz not null
);
create index record_entry_person on record_entry (person_id, section);
create unique index record_entry_superseded_once on record_entry (supersedes) where supersedes is not null;

create trigger record_entry_append_only before update or delete on record_entry
    for each row execute function ledger_refuse_change();
