-- Numbered amendments (avenants): structured changes, in force once every party has approved them.
create table avenant (
    id                     uuid           primary key,
    convention_id          uuid           not null references convention (id),
    numero                 integer        not null,
    objet                  text           not null,
    nouvelle_date_fin      date,
    nouveau_montant_total  numeric(14, 2),
    nouveau_preavis_mois   integer,
    statut                 varchar(16)    not null,
    en_vigueur_le          date,
    version                bigint         not null,
    unique (convention_id, numero)
);
create table avenant_approbation (
    avenant_id   uuid  not null references avenant (id),
    institution  text  not null references institution (code),
    date         date  not null,
    primary key (avenant_id, institution)
);
-- Every version of a convention stays readable: what was true when.
create table convention_version (
    convention_id  uuid    not null references convention (id),
    numero         integer not null,
    depuis         date    not null,
    avenant_numero integer,
    contenu        text    not null,   -- the convention as it read then (JSON)
    primary key (convention_id, numero)
);
