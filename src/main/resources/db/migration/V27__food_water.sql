-- regime: food and water. A menu of items (energy and protein per portion), diets per person, every meal issued to
-- a cell with its items and portions, drinking water delivered per cell in litres, interruptions of supply, and
-- meals refused by a person. Figures per person come from these and the people in the cell when it was issued.
create table menu_item (
    code           text primary key check (code ~ '^[A-Z0-9-]{2,30}$'),
    name           text not null,
    kcal           numeric(7,1) not null check (kcal >= 0 and kcal <= 5000),
    protein_g      numeric(6,1) not null check (protein_g >= 0 and protein_g <= 500),
    portion        text not null,
    per_person     numeric(4,2) not null check (per_person >= 0 and per_person <= 10),
    meals          text[] not null,
    active         boolean not null,
    changed_by     text not null,
    changed_at     timestamptz not null
);

create table diet (
    id           bigint generated always as identity primary key,
    person_id    bigint not null,
    kind         text not null check (kind in ('MEDICAL','RELIGIOUS')),
    description  text not null,
    since        date not null,
    until        date,
    recorded_by  text not null,
    recorded_at  timestamptz not null
);
create index diet_person on diet (person_id);

create table provision (
    id             bigint generated always as identity primary key,
    facility_code  text not null,
    location_id    bigint not null,
    day            date not null,
    kind           text not null check (kind in ('BREAKFAST','LUNCH','DINNER','WATER')),
    people         integer not null check (people >= 0),
    kcal           numeric(10,1) not null check (kcal >= 0),
    protein_g      numeric(9,1) not null check (protein_g >= 0),
    litres         numeric(9,1) not null check (litres >= 0),
    below_minimum  boolean not null,
    shortfall_reason text check (shortfall_reason in ('SUPPLY_SHORTAGE','KITCHEN_FAILURE','WATER_SUPPLY_INTERRUPTED',
                                                      'DELIVERY_FAILURE','OTHER')),
    shortfall_note text,
    recorded_by    text not null,
    recorded_at    timestamptz not null,
    check (not below_minimum or shortfall_reason is not null)
);
-- one meal of a kind per cell and day; water may be delivered more than once a day
create unique index provision_one_meal on provision (location_id, day, kind) where kind <> 'WATER';
create index provision_facility_day on provision (facility_code, day);

create table provision_item (
    provision_id bigint not null references provision (id),
    item_code    text not null references menu_item (code),
    portions     numeric(8,1) not null check (portions >= 0),
    primary key (provision_id, item_code)
);

create table water_interruption (
    id            bigint generated always as identity primary key,
    facility_code text not null,
    pavilion_id   bigint,
    started_at    timestamptz not null,
    ended_at      timestamptz,
    reason        text not null,
    recorded_by   text not null,
    ended_by      text,
    check (ended_at is null or ended_at >= started_at)
);
create index water_interruption_facility on water_interruption (facility_code, started_at);

create table meal_refusal (
    id           bigint generated always as identity primary key,
    person_id    bigint not null,
    facility_code text not null,
    day          date not null,
    meal         text not null check (meal in ('BREAKFAST','LUNCH','DINNER')),
    note         text,
    recorded_by  text not null,
    recorded_at  timestamptz not null,
    unique (person_id, day, meal)
);
create index meal_refusal_facility on meal_refusal (facility_code, day);
