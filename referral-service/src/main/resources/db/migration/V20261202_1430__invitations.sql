-- Seed 002 art. 1: the first invitation, within 15 days of the RSA opening, sent by the structure in charge.

-- The person's postal address and e-mail address: personal data, they never leave this database.
alter table beneficiaire add column adresse_voie text;
alter table beneficiaire add column adresse_complement text;
alter table beneficiaire add column adresse_code_postal varchar(5);
alter table beneficiaire add column adresse_localite text;
alter table beneficiaire add column courriel text;

-- Consent to be contacted through a channel (an e-mail is sent only with it), apart from the consent to share.
create table consentement_canal (
    id               uuid         primary key,
    beneficiaire_id  uuid         not null references beneficiaire (id),
    canal            varchar(20)  not null,
    donne_le         date         not null,
    retire_le        date,
    unique (beneficiaire_id, canal)
);

-- A structure's address and how people book an appointment with it: printed on its letters.
alter table structure add column adresse_voie text;
alter table structure add column adresse_complement text;
alter table structure add column adresse_code_postal varchar(5);
alter table structure add column adresse_localite text;
alter table structure add column prise_rendez_vous text;

-- One first invitation per RSA path (its PREMIERE_INVITATION step), under an opaque reference; the person's answer.
create table invitation (
    id               uuid         primary key,
    reference        varchar(20)  not null unique,
    beneficiaire_id  uuid         not null references beneficiaire (id),
    etape_id         uuid         not null unique references etape_rsa (id),
    structure        varchar(64)  not null,
    envoyee_le       date         not null,
    canaux           text         not null,   -- comma-separated CanalContact codes
    rdv_le           timestamp,               -- the appointment offered, Paris local time; null: the letter says how to book one
    rdv_lieu         text,
    relancee_le      date,
    reponse          varchar(12),
    reponse_le       date,
    rdv_pris_le      date,
    version          bigint       not null default 0
);
create index invitation_beneficiaire on invitation (beneficiaire_id);
create index invitation_structure on invitation (structure, envoyee_le);
-- the daily pass looks for invitations without an answer and not reminded yet
create index invitation_a_relancer on invitation (envoyee_le) where reponse is null and relancee_le is null;

-- Each letter and e-mail of an invitation or of its reminder: letters make each structure's daily batch, e-mails wait
-- here until the SMTP server took them (sent after the commit, retried, published then).
create table envoi_invitation (
    id                   uuid          primary key,
    invitation_id        uuid          not null references invitation (id),
    canal                varchar(20)   not null,
    relance              boolean       not null,
    date_envoi           date          not null,
    structure            varchar(64)   not null,
    cree_le              timestamptz   not null default now(),
    envoye_le            timestamptz,
    tentatives           int           not null default 0,
    prochaine_tentative  timestamptz,
    derniere_erreur      text,
    abandonne_le         timestamptz,
    unique (invitation_id, canal, relance)
);
create index envoi_invitation_lot on envoi_invitation (structure, date_envoi) where canal = 'COURRIER';
create index envoi_invitation_en_attente on envoi_invitation (cree_le) where envoye_le is null and abandonne_le is null;
