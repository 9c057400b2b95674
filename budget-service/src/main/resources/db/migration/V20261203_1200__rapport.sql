-- The reports of a funding convention (seed 002, art. 3.2): an interim report per year, the final one. What a report said is
-- kept as produced (contenu, JSON): an expense recorded later for its period does not rewrite a report already sent.
create table rapport (
    id            uuid         primary key,
    programme_id  uuid         not null references programme(id),
    type          varchar(20)  not null check (type in ('INTERMEDIAIRE', 'FINAL')),
    periode       varchar(20)  not null,        -- the year of an interim report (2023), FINAL for the final one
    date_debut    date         not null,
    date_fin      date         not null,
    produit_le    date         not null,
    produit_par   text,
    contenu       text         not null,
    cree_le       timestamptz  not null default now(),
    unique (programme_id, type, periode),
    check (produit_le > date_fin)
);
