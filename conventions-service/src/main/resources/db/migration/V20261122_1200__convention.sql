-- A partnership or funding agreement between institutions, and each institution's place in it.
create table convention (
    id               uuid         primary key,
    reference        text         not null unique,
    objet            text         not null,
    type             varchar(32)  not null,
    porteur          text         not null references institution (code),
    territoire       text         not null,   -- comma-separated INSEE codes
    bases_legales    text         not null,   -- one "VU ..." per line
    date_debut       date         not null,
    date_fin         date         not null,
    lieu             text,
    nombre_originaux integer,
    montant_total    numeric(14, 2),
    preavis_mois     integer,
    statut           varchar(16)  not null,
    date_signature   date,
    version          bigint       not null,
    check (date_fin > date_debut),
    check (montant_total is null or montant_total >= 0)
);
create index convention_statut on convention (statut);

create table partie (
    id                     uuid        primary key,
    convention_id          uuid        not null references convention (id),
    institution            text        not null references institution (code),
    role                   varchar(32) not null,
    representant_nom       text,
    representant_qualite   text,
    deliberation_numero    text,
    deliberation_instance  text,
    deliberation_date      date,
    date_signature         date,
    unique (convention_id, institution)
);
create index partie_institution on partie (institution);
