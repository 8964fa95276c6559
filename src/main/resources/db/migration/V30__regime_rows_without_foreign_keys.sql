-- Rows written by the thousand (a facility's meals, a count's places): their owning service writes them with their
-- parent in one transaction, and the per-row foreign key checks were most of the cost of taking on a month of the
-- regime (the demo's first start). An index keeps the look-ups by parent.
alter table provision_item drop constraint provision_item_provision_id_fkey;
alter table provision_item drop constraint provision_item_item_code_fkey;
alter table count_submission drop constraint count_submission_count_id_fkey;
