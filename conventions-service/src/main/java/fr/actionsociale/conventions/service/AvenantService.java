package fr.actionsociale.conventions.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.outbox.Outbox;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.conventions.domain.Avenant;
import fr.actionsociale.conventions.domain.Convention;
import fr.actionsociale.conventions.domain.ConventionVersion;
import fr.actionsociale.conventions.domain.Engagement;
import fr.actionsociale.conventions.domain.Institution;
import fr.actionsociale.conventions.messaging.AvenantSigne;

@ApplicationScoped
public class AvenantService {

    private final EntityManager em;
    private final Outbox outbox;
    private final ConventionService conventions;
    private final Appelant appelant;
    private final Instantanes instantanes;
    private final EcheanceService echeances;

    private final DeliberationService deliberations;

    AvenantService(EntityManager em, Outbox outbox, ConventionService conventions, Instantanes instantanes, EcheanceService echeances,
            Appelant appelant, DeliberationService deliberations) {
        this.deliberations = deliberations;
        this.appelant = appelant;
        this.echeances = echeances;
        this.em = em;
        this.outbox = outbox;
        this.conventions = conventions;
        this.instantanes = instantanes;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Avenant proposer(UUID conventionId, String objet, Avenant.Modifications m) {
        Convention c = conventions.modifiable(conventionId);
        for (int i = 0; i < m.partiesAjoutees().size(); i++) {
            if (em.find(Institution.class, m.partiesAjoutees().get(i).institution()) == null) {
                throw new RegleMetierException("partiesAjoutees[" + i + "].institution", "institution inconnue : " + m.partiesAjoutees().get(i).institution());
            }
        }
        for (int i = 0; i < m.engagementsModifies().size(); i++) {
            Engagement e = em.find(Engagement.class, m.engagementsModifies().get(i).engagementId());
            if (e == null || !e.conventionId().equals(conventionId)) {
                throw new RegleMetierException("engagementsModifies[" + i + "].engagementId", "n'est pas un engagement de cette convention");
            }
            LocalDate nouvelleFin = m.engagementsModifies().get(i).nouvelleDateFin();
            LocalDate finConvention = m.nouvelleDateFin() != null ? m.nouvelleDateFin() : c.dateFin();
            if (nouvelleFin != null && (nouvelleFin.isBefore(e.dateDebut()) || nouvelleFin.isAfter(finConvention))) {
                throw new RegleMetierException("engagementsModifies[" + i + "].nouvelleDateFin", "la période de l'engagement doit tenir dans celle "
                        + "de la convention (" + e.dateDebut() + " au " + finConvention + ")");
            }
        }
        Integer dernier = em.createQuery("select max(a.numero) from Avenant a where a.conventionId = :c", Integer.class)
                .setParameter("c", conventionId).getSingleResult();
        Avenant a = Avenant.proposer(c, dernier == null ? 1 : dernier + 1, objet, m, conventions.aujourdHui());
        em.persist(a);
        return a;
    }

    public List<Avenant> lister(UUID conventionId) {
        conventions.trouver(conventionId);
        return em.createQuery("select a from Avenant a where a.conventionId = :c order by a.numero", Avenant.class)
                .setParameter("c", conventionId).getResultList();
    }

    public Avenant trouver(UUID conventionId, int numero) {
        return em.createQuery("select a from Avenant a where a.conventionId = :c and a.numero = :n", Avenant.class)
                .setParameter("c", conventionId).setParameter("n", numero).getResultStream().findFirst()
                .orElseThrow(() -> ProblemeException.introuvable("Avenant n°", numero));
    }

    /** The last approval puts the avenant in force: the convention changes, a version is kept, avenant-signe is emitted. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Avenant approuver(UUID conventionId, int numero, String institution, LocalDate date, UUID deliberationId) {
        appelant.exigerAdminOuInstitution(institution, "Un gestionnaire n'approuve que pour sa propre institution.");
        Convention c = conventions.verrouillee(conventionId);
        Avenant a = trouver(conventionId, numero);
        if (a.approuver(c, institution, date, deliberations.regle(institution), deliberations.citee(deliberationId, "deliberationId"),
                conventions.aujourdHui())) {
            for (Avenant.EngagementModifie m : a.engagementsModifies()) {
                em.find(Engagement.class, m.engagementId()).amender(m.nouvelleQuantite(), m.nouvelleDateFin(), c);
            }
            if (a.nouvelleDateFin() != null || a.nouveauPreavisMois() != null) {
                echeances.rederiver(c);
            }
            int version = versions(conventionId).size() + 1;
            em.persist(new ConventionVersion(conventionId, version, a.enVigueurLe(), a.numero(), instantanes.de(c)));
            outbox.publier(AvenantSigne.TYPE, conventionId.toString(), AvenantSigne.de(a, c.reference(), version));
        }
        return a;
    }

    public List<ConventionVersion> versions(UUID conventionId) {
        conventions.trouver(conventionId); // an unknown convention is a 404, as for its avenants (not an empty history)
        return em.createQuery("select v from ConventionVersion v where v.conventionId = :c order by v.numero", ConventionVersion.class)
                .setParameter("c", conventionId).getResultList();
    }

    public ConventionVersion version(UUID conventionId, int numero) {
        conventions.trouver(conventionId);
        ConventionVersion v = em.find(ConventionVersion.class, new ConventionVersion.Cle(conventionId, numero));
        if (v == null) {
            throw ProblemeException.introuvable("Version", numero);
        }
        return v;
    }
}
