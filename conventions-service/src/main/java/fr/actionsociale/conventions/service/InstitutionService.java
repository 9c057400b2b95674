package fr.actionsociale.conventions.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.conventions.domain.Institution;

@ApplicationScoped
public class InstitutionService {

    private final EntityManager em;

    InstitutionService(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Institution enregistrer(Institution institution) {
        if (em.find(Institution.class, institution.code()) != null) {
            throw ProblemeException.conflit("L'institution " + institution.code() + " existe déjà.");
        }
        if (institution.siret() != null && !em.createQuery("select i.code from Institution i where i.siret = :s", String.class)
                .setParameter("s", institution.siret()).getResultList().isEmpty()) {
            throw ProblemeException.conflit("Une institution porte déjà le SIRET " + institution.siret() + ".");
        }
        em.persist(institution);
        return institution;
    }

    public Institution trouver(String code) {
        Institution i = em.find(Institution.class, code);
        if (i == null) {
            throw ProblemeException.introuvable("Institution", code);
        }
        return i;
    }

    public List<Institution> lister(int page, int taille) {
        return em.createQuery("select i from Institution i order by i.code", Institution.class)
                .setFirstResult(page * taille).setMaxResults(taille).getResultList();
    }

    public long compter() {
        return em.createQuery("select count(i) from Institution i", Long.class).getSingleResult();
    }
}
