-- Search (module people): every name, alias, identity document and booking number of a person, normalised
-- (lower case, accents removed) and indexed by trigrams, so that misspelled and accent-less queries still find them.
create extension if not exists pg_trgm;
create extension if not exists unaccent;

-- unaccent() is only STABLE (its dictionary can change); we fix the dictionary so the function can be used in
-- indexes and generated columns.
create function custodia_normalise(text) returns text
    language sql immutable strict parallel safe
    as $$ select regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, $1)), '\s+', ' ', 'g') $$;

create table person_search (
    person_id bigint not null references person (id),
    kind      text not null check (kind in ('NAME','ALIAS','DOCUMENT','BOOKING')),
    term      text not null,
    norm      text generated always as (custodia_normalise(term)) stored
);
create index person_search_trgm on person_search using gin (norm gin_trgm_ops);
create index person_search_person on person_search (person_id);

insert into person_search (person_id, kind, term)
select id, 'NAME', given_names || ' ' || first_surname || coalesce(' ' || second_surname, '') from person
union all select person_id, 'ALIAS', alias from person_alias
union all select id, 'DOCUMENT', id_document from person where id_document is not null
union all select person_id, 'BOOKING', booking_number from booking;
