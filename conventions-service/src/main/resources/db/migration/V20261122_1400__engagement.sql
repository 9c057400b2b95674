-- One party's measurable commitment, article by article, and what has been done of it over time.
create table engagement (
    id             uuid           primary key,
    convention_id  uuid           not null references convention (id),
    institution    text           not null references institution (code),
    article        text           not null,
    nature         varchar(32)    not null,
    libelle        text           not null,
    quantite       numeric(14, 2) not null check (quantite > 0),
    unite          text           not null,
    rythme         varchar(16)    not null,
    multiplicateur integer        not null check (multiplicateur >= 1),   -- e.g. per commune: the number of communes
    date_debut     date           not null,
    date_fin       date           not null,
    version        bigint         not null,
    check (date_fin >= date_debut)
);
create index engagement_convention on engagement (convention_id);

create table realisation (
    id             uuid           primary key,
    engagement_id  uuid           not null references engagement (id),
    date           date           not null,
    quantite       numeric(14, 2) not null check (quantite > 0),
    commentaire    text,
    saisie_par     text           not null
);
create index realisation_engagement on realisation (engagement_id);
