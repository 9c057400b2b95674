-- Payment schedule of a funding convention (seed 002: 60 % within 15 days of the signature, the balance
-- at most one month after the interim report is produced).
create table tranche_versement (
    convention_id  uuid          not null references convention (id),
    rang           integer       not null,
    pourcentage    numeric(5, 2) not null check (pourcentage > 0 and pourcentage <= 100),
    declencheur    varchar(32)   not null,
    delai_jours    integer       not null check (delai_jours >= 0),
    primary key (convention_id, rang)
);

-- Deadlines derived from a convention's rules once it is in force.
create table echeance (
    id               uuid           primary key,
    convention_id    uuid           not null references convention (id),
    type             varchar(32)    not null,
    libelle          text           not null,
    institution      text           not null references institution (code),   -- who must act
    date_due         date,                                                       -- null while its trigger has not happened
    montant          numeric(14, 2),
    declencheur      varchar(32),                                                -- a payment: what starts its delay
    delai_jours      integer,
    faite_le         date,
    alerte_proche    boolean        not null default false,
    alerte_depassee  boolean        not null default false,
    version          bigint         not null
);
create index echeance_convention on echeance (convention_id);
create index echeance_a_suivre on echeance (date_due) where faite_le is null;
