-- health: clinical records held apart from custody records (MANDELA-9, 24-35). Clinical text lives only in
-- clinical_note, read by health staff; custody staff read fitness decisions; the ledger carries each note's SHA-256.
create table clinical_note (
    id            bigint generated always as identity primary key,
    person_id     bigint not null,
    facility_code text not null,
    kind          text not null check (kind in ('SCREENING','REQUEST','TRIAGE','CONSULTATION','NOTE','REPORT',
                                                'ANSWER')),
    content       text not null,  -- JSON as written: its SHA-256 is on the ledger
    sha256        char(64) not null,
    recorded_by   text not null,
    recorded_at   timestamptz not null
);
create index clinical_note_person on clinical_note (person_id, id);

-- From when a facility keeps clinical records here: stays that began before are not owed a screening record
-- (a take-on of an existing population); set once per facility.
create table clinical_records_since (
    facility_code text primary key,
    since         timestamptz not null,
    set_by        text not null,
    set_at        timestamptz not null
);

-- MANDELA-30: the reception screening of a stay (one per booking), completed or refused by the person.
create table health_screening (
    id                  bigint generated always as identity primary key,
    booking_id          bigint not null unique,
    person_id           bigint not null,
    facility_code       text not null,
    outcome             text not null check (outcome in ('COMPLETED','REFUSED')),
    injuries            boolean not null,
    ill_treatment_signs boolean not null,
    screened_by         text not null,
    screened_at         timestamptz not null,
    note_id             bigint not null references clinical_note (id)
);
create index health_screening_facility on health_screening (facility_code, screened_at);

-- Sick call: received (from the person through staff, or raised by staff), triaged, seen; each step timestamped.
create table sick_call (
    id              bigint generated always as identity primary key,
    person_id       bigint not null,
    booking_id      bigint not null,
    facility_code   text not null,
    source          text not null check (source in ('PERSON','STAFF')),
    received_at     timestamptz not null,
    received_by     text not null,
    request_note_id bigint not null references clinical_note (id),
    priority        text check (priority in ('URGENT','SYMPTOM','ROUTINE','NON_CLINICAL')),
    triaged_at      timestamptz,
    triaged_by      text,
    seen_at         timestamptz,
    seen_by         text,
    appointment_at  timestamptz,
    referral_movement_id bigint,
    outcome         text check (outcome in ('TREATED','REFERRED_HOSPITAL','REFERRED_SPECIALIST','NO_FURTHER_ACTION',
                                            'REFUSED')),
    check ((priority is null) = (triaged_at is null)),
    check (seen_at is null or triaged_at is not null),
    check ((seen_at is null) = (outcome is null))
);
create index sick_call_facility on sick_call (facility_code, received_at);
create index sick_call_open on sick_call (facility_code, received_at) where seen_at is null;
create index sick_call_person on sick_call (person_id);
create index sick_call_appointment on sick_call (facility_code, appointment_at) where seen_at is null;

-- health (published): who is to be brought to health care when, for the day's unlock list; nothing clinical
create view health_appointment as
select c.person_id, c.facility_code, c.appointment_at as at from sick_call c
 where c.appointment_at is not null and c.seen_at is null;

-- What custody staff may know: fit or unfit for work, for solitary confinement (MANDELA-45), for transfer.
create table health_fitness (
    id            bigint generated always as identity primary key,
    person_id     bigint not null,
    facility_code text not null,
    kind          text not null check (kind in ('WORK','SOLITARY','TRANSFER')),
    fit           boolean not null,
    review_on     date,
    decided_by    text not null,
    decided_at    timestamptz not null
);
create index health_fitness_person on health_fitness (person_id, kind, id);

-- MANDELA-33: health staff tell the director that detention or its conditions harm a person's health; the answer.
create table health_report (
    id            bigint generated always as identity primary key,
    person_id     bigint not null,
    facility_code text not null,
    condition     text not null check (condition in ('FOOD','WATER','SPACE','SANITATION','SOLITARY','VIOLENCE',
                                                     'RESTRAINT','OTHER')),
    note_id       bigint not null references clinical_note (id),
    made_by       text not null,
    made_at       timestamptz not null,
    answer_note_id bigint references clinical_note (id),
    answered_by   text,
    answered_at   timestamptz,
    check ((answered_at is null) = (answer_note_id is null))
);
create index health_report_facility on health_report (facility_code, made_at);

-- An instant as whole microseconds since the epoch: the text of a time in a hashed digest, whatever the session's
-- time zone (a digest on the ledger must be recomputable by anyone).
create function epoch_micros(t timestamptz) returns bigint language sql immutable
    as $$ select (extract(epoch from t) * 1000000)::bigint $$;
