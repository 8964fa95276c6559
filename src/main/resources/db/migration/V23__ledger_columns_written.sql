-- The ledger's queryable columns are written by the ledger writer next to the canonical text and checked against
-- it by every verification (a column that disagrees with its text makes the chain invalid at that entry), instead
-- of being derived here: the trigger that parsed each text cost 5 of the 7 seconds of writing the demo's 164,000
-- entries. The payload is no longer stored twice: it is read from the text where needed (a person's history), and
-- its jsonb copy alone cost 1.4 s of those 7.
drop trigger ledger_entry_derive on ledger_entry;
drop function ledger_entry_derive();
alter table ledger_entry drop column payload;
