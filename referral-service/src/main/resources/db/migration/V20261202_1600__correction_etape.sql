-- A step of the RSA path recorded by mistake, or on the wrong day, is corrected like an orientation's date: the same trail.
alter table correction alter column orientation_id drop not null;
alter table correction add column etape_id uuid references etape_rsa (id);
alter table correction add constraint correction_objet check ((orientation_id is null) <> (etape_id is null));
create index correction_etape on correction (etape_id, le);
