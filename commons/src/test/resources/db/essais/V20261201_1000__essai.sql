-- The one business table of commons' tests: what a creation writes together with its event.
create table essai (
    id   uuid primary key,
    nom  text not null
);
