-- A batch left admitting by a process that stopped before committing is marked INTERRUPTED at the next start
-- (nobody was admitted: one transaction); sending it again admits it under the same id.
alter table intake_batch drop constraint intake_batch_status_check;
alter table intake_batch add constraint intake_batch_status_check
    check (status in ('VALIDATING','ADMITTING','DONE','REJECTED','FAILED','INTERRUPTED'));
