-- Termination: by one party after formal notice (registered letter + notice period), or by mutual agreement.
alter table convention add column resiliation_mode varchar(16);
alter table convention add column resiliation_par text references institution (code);
alter table convention add column resiliation_date_lettre date;
alter table convention add column resiliation_date_effet date;
