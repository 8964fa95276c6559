-- Accounts, roles, facility scope and the access log (module accounts).
create table account (
    id             bigint generated always as identity primary key,
    username       text not null unique check (username ~ '^[a-z0-9._-]{2,40}$'),
    display_name   text not null,
    password_hash  text not null,
    enabled        boolean not null default true,
    national_scope boolean not null default false,
    created_at     timestamptz not null,
    created_by     text not null
);

create table account_role (
    account_id bigint not null references account (id),
    role       text not null check (role in ('OFFICER','RECORDS','HEALTH','COMMAND','FINANCE','INSPECTOR','ADMIN')),
    primary key (account_id, role)
);

create table account_facility (
    account_id    bigint not null references account (id),
    facility_code text not null,
    primary key (account_id, facility_code)
);

-- MANDELA-9: every read of a person's record and every export, by whom and when. Append-only like the ledger.
create table access_log (
    id           bigint generated always as identity primary key,
    at           timestamptz not null,
    username     text not null,
    roles        text not null,
    action       text not null,
    subject_type text not null,
    subject_id   text,
    detail       text
);
create index access_log_subject on access_log (subject_type, subject_id, at);
create index access_log_at on access_log (at);

create trigger access_log_append_only before update or delete on access_log
    for each row execute function ledger_refuse_change();
