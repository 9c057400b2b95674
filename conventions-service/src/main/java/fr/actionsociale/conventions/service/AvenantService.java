package fr.actionsociale.conventions.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.actionsociale.commons.outbox.Outbox;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.conventions.domain.Avenant;
import fr.actionsociale.conventions.domain.Convention;
import fr.actionsociale.conventions.domain.ConventionVersion;
import fr.actionsociale.conventions.messaging.AvenantSigne;

@ApplicationScoped
public class AvenantService {

    private final EntityManager em;
    private final Outbox outbox;
    private final ConventionService conventions;
    private final Instantanes instantanes;

    AvenantService(EntityManager em, Outbox outbox, ConventionService conventions, Instantanes instantanes) {
        this.em = em;
        this.outbox = outbox;
        this.conventions = conventions;
        this.instantanes = instantanes;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Avenant proposer(UUID conventionId, String objet, LocalDate nouvelleDateFin, BigDecimal nouveauMontantTotal,
            Integer nouveauPreavisMois) {
        Convention c = conventions.trouver(conventionId);
        Integer dernier = em.createQuery("select max(a.numero) from Avenant a where a.conventionId = :c", Integer.class)
                .setParameter("c", conventionId).getSingleResult();
        Avenant a = Avenant.proposer(c, dernier == null ? 1 : dernier + 1, objet, nouvelleDateFin, nouveauMontantTotal,
                nouveauPreavisMois, conventions.aujourdHui());
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
    public Avenant approuver(UUID conventionId, int numero, String institution, LocalDate date) {
        Convention c = conventions.trouver(conventionId);
        Avenant a = trouver(conventionId, numero);
        if (a.approuver(c, institution, date, conventions.aujourdHui())) {
            int version = versions(conventionId).size() + 1;
            em.persist(new ConventionVersion(conventionId, version, a.enVigueurLe(), a.numero(), instantanes.de(c)));
            outbox.publier(AvenantSigne.TYPE, conventionId.toString(), AvenantSigne.de(a, c.reference(), version));
        }
        return a;
    }

    public List<ConventionVersion> versions(UUID conventionId) {
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
