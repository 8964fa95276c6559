-- A population taken on in one transaction (the demo, a migration) puts its search terms into the GIN indexes'
-- pending lists (gin_pending_list_limit raised for that transaction: merging them in bulk takes a third of the time)
-- and merges them at the end with this function, so that searches are fast from the first minute, not only after
-- autovacuum has passed. Merging a pending list needs the index's owner, hence security definer; it changes nothing
-- anyone can see, only where the index keeps its entries. Part of the people module (its prefix).
create function people_merge_search_pending() returns bigint
    language sql security definer set search_path = public
    as $$ select gin_clean_pending_list('person_search_trgm'::regclass)
               + gin_clean_pending_list('person_search_words'::regclass) $$;
