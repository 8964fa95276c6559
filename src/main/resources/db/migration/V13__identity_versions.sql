-- Corrections of identity (module people) keep the earlier value: each replaced version is kept here, append-only.
create table person_identity_version (
    id             bigint generated always as identity primary key,
    person_id      bigint not null references person (id),
    given_names    text not null,
    first_surname  text not null,
    second_surname text,
    date_of_birth  date,
    sex            text not null,
    nationality    text not null,
    id_document    text,
    aliases        text[] not null,
    replaced_by    text not null,
    replaced_at    timestamptz not null,
    reason         text not null
);
create index person_identity_version_person on person_identity_version (person_id, id);
create trigger person_identity_version_append_only before update or delete on person_identity_version
    for each row execute function ledger_refuse_change();
