-- Issue 15: a wrong orientation date is corrected with a reason by the structure that recorded it; each correction is kept
-- (what, from what to what, why, by whom, when) and never changed.
create table correction (
    id               uuid         primary key,
    orientation_id   uuid         not null references orientation (id),
    champ            varchar(64)  not null,   -- the corrected field, as the API names it (date)
    ancienne_valeur  text         not null,
    nouvelle_valeur  text         not null,
    motif            text         not null,   -- free text: stays here, erased by the retention job
    par_institution  varchar(64)  not null,
    par_sujet        text         not null,   -- the token's subject
    le               timestamptz  not null
);
create index correction_orientation on correction (orientation_id, le);

-- The day the accompaniment started, so that a corrected orientation date is never after it (null for those started before).
alter table orientation add column demarree_le date;
