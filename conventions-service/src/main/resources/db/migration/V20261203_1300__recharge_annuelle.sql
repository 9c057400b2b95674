-- Seed 004's yearly recharge: the network's yearly operating budget (4 000 € a year, revisable) advanced by one party,
-- the expenses proposed with their invoice, validated by a meeting of the convention's comité de pilotage and paid, the
-- staff, premises and equipment made available and valued per year, and at year end the call for repayment of the others.

create table budget_annuel (
    id             uuid          primary key,
    convention_id  uuid          not null references convention (id),
    annee          integer       not null,
    montant        numeric(14, 2) not null check (montant >= 0),
    avance_par     varchar(64)   not null,   -- the party that advances the funds (seed 004 art. 4.1: the CCAS de Blain)
    version        bigint        not null,
    unique (convention_id, annee)
);

-- Every amount the budget had, in order: the first vote, then each revision with its date and reason (the trace).
create table budget_annuel_revision (
    budget_id  uuid           not null references budget_annuel (id),
    rang       integer        not null,
    montant    numeric(14, 2) not null check (montant >= 0),
    decide_le  date           not null,
    motif      text           not null check (char_length(motif) between 1 and 500),
    primary key (budget_id, rang)
);

create table appel_regularisation (
    id                        uuid           primary key,
    convention_id             uuid           not null references convention (id),
    annee                     integer        not null,
    date_appel                date           not null,
    millesime                 integer        not null,  -- the INSEE vintage last known on date_appel
    creancier                 varchar(64)    not null,  -- the advancing party
    total_depenses            numeric(14, 2) not null,
    total_mises_a_disposition numeric(14, 2) not null,
    unique (convention_id, annee)
);

-- One line per party: its shares (exact to the cent, adding up to the totals), what it brought, and the balance called
-- (negative: the advancing party owes it).
create table appel_regularisation_ligne (
    appel_id                 uuid           not null references appel_regularisation (id),
    rang                     integer        not null,
    institution              varchar(64)    not null,
    habitants                bigint         not null,
    part_depenses            numeric(14, 2) not null,
    part_mises_a_disposition numeric(14, 2) not null,
    apports                  numeric(14, 2) not null,
    solde                    numeric(14, 2) not null,
    primary key (appel_id, rang)
);

create table depense_reseau (
    id              uuid           primary key,
    convention_id   uuid           not null references convention (id),
    annee           integer        not null,
    objet           text           not null check (char_length(objet) between 1 and 500),
    montant         numeric(14, 2) not null check (montant > 0),
    date_facture    date           not null,
    numero_facture  varchar(100)   not null,
    proposee_par    varchar(64)    not null,
    proposee_le     date           not null,
    etat            varchar(16)    not null,
    reunion_id      uuid           references reunion (id),
    decision        text,
    validee_le      date,
    payee_le        date,
    appel_id        uuid           references appel_regularisation (id),
    version         bigint         not null,
    check ((etat = 'PROPOSEE') = (reunion_id is null)),
    check ((etat = 'PAYEE') = (payee_le is not null))
);
create index depense_reseau_convention on depense_reseau (convention_id, annee);

create table mise_a_disposition (
    id             uuid           primary key,
    convention_id  uuid           not null references convention (id),
    annee          integer        not null,
    fournisseur    varchar(64)    not null,
    nature         varchar(16)    not null,
    libelle        text           not null check (char_length(libelle) between 1 and 500),
    montant        numeric(14, 2) not null check (montant > 0),
    appel_id       uuid           references appel_regularisation (id)
);
create index mise_a_disposition_convention on mise_a_disposition (convention_id, annee);
