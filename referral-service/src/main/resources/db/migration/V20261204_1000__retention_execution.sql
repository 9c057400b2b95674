-- Issue 17: a retention run is a persisted job worked in lots, one transaction each, so that it outlives no transaction and
-- resumes after a crash or a restart where its last committed lot left it.
create table retention_execution (
    id                    uuid         primary key,
    etat                  varchar(16)  not null check (etat in ('EN_COURS', 'TERMINEE', 'ECHOUEE')),
    declenchee_par        varchar(16)  not null,   -- NUIT (scheduler) or API (POST /retention/execution)
    -- the cut-off, fixed at the start: a resumed run selects the same people
    sans_activite_depuis  date         not null,
    demarree_le           timestamptz  not null,
    terminee_le           timestamptz,
    -- keyset: every person with a smaller id has been examined by a committed lot
    curseur               uuid,
    lots                  integer      not null default 0,
    examines              bigint       not null default 0,
    anonymises            bigint       not null default 0,
    echecs                integer      not null default 0,
    derniere_erreur       text,
    -- the replica working the run and until when it holds it: a crashed one's lease expires and another resumes
    executant             text,
    bail_jusqu_a          timestamptz
);
-- one run at a time, across replicas
create unique index retention_execution_une_en_cours on retention_execution (etat) where etat = 'EN_COURS';
create index retention_execution_demarree on retention_execution (demarree_le desc);
