package fr.actionsociale.budget.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import fr.actionsociale.commons.domaine.RegleMetierException;

/**
 * An action's budget for one period, as in seed 003's table. Receipts (carry-in + State's share) and the carry-over to the next
 * period (receipts − consumption) are computed, never stored; what an imported table said is kept beside for the record.
 */
@Entity
@Table(name = "ligne_budgetaire")
public class LigneBudgetaire {

    @Id
    private UUID id;
    @Column(name = "action_id")
    private UUID actionId;
    private String periode;
    @Column(name = "date_debut")
    private LocalDate dateDebut;
    @Column(name = "date_fin")
    private LocalDate dateFin;
    @Column(name = "valorisation_departement")
    private BigDecimal valorisationDepartement;
    @Column(name = "actions_valorisees")
    private String actionsValorisees;
    @Column(name = "report_entrant")
    private BigDecimal reportEntrant;
    @Column(name = "participation_etat")
    private BigDecimal participationEtat;
    @Column(name = "nature_depenses")
    private String natureDepenses;
    @Column(name = "consommation_initiale")
    private BigDecimal consommationInitiale;
    @Column(name = "date_consommation")
    private LocalDate dateConsommation;
    @Column(name = "recettes_importees")
    private BigDecimal recettesImportees;
    @Column(name = "report_sortant_importe")
    private BigDecimal reportSortantImporte;
    @Column(name = "import_id")
    private UUID importId;
    @Version
    private long version;

    protected LigneBudgetaire() {
    }

    public LigneBudgetaire(UUID actionId, Periode periode, BigDecimal valorisationDepartement, String actionsValorisees, BigDecimal reportEntrant,
            BigDecimal participationEtat, String natureDepenses) {
        this.id = UUID.randomUUID();
        this.actionId = actionId;
        this.periode = periode.code();
        this.dateDebut = periode.debut();
        this.dateFin = periode.fin();
        this.consommationInitiale = BigDecimal.ZERO.setScale(2);
        definir(valorisationDepartement, actionsValorisees, reportEntrant, participationEtat, natureDepenses);
    }

    public final void definir(BigDecimal valorisationDepartement, String actionsValorisees, BigDecimal reportEntrant, BigDecimal participationEtat,
            String natureDepenses) {
        this.valorisationDepartement = positif("valorisationDepartement", valorisationDepartement);
        this.actionsValorisees = actionsValorisees;
        this.reportEntrant = positif("reportEntrant", reportEntrant);
        this.participationEtat = positif("participationEtat", participationEtat);
        this.natureDepenses = natureDepenses;
    }

    /** The consumption an imported table reports at its date, and the figures it computed itself (kept, not trusted). */
    public void constaterImport(UUID importId, BigDecimal consommation, LocalDate le, BigDecimal recettesLues, BigDecimal reportSortantLu) {
        this.importId = importId;
        this.consommationInitiale = Montants.ouZero(consommation);
        this.dateConsommation = le;
        this.recettesImportees = recettesLues;
        this.reportSortantImporte = reportSortantLu;
    }

    private static BigDecimal positif(String champ, BigDecimal m) {
        BigDecimal v = Montants.ouZero(m);
        if (v.signum() < 0) {
            throw new RegleMetierException(champ, "ne peut pas être négatif");
        }
        return v.setScale(2);
    }

    public BigDecimal recettes() {
        return reportEntrant.add(participationEtat);
    }

    /** @param consommation the consumption at the date considered */
    public BigDecimal reportSortant(BigDecimal consommation) {
        return recettes().subtract(consommation);
    }

    /** The imported consumption counts from its date; expenses recorded here count after it. */
    public boolean depenseApresImport(LocalDate date) {
        return dateConsommation == null || date.isAfter(dateConsommation);
    }

    public UUID id() {
        return id;
    }

    public UUID actionId() {
        return actionId;
    }

    public String periode() {
        return periode;
    }

    public LocalDate dateDebut() {
        return dateDebut;
    }

    public LocalDate dateFin() {
        return dateFin;
    }

    public BigDecimal valorisationDepartement() {
        return valorisationDepartement;
    }

    public String actionsValorisees() {
        return actionsValorisees;
    }

    public BigDecimal reportEntrant() {
        return reportEntrant;
    }

    public BigDecimal participationEtat() {
        return participationEtat;
    }

    public String natureDepenses() {
        return natureDepenses;
    }

    public BigDecimal consommationInitiale() {
        return consommationInitiale;
    }

    public LocalDate dateConsommation() {
        return dateConsommation;
    }

    public BigDecimal recettesImportees() {
        return recettesImportees;
    }

    public BigDecimal reportSortantImporte() {
        return reportSortantImporte;
    }

    public UUID importId() {
        return importId;
    }
}
