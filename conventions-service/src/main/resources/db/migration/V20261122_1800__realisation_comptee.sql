-- Commitments whose réalisations are counted from another service's events (e.g. orientations made to the
-- committed institution), each event counted once per commitment.
alter table engagement add column compte_evenement varchar(32);
alter table realisation add column evenement text;
create unique index realisation_evenement on realisation (engagement_id, evenement) where evenement is not null;
