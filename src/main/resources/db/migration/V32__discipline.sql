-- discipline: charges laid after an incident (within the hours the rules allow), their hearing, the person's account,
-- the outcome and the sanctions; and the solitary confinement register (MANDELA-43..46): placement with its basis,
-- authority and place, a day counter that stops at 15, daily health visits, an hour outdoors, reviews.
create table discipline_charge (
    id                 bigint generated always as identity primary key,
    person_id          bigint not null,
    facility_code      text not null,
    incident_at        timestamptz not null,
    incident_reference text,
    offence            text not null,
    particulars        text not null,
    laid_by            text not null,
    laid_at            timestamptz not null,
    state              text not null check (state in ('AWAITING_HEARING','SCHEDULED','PROVED','DISMISSED',
                                                      'NOT_PROCEEDED','REFERRED','QUASHED')),
    hearing_at         timestamptz,
    persons_account    text,
    findings           text,
    decided_by         text,
    decided_at         timestamptz
);
create index discipline_charge_person on discipline_charge (person_id);
create index discipline_charge_facility on discipline_charge (facility_code, laid_at);

create table discipline_sanction (
    id          bigint generated always as identity primary key,
    charge_id   bigint not null references discipline_charge (id),
    kind        text not null check (kind in ('CAUTION','LOSS_OF_PRIVILEGES','LOSS_OF_EARNINGS','CELL_CONFINEMENT',
                                              'SOLITARY_CONFINEMENT')),
    days        integer check (days between 1 and 60),
    description text
);

create table solitary_placement (
    id             bigint generated always as identity primary key,
    person_id      bigint not null,
    facility_code  text not null,
    location_id    bigint not null,
    basis          text not null check (basis in ('DISCIPLINARY','GOOD_ORDER','OWN_PROTECTION')),
    charge_id      bigint references discipline_charge (id),
    authority      text not null,
    reason         text not null,
    started_at     timestamptz not null,
    planned_end    timestamptz not null,
    -- days already served in placements that ran straight into this one (a break shorter than the rules' is none)
    carried_days   integer not null default 0,
    placed_by      text not null,
    ended_at       timestamptz,
    ended_by       text,
    end_reason     text,
    check (planned_end > started_at)
);
create unique index solitary_open on solitary_placement (person_id) where ended_at is null;
create index solitary_facility on solitary_placement (facility_code) where ended_at is null;

create table solitary_visit (
    placement_id bigint not null references solitary_placement (id),
    kind         text not null check (kind in ('HEALTH','OUTDOORS','REVIEW')),
    at           timestamptz not null,
    minutes      integer,
    finding      text check (finding in ('NO_ADVERSE_EFFECT','ADVERSE_EFFECT','CONTINUE','END')),
    note_sha256  char(64),
    recorded_by  text not null
);
create index solitary_visit_placement on solitary_visit (placement_id, kind, at);
