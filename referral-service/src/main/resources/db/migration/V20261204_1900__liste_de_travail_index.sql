-- The worklist is read one page at a time in (date_limite, id) order from a cursor (issue 17): the partial index on the steps not
-- done carries the id so that each page is a range scan of its own length, whatever its depth and the structure's size.
drop index if exists etape_rsa_a_traiter;
create index etape_rsa_a_traiter on etape_rsa (structure, date_limite, id) where faite_le is null;
