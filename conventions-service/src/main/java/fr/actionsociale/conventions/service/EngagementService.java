package fr.actionsociale.conventions.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

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
     * <p>
     * A poll's events at once: one query for the commitments that count them, one for their conventions, one
     * INSERT for all the réalisations (per event, these were three statements and a Hibernate flush check: 0.7 ms of CPU per
     * event, suite bench, issue 18). An unreadable event refuses the whole poll: the inbox then applies each alone and parks it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void compterOrientations(List<EvenementRecu> evenements) {
        record Fait(String structure, String commune, LocalDate date, String orientation) {
        }
        List<Fait> faits = new ArrayList<>();
        for (EvenementRecu evenement : evenements) {
            try {
                faits.add(new Fait(evenement.texte("structure"), evenement.texte("commune"),
                        Instant.parse(evenement.texte("dateOrientation")).atZone(Horloges.PARIS).toLocalDate(), evenement.texte("orientationId")));
            } catch (DateTimeParseException e) {
                throw new EvenementInvalideException("dateOrientation illisible");
            }
        }
        Set<String> structures = faits.stream().map(Fait::structure).collect(Collectors.toSet());
        Map<String, List<Engagement>> parStructure = em.createQuery(
                "select e from Engagement e where e.compteEvenement = :t and e.institution in :s", Engagement.class)
                .setParameter("t", EvenementCompte.ORIENTATION_FAITE).setParameter("s", structures).getResultList().stream()
                .collect(Collectors.groupingBy(Engagement::institution));
        if (parStructure.isEmpty()) {
            return;
        }
        Set<UUID> ids = parStructure.values().stream().flatMap(List::stream).map(Engagement::conventionId).collect(Collectors.toSet());
        Map<UUID, List<String>> territoires = new HashMap<>();
        for (Convention c : em.createQuery("select c from Convention c where c.id in :ids", Convention.class).setParameter("ids", ids)
                .getResultList()) {
            territoires.put(c.id(), c.territoire());
        }
        List<String> id = new ArrayList<>();
        List<String> engagement = new ArrayList<>();
        List<String> date = new ArrayList<>();
        List<String> commentaire = new ArrayList<>();
        List<String> cle = new ArrayList<>();
        for (Fait f : faits) {
            for (Engagement e : parStructure.getOrDefault(f.structure(), List.of())) {
                List<String> territoire = territoires.getOrDefault(e.conventionId(), List.of());
                if ((territoire.isEmpty() || territoire.contains(f.commune())) && e.couvre(f.date())) {
                    id.add(UUID.randomUUID().toString());
                    engagement.add(e.id().toString());
                    date.add(f.date().toString());
                    commentaire.add("orientation " + f.orientation());
                    cle.add("orientation-faite:" + f.orientation());
                }
            }
        }
        if (id.isEmpty()) {
            return;
        }
        // once per event, by the unique index on (engagement, event): the commitment's realisations are never loaded, so the
        // cost of an event does not grow with the fulfilments already counted (suite bench: 35 ms per event after 7,000)
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into realisation (id, engagement_id, date, quantite, commentaire, saisie_par, evenement) "
                    + "select r.id::uuid, r.engagement::uuid, r.date::date, 1, r.commentaire, 'evenement', r.cle "
                    + "from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) as r(id, engagement, date, commentaire, cle) "
                    + "on conflict do nothing")) {
                int i = 1;
                for (List<String> colonne : List.of(id, engagement, date, commentaire, cle)) {
                    ps.setArray(i++, c.createArrayOf("text", colonne.toArray()));
                }
                ps.executeUpdate();
            }
        });
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
