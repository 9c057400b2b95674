-- Issue 15: an orientation's date can be corrected (orientation-corrigee). Each row keeps the version of the orientation it
-- was counted from, so that only a newer correction moves it, whatever the order of arrival; orientation-faite is version 0.
alter table orientation_comptee add column version bigint not null default 0;
