-- After every migration (Flyway callback, run by the owning role): what the application role may do. It owns
-- nothing; it reads and appends everywhere, updates only where the model updates, deletes only where the model
-- replaces rows, and has no TRUNCATE. SELECT ... FOR UPDATE needs UPDATE, so tables the model locks are listed
-- too; their append-only triggers still refuse any change. Skipped when one role does both (not for production).
do $$
declare
    app text := '${appRole}';
    v text;
begin
    if app = current_user or not exists (select 1 from pg_roles where rolname = app) then
        raise notice 'application role % is the owning role or does not exist: no separate grants', app;
        return;
    end if;
    execute format('grant usage on schema public to %I', app);
    execute format('revoke all on all tables in schema public from %I', app);
    execute format('grant select, insert on all tables in schema public to %I', app);
    execute format('revoke insert on flyway_schema_history from %I', app);
    execute format('grant usage, select on all sequences in schema public to %I', app);
    execute format('grant update on account, location, booking, intake_batch, login_throttle, transfer, person, '
        || 'ledger_head, housing_plan, hearing, capacity_change_request, api_token, group_rivalry, pavilion, facility, '
        || 'record_entry, movement_person, count_round, count_schedule, menu_item, water_interruption, '
        || 'workshop, work_session, work_allocation, sick_call, health_report, discipline_charge, solitary_placement, serious_case, incident, use_of_force_statement to %I', app);
    execute format('grant delete on person_search, person_alias, group_rivalry, account_role, account_facility to %I',
        app);
    -- the modules' published views are read, never written through (a simple view would accept inserts)
    for v in select viewname from pg_views where schemaname = 'public' loop
        execute format('revoke insert on %I from %I', v, app);
    end loop;
end $$;
