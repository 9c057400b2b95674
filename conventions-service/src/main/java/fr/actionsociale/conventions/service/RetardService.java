package fr.actionsociale.conventions.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.outbox.Outbox;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.conventions.domain.Convention;
import fr.actionsociale.conventions.domain.Echeance;
import fr.actionsociale.conventions.domain.RetardDeclare;
import fr.actionsociale.conventions.messaging.RetardDeclareEvenement;

/** Delays declared to the funder (seed 002, art. 7): recorded on the convention and told by retard-declare in the same transaction. */
@ApplicationScoped
public class RetardService {

    private final EntityManager em;
    private final Outbox outbox;
    private final ConventionService conventions;
    private final Appelant appelant;

    RetardService(EntityManager em, Outbox outbox, ConventionService conventions, Appelant appelant) {
        this.em = em;
        this.outbox = outbox;
        this.conventions = conventions;
        this.appelant = appelant;
    }

    /** @param institution the party that is late; the caller's own institution when null */
    @Transactional(Transactional.TxType.MANDATORY)
    public RetardDeclare declarer(UUID conventionId, String institution, UUID echeanceId, String objet, String motif, LocalDate ancienneDate,
            LocalDate nouvelleDate, LocalDate declareLe) {
        String qui = institution != null ? institution : appelant.institution();
        appelant.exigerAdminOuInstitution(qui, "Une institution ne déclare que ses propres retards.");
        Convention c = conventions.trouver(conventionId);
        Echeance e = null;
        if (echeanceId != null) {
            e = em.find(Echeance.class, echeanceId);
            if (e == null) {
                throw new RegleMetierException("echeance", "l'échéance " + echeanceId + " n'existe pas");
            }
        }
        LocalDate aujourdHui = conventions.aujourdHui();
        RetardDeclare r = RetardDeclare.declarer(c, e, qui, objet, motif, ancienneDate, nouvelleDate, declareLe == null ? aujourdHui : declareLe,
                appelant.identifiant(), aujourdHui);
        em.persist(r);
        outbox.publier(RetardDeclareEvenement.TYPE, c.id().toString(), RetardDeclareEvenement.de(r, c.reference()));
        return r;
    }

    public List<RetardDeclare> lister(UUID conventionId) {
        conventions.trouver(conventionId);
        return em.createQuery("select r from RetardDeclare r where r.conventionId = :c order by r.declareLe, r.nouvelleDate", RetardDeclare.class)
                .setParameter("c", conventionId).getResultList();
    }
}
