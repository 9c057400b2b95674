-- A right that closes or is suspended without renewal: a break, in the worklist of the structure that follows the person.
create table rupture (
    id               uuid         primary key,
    beneficiaire_id  uuid         not null references beneficiaire (id),
    droit_id         uuid         not null references droit (id),
    date_rupture     date         not null,
    structure        varchar(64)  not null,
    resolue_le       date
);
create index rupture_a_traiter on rupture (structure) where resolue_le is null;

-- Seed 001: a blocked or urgent individual situation escalated to a partner's privileged contact, with the date an answer is due.
create table saisine (
    id               uuid         primary key,
    beneficiaire_id  uuid         not null references beneficiaire (id),
    par              varchar(64)  not null,
    institution      varchar(64)  not null,
    contact          text,
    objet            text         not null,
    urgente          boolean      not null,
    saisie_le        date         not null,
    reponse_due_le   date         not null,
    repondue_le      date,
    reponse          text
);
create index saisine_institution on saisine (institution, repondue_le);

-- Outreach ("aller-vers"): campaigns over a territory and period, and each contact made.
create table campagne (
    id          uuid          primary key,
    nom         text          not null,
    communes    text          not null,
    debut       date          not null,
    fin         date          not null,
    menee_par   varchar(64)   not null
);

create table contact_campagne (
    id               uuid          primary key,
    campagne_id      uuid          not null references campagne (id),
    beneficiaire_id  uuid          references beneficiaire (id),
    commune          varchar(5)    not null,
    canal            varchar(20)   not null,
    issue            varchar(20)   not null,
    date_contact     date          not null,
    par              varchar(64)   not null
);
create index contact_campagne_campagne on contact_campagne (campagne_id);
