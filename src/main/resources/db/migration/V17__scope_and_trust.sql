-- Batch ids and content hashes are per submitter: another official's batch is never found by either.
alter table intake_batch drop constraint intake_batch_client_id_key;
alter table intake_batch drop constraint intake_batch_content_hash_key;
alter table intake_batch add constraint intake_batch_client_id_per_submitter unique (submitted_by, client_id);
alter table intake_batch add constraint intake_batch_content_per_submitter unique (submitted_by, content_hash);

-- The access log is read by facility (an inspector sees the facilities of their scope), and says which reads were
-- refused.
alter table access_log add column facility_code text;
alter table access_log add column refused boolean not null default false;
create index access_log_facility on access_log (facility_code, id);

-- Issuing a checkpoint is a write (a POST); each records the public key that signed it, so that checkpoints can
-- be listed later and keys can be rotated.
alter table ledger_checkpoint add column public_key text;

-- Who changed an account, and how (roles, scope, password reset, disabled, enabled): four-eyes checks compare
-- people, and whoever created or changed an account is the same person as that account for them.
create table account_change (
    id         bigint generated always as identity primary key,
    account_id bigint not null references account (id),
    kind       text not null,
    changed_by text not null,
    changed_at timestamptz not null,
    detail     text
);
create index account_change_account on account_change (account_id);
create trigger account_change_append_only before update or delete on account_change
    for each row execute function ledger_refuse_change();

-- A pretrial extension belongs to the stay it was ordered in (never carried into a later one) and cites the court
-- resolution. Earlier extensions are tied to the stay they were recorded during.
alter table pretrial_extension add column booking_number text;
alter table pretrial_extension add column court_resolution text;
update pretrial_extension e set booking_number = (
    select b.booking_number from booking b where b.person_id = e.person_id and b.admitted_at <= e.recorded_at
     order by b.admitted_at desc, b.id desc limit 1);
create index pretrial_extension_booking on pretrial_extension (booking_number);
create trigger pretrial_extension_append_only before update or delete on pretrial_extension
    for each row execute function ledger_refuse_change();

-- Failed logins: a lockout per account (lifted by time or by an administrator) and a throttle per client address,
-- in the database so that a restart clears neither.
alter table account add column failed_logins integer not null default 0;
alter table account add column locked_until timestamptz;
alter table account add column password_changed_at timestamptz;
create table login_throttle (
    address       text primary key,
    failures      integer not null,
    window_start  timestamptz not null,
    blocked_until timestamptz
);

-- API tokens for scripts and integrations: only a SHA-256 of the 256-bit secret is kept. Service accounts
-- (another system: a court's case system, the statistics office) have no password anyone knows and act by token.
alter table account add column service boolean not null default false;
create table api_token (
    id            bigint generated always as identity primary key,
    account_id    bigint not null references account (id),
    name          text not null,
    secret_sha256 char(64) not null unique,
    created_at    timestamptz not null,
    created_by    text not null,
    expires_at    timestamptz not null,
    revoked_at    timestamptz,
    revoked_by    text
);
create index api_token_account on api_token (account_id);

-- Signing keys live outside the database (a key file per key under the data directory, or an HSM/KMS): the
-- database keeps only public keys. Private keys stored here before are erased; their public keys still verify
-- the checkpoints they signed, and each chain gets a new key, recorded on the chain, at its next checkpoint.
alter table ledger_signing_key alter column private_key drop not null;
update ledger_signing_key set private_key = null;
create trigger ledger_signing_key_append_only before update or delete on ledger_signing_key
    for each row execute function ledger_refuse_change();
create trigger ledger_signing_key_no_truncate before truncate on ledger_signing_key
    for each statement execute function ledger_refuse_change();
create table ledger_key (
    id           bigint generated always as identity primary key,
    chain        text not null,
    key_id       text not null unique,
    public_key   text not null,
    activated_at timestamptz not null,
    activated_by text not null,
    reason       text not null
);
create index ledger_key_chain on ledger_key (chain, id);
create trigger ledger_key_append_only before update or delete on ledger_key
    for each row execute function ledger_refuse_change();
create trigger ledger_key_no_truncate before truncate on ledger_key
    for each statement execute function ledger_refuse_change();

-- A chain's head only moves forward, and only onto an entry that exists; it is never deleted.
create function ledger_head_forward() returns trigger language plpgsql as $$
begin
    if tg_op <> 'UPDATE' or new.chain <> old.chain or new.seq <= old.seq
       or not exists (select 1 from ledger_entry e where e.chain = new.chain and e.seq = new.seq and e.hash = new.hash)
    then
        raise exception 'the custody ledger head only moves forward onto a recorded entry: % on % refused',
            tg_op, tg_table_name using errcode = 'insufficient_privilege';
    end if;
    return new;
end $$;
create trigger ledger_head_forward_only before update or delete on ledger_head
    for each row execute function ledger_head_forward();
create trigger ledger_head_no_truncate before truncate on ledger_head
    for each statement execute function ledger_refuse_change();
create trigger access_log_no_truncate before truncate on access_log
    for each statement execute function ledger_refuse_change();
