-- Indexes the indicators, the outreach funnel and the breaks read by at a Département's volume (issue 17, plans in the README).
-- The orientation's day in Paris (what the funnel and the orientations per structure count by): an expression index, as queried.
create index orientation_jour_paris on orientation ((cast(date_orientation at time zone 'Europe/Paris' as date)))
    include (structure, commune, beneficiaire_id);
-- rights opened in a period (new RSA entrants, rights opened after a RDV des droits, the funnel's last step)
create index droit_ouvert_le on droit (ouvert_le) include (type, source, beneficiaire_id) where ouvert_le is not null;
-- the funnel's contacts of a period
create index contact_campagne_date on contact_campagne (date_contact);
-- a structure's breaks not dealt with, in the order they are listed
drop index if exists rupture_a_traiter;
create index rupture_a_traiter on rupture (structure, date_rupture, id) where resolue_le is null;
