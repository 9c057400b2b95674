package fr.actionsociale.conventions.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.conventions.domain.Convention;
import fr.actionsociale.conventions.domain.Engagement;
import fr.actionsociale.conventions.domain.NatureEngagement;
import fr.actionsociale.conventions.domain.Rythme;
import fr.actionsociale.conventions.domain.Valorisation;
import fr.actionsociale.commons.evenement.EvenementRecu;
import fr.actionsociale.commons.inbox.EvenementInvalideException;
import fr.actionsociale.conventions.domain.EvenementCompte;
import fr.actionsociale.commons.temps.Horloges;

@ApplicationScoped
public class EngagementService {

    private final EntityManager em;
    private final ConventionService conventions;
    private final Appelant appelant;

    EngagementService(EntityManager em, ConventionService conventions, Appelant appelant) {
        this.appelant = appelant;
        this.em = em;
        this.conventions = conventions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Engagement prendre(UUID conventionId, String institution, String article, NatureEngagement nature, String libelle,
            BigDecimal quantite, String unite, Rythme rythme, int multiplicateur, LocalDate dateDebut, LocalDate dateFin,
            EvenementCompte compteEvenement, Valorisation valorisation) {
        Convention c = conventions.modifiable(conventionId);
        Engagement e = Engagement.prendre(c, institution, article, nature, libelle, quantite, unite, rythme, multiplicateur,
                dateDebut, dateFin).compterDepuis(compteEvenement).valoriser(valorisation);
        em.persist(e);
        return e;
    }

    public List<Engagement> lister(UUID conventionId) {
        conventions.trouver(conventionId);
        return em.createQuery("select e from Engagement e where e.conventionId = :c order by e.institution, e.article", Engagement.class)
                .setParameter("c", conventionId).getResultList();
    }

    public Engagement trouver(UUID conventionId, UUID id) {
        Engagement e = em.find(Engagement.class, id);
        if (e == null || !e.conventionId().equals(conventionId)) {
            throw ProblemeException.introuvable("Engagement", id);
        }
        return e;
    }

    /**
     * orientation-faite: one réalisation for each commitment that counts orientations made to that structure,
     * in the convention's territory, within the commitment's period. Runs in the Inbox's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void compterOrientation(EvenementRecu evenement) {
        String structure = evenement.texte("structure");
        String commune = evenement.texte("commune");
        LocalDate date;
        try {
            date = Instant.parse(evenement.texte("dateOrientation")).atZone(Horloges.PARIS).toLocalDate();
        } catch (DateTimeParseException e) {
            throw new EvenementInvalideException("dateOrientation illisible");
        }
        String orientation = evenement.texte("orientationId");
        for (Engagement e : em.createQuery("select e from Engagement e where e.compteEvenement = :t and e.institution = :s",
                Engagement.class).setParameter("t", EvenementCompte.ORIENTATION_FAITE)
                .setParameter("s", structure).getResultList()) {
            List<String> territoire = em.find(Convention.class, e.conventionId()).territoire();
            // once per event, by the unique index on (engagement, event): the commitment's realisations are never loaded, so the
            // cost of an event does not grow with the fulfilments already counted (suite bench: 35 ms per event after 7,000)
            if ((territoire.isEmpty() || territoire.contains(commune)) && e.couvre(date)) {
                em.createNativeQuery("insert into realisation (id, engagement_id, date, quantite, commentaire, saisie_par, evenement) "
                        + "values (?1, ?2, ?3, 1, ?4, 'evenement', ?5) on conflict do nothing").setParameter(1, UUID.randomUUID())
                        .setParameter(2, e.id()).setParameter(3, date).setParameter(4, "orientation " + orientation)
                        .setParameter(5, "orientation-faite:" + orientation).executeUpdate();
            }
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Engagement realiser(UUID conventionId, UUID id, LocalDate date, BigDecimal quantite, BigDecimal montantAssiette, String commentaire,
            String saisiePar) {
        Engagement e = trouver(conventionId, id);
        appelant.exigerAdminOuInstitution(e.institution(), "Seule la partie engagée saisit ses réalisations.");
        e.realiser(date, quantite, montantAssiette, commentaire, saisiePar, conventions.aujourdHui());
        return e;
    }
}
