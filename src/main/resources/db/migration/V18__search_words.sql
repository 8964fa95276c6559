-- Search by name words (module people). A typed full name used to be matched against every term through the
-- trigram index: about 30 trigrams with long posting lists, 45 ms for one query at national scale. Names are made
-- of few distinct words, so each query word is first matched, with typos, against the vocabulary of name words
-- (small), and a term is a candidate when it holds close words for at least two query words (exact-word GIN
-- look-ups); the whole-term similarity then decides as before.
alter table person_search add column words text[]
    generated always as (case when kind in ('NAME', 'ALIAS') then string_to_array(custodia_normalise(term), ' ') end)
    stored;
create index person_search_words on person_search using gin (words);

-- Every word of a name or alias ever recorded; kept when a name is corrected (a word that no term holds any more
-- only costs a look-up that finds nothing).
create table search_word (
    word text primary key
);
create index search_word_trgm on search_word using gin (word gin_trgm_ops);

-- One statement-level insert per batch: intake adds thousands of terms at a time.
create function search_word_collect() returns trigger language plpgsql as $$
begin
    insert into search_word (word)
    select distinct w from added, unnest(added.words) w where length(w) >= 3
    order by 1  -- the same order in every transaction: two admissions adding the same new words cannot deadlock
    on conflict do nothing;
    return null;
end $$;
create trigger person_search_words after insert on person_search
    referencing new table as added for each statement execute function search_word_collect();

insert into search_word (word)
select distinct w from person_search, unnest(words) w where length(w) >= 3
on conflict do nothing;
