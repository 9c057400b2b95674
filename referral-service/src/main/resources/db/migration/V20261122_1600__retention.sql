-- Retention: a person without activity for two years is anonymised (identity erased), the date is kept.
alter table beneficiaire add column anonymise_le date;
-- the retention job looks for each person's last activity in these tables
create index etape_rsa_beneficiaire on etape_rsa (beneficiaire_id);
create index contact_campagne_beneficiaire on contact_campagne (beneficiaire_id);
create index rupture_beneficiaire on rupture (beneficiaire_id);
create index saisine_beneficiaire on saisine (beneficiaire_id);
