-- Delays in a convention's execution declared to the funder "sans délai" (seed 002, art. 7): what is late, why, the date it
-- was due and the new one. They stand on the convention as declared; the contractual deadlines only move by an avenant.
create table retard_declare (
    id              uuid         primary key,
    convention_id   uuid         not null references convention (id),
    echeance_id     uuid         references echeance (id),
    objet           text         not null,
    motif           text         not null,
    ancienne_date   date,
    nouvelle_date   date         not null,
    declare_le      date         not null,
    institution     text         not null references institution (code),   -- who declares it
    declare_par     text,
    enregistre_le   timestamptz  not null default now(),
    check (ancienne_date is null or nouvelle_date > ancienne_date)
);
create index retard_declare_convention on retard_declare (convention_id, declare_le);
