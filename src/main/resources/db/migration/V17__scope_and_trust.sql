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
