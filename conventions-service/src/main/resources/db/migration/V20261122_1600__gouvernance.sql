-- A convention's governance bodies (comité de pilotage, comité de suivi...), their members and rhythm,
-- and the meetings held.
create table instance_gouvernance (
    id              uuid        primary key,
    convention_id   uuid        not null references convention (id),
    type            varchar(32) not null,
    nom             text        not null,
    membres         text        not null,   -- comma-separated institution codes
    reunions_par_an integer     not null check (reunions_par_an between 1 and 52),
    version         bigint      not null
);
create index instance_gouvernance_convention on instance_gouvernance (convention_id);

create table reunion (
    id           uuid  primary key,
    instance_id  uuid  not null references instance_gouvernance (id),
    date         date  not null,
    objet        text
);
create index reunion_instance on reunion (instance_id);
