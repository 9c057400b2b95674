package fr.actionsociale.conventions.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.conventions.domain.Institution;
import fr.actionsociale.conventions.domain.PopulationInsee;
import java.time.Clock;
import java.time.LocalDate;

@ApplicationScoped
public class InstitutionService {

    private final EntityManager em;
    private final Clock horloge;
    private final Appelant appelant;

    InstitutionService(EntityManager em, Clock horloge, Appelant appelant) {
        this.em = em;
        this.horloge = horloge;
        this.appelant = appelant;
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
        if (institution.population() != null) {
            em.persist(PopulationInsee.enregistrer(institution.code(), institution.populationAnnee(), institution.population(),
                    "saisie avec l'institution", LocalDate.now(horloge)));
        }
        return institution;
    }

    /** One INSEE vintage of an institution's population; a vintage is recorded once (a correction is a new source, not an overwrite). */
    @Transactional(Transactional.TxType.MANDATORY)
    public PopulationInsee enregistrerPopulation(String code, int millesime, int population, String source) {
        appelant.exigerAdminOuInstitution(code, "Un gestionnaire n'enregistre que la population de sa propre institution.");
        trouver(code);
        if (!em.createQuery("select p from PopulationInsee p where p.institution = :i and p.millesime = :m", PopulationInsee.class)
                .setParameter("i", code).setParameter("m", millesime).getResultList().isEmpty()) {
            throw ProblemeException.conflit("La population du millésime " + millesime + " de " + code + " est déjà enregistrée.");
        }
        PopulationInsee p = PopulationInsee.enregistrer(code, millesime, population, source, LocalDate.now(horloge));
        em.persist(p);
        return p;
    }

    public List<PopulationInsee> populations(String code) {
        trouver(code);
        return em.createQuery("select p from PopulationInsee p where p.institution = :i order by p.millesime", PopulationInsee.class)
                .setParameter("i", code).getResultList();
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
