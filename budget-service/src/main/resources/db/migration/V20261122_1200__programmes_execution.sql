-- Funded programmes, their axes and actions, and per action and period the budget line of seed 003's table.
create table programme (
    id                       uuid          primary key,
    code                     varchar(60)   not null unique,
    libelle                  text          not null,
    date_debut               date          not null,
    date_fin                 date          not null,
    reference_convention     text,                        -- the funding convention, as conventions-service names it
    territoire               text          not null default '',  -- comma-separated INSEE codes, for the live indicators
    categories_non_eligibles text          not null default '',  -- comma-separated CategorieDepense, seed 002 art. 4.2
    plafond_etp_ingenierie   numeric(6,2),                -- seed 002: engineering staff capped at 3 ETP
    bilan_final_le           date,
    trop_percu               numeric(15,2),
    cree_le                  timestamptz   not null default now(),
    version                  bigint        not null default 0,
    check (date_fin >= date_debut)
);

create table axe (
    id            uuid        primary key,
    programme_id  uuid        not null references programme(id),
    code          varchar(120) not null,
    libelle       text        not null,
    rang          int         not null,
    unique (programme_id, code)
);

create table action_programme (
    id            uuid        primary key,
    programme_id  uuid        not null references programme(id),
    axe_id        uuid        references axe(id),
    code          varchar(30) not null,
    libelle       text        not null,
    partenaires   text,
    date_debut    date,
    date_fin      date,
    rang          int         not null,
    unique (programme_id, code)
);

-- Receipts and carry-over to the next period are computed from these columns; what an imported table said is kept beside.
create table ligne_budgetaire (
    id                        uuid          primary key,
    action_id                 uuid          not null references action_programme(id),
    periode                   varchar(20)   not null,
    date_debut                date          not null,
    date_fin                  date          not null,
    valorisation_departement  numeric(15,2) not null default 0,
    actions_valorisees        text,
    report_entrant            numeric(15,2) not null default 0,
    participation_etat        numeric(15,2) not null default 0,
    nature_depenses           text,
    consommation_initiale     numeric(15,2) not null default 0,   -- consumption as reported up to date_consommation (import)
    date_consommation         date,
    recettes_importees        numeric(15,2),
    report_sortant_importe    numeric(15,2),
    import_id                 uuid,
    version                   bigint        not null default 0,
    unique (action_id, periode),
    check (date_fin >= date_debut)
);

create table import_tableau (
    id                 uuid         primary key,
    programme_id       uuid         not null references programme(id),
    periode            varchar(20)  not null,
    titre              text,
    date_consommation  date,
    nombre_actions     int          not null,
    nombre_ecarts      int          not null,
    rapport            text         not null,   -- the reconciliation report as answered, JSON
    importe_par        text,
    importe_le         timestamptz  not null default now()
);
create index import_tableau_programme on import_tableau (programme_id, importe_le desc);

-- convention-signee as received: a funding convention opens the envelope of the programme that names it.
create table convention_financement (
    convention_id   uuid          primary key,
    reference       text          not null unique,
    type            varchar(40)   not null,
    porteur         text          not null,
    montant_total   numeric(15,2),
    date_debut      date          not null,
    date_fin        date          not null,
    date_signature  date          not null
);

create table tranche_attendue (
    convention_id  uuid          not null references convention_financement(convention_id),
    rang           int           not null,
    libelle        text          not null,
    payeur         text          not null,
    montant        numeric(15,2) not null,
    date_limite    date,
    primary key (convention_id, rang)
);

create table versement (
    id            uuid          primary key,
    programme_id  uuid          not null references programme(id),
    montant       numeric(15,2) not null check (montant > 0),
    date_versement date         not null,
    libelle       text          not null,
    saisi_par     text,
    saisi_le      timestamptz   not null default now()
);
create index versement_programme on versement (programme_id);

create table depense (
    id                    uuid          primary key,
    ligne_id              uuid          not null references ligne_budgetaire(id),
    montant               numeric(15,2) not null check (montant > 0),
    date_depense          date          not null,
    categorie             varchar(40)   not null,
    beneficiaire          text          not null,
    piece_justificative   text          not null,
    etp                   numeric(6,2),
    eligible              boolean       not null,
    regle_refus           text,
    saisie_par            text,
    saisie_le             timestamptz   not null default now()
);
create index depense_ligne on depense (ligne_id, date_depense);

-- Indicators of seed 003's table: definitions, and values per period entered by hand.
create table indicateur (
    code        varchar(60)  primary key,
    libelle     text         not null,
    definition  text,
    unite       varchar(40)  not null,
    mesure      text         not null,
    programme_id uuid        references programme(id),
    action_code varchar(30),
    rang        int          not null default 0
);

create table indicateur_valeur (
    indicateur_code  varchar(60)   not null references indicateur(code),
    periode          varchar(20)   not null,   -- 2019, 2022-S1, or a date for a situation (2018-12-31)
    date_debut       date          not null,
    date_fin         date          not null,
    valeur           numeric(15,2) not null,
    saisie_par       text,
    saisie_le        timestamptz   not null default now(),
    primary key (indicateur_code, periode)
);
