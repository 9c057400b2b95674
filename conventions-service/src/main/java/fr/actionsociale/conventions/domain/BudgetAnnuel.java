package fr.actionsociale.conventions.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import fr.actionsociale.commons.domaine.EtatInvalideException;
import fr.actionsociale.commons.domaine.RegleMetierException;

/**
 * The network's yearly operating budget (seed 004 art. 4.1: "4 000 euros, révisable chaque année, selon un budget prévisionnel
 * établi par le comité de pilotage"), advanced by one party (the CCAS de Blain). Every amount it had is kept, with the date of
 * the decision and its reason: a revision never erases the previous amount.
 */
@Entity
@Table(name = "budget_annuel")
public class BudgetAnnuel {

    public static final int LONGUEUR_MOTIF = 500;

    @Embeddable
    public record Revision(BigDecimal montant, @Column(name = "decide_le") LocalDate decideLe, String motif) {
    }

    @Id
    private UUID id;
    @Column(name = "convention_id")
    private UUID conventionId;
    private int annee;
    private BigDecimal montant;
    @Column(name = "avance_par")
    private String avancePar;
    @ElementCollection
    @CollectionTable(name = "budget_annuel_revision", joinColumns = @JoinColumn(name = "budget_id"))
    @OrderColumn(name = "rang")
    private List<Revision> revisions = new ArrayList<>();
    @Version
    private long version;

    protected BudgetAnnuel() {
    }

    /** The first vote of a year's budget. */
    public static BudgetAnnuel voter(Convention c, int annee, BigDecimal montant, String avancePar, LocalDate decideLe, String motif,
            LocalDate aujourdHui) {
        anneeDeLaConvention(c, annee);
        BudgetAnnuel b = new BudgetAnnuel();
        b.id = UUID.randomUUID();
        b.conventionId = c.id();
        b.annee = annee;
        b.avancePar = partie(c, avancePar);
        b.montant = Montants.euros("montant", montant, false);
        b.revisions.add(new Revision(b.montant, date(decideLe, aujourdHui),
                motif == null ? "Budget prévisionnel établi par le comité de pilotage" : Montants.texte("motif", motif, LONGUEUR_MOTIF)));
        return b;
    }

    /**
     * A new amount (or advancing party), traced with its date and reason; the same amount and party again change nothing.
     *
     * @param dejaValide what the comité de pilotage already validated this year: the budget cannot fall below it
     * @param appelEmis the year's call for repayment is issued: the budget is closed
     */
    public boolean reviser(Convention c, BigDecimal nouveau, String avance, LocalDate decideLe, String motif, BigDecimal dejaValide,
            boolean appelEmis, LocalDate aujourdHui) {
        BigDecimal m = Montants.euros("montant", nouveau, false);
        String par = partie(c, avance);
        if (m.compareTo(montant) == 0 && par.equals(avancePar)) {
            return false;
        }
        if (appelEmis) {
            throw new EtatInvalideException("L'appel à régularisation de " + annee + " est émis : le budget de cette année est clos.");
        }
        LocalDate d = date(decideLe, aujourdHui);
        Revision derniere = revisions.get(revisions.size() - 1);
        if (d.isBefore(derniere.decideLe())) {
            throw new RegleMetierException("decideLe", "précède la dernière décision sur ce budget (" + derniere.decideLe() + ")");
        }
        if (motif == null) {
            throw new RegleMetierException("motif", "une révision du budget dit pourquoi");
        }
        if (m.compareTo(dejaValide) < 0) {
            throw new RegleMetierException("montant", "inférieur aux dépenses déjà validées cette année (" + dejaValide.toPlainString() + " €)");
        }
        montant = m;
        avancePar = par;
        revisions.add(new Revision(m, d, Montants.texte("motif", motif, LONGUEUR_MOTIF)));
        return true;
    }

    static void anneeDeLaConvention(Convention c, int annee) {
        if (annee < c.dateDebut().getYear() || annee > c.dateFin().getYear()) {
            throw new RegleMetierException("annee", "en dehors de la durée de la convention (" + c.dateDebut().getYear() + " à "
                    + c.dateFin().getYear() + ")");
        }
    }

    private static String partie(Convention c, String institution) {
        if (institution == null || !c.lie(institution)) {
            throw new RegleMetierException("avancePar", (institution == null ? "est obligatoire" : institution + " n'est pas partie à la convention"));
        }
        return institution;
    }

    private static LocalDate date(LocalDate decideLe, LocalDate aujourdHui) {
        LocalDate d = decideLe == null ? aujourdHui : decideLe;
        if (d.isAfter(aujourdHui)) {
            throw new RegleMetierException("decideLe", "une décision prise ne peut pas être datée du futur");
        }
        return d;
    }

    /** Whether a further validation of that amount keeps the validated total within the budget. */
    public void verifierDansLeBudget(BigDecimal dejaValide, BigDecimal supplement) {
        BigDecimal total = dejaValide.add(supplement);
        if (total.compareTo(montant) > 0) {
            throw new RegleMetierException("montant", "dépasse le budget annuel " + annee + " : " + montant.toPlainString() + " € dont "
                    + dejaValide.toPlainString() + " € déjà validés ; une révision du budget par le comité de pilotage doit précéder");
        }
    }

    public UUID id() {
        return id;
    }

    public UUID conventionId() {
        return conventionId;
    }

    public int annee() {
        return annee;
    }

    public BigDecimal montant() {
        return montant;
    }

    public String avancePar() {
        return avancePar;
    }

    public List<Revision> revisions() {
        return List.copyOf(revisions);
    }
}
