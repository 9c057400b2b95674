-- An orientation of a beneficiary (opaque reference) to a structure de droit commun.
create table orientation (
    id              uuid        primary key,
    beneficiaire    text        not null,
    structure       text        not null,
    commune         varchar(5)  not null,
    motif           text        not null,
    droits_vises    text        not null,   -- comma-separated DroitVise codes
    oriente_par     text        not null,
    statut          varchar(16) not null,
    date_orientation timestamptz not null,
    version         bigint      not null
);
create index orientation_structure on orientation (structure);
create index orientation_oriente_par on orientation (oriente_par);
create index orientation_beneficiaire on orientation (beneficiaire);
