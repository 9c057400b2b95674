-- The structures people are oriented to (a local referential: an orientation to an unknown structure is refused).
create table structure (
    code                 varchar(64)  primary key,
    nom                  text         not null,
    type                 varchar(20)  not null,
    communes             text         not null default '',   -- comma-separated INSEE codes it covers, empty = all
    contact_privilegie   text                                 -- seed 001: who answers blocked or urgent situations
);

-- A beneficiary: identity limited to what the follow-up needs. Names, contact details and the CAF number never leave
-- this database; elsewhere a person is only their opaque reference.
create table beneficiaire (
    id                      uuid          primary key,
    reference               varchar(20)   not null unique,
    nom                     text,
    prenom                  text,
    date_naissance          date,
    commune                 varchar(5)    not null,
    quartier                text,
    canal_contact           varchar(20),
    contact                 text,
    numero_allocataire      varchar(20)   unique,
    foyer                   varchar(30),
    consentement_donne_le   date,
    consentement_portee     text,
    consentement_retire_le  date,
    cree_par                text          not null,
    cree_le                 timestamptz   not null default now(),
    version                 bigint        not null default 0
);

-- Who read a person's record, when and why.
create table acces_dossier (
    id               bigserial    primary key,
    beneficiaire_id  uuid         not null references beneficiaire (id),
    lecteur          text         not null,
    institution      text,
    motif            text         not null,
    lu_le            timestamptz  not null default now()
);
create index acces_dossier_beneficiaire on acces_dossier (beneficiaire_id, lu_le);

-- Each right found potentially open, followed until it opens, is refused or abandoned, and closes.
create table droit (
    id               uuid         primary key,
    beneficiaire_id  uuid         not null references beneficiaire (id),
    type             varchar(20)  not null,
    etat             varchar(12)  not null,
    institution      varchar(64),
    orientation_id   uuid,
    source           varchar(20)  not null,
    identifie_le     date         not null,
    demande_le       date,
    ouvert_le        date,
    refuse_le        date,
    abandonne_le     date,
    ferme_le         date,
    version          bigint       not null default 0
);
create index droit_beneficiaire on droit (beneficiaire_id);
create unique index droit_un_seul_en_cours on droit (beneficiaire_id, type) where etat in ('POTENTIEL', 'DEMANDE', 'OUVERT');

alter table orientation add column beneficiaire_id uuid references beneficiaire (id);
alter table orientation add column referent text;
alter table orientation add column motif_refus text;
alter table orientation add column acceptee_le date;
alter table orientation add column cloturee_le date;
alter table orientation add column precedente_id uuid;
create index orientation_beneficiaire_id on orientation (beneficiaire_id);

-- The RSA path's legal clocks (seeds 002, 003), started when the RSA right opened.
create table etape_rsa (
    id               uuid         primary key,
    beneficiaire_id  uuid         not null references beneficiaire (id),
    droit_id         uuid         not null references droit (id),
    type             varchar(20)  not null,
    date_depart      date         not null,
    date_limite      date         not null,
    faite_le         date,
    structure        varchar(64),
    unique (droit_id, type)
);
create index etape_rsa_a_traiter on etape_rsa (structure, date_limite) where faite_le is null;
