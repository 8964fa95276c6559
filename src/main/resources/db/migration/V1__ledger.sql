-- Custody ledger (module ledger). Append-only; one hash chain per facility ("chain" = facility code) and one
-- for national events. Every queryable column is derived from the stored canonical text, so what is hashed is
-- exactly what is read back: altering a derived column is impossible, altering the text breaks the hash.

create function ledger_instant(text) returns timestamptz
    language sql immutable strict parallel safe
    -- the canonical text holds ISO-8601 instants with a 'Z' offset, which do not depend on session settings
    as $$ select $1::timestamptz $$;

create table ledger_entry (
    chain        text   not null,
    seq          bigint not null,
    prev_hash    char(64) not null,
    hash         char(64) not null,
    canonical    text   not null,
    event_type   text   generated always as ((canonical::jsonb) ->> 'type') stored,
    person_id    bigint generated always as (((canonical::jsonb) ->> 'person')::bigint) stored,
    actor        text   generated always as ((canonical::jsonb) ->> 'actor') stored,
    actor_roles  text   generated always as ((canonical::jsonb) ->> 'actorRoles') stored,
    occurred_at  timestamptz generated always as (ledger_instant((canonical::jsonb) ->> 'occurredAt')) stored,
    recorded_at  timestamptz generated always as (ledger_instant((canonical::jsonb) ->> 'recordedAt')) stored,
    payload      jsonb  generated always as ((canonical::jsonb) -> 'payload') stored,
    primary key (chain, seq)
);
create index ledger_entry_person on ledger_entry (person_id, recorded_at) where person_id is not null;

-- The head of each chain: locked FOR UPDATE as the last step before commit, so the lock is held only while a
-- transaction's entries are hashed and inserted.
create table ledger_head (
    chain text primary key,
    seq   bigint not null,
    hash  char(64) not null
);

create table ledger_signing_key (
    chain       text primary key,
    public_key  bytea not null,
    private_key bytea not null,
    created_at  timestamptz not null default now()
);

-- Every checkpoint handed out, so that the database verifier also checks the chain still passes through them.
create table ledger_checkpoint (
    id         bigint generated always as identity primary key,
    chain      text not null,
    seq        bigint not null,
    hash       char(64) not null,
    issued_at  timestamptz not null,
    signature  text not null
);

create function ledger_refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'the custody ledger is append-only: % on % refused', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
end $$;

create trigger ledger_entry_append_only before update or delete on ledger_entry
    for each row execute function ledger_refuse_change();
create trigger ledger_entry_no_truncate before truncate on ledger_entry
    for each statement execute function ledger_refuse_change();
create trigger ledger_checkpoint_append_only before update or delete on ledger_checkpoint
    for each row execute function ledger_refuse_change();
create trigger ledger_checkpoint_no_truncate before truncate on ledger_checkpoint
    for each statement execute function ledger_refuse_change();
