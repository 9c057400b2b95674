package fr.actionsociale.budget.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import fr.actionsociale.budget.domain.OrientationComptee;
import fr.actionsociale.budget.domain.Programme;
import fr.actionsociale.budget.service.ExecutionService.LigneExecution;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** What a programme's dashboard shows: consumption per action, the indicators with their trend, the orientations counted live. */
@ApplicationScoped
public class TableauDeBordService {

    /** Months of live orientations shown. */
    static final int MOIS = 12;

    private final ProgrammeService programmes;
    private final ExecutionService executions;
    private final IndicateurService indicateurs;
    private final IndicateurOrientationService orientations;
    private final IndicateurReferralService referral;

    TableauDeBordService(ProgrammeService programmes, ExecutionService executions, IndicateurService indicateurs,
            IndicateurOrientationService orientations, IndicateurReferralService referral) {
        this.referral = referral;
        this.programmes = programmes;
        this.executions = executions;
        this.indicateurs = indicateurs;
        this.orientations = orientations;
    }

    public record ConsommationAction(String code, String libelle, String axe, BigDecimal recettes, BigDecimal consommation, BigDecimal reportSortant,
            BigDecimal tauxConsommation) {
    }

    public record TableauDeBord(String programme, String libelle, LocalDate au, List<ConsommationAction> actions, ExecutionService.Montants total,
            BigDecimal tauxConsommation, List<IndicateurService.Definition> indicateurs, IndicateurOrientationService.Territoire orientations,
            IndicateurReferralService.DroitsOuverts droitsOuverts, String moisParcoursRsa, Map<String, Long> parcoursRsa) {
    }

    /** Reads in its own transaction: the live stream calls it from a worker thread, outside any request. */
    public TableauDeBord tableau(String code) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Programme p = programmes.trouver(code);
            LocalDate au = programmes.aujourdHui();
            ExecutionService.Execution e = executions.execution(p, au, null);
            List<ConsommationAction> actions = e.axes().stream().flatMap(a -> a.lignes().stream().map(l -> consommation(a.libelle(), l))).toList();
            YearMonth fin = OrientationComptee.mois(Instant.now());
            return new TableauDeBord(p.code(), p.libelle(), au, actions, e.total(), taux(e.total().consommation(), e.total().recettes()),
                    indicateurs.lister(p), orientations.territoire(p.territoire(), fin.minusMonths(MOIS - 1L), fin),
                    referral.droitsOuverts(p.territoire(), fin.minusMonths(MOIS - 1L), fin), fin.minusMonths(1).toString(),
                    referral.parcoursRsa(p.territoire(), fin.minusMonths(1)));
        });
    }

    private static ConsommationAction consommation(String axe, LigneExecution l) {
        return new ConsommationAction(l.action(), l.libelle(), axe, l.montants().recettes(), l.montants().consommation(), l.montants().reportSortant(),
                taux(l.montants().consommation(), l.montants().recettes()));
    }

    /** Percentage with one decimal; null when nothing was received. */
    static BigDecimal taux(BigDecimal consomme, BigDecimal recu) {
        return recu.signum() == 0 ? null : consomme.multiply(BigDecimal.valueOf(100)).divide(recu, 1, RoundingMode.HALF_UP);
    }
}
