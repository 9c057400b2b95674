-- Outgoing webhooks (issue 19): partners without Kafka receive the outbox's events over HTTPS, signed.
-- Generic: every service has these tables; only those with suite.webhooks.enabled=true fill them.

-- The fan-out step stamps each outbox row once it has written the deliveries it owes (in the same transaction).
-- Rows are then purged only once stamped (OutboxRelay), so an event cannot vanish before its deliveries exist.
alter table outbox_evenement add column diffuse_le timestamptz;
-- rows older than this feature had no subscriber to owe anything to
update outbox_evenement set diffuse_le = coalesce(publie_le, cree_le);
create index outbox_evenement_a_diffuser on outbox_evenement (position) where diffuse_le is null;

create table abonnement_webhook (
    id                   uuid        primary key,
    institution          text        not null,       -- the owner: only it reads the subscription and its log
    url                  text        not null,
    types                text        not null,       -- event types, comma-separated (ListeTexte)
    contact              text        not null,       -- technical contact's e-mail, told of a suspension
    secret               text        not null,       -- whsec_<base64>, shown once at creation
    statut               varchar(16) not null check (statut in ('ACTIF', 'SUSPENDU', 'TERMINE')),
    echecs_consecutifs   integer     not null default 0,
    cree_le              timestamptz not null default now(),
    suspendu_le          timestamptz,
    suspension_avisee_le timestamptz,                -- the e-mail left (retried until then)
    termine_le           timestamptz
);
create index abonnement_webhook_institution on abonnement_webhook (institution);

-- One delivery per (subscription, event): the event's data is copied, so the outbox's purge never loses it.
create table livraison_webhook (
    id             bigserial   primary key,
    abonnement_id  uuid        not null references abonnement_webhook (id),
    evenement_id   uuid        not null,              -- ce id and webhook-id: receivers dedupe on it
    type           text        not null,
    cle            text        not null,
    donnees        jsonb       not null,
    evenement_le   timestamptz not null,              -- ce time: when the fact was recorded
    statut         varchar(16) not null check (statut in ('EN_ATTENTE', 'LIVREE', 'ABANDONNEE')),
    essais         integer     not null default 0,    -- attempts since it was (re)armed
    arme_le        timestamptz not null default now(),-- start of its retry budget (creation or resumption)
    prochaine_le   timestamptz not null default now(),
    bail_jusqu_au  timestamptz,                       -- a sender holds it until then; expired, another takes it
    livree_le      timestamptz,
    unique (abonnement_id, evenement_id)
);
create index livraison_webhook_dues on livraison_webhook (prochaine_le) where statut = 'EN_ATTENTE';

-- The delivery log the subscriber reads: every attempt, its time, HTTP status or error, duration.
create table tentative_webhook (
    livraison_id  bigint      not null references livraison_webhook (id),
    numero        integer     not null,
    tentee_le     timestamptz not null,
    statut_http   integer,
    erreur        text,
    duree_ms      integer     not null,
    primary key (livraison_id, numero)
);
