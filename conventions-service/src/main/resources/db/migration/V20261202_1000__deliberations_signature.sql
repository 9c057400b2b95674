-- Who signs on whose authority, as data: a local authority or a public establishment signs on a deliberation of its board;
-- a social-security fund, the State, France Travail or an association signs through its representative's own capacity.
create table regle_signature (
    type_institution      varchar(32) primary key,
    deliberation_requise  boolean     not null,
    organe                text        not null,
    fondement             text        not null
);
insert into regle_signature values
 ('COMMUNE', true, 'le conseil municipal', 'CGCT, art. L. 2121-29 : le conseil municipal règle par ses délibérations les affaires de la commune'),
 ('EPCI', true, 'le conseil communautaire', 'CGCT, art. L. 5211-1 et L. 5211-9 : l''organe délibérant règle les affaires de l''EPCI, son président les exécute'),
 ('DEPARTEMENT', true, 'le conseil départemental ou sa commission permanente', 'CGCT, art. L. 3211-1 et L. 3211-2 : le conseil départemental délibère, ou sa commission permanente par délégation'),
 ('CDAS', true, 'la commission permanente du Département', 'un CDAS est un service du Département : c''est le Département qui délibère'),
 ('CCAS', true, 'le conseil d''administration', 'CASF, art. L. 123-6 et R. 123-19 et suivants : le conseil d''administration règle les affaires du centre'),
 ('CIAS', true, 'le conseil d''administration', 'CASF, art. L. 123-4-1 et L. 123-6 : le conseil d''administration règle les affaires du centre'),
 ('CAF', false, 'le directeur ou la directrice', 'code de la sécurité sociale, art. L. 122-1 : le directeur représente l''organisme dans tous les actes de la vie civile'),
 ('CPAM', false, 'le directeur ou la directrice', 'code de la sécurité sociale, art. L. 122-1 : le directeur représente l''organisme dans tous les actes de la vie civile'),
 ('CARSAT', false, 'le directeur ou la directrice', 'code de la sécurité sociale, art. L. 122-1 : le directeur représente l''organisme dans tous les actes de la vie civile'),
 ('MSA', false, 'le directeur ou la directrice générale', 'code rural et de la pêche maritime : le directeur représente la caisse de mutualité sociale agricole'),
 ('ETAT', false, 'le préfet ou le chef de service déconcentré', 'le représentant de l''État signe en sa qualité, sans délibération'),
 ('FRANCE_TRAVAIL', false, 'le directeur ou la directrice', 'code du travail : France Travail est représenté par son directeur, sans délibération pour une convention de partenariat'),
 ('ASSOCIATION', false, 'son président ou sa présidente', 'selon ses statuts : le président représente l''association'),
 ('MISSION_LOCALE', false, 'son président ou sa présidente', 'une mission locale est le plus souvent une association : selon ses statuts'),
 ('FRANCE_SERVICES', false, 'le responsable de la structure porteuse', 'selon la structure qui porte l''espace France Services'),
 ('CLIC', false, 'le responsable de la structure porteuse', 'selon la structure qui porte le CLIC'),
 ('MDPH', false, 'le directeur ou la directrice', 'GIP : son directeur le représente'),
 ('BAILLEUR', false, 'son représentant légal', 'selon ses statuts'),
 ('AUTRE', false, 'son représentant légal', 'selon ses statuts');

-- A board's deliberation as a record (seed 001): who deliberated, when, on what, the votes, and when it became executory.
create table deliberation (
    id                 uuid        primary key,
    institution        text        not null references institution (code),
    organe             varchar(32) not null,
    numero             text,
    date_seance        date        not null,
    objet              text        not null,
    presents           integer,
    representes        integer,
    pour               integer,
    contre             integer,
    abstentions        integer,
    ne_prend_pas_part  integer,
    date_transmission  date,
    date_publication   date,
    autorise           text        not null,   -- comma-separated acts it authorises
    convention_id      uuid        references convention (id),
    version            bigint      not null,
    check (date_transmission is null or date_transmission >= date_seance),
    check (date_publication is null or date_publication >= date_seance)
);
create index deliberation_institution on deliberation (institution, date_seance);
create index deliberation_convention on deliberation (convention_id);

-- a party signs on a recorded deliberation; a party may commit without signing (seed 000's Mairie de Pipriac)
alter table partie add column deliberation_id uuid references deliberation (id);
alter table partie add column signataire boolean not null default true;
alter table avenant_approbation add column deliberation_id uuid references deliberation (id);

-- what the demo or the person entering a convention assumed where the document says nothing, one per line
alter table convention add column hypotheses text not null default '';
-- the co-financing plan's budget and a funding convention's budget imputation (seed 002)
alter table convention add column budget_previsionnel numeric(14, 2);
alter table convention add column imputation_programme text;
alter table convention add column imputation_centre_financier text;
alter table convention add column imputation_activite text;
alter table convention add column imputation_numero_ej text;
alter table convention add column imputation_ordonnateur text;
alter table convention add column imputation_comptable text;

-- the deliberations a convention's "VU" cite, to be checked against those its parties sign on
create table visa_deliberation (
    convention_id  uuid     not null references convention (id),
    rang           integer  not null,
    institution    text     not null references institution (code),
    numero         text,
    date           date     not null,
    primary key (convention_id, rang)
);

-- who finances the budget, in money or valued in kind, by amount or by rate (seed 000: the State 80 %)
create table financement (
    convention_id  uuid           not null references convention (id),
    rang           integer        not null,
    financeur      text           not null,
    institution    text           references institution (code),
    nature         varchar(16)    not null,
    montant        numeric(14, 2),
    taux           numeric(5, 2),
    base           text,
    primary key (convention_id, rang),
    check (montant is null or montant >= 0),
    check (taux is null or (taux > 0 and taux <= 100))
);

-- the privileged contacts a convention designates for blocked or urgent situations (seed 001)
create table contact_privilegie (
    id             uuid   primary key,
    convention_id  uuid   not null references convention (id),
    institution    text   not null references institution (code),
    contact        text   not null,
    designe_le     date   not null,
    hypothese      text
);
create index contact_privilegie_convention on contact_privilegie (convention_id);

-- INSEE legal populations by vintage (millésime N is in force from 1 January N+3), with their source
create table population_insee (
    institution  text     not null references institution (code),
    millesime    integer  not null,
    population   integer  not null check (population >= 0),
    source       text     not null,
    primary key (institution, millesime)
);
insert into population_insee (institution, millesime, population, source)
select code, population_annee, population, 'saisie avec l''institution' from institution where population is not null;
