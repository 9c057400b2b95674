-- Seed 003's action sheets as entered per action (sections 1 to 8 of the execution report), kept beside the budget lines:
-- the texts as the sheet gives them, its partners (with their amount when the sheet names one) and its own indicators table.
create table fiche_action (
    action_id           uuid         primary key references action_programme(id),
    description         text,
    objectifs           text,
    mise_en_place       text,                       -- "2. Date de mise en place" as written ("à compter du 1er janvier 2020")
    partenaires_texte   text,                       -- "3. Partenaires et co-financeurs" as written
    duree               text,
    budget_texte        text,                       -- the sheet's own words on its budget (the figures come from the lines)
    indicateurs_texte   text,                       -- the sheet's indicators table as written, when it is not only figures
    bilan               text,
    perspectives        text,
    saisie_par          text,
    saisie_le           timestamptz  not null default now()
);

create table fiche_partenaire (
    action_id  uuid          not null references fiche_action(action_id) on delete cascade,
    rang       int           not null,
    nom        text          not null,
    montant    numeric(15,2) check (montant >= 0),  -- null: the sheet names the partner without an amount
    primary key (action_id, rang)
);

-- The sheet's figures, distinct from annex 9's values (indicateur_valeur): indicateur_code links a row to annex 9's indicator
-- it reports on, when it does; valeur is the cell as written ("6 494", "19731 mensuel"), compared only when it is a number.
create table fiche_indicateur (
    action_id        uuid         not null references fiche_action(action_id) on delete cascade,
    rang             int          not null,
    libelle          text         not null,
    indicateur_code  varchar(60),
    periode          varchar(20)  not null,
    libelle_periode  text         not null,
    valeur           text         not null,
    primary key (action_id, rang, periode)
);

-- Which live count (from events) measures an annex indicator, so that the two can be checked against each other.
create table indicateur_source_directe (
    indicateur_code  varchar(60)  primary key references indicateur(code),
    source           varchar(80)  not null
);
