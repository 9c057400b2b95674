-- Issue 17: a rebuild of the live indicators is a job that runs in the background; its row says how far it is and how it
-- ended, and survives a restart (a run cut by one is marked ECHOUEE at the next start, the live tables untouched).
create table reconstruction_indicateurs (
    id             uuid         primary key,
    etat           varchar(10)  not null check (etat in ('EN_COURS', 'BASCULE', 'TERMINEE', 'ANNULEE', 'ECHOUEE')),
    demandee_par   text         not null,
    debut          timestamptz  not null default clock_timestamp(),
    fin            timestamptz,
    vu_le          timestamptz  not null default clock_timestamp(),   -- the runner's last sign of life
    evenements_lus bigint       not null default 0,
    projections    text         not null default '[]',                -- JSON: per topic read, applied, ignored, end offsets, counts
    raison         text
);
-- one rebuild at a time, even between two instances of the service
create unique index reconstruction_indicateurs_une_seule on reconstruction_indicateurs ((true)) where etat in ('EN_COURS', 'BASCULE');
create index reconstruction_indicateurs_debut on reconstruction_indicateurs (debut desc);
