-- oversight: deaths, serious injuries and reasonable grounds of torture or ill-treatment in custody (MANDELA-71, 69,
-- 8, 34), each reported at once to the independent authority, which sees the case; the next of kin told; the remains'
-- destination and the cause once established; staff named as involved excluded from the case.
create table serious_case (
    id                      bigint generated always as identity primary key,
    kind                    text not null check (kind in ('DEATH','SERIOUS_INJURY','ILL_TREATMENT')),
    person_id               bigint not null,
    facility_code           text not null,
    occurred_at             timestamptz not null,
    place                   text not null,
    circumstances           text not null,
    known_cause             text,
    found_by                text,
    source                  text not null check (source in ('STAFF_REPORT','HEALTH_SCREENING','COMPLAINT','OTHER')),
    reported_by             text not null,
    reported_at             timestamptz not null,
    acknowledged_by         text,
    acknowledged_at         timestamptz,
    next_of_kin             text,
    next_of_kin_notified_at timestamptz,
    next_of_kin_by          text,
    remains_destination     text,
    remains_at              timestamptz,
    cause                   text,
    cause_established_by    text,
    cause_at                timestamptz
);
create index serious_case_facility on serious_case (facility_code, reported_at);
create index serious_case_person on serious_case (person_id);

create table serious_case_staff (
    case_id  bigint not null references serious_case (id),
    username text not null,
    primary key (case_id, username)
);
create index serious_case_staff_user on serious_case_staff (username);

create table serious_case_addition (
    id       bigint generated always as identity primary key,
    case_id  bigint not null references serious_case (id),
    text     text not null,
    added_by text not null,
    added_at timestamptz not null
);
