package fr.actionsociale.conventions.service;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.conventions.config.DossierComiteConfig;
import fr.actionsociale.conventions.domain.Anomalie;
import fr.actionsociale.conventions.domain.Convention;
import fr.actionsociale.conventions.domain.DossierComite;
import fr.actionsociale.conventions.domain.Echeance;
import fr.actionsociale.conventions.domain.Engagement;
import fr.actionsociale.conventions.domain.InstanceGouvernance;
import fr.actionsociale.conventions.domain.Institution;

/** Gathers what a governance body's meeting looks at, as of its date; reads only. */
@ApplicationScoped
public class DossierComiteService {

    private final EntityManager em;
    private final ConventionService conventions;
    private final DossierComiteConfig config;

    DossierComiteService(EntityManager em, ConventionService conventions, DossierComiteConfig config) {
        this.em = em;
        this.conventions = conventions;
        this.config = config;
    }

    /** @param noms the institutions' names by code, for the parties and the bodies' members */
    public record Dossier(Convention convention, InstanceGouvernance instance, DossierComite contenu, List<Anomalie> anomalies,
            Map<String, String> noms) {
        public String nom(String institution) {
            return noms.getOrDefault(institution, institution);
        }
    }

    /** Outside a transaction, as every read here: the request's session loads the convention's collections while the document is written. */
    public Dossier dossier(UUID conventionId, UUID instanceId, LocalDate reunion) {
        Convention c = conventions.trouver(conventionId);
        InstanceGouvernance g = em.find(InstanceGouvernance.class, instanceId);
        if (g == null || !g.conventionId().equals(conventionId)) {
            throw ProblemeException.introuvable("Instance de gouvernance", instanceId);
        }
        List<Engagement> engagements = em.createQuery("select distinct e from Engagement e left join fetch e.realisations "
                + "where e.conventionId = :c order by e.article, e.institution, e.libelle", Engagement.class)
                .setParameter("c", conventionId).getResultList();
        List<Echeance> echeances = em.createQuery("select e from Echeance e where e.conventionId = :c order by e.dateDue nulls last, e.libelle",
                Echeance.class).setParameter("c", conventionId).getResultList();
        DossierComite contenu = DossierComite.au(c, g, reunion, engagements, echeances, config.joursProches());
        Map<String, String> noms = new HashMap<>();
        em.createQuery("select i from Institution i where i.code in :codes", Institution.class)
                .setParameter("codes", c.parties().stream().map(p -> p.institution()).toList())
                .getResultList().forEach(i -> noms.put(i.code(), i.nom()));
        return new Dossier(c, g, contenu, conventions.anomalies(c), noms);
    }
}
