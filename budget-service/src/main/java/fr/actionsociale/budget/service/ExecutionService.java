package fr.actionsociale.budget.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import fr.actionsociale.budget.domain.ActionProgramme;
import fr.actionsociale.budget.domain.Axe;
import fr.actionsociale.budget.domain.LigneBudgetaire;
import fr.actionsociale.budget.domain.Programme;

/** A programme's execution at a date, per axis and action, with subtotals and total: what the consolidated table shows. */
@ApplicationScoped
public class ExecutionService {

    private final ProgrammeService programmes;
    private final ConsommationService consommations;

    ExecutionService(ProgrammeService programmes, ConsommationService consommations) {
        this.programmes = programmes;
        this.consommations = consommations;
    }

    /** The seed's columns for one row; receipts and carry-over computed. */
    public record Montants(BigDecimal valorisationDepartement, BigDecimal reportEntrant, BigDecimal participationEtat, BigDecimal recettes,
            BigDecimal consommation, BigDecimal reportSortant) {

        static final Montants ZERO = new Montants(z(), z(), z(), z(), z(), z());

        private static BigDecimal z() {
            return BigDecimal.ZERO.setScale(2);
        }

        Montants plus(Montants m) {
            return new Montants(valorisationDepartement.add(m.valorisationDepartement), reportEntrant.add(m.reportEntrant),
                    participationEtat.add(m.participationEtat), recettes.add(m.recettes), consommation.add(m.consommation),
                    reportSortant.add(m.reportSortant));
        }
    }

    public record LigneExecution(String action, String libelle, String periode, String actionsValorisees, String natureDepenses, Montants montants) {
    }

    public record AxeExecution(String code, String libelle, List<LigneExecution> lignes, Montants sousTotal) {
    }

    public record Execution(String programme, String libelle, LocalDate au, List<AxeExecution> axes, Montants total) {
    }

    /** @param periode the period whose lines to show; null for each action's line open at the date */
    public Execution execution(Programme p, LocalDate au, String periode) {
        Map<UUID, Axe> axes = new LinkedHashMap<>();
        programmes.axes(p.id()).forEach(a -> axes.put(a.id(), a));
        Map<UUID, List<LigneExecution>> parAxe = new LinkedHashMap<>();
        axes.keySet().forEach(id -> parAxe.put(id, new ArrayList<>()));
        List<LigneExecution> sansAxe = new ArrayList<>();
        for (ActionProgramme a : programmes.actions(p.id())) {
            Optional<LigneBudgetaire> ligne = periode == null ? programmes.ligneOuverteLe(a.id(), au) : programmes.ligne(a.id(), periode);
            if (ligne.isEmpty()) {
                continue;
            }
            LigneBudgetaire l = ligne.get();
            BigDecimal consommation = consommations.consommation(l, au);
            LigneExecution le = new LigneExecution(a.code(), a.libelle(), l.periode(), l.actionsValorisees(), l.natureDepenses(),
                    new Montants(l.valorisationDepartement(), l.reportEntrant(), l.participationEtat(), l.recettes(), consommation,
                            l.reportSortant(consommation)));
            (a.axeId() == null || !parAxe.containsKey(a.axeId()) ? sansAxe : parAxe.get(a.axeId())).add(le);
        }
        List<AxeExecution> resultat = new ArrayList<>();
        Montants total = Montants.ZERO;
        for (Map.Entry<UUID, List<LigneExecution>> e : parAxe.entrySet()) {
            if (!e.getValue().isEmpty()) {
                Axe axe = axes.get(e.getKey());
                AxeExecution ae = new AxeExecution(axe.code(), axe.libelle(), e.getValue(), somme(e.getValue()));
                resultat.add(ae);
                total = total.plus(ae.sousTotal());
            }
        }
        if (!sansAxe.isEmpty()) {
            AxeExecution ae = new AxeExecution(null, "Hors axe", sansAxe, somme(sansAxe));
            resultat.add(ae);
            total = total.plus(ae.sousTotal());
        }
        return new Execution(p.code(), p.libelle(), au, resultat, total);
    }

    private static Montants somme(List<LigneExecution> lignes) {
        return lignes.stream().map(LigneExecution::montants).reduce(Montants.ZERO, Montants::plus);
    }
}
