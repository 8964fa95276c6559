-- A charge may name the incident it arises from, as the incidents module recorded it: the charge's incident time is
-- then that record's, not a time typed again (which could be moved to bring a late charge within the hours). No
-- foreign key: the incidents module owns its table; the id is checked through its published API.
alter table discipline_charge add column incident_id bigint;
create index discipline_charge_incident on discipline_charge (incident_id) where incident_id is not null;
