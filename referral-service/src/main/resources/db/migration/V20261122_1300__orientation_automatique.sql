-- Automatic orientation (seed 003): the rules are data, tried in order; each decision records the rule that matched and why.
create table regle_orientation (
    id               uuid         primary key,
    rang             int          not null unique,
    libelle          text         not null,
    age_min          int,
    age_max          int,
    foyers           text         not null default '',   -- comma-separated household types, empty = any
    communes         text         not null default '',   -- comma-separated INSEE codes, empty = any
    type_structure   varchar(20)  not null,              -- the kind of structure to orient to, found by commune
    structure        varchar(64),                        -- or one structure named
    active           boolean      not null default true,
    cree_par         text         not null,
    cree_le          timestamptz  not null default now()
);

-- Append-only audit of every decision, automatic or forced by an agent.
create table decision_orientation (
    id               uuid         primary key,
    beneficiaire_id  uuid         not null references beneficiaire (id),
    regle_id         uuid         references regle_orientation (id),
    raison           text         not null,
    structure        varchar(64),
    orientation_id   uuid,
    par              text         not null,
    forcee           boolean      not null default false,
    motif_forcage    text,
    decidee_le       timestamptz  not null default now()
);
create index decision_orientation_beneficiaire on decision_orientation (beneficiaire_id, decidee_le);
