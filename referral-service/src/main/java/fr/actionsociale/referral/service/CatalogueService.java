package fr.actionsociale.referral.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.referral.domain.Service;
import fr.actionsociale.referral.domain.Structure;

/** The services structures offer, described in data·inclusion's words. */
@ApplicationScoped
public class CatalogueService {

    private final EntityManager em;
    private final Clock horloge;

    CatalogueService(EntityManager em, Clock horloge) {
        this.em = em;
        this.horloge = horloge;
    }

    /** A new service of a known structure; without a zone of its own, it is eligible where the structure works. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Service decrire(String code, Service.Saisie saisie) {
        Structure s = structure(code);
        Service x = Service.decrire(UUID.randomUUID(), s.code(), saisie, s.communes(), LocalDate.now(horloge), Instant.now(horloge));
        em.persist(x);
        return x;
    }

    public List<Service> services(String code) {
        structure(code);
        return em.createQuery("from Service where structure = :s order by nom, id", Service.class).setParameter("s", code).getResultList();
    }

    public List<Service> tous() {
        return em.createQuery("from Service order by structure, nom, id", Service.class).getResultList();
    }

    /** The service an orientation names: one the oriented structure offers. @throws RegleMetierException naming "service" otherwise */
    public Service deLaStructure(UUID id, String structure) {
        Service x = em.find(Service.class, id);
        if (x == null) {
            throw new RegleMetierException("service", "service inconnu : " + id);
        }
        if (!x.structure().equals(structure)) {
            throw new RegleMetierException("service", "le service " + id + " n'est pas un service de la structure " + structure);
        }
        return x;
    }

    private Structure structure(String code) {
        Structure s = em.find(Structure.class, code);
        if (s == null) {
            throw ProblemeException.introuvable("Structure", code);
        }
        return s;
    }
}
