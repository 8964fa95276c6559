-- work (published): who is expected at which work session (allocated on its day, the session not cancelled), for the
-- day's unlock list
create view work_session_person as
select s.id as session_id, s.day, s.starts_at, s.ends_at, w.facility_code, w.location_id, a.person_id
  from work_session s join workshop w on w.id = s.workshop_id
  join work_allocation a on a.workshop_id = s.workshop_id and a.since <= s.day
       and (a.status = 'ACTIVE' or a.status = 'ENDED' and a.ended_on > s.day)
 where s.cancelled_reason is null;
