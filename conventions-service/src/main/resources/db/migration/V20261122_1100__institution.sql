-- The partner institutions: one stable code each, the same in every service, event and token.
create table institution (
    code              text        primary key,
    nom               text        not null,
    type              varchar(32) not null,
    siret             varchar(14),
    adresse           text,
    code_insee        varchar(5),
    population        integer,
    population_annee  integer,
    version           bigint      not null
);
create unique index institution_siret on institution (siret) where siret is not null;
