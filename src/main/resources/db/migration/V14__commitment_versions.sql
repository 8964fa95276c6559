-- Corrections of a stay's commitment record (module people) keep the replaced version, append-only.
create table commitment_version (
    id                   bigint generated always as identity primary key,
    booking_id           bigint not null references booking (id),
    commitment_authority text not null,
    commitment_reference text not null,
    commitment_basis     text not null,
    arrested_at          timestamptz,
    arrest_place         text,
    replaced_by          text not null,
    replaced_at          timestamptz not null,
    reason               text not null
);
create index commitment_version_booking on commitment_version (booking_id, id);
create trigger commitment_version_append_only before update or delete on commitment_version
    for each row execute function ledger_refuse_change();
