-- MANDELA-7 (b): the date, time and place of arrest belong to the commitment record; pretrial detention counts
-- from the arrest. Rows from before this migration keep nulls (the admission time is used instead).
alter table booking add column arrested_at timestamptz;
alter table booking add column arrest_place text;
