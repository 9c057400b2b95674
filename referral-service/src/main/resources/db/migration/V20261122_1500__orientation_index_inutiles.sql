-- Every read of orientations now goes through the person (beneficiaire_id) or the id; these indexes only cost writes
-- (the CAF's monthly file writes an orientation per entrant).
drop index orientation_structure;
drop index orientation_oriente_par;
drop index orientation_beneficiaire;
