-- A population taken on in one transaction (the demo, a migration) is followed in that transaction by take-ons that
-- join it (a month of regime, health care, incidents). Without statistics the planner takes the new tables for
-- empty and joins 40,000 bookings by 40,000 index probes (0.4 s a query instead of 0.08 s). These functions analyse
-- the tables the take-ons join, on a small sample (they need sizes, not histograms; autovacuum analyses them fully
-- after the commit). ANALYZE needs the table's owner, hence security definer; it changes only the planner's
-- statistics. Each function is part of the module whose tables it names (its prefix).
create function people_analyse() returns void
    language sql security definer set search_path = public set default_statistics_target = 10
    as $$ analyze booking, person $$;

create function estate_analyse() returns void
    language sql security definer set search_path = public set default_statistics_target = 10
    as $$ analyze location, pavilion $$;
