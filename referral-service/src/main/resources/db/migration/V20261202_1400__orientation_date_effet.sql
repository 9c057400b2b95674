-- An orientation keeps the day it happened (date_orientation, given by the structure when it is recorded late) apart from the
-- moment it was recorded (enregistree_le); until now both were the recording moment.
alter table orientation add column enregistree_le timestamptz not null default now();
update orientation set enregistree_le = date_orientation;
