-- A take-on into empty tables (the demo on a first start) builds their secondary indexes and checks their foreign
-- keys once, after the rows are in, instead of row by row (as pg_restore does): custodia_take_on_defer drops them,
-- custodia_take_on_restore creates them again from their own definitions and so checks every row at once. Both run
-- in the take-on's transaction, so any rollback undoes the drop too; and that transaction cannot commit while
-- anything dropped is not back (a deferred constraint trigger on the list refuses the commit). Unique indexes and
-- primary keys are never dropped: they are rules, and what foreign keys reference. A table with rows is left as it
-- is (rebuilding its indexes would cost more than it saves). Only a table's owner may drop and create its indexes,
-- hence security definer; the tables are named by the modules that own them (platform.TakeOnTables).
create function custodia_take_on_unrestored() returns trigger
    language plpgsql security definer set search_path = public, pg_temp
    as $$
begin
    if exists (select 1 from pg_temp.take_on_deferred where id = new.id) then
        raise exception 'take-on: % of table % was dropped and not restored', new.name, new.tbl
            using errcode = 'integrity_constraint_violation';
    end if;
    return null;
end $$;

create function custodia_take_on_defer(tables text[]) returns integer
    language plpgsql security definer set search_path = public, pg_temp
    as $$
declare
    t text;
    r record;
    filled boolean;
    n integer := 0;
begin
    if to_regclass('pg_temp.take_on_deferred') is null then
        create temp table take_on_deferred (id serial primary key, kind char(1) not null, tbl text not null,
            name text not null, definition text not null) on commit drop;
        create constraint trigger take_on_restored after insert on take_on_deferred deferrable initially deferred
            for each row execute function custodia_take_on_unrestored();
    end if;
    foreach t in array tables loop
        if to_regclass(format('public.%I', t)) is null then
            raise exception 'take-on: no table %', t;
        end if;
        execute format('select exists (select 1 from public.%I)', t) into filled;
        continue when filled;
        for r in select c.conname, pg_get_constraintdef(c.oid) as def from pg_constraint c
                 where c.conrelid = format('public.%I', t)::regclass and c.contype = 'f' loop
            insert into take_on_deferred (kind, tbl, name, definition) values ('f', t, r.conname, r.def);
            execute format('alter table public.%I drop constraint %I', t, r.conname);
            n := n + 1;
        end loop;
        for r in select c.relname, pg_get_indexdef(i.indexrelid) as def from pg_index i join pg_class c on c.oid = i.indexrelid
                 where i.indrelid = format('public.%I', t)::regclass and not i.indisunique and not i.indisprimary
                   and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid) loop
            insert into take_on_deferred (kind, tbl, name, definition) values ('i', t, r.relname, r.def);
            execute format('drop index public.%I', r.relname);
            n := n + 1;
        end loop;
    end loop;
    return n;
end $$;

create function custodia_take_on_restore() returns integer
    language plpgsql security definer set search_path = public, pg_temp
    as $$
declare
    r record;
    n integer := 0;
begin
    if to_regclass('pg_temp.take_on_deferred') is null then
        return 0;
    end if;
    -- indexes first, so that checking a foreign key can use them
    for r in select * from pg_temp.take_on_deferred order by kind = 'f', id loop
        if r.kind = 'i' then
            execute r.definition;
        else
            execute format('alter table public.%I add constraint %I %s', r.tbl, r.name, r.definition);
        end if;
        delete from pg_temp.take_on_deferred where id = r.id;
        n := n + 1;
    end loop;
    return n;
end $$;
