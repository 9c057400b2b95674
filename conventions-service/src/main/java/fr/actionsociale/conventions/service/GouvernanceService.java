package fr.actionsociale.conventions.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.conventions.domain.Convention;
import fr.actionsociale.conventions.domain.InstanceGouvernance;
import fr.actionsociale.conventions.domain.TypeInstance;

@ApplicationScoped
public class GouvernanceService {

    private final EntityManager em;
    private final ConventionService conventions;

    GouvernanceService(EntityManager em, ConventionService conventions) {
        this.em = em;
        this.conventions = conventions;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public InstanceGouvernance instituer(UUID conventionId, TypeInstance type, String nom, List<String> membres, List<String> autresMembres,
            String presidence, List<String> missions, Integer reunionsParAn) {
        InstanceGouvernance g = InstanceGouvernance.instituer(conventions.modifiable(conventionId), type, nom, membres, autresMembres,
                presidence, missions, reunionsParAn);
        em.persist(g);
        return g;
    }

    public List<InstanceGouvernance> lister(UUID conventionId) {
        conventions.trouver(conventionId);
        return em.createQuery("select g from InstanceGouvernance g where g.conventionId = :c order by g.nom", InstanceGouvernance.class)
                .setParameter("c", conventionId).getResultList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public InstanceGouvernance reunir(UUID conventionId, UUID id, LocalDate date, String objet) {
        Convention c = conventions.modifiable(conventionId);
        InstanceGouvernance g = em.find(InstanceGouvernance.class, id);
        if (g == null || !g.conventionId().equals(conventionId)) {
            throw ProblemeException.introuvable("Instance de gouvernance", id);
        }
        g.reunir(date, objet, c, conventions.aujourdHui());
        return g;
    }
}
