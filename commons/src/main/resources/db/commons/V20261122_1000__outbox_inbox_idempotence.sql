-- Plumbing tables shared by every service (module commons).
-- Versions are timestamps so that these migrations and each service's own interleave in the order written.

-- Outbox: the event row is inserted in the same transaction as the business change;
-- OutboxRelay publishes pending rows to Kafka and stamps publie_le.
create table outbox_evenement (
    position    bigserial primary key,
    id          uuid        not null unique,          -- ce_id
    topic       text        not null,
    type        text        not null,                 -- ce_type
    cle         text        not null,                 -- record key and ce_subject: the aggregate's id
    donnees     jsonb       not null,
    cree_le     timestamptz not null default now(),   -- ce_time
    publie_le   timestamptz
);
create index outbox_evenement_en_attente on outbox_evenement (position) where publie_le is null;

-- Inbox: one row per (consumer, event id) applied, written in the same transaction as the effect.
create table inbox_evenement (
    consommateur  text        not null,
    evenement_id  text        not null,
    topic         text        not null,
    traite_le     timestamptz not null default now(),
    primary key (consommateur, evenement_id)
);

-- Idempotency keys of POST requests: the first answer is kept and replayed.
create table idempotence_requete (
    portee        text        not null,   -- method, path and caller's institution
    cle           text        not null,   -- Idempotency-Key header
    empreinte     text        not null,   -- SHA-256 of the request body
    statut        integer     not null,
    location      text,
    corps         text,
    cree_le       timestamptz not null default now(),
    primary key (portee, cle)
);
