package fr.actionsociale.budget.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import fr.actionsociale.budget.domain.LigneBudgetaire;

/** Consumption at a date: the figure an import reported at its own date, plus the eligible expenses recorded after it. */
@ApplicationScoped
public class ConsommationService {

    private final EntityManager em;

    ConsommationService(EntityManager em) {
        this.em = em;
    }

    public BigDecimal consommation(LigneBudgetaire l, LocalDate au) {
        var requete = em.createNativeQuery("select coalesce(sum(montant), 0) from depense where ligne_id = ?1 and eligible and date_depense <= ?2"
                + (l.dateConsommation() == null ? "" : " and date_depense > ?3"))
                .setParameter(1, l.id()).setParameter(2, au == LocalDate.MAX ? LocalDate.of(9999, 12, 31) : au);
        if (l.dateConsommation() != null) {
            requete.setParameter(3, l.dateConsommation());
        }
        BigDecimal depenses = (BigDecimal) requete.getSingleResult();
        BigDecimal initiale = l.dateConsommation() == null || !au.isBefore(l.dateConsommation()) ? l.consommationInitiale() : BigDecimal.ZERO;
        return initiale.add(depenses).setScale(2);
    }

    public BigDecimal consommation(List<LigneBudgetaire> lignes, LocalDate au) {
        return lignes.stream().map(l -> consommation(l, au)).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }
}
