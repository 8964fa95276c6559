-- Groups and affiliation claims (module housing). Claims serve separation only; they are disputed and closed,
-- never deleted or edited: every change of status is a new row of affiliation_claim_event.
create table housing_group (
    code text primary key check (code ~ '^[A-Z0-9-]{2,30}$'),
    name text not null
);

-- Pairs that must never share a cell, or a pavilion.
create table group_rivalry (
    group_a text not null references housing_group (code),
    group_b text not null references housing_group (code),
    level   text not null check (level in ('CELL','PAVILION')),
    primary key (group_a, group_b),
    check (group_a < group_b)
);

create table affiliation_claim (
    id           bigint generated always as identity primary key,
    person_id    bigint not null references person (id),
    group_code   text not null references housing_group (code),
    source       text not null check (source in ('SELF_DECLARED','OBSERVED_MARKS','INTELLIGENCE_REPORT','SENDING_STATE')),
    evidence_ref text,
    confidence   text not null check (confidence in ('LOW','MEDIUM','HIGH')),
    claimed_on   date not null,
    recorded_by  text not null,
    recorded_at  timestamptz not null
);
create index affiliation_claim_person on affiliation_claim (person_id);

create table affiliation_claim_event (
    id          bigint generated always as identity primary key,
    claim_id    bigint not null references affiliation_claim (id),
    status      text not null check (status in ('DISPUTED','CLOSED')),
    reason      text not null,
    recorded_by text not null,
    recorded_at timestamptz not null
);
create index affiliation_claim_event_claim on affiliation_claim_event (claim_id, id);

create trigger affiliation_claim_append_only before update or delete on affiliation_claim
    for each row execute function ledger_refuse_change();
create trigger affiliation_claim_event_append_only before update or delete on affiliation_claim_event
    for each row execute function ledger_refuse_change();

insert into housing_group (code, name) values
    ('MS-13', 'Mara Salvatrucha (MS-13)'),
    ('B18-SUR', 'Barrio 18 Sureños'),
    ('B18-REV', 'Barrio 18 Revolucionarios'),
    ('TDA', 'Tren de Aragua'),
    ('NINGUNO', 'Sin afiliación');
insert into group_rivalry (group_a, group_b, level) values
    ('B18-SUR', 'MS-13', 'PAVILION'),
    ('B18-REV', 'MS-13', 'PAVILION'),
    ('B18-REV', 'B18-SUR', 'CELL');
