-- droit-ouvert as referral-service publishes it (with the commune): the rights opened, counted once each.
create table droit_ouvert_compte (
    cle            text         primary key,   -- beneficiaire/droit/date: the same opening told twice is one opening
    evenement_id   text         not null,
    droit          varchar(20)  not null,
    institution    text         not null,
    commune        varchar(5)   not null,
    date_ouverture date         not null,
    mois           varchar(7)   not null
);
create index droit_ouvert_compte_commune_mois on droit_ouvert_compte (commune, mois);

-- indicateurs-parcours: the RSA path's counts per commune and month, the last publication wins.
create table indicateur_parcours (
    commune   varchar(5)   not null,
    mois      varchar(7)   not null,
    valeurs   text         not null,   -- the event's data, JSON
    recu_le   timestamptz  not null default now(),
    primary key (commune, mois)
);
