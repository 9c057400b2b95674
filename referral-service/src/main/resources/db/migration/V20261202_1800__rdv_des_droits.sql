-- Each RDV des droits held, on the date it was held. Until now a RDV left only its event (rdv-droits-tenu, purged from
-- the outbox after 7 days) and the rights it found: a RDV that found nothing new left no trace, so it could not be counted
-- (the outreach funnel counts RDV des droits per month). No identity here: the person is their id.
create table rdv_droits (
    id               uuid          primary key,
    beneficiaire_id  uuid          not null references beneficiaire (id),
    date_rdv         date          not null,
    tenu_par         varchar(64),                         -- null: recovered below from history that did not say who
    cree_le          timestamptz   not null default now()
);
create index rdv_droits_beneficiaire on rdv_droits (beneficiaire_id);
create index rdv_droits_date on rdv_droits (date_rdv);

-- Recovering past RDVs, best effort and once per person and day: the events still in the outbox (the last 7 days, with who
-- held them), then the days on which a RDV found a right (source RDV_DES_DROITS, identified that day). A RDV older than the
-- outbox that found no new right is lost.
insert into rdv_droits (id, beneficiaire_id, date_rdv, tenu_par)
select gen_random_uuid(), r.beneficiaire_id, r.date_rdv, r.tenu_par
from (
    select distinct on (b.id, (e.donnees ->> 'date')::date) b.id as beneficiaire_id, (e.donnees ->> 'date')::date as date_rdv,
           left(e.donnees ->> 'tenuPar', 64) as tenu_par
    from outbox_evenement e join beneficiaire b on b.reference = e.donnees ->> 'beneficiaire'
    where e.type = 'rdv-droits-tenu' and e.donnees ->> 'date' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
    order by b.id, (e.donnees ->> 'date')::date, e.position
) r;

insert into rdv_droits (id, beneficiaire_id, date_rdv, tenu_par)
select gen_random_uuid(), d.beneficiaire_id, d.identifie_le, null
from (select distinct beneficiaire_id, identifie_le from droit where source = 'RDV_DES_DROITS') d
where not exists (select 1 from rdv_droits r where r.beneficiaire_id = d.beneficiaire_id and r.date_rdv = d.identifie_le);
