-- legal (published): hearings, for the day's unlock list (who leaves which cell for a hearing, and when)
create view legal_hearing as
select h.id, h.person_id, h.scheduled_at, h.duration_minutes, h.mode, h.hearing_room_id, h.outcome
  from hearing h;
