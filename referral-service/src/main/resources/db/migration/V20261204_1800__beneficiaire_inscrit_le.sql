-- Issue 17/15: a registration keeps the day it happened (inscrit_le: the day the person was met, given when it is recorded late,
-- or the day the CAF file that brought them was processed) apart from the moment it was recorded (cree_le). Retention's "last
-- activity" and the journal read inscrit_le; until now both were the recording moment.
alter table beneficiaire add column inscrit_le date;
update beneficiaire set inscrit_le = (cree_le at time zone 'Europe/Paris')::date;
-- writers that do not give it (the bench's direct inserts) register today, in the institutions' calendar
alter table beneficiaire alter column inscrit_le set default ((now() at time zone 'Europe/Paris')::date);
alter table beneficiaire alter column inscrit_le set not null;
