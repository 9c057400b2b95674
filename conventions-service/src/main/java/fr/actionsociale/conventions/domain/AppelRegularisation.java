package fr.actionsociale.conventions.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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

import fr.actionsociale.commons.domaine.RegleMetierException;

/**
 * The year-end call for repayment of seed 004 (art. 4.2.1: "le CCAS de Blain concentrera les factures engagées pour procéder à
 * l'appel à régularisation auprès des autres communes"), as issued: the INSEE vintage last known that day, the totals, and one
 * line per party ({@link RechargeAnnuelle}). Issued once per convention and year; its expenses and contributions are then closed.
 */
@Entity
@Table(name = "appel_regularisation")
public class AppelRegularisation {

    @Embeddable
    public record Ligne(String institution, long habitants, @Column(name = "part_depenses") BigDecimal partDepenses,
            @Column(name = "part_mises_a_disposition") BigDecimal partMisesADisposition, BigDecimal apports, BigDecimal solde) {
    }

    @Id
    private UUID id;
    @Column(name = "convention_id")
    private UUID conventionId;
    private int annee;
    @Column(name = "date_appel")
    private LocalDate dateAppel;
    private int millesime;
    private String creancier;
    @Column(name = "total_depenses")
    private BigDecimal totalDepenses;
    @Column(name = "total_mises_a_disposition")
    private BigDecimal totalMisesADisposition;
    @ElementCollection
    @CollectionTable(name = "appel_regularisation_ligne", joinColumns = @JoinColumn(name = "appel_id"))
    @OrderColumn(name = "rang")
    private List<Ligne> lignes = new ArrayList<>();

    protected AppelRegularisation() {
    }

    /**
     * @param validees the year's expenses the comité de pilotage validated (paid or not)
     * @param populations each party's population last known on {@code date}
     */
    public static AppelRegularisation emettre(Convention c, BudgetAnnuel budget, LocalDate date, List<DepenseReseau> validees,
            List<MiseADisposition> mises, List<RepartitionCharges.Population> populations, LocalDate aujourdHui) {
        if (date.isAfter(aujourdHui)) {
            throw new RegleMetierException("date", "un appel émis ne peut pas être daté du futur");
        }
        if (date.getYear() < budget.annee()) {
            throw new RegleMetierException("date", "l'appel de " + budget.annee() + " est émis à l'issue de l'année, pas avant");
        }
        if (validees.isEmpty()) {
            throw new RegleMetierException("annee", "aucune dépense de " + budget.annee()
                    + " n'est validée par le comité de pilotage : il n'y a rien à régulariser");
        }
        List<DepenseReseau> payees = validees.stream().filter(d -> d.payeeAu(date)).toList();
        if (payees.isEmpty()) {
            throw new RegleMetierException("date", "aucune dépense validée de " + budget.annee() + " n'est payée au " + date);
        }
        java.util.Map<String, BigDecimal> parFournisseur = new java.util.TreeMap<>();
        mises.forEach(m -> parFournisseur.merge(m.fournisseur(), m.montant(), BigDecimal::add));
        BigDecimal depenses = payees.stream().map(DepenseReseau::montant).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        AppelRegularisation a = new AppelRegularisation();
        a.id = UUID.randomUUID();
        a.conventionId = c.id();
        a.annee = budget.annee();
        a.dateAppel = date;
        a.millesime = populations.get(0).millesime();
        a.creancier = budget.avancePar();
        a.totalDepenses = depenses;
        a.totalMisesADisposition = parFournisseur.values().stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        for (RechargeAnnuelle.Ligne l : RechargeAnnuelle.regulariser(budget.avancePar(), depenses, parFournisseur, populations)) {
            a.lignes.add(new Ligne(l.institution(), l.habitants(), l.partDepenses(), l.partMisesADisposition(), l.apports(), l.solde()));
        }
        payees.forEach(d -> d.appeler(a.id));
        mises.forEach(m -> m.appeler(a.id));
        return a;
    }

    public Optional<Ligne> ligne(String institution) {
        return lignes.stream().filter(l -> l.institution().equals(institution)).findFirst();
    }

    /** The lines of the parties called (all but the advancing party). */
    public List<Ligne> appeles() {
        return lignes.stream().filter(l -> !l.institution().equals(creancier)).toList();
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

    public LocalDate dateAppel() {
        return dateAppel;
    }

    public int millesime() {
        return millesime;
    }

    public String creancier() {
        return creancier;
    }

    public BigDecimal totalDepenses() {
        return totalDepenses;
    }

    public BigDecimal totalMisesADisposition() {
        return totalMisesADisposition;
    }

    public List<Ligne> lignes() {
        return List.copyOf(lignes);
    }
}
