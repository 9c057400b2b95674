package fr.actionsociale.conventions.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.conventions.domain.Convention;
import fr.actionsociale.conventions.domain.Deliberation;
import fr.actionsociale.conventions.domain.Institution;
import fr.actionsociale.conventions.domain.RegleSignature;

/** Deliberations as records, and the rule that says who signs on one. */
@ApplicationScoped
public class DeliberationService {

    private final EntityManager em;
    private final Appelant appelant;
    private final Clock horloge;

    DeliberationService(EntityManager em, Appelant appelant, Clock horloge) {
        this.em = em;
        this.appelant = appelant;
        this.horloge = horloge;
    }

    public LocalDate aujourdHui() {
        return LocalDate.now(horloge);
    }

    /** A gestionnaire records their own institution's deliberations; an administrator, anyone's. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Deliberation enregistrer(Deliberation d) {
        appelant.exigerAdminOuInstitution(d.institution(), "Un gestionnaire n'enregistre que les délibérations de sa propre institution.");
        if (em.find(Institution.class, d.institution()) == null) {
            throw new RegleMetierException("institution", "institution inconnue : " + d.institution());
        }
        if (d.conventionId() != null && em.find(Convention.class, d.conventionId()) == null) {
            throw new RegleMetierException("conventionId", "convention inconnue : " + d.conventionId());
        }
        if (d.numero() != null && !em.createQuery("select d.id from Deliberation d where d.institution = :i and d.numero = :n", UUID.class)
                .setParameter("i", d.institution()).setParameter("n", d.numero()).getResultList().isEmpty()) {
            throw ProblemeException.conflit("Une délibération n° " + d.numero() + " de " + d.institution() + " est déjà enregistrée.");
        }
        em.persist(d);
        return d;
    }

    public Deliberation trouver(UUID id) {
        Deliberation d = em.find(Deliberation.class, id);
        if (d == null) {
            throw ProblemeException.introuvable("Délibération", id);
        }
        return d;
    }

    /** A deliberation cited in a request: unknown is the request's fault (400 naming the field), not a missing page. */
    public Deliberation citee(UUID id, String champ) {
        if (id == null) {
            return null;
        }
        Deliberation d = em.find(Deliberation.class, id);
        if (d == null) {
            throw new RegleMetierException(champ, "délibération inconnue : " + id);
        }
        return d;
    }

    /** The rule of the institution's type; none for an unknown institution (the caller refuses it). */
    public RegleSignature regle(String institution) {
        Institution i = em.find(Institution.class, institution);
        return i == null ? null : em.find(RegleSignature.class, i.type());
    }

    public List<RegleSignature> regles() {
        return em.createQuery("select r from RegleSignature r order by r.type", RegleSignature.class).getResultList();
    }

    public record Page(List<Deliberation> deliberations, long total) {
    }

    /** Filtered by institution, session dates, and convention (the one it approves, or cited by a party's signature or an approval). */
    public Page lister(String institution, LocalDate du, LocalDate au, UUID convention, int page, int taille) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (institution != null) {
            where.append(" and d.institution = :institution");
        }
        if (du != null) {
            where.append(" and d.dateSeance >= :du");
        }
        if (au != null) {
            where.append(" and d.dateSeance <= :au");
        }
        if (convention != null) {
            where.append(" and (d.conventionId = :convention or d.id in (select p.deliberationId from Partie p where p.convention.id = :convention)"
                    + " or d.id in (select ap.deliberationId from Avenant a join a.approbations ap where a.conventionId = :convention))");
        }
        TypedQuery<Deliberation> q = em.createQuery("select d from Deliberation d" + where + " order by d.dateSeance, d.institution, d.numero",
                Deliberation.class);
        TypedQuery<Long> n = em.createQuery("select count(d) from Deliberation d" + where, Long.class);
        for (TypedQuery<?> t : List.of(q, n)) {
            if (institution != null) {
                t.setParameter("institution", institution);
            }
            if (du != null) {
                t.setParameter("du", du);
            }
            if (au != null) {
                t.setParameter("au", au);
            }
            if (convention != null) {
                t.setParameter("convention", convention);
            }
        }
        return new Page(q.setFirstResult(page * taille).setMaxResults(taille).getResultList(), n.getSingleResult());
    }
}
