-- Seed 001: the privileged contact a convention designates for an institution (event contact-privilegie-designe of
-- conventions-service). One row per institution, the latest designation: an older one arriving later changes nothing.
-- Kept apart from the structure so that a structure registered later picks it up.
create table designation_contact (
    institution      varchar(64)  primary key,
    convention_id    uuid         not null,
    contact          text         not null,   -- an institutional service's mailbox and phone, never a followed person's
    designe_le       date         not null,
    evenement_id     text         not null,   -- ce_id of the event that brought it
    recue_le         timestamptz  not null default now()
);

-- Where a structure's contact comes from: the convention that designated it, or null when entered at registration.
alter table structure add column contact_convention_id uuid;
alter table structure add column contact_designe_le date;
