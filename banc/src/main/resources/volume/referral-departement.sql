-- A Département's volume written straight into an empty referral-service database, for query plans only (issue 17):
-- 600,000 people (500,000 RSA entrants over 60 months, 100,000 met by outreach), their RSA steps, orientations, partner
-- rights, breaks, contacts and RDV des droits. Never on a database that keeps data: it bypasses the services (no outbox,
-- no events). Same rows on every run (setseed). psql -v echelle=1 (default 1) -f referral-departement.sql
\set ON_ERROR_STOP on
\if :{?echelle}
\else
\set echelle 1
\endif
select setseed(0.35);
set synchronous_commit = off;

create temporary table commune_poids as
select * from (values ('35236', 30), ('35220', 12), ('35238', 10), ('35047', 6), ('35051', 5), ('35066', 5), ('35115', 4), ('35139', 4),
    ('35160', 4), ('35178', 3), ('35197', 3), ('35210', 3), ('35233', 2), ('35257', 2), ('35270', 2), ('35279', 1), ('35288', 1),
    ('35305', 1), ('35317', 1), ('35352', 1)) v(commune, poids);
create temporary table commune_tirage as
select commune, generate_series(1, poids) from commune_poids;
create temporary table ct as select row_number() over () - 1 as n, commune from commune_tirage;

-- people: 1..E are the RSA entrants (imported by the CAF), E+1..N the people met by outreach
create temporary table p as
select t.i, md5('b' || t.i)::uuid as id, 'ben-' || substr(md5('r' || t.i), 1, 12) as reference, ct.commune, t.r1, t.r2, t.r3, t.r4,
    t.i <= 500000 * :echelle as rsa
from (select i, floor(random() * 100)::int as k, random() as r1, random() as r2, random() as r3, random() as r4
      from generate_series(1, (600000 * :echelle)::int) i) t join ct on ct.n = t.k;

insert into beneficiaire (id, reference, nom, prenom, date_naissance, commune, quartier, numero_allocataire, cree_par, cree_le, inscrit_le, version)
select id, reference, 'Nom' || i, 'Prenom', date '1960-01-01' + (r2 * 16000)::int, commune,
    case when commune = '35236' and r3 < 0.4 then (array['Bellevue', 'Le Châtelet', 'Centre', 'La Digue', 'Les Pâtis'])[1 + (r3 * 12)::int % 5]
         when commune = '35220' and r3 < 0.3 then 'Bourg' end,
    case when rsa then '35' || lpad(i::text, 7, '0') end, case when rsa then 'caf-35' else 'ccas-redon' end, now() - (r1 * 1826 || ' days')::interval,
    (now() - (r1 * 1826 || ' days')::interval)::date, 0
from p;

-- the RSA right of each entrant, opened in the last 60 months; 12 % closed six months to 2.5 years later
create temporary table rsa as
select p.i, p.id as beneficiaire_id, md5('d' || p.i)::uuid as id, current_date - (p.r1 * 1826)::int as ouvert_le, p.r2, p.r3, p.r4, p.commune,
    case when p.r4 < 0.25 then 'mission-locale-redon' when p.r4 < 0.65 then 'france-travail-35' when p.r4 < 0.9 then 'cdas-pays-de-redon'
         else 'ccas-redon' end as structure
from p where p.rsa;
alter table rsa add column ferme_le date;
update rsa set ferme_le = least(current_date, ouvert_le + 180 + (r3 * 730)::int) where r2 > 0.88;
alter table rsa add column oriente_le date;
update rsa set oriente_le = ouvert_le + 3 + (r3 * 45)::int where r2 < 0.92 and ouvert_le + 3 + (r3 * 45)::int <= current_date;

insert into droit (id, beneficiaire_id, type, etat, institution, source, identifie_le, demande_le, ouvert_le, ferme_le, version)
select id, beneficiaire_id, 'RSA', case when ferme_le is null then 'OUVERT' else 'FERME' end, 'caf-35', 'IMPORT_CAF', ouvert_le, ouvert_le,
    ouvert_le, ferme_le, 0 from rsa;
-- the C2S opened by the CPAM for 35 % of entrants, the prime d'activité by the CAF for 20 %
insert into droit (id, beneficiaire_id, type, etat, institution, source, identifie_le, demande_le, ouvert_le, version)
select md5('c' || i)::uuid, beneficiaire_id, 'C2S', 'OUVERT', 'cpam-35', 'PARTENAIRE', least(current_date, ouvert_le + 20),
    least(current_date, ouvert_le + 20), least(current_date, ouvert_le + 40), 0 from rsa where mod((r4 * 7)::numeric, 1) < 0.35;
insert into droit (id, beneficiaire_id, type, etat, institution, source, identifie_le, demande_le, ouvert_le, version)
select md5('a' || i)::uuid, beneficiaire_id, 'PPA', 'OUVERT', 'caf-35', 'PARTENAIRE', least(current_date, ouvert_le + 60),
    least(current_date, ouvert_le + 60), least(current_date, ouvert_le + 75), 0 from rsa where mod((r3 * 11)::numeric, 1) < 0.2;

insert into orientation (id, beneficiaire, structure, commune, motif, droits_vises, oriente_par, statut, date_orientation, version, beneficiaire_id,
    referent, acceptee_le, enregistree_le, demarree_le)
select md5('o' || i)::uuid, 'ben-' || substr(md5('r' || i), 1, 12), structure, commune, 'Orientation RSA', 'RSA', 'departement-35',
    case when mod((r3 * 13)::numeric, 1) < 0.85 then 'ACCEPTEE' else 'PROPOSEE' end, (oriente_le + time '10:00') at time zone 'Europe/Paris', 0, beneficiaire_id,
    case when mod((r3 * 13)::numeric, 1) < 0.85 then 'Référent' end, case when mod((r3 * 13)::numeric, 1) < 0.85 then least(current_date, oriente_le + 5) end,
    (oriente_le + time '10:00') at time zone 'Europe/Paris', null
from rsa where oriente_le is not null;

-- the four clocks: invitation and orientation from the opening, first appointment and CER from the orientation; what was done
insert into etape_rsa (id, beneficiaire_id, droit_id, type, date_depart, date_limite, faite_le, structure)
select md5('e1' || i)::uuid, beneficiaire_id, id, 'PREMIERE_INVITATION', ouvert_le, ouvert_le + 15,
    case when mod((r4 * 3)::numeric, 1) < 0.7 then least(current_date, ouvert_le + (r4 * 20)::int) end, structure from rsa
union all
select md5('e2' || i)::uuid, beneficiaire_id, id, 'ORIENTATION', ouvert_le, (ouvert_le + interval '1 month')::date, oriente_le, structure from rsa
union all
select md5('e3' || i)::uuid, beneficiaire_id, id, 'PREMIER_RDV', oriente_le, oriente_le + 14,
    case when mod((r3 * 17)::numeric, 1) < 0.75 then least(current_date, oriente_le + (r3 * 30)::int) end, structure from rsa where oriente_le is not null
union all
select md5('e4' || i)::uuid, beneficiaire_id, id, 'PREMIER_CER', oriente_le, (oriente_le + interval '2 months')::date,
    case when mod((r3 * 19)::numeric, 1) < 0.6 then least(current_date, oriente_le + 10 + (r3 * 50)::int) end, structure from rsa where oriente_le is not null;

-- a closed RSA is a break in the list of the structure that follows the person; half of them dealt with
insert into rupture (id, beneficiaire_id, droit_id, date_rupture, structure, resolue_le)
select md5('u' || i)::uuid, beneficiaire_id, id, ferme_le, structure, case when mod((r4 * 23)::numeric, 1) < 0.5 then least(current_date, ferme_le + 10) end
from rsa where ferme_le is not null;

-- outreach: a campaign a year over the communes; per person two attempts without them and one contact; a RDV des droits
-- for 70 %, an orientation for 45 % of those, the C2S opened for 35 %
insert into campagne (id, nom, communes, debut, fin, menee_par)
select md5('k' || y)::uuid, 'Aller-vers ' || y, (select string_agg(commune, ',') from commune_poids), make_date(y, 1, 1), make_date(y, 12, 31),
    'ccas-redon' from generate_series(extract(year from current_date)::int - 5, extract(year from current_date)::int) y;
create temporary table ap as
select p.i, p.id, p.commune, p.r1, p.r2, p.r3, current_date - (p.r1 * 1826)::int as jour from p where not p.rsa;
insert into contact_campagne (id, campagne_id, beneficiaire_id, commune, canal, issue, date_contact, par)
select md5('x1' || i)::uuid, md5('k' || extract(year from jour)::int)::uuid, null::uuid, commune, 'VISITE', 'ABSENT', jour - 10, 'ccas-redon' from ap
union all
select md5('x2' || i)::uuid, md5('k' || extract(year from jour)::int)::uuid, null::uuid, commune, 'TELEPHONE', 'REFUS', jour - 5, 'ccas-redon' from ap
union all
select md5('x3' || i)::uuid, md5('k' || extract(year from jour)::int)::uuid, id, commune, 'VISITE', 'RENCONTRE', jour, 'ccas-redon' from ap;
insert into rdv_droits (id, beneficiaire_id, date_rdv, tenu_par)
select md5('v' || i)::uuid, id, least(current_date, jour + 7), 'ccas-redon' from ap where r2 < 0.7;
insert into orientation (id, beneficiaire, structure, commune, motif, droits_vises, oriente_par, statut, date_orientation, version, beneficiaire_id,
    acceptee_le, enregistree_le)
select md5('o' || i)::uuid, 'ben-' || substr(md5('r' || i), 1, 12), case when r3 < 0.5 then 'cdas-pays-de-redon' else 'ccas-pipriac' end, commune,
    'Orientation aller-vers', 'C2S', 'ccas-redon', case when mod((r3 * 7)::numeric, 1) < 0.8 then 'ACCEPTEE' else 'PROPOSEE' end,
    (least(current_date, jour + 7) + time '11:00') at time zone 'Europe/Paris', 0, id,
    case when mod((r3 * 7)::numeric, 1) < 0.8 then least(current_date, jour + 12) end, (least(current_date, jour + 7) + time '11:00') at time zone 'Europe/Paris'
from ap where r2 < 0.7 * 0.45;
insert into droit (id, beneficiaire_id, type, etat, institution, source, identifie_le, demande_le, ouvert_le, version)
select md5('c' || i)::uuid, id, 'C2S', 'OUVERT', 'cpam-35', 'RDV_DES_DROITS', least(current_date, jour + 7), least(current_date, jour + 7),
    least(current_date, jour + 30), 0 from ap where r2 < 0.7 and mod((r3 * 5)::numeric, 1) < 0.35;

vacuum analyze;
select 'beneficiaire' as table, count(*) from beneficiaire union all select 'droit', count(*) from droit union all
select 'etape_rsa', count(*) from etape_rsa union all select 'etape_rsa non faite', count(*) from etape_rsa where faite_le is null union all
select 'orientation', count(*) from orientation union all select 'rupture', count(*) from rupture union all
select 'contact_campagne', count(*) from contact_campagne union all select 'rdv_droits', count(*) from rdv_droits;
