-- A right's date recorded wrong (an RSA opening reported on the wrong day…) is corrected like an orientation's date or a
-- step: the same trail, exactly one of the three objects set.
alter table correction add column droit_id uuid references droit (id);
alter table correction drop constraint correction_objet;
alter table correction add constraint correction_objet check (
    (orientation_id is not null)::int + (etape_id is not null)::int + (droit_id is not null)::int = 1);
create index correction_droit on correction (droit_id, le);
