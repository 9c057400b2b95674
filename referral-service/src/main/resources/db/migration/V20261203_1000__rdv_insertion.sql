-- RDV-Insertion's outgoing webhooks (invitations, RDV and their participations) feed the RSA path (issue 19).

-- The identifier RDV-Insertion gives the person (its user id), learnt when a webhook matched them by their CAF number:
-- matched exactly afterwards, never a name.
alter table beneficiaire add column identifiant_rdvi bigint;
create unique index beneficiaire_identifiant_rdvi on beneficiaire (identifiant_rdvi) where identifiant_rdvi is not null;

-- A first invitation RDV-Insertion sent (its invitation id): the suite neither reminds it nor prints it.
alter table invitation add column rdvi_invitation_id bigint;
create unique index invitation_rdvi on invitation (rdvi_invitation_id) where rdvi_invitation_id is not null;

-- Per organisation and record (model, id), the payload timestamp last applied: an older or equal one changes nothing.
create table rdvi_reception (
    organisation  varchar(64)  not null,
    modele        varchar(32)  not null,
    ressource_id  bigint       not null,
    horodatage    timestamptz  not null,
    primary key (organisation, modele, ressource_id)
);

-- Every authenticated delivery and what became of it (no body: it names people).
create table rdvi_livraison (
    id            uuid         primary key,
    organisation  varchar(64)  not null,
    modele        varchar(32)  not null,
    evenement     varchar(16)  not null,
    ressource_id  bigint       not null,
    horodatage    timestamptz  not null,
    recue_le      timestamptz  not null,
    statut        varchar(12)  not null,   -- APPLIQUEE, IGNOREE, EN_ATTENTE
    raison        text
);
create index rdvi_livraison_ressource on rdvi_livraison (organisation, modele, ressource_id);

-- What a delivery could not apply to a person (unknown to the suite, or no step to date), with its reason, for an agent of the
-- organisation's structure; the raw body stays here to be applied again once the person is known.
create table rdvi_en_attente (
    id                  uuid         primary key,
    livraison_id        uuid         not null references rdvi_livraison (id),
    organisation        varchar(64)  not null,
    structure           varchar(64)  not null,
    modele              varchar(32)  not null,
    ressource_id        bigint       not null,
    fait                varchar(48)  not null,   -- Invitation/<id> or Participation/<id>: the part to apply again
    rdvi_user_id        bigint,
    raison              text         not null,
    corps               text         not null,
    recue_le            timestamptz  not null,
    reappliquee_le      timestamptz
);
create index rdvi_en_attente_structure on rdvi_en_attente (structure, recue_le) where reappliquee_le is null;

-- An authenticated body this service cannot read (not JSON, unknown model or shape), with the reason: never logged.
create table rdvi_lettre_morte (
    id            uuid         primary key,
    organisation  varchar(64)  not null,
    corps         text         not null,
    raison        text         not null,
    recue_le      timestamptz  not null
);
