-- Governance bodies as the conventions state them (seed 000 art. 3): members who are not parties ("services de l'État",
-- "habitants"), who chairs, the missions; a body whose document sets no rhythm (équipe projet, groupe de travail) has none
-- and expects no meeting.
alter table instance_gouvernance add column autres_membres text not null default '';  -- free texts, comma-separated, each one's '%' and ',' written %25 and %2C
alter table instance_gouvernance add column presidence text check (char_length(presidence) between 1 and 500);
alter table instance_gouvernance add column missions text not null default '';        -- idem
alter table instance_gouvernance alter column reunions_par_an drop not null;

-- Commitments in kind valued at a rate of a basis (seed 000 art. 8 and 10: "valorisés à hauteur de 15% des frais
-- salariaux"), and the basis actually incurred over each réalisation, whose valued amount is basis × rate / 100 to the cent.
alter table engagement add column valorisation_taux numeric(5, 2) check (valorisation_taux > 0 and valorisation_taux <= 100);
alter table engagement add column valorisation_assiette text check (char_length(valorisation_assiette) between 1 and 300);
alter table engagement add column valorisation_montant_prevu numeric(14, 2) check (valorisation_montant_prevu >= 0);
alter table engagement add constraint engagement_valorisation_entiere
    check ((valorisation_taux is null) = (valorisation_assiette is null)
           and (valorisation_montant_prevu is null or valorisation_taux is not null));

alter table realisation add column montant_assiette numeric(14, 2) check (montant_assiette >= 0);
