-- Each orientation-faite applied once: the indicators are counted from these rows.
create table orientation_comptee (
    orientation_id    uuid        primary key,
    evenement_id      text        not null,
    commune           varchar(5)  not null,
    structure         text        not null,
    droits_vises      text        not null,   -- comma-separated codes
    date_orientation  timestamptz not null,
    mois              varchar(7)  not null,   -- YYYY-MM of the orientation, Europe/Paris
    applique_le       timestamptz not null default clock_timestamp()
);
create index orientation_comptee_commune_mois on orientation_comptee (commune, mois);
