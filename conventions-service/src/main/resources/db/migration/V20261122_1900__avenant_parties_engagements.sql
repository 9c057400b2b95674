-- What an avenant may also change: the parties (one joins, one leaves) and the parties' commitments (quantity, end).
create table avenant_partie_ajoutee (
    avenant_id            uuid         not null references avenant (id),
    institution           text         not null references institution (code),
    role                  varchar(32)  not null,
    representant_qualite  text,
    primary key (avenant_id, institution)
);

create table avenant_partie_retiree (
    avenant_id   uuid  not null references avenant (id),
    institution  text  not null references institution (code),
    primary key (avenant_id, institution)
);

create table avenant_engagement_modifie (
    avenant_id         uuid           not null references avenant (id),
    engagement_id      uuid           not null references engagement (id),
    nouvelle_quantite  numeric(14, 2) check (nouvelle_quantite > 0),
    nouvelle_date_fin  date,
    primary key (avenant_id, engagement_id)
);
