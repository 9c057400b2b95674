-- Issue 19: the structures and their services published in the data·inclusion schema (v1).

-- What data·inclusion asks of a structure beyond what referral-service had. Its phone, e-mail and website are the
-- institution's own public ones (open data), never a person's; the privileged contact is never published.
alter table structure add column siret varchar(14);
alter table structure add column reseaux_porteurs text;          -- comma-separated data·inclusion values; null: mapped from its type
alter table structure add column code_insee varchar(5);          -- the commune of its address
alter table structure add column telephone text;
alter table structure add column courriel text;
alter table structure add column site_web text;
alter table structure add column horaires_accueil text;
alter table structure add column description text;
-- when what it publishes last changed; the structures registered before this migration take its day (the only date known)
alter table structure add column date_maj date not null default current_date;
alter table structure alter column date_maj drop default;

-- A service a structure offers, in data·inclusion's words (its enumerations checked by the domain).
create table service_structure (
    id                           uuid          primary key,
    structure                    varchar(64)   not null references structure (code),
    nom                          varchar(150)  not null,
    description                  text          not null,
    type                         varchar(40),
    thematiques                  text          not null default '',   -- comma-separated data·inclusion values
    frais                        varchar(20),
    frais_precisions             text,
    publics                      text          not null default '',
    publics_precisions           text,
    conditions_acces             text,
    modes_accueil                text          not null default '',
    modes_mobilisation           text          not null default '',
    mobilisable_par              text          not null default '',
    mobilisation_precisions      text,
    zone_eligibilite             text          not null default '',
    telephone                    text,
    courriel                     text,
    lien_mobilisation            text,
    horaires_accueil             text,
    volume_horaire_hebdomadaire  numeric(5, 2),
    nombre_semaines              integer,
    date_maj                     date          not null,
    enregistre_le                timestamptz   not null
);
create index service_structure_structure on service_structure (structure);

-- An orientation may name the service it orients to (one of the oriented structure's).
alter table orientation add column service_id uuid references service_structure (id);
