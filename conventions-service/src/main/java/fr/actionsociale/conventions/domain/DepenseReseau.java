package fr.actionsociale.conventions.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import fr.actionsociale.commons.domaine.EtatInvalideException;
import fr.actionsociale.commons.domaine.RegleMetierException;

/**
 * An operating expense of the network (seed 004 art. 4): proposed with its invoice, validated by a meeting of the convention's
 * comité de pilotage ("le CCAS de Blain procédera à l'engagement des dépenses après validation de celles-ci par le comité de
 * pilotage"), then paid by the advancing party. Each step keeps the day it happened.
 */
@Entity
@Table(name = "depense_reseau")
public class DepenseReseau {

    public static final int LONGUEUR_OBJET = 500;
    public static final int LONGUEUR_FACTURE = 100;
    public static final int LONGUEUR_DECISION = 1000;

    @Id
    private UUID id;
    @Column(name = "convention_id")
    private UUID conventionId;
    private int annee;
    private String objet;
    private BigDecimal montant;
    @Column(name = "date_facture")
    private LocalDate dateFacture;
    @Column(name = "numero_facture")
    private String numeroFacture;
    @Column(name = "proposee_par")
    private String proposeePar;
    @Column(name = "proposee_le")
    private LocalDate proposeeLe;
    @Enumerated(EnumType.STRING)
    private EtatDepense etat;
    @Column(name = "reunion_id")
    private UUID reunionId;
    private String decision;
    @Column(name = "validee_le")
    private LocalDate valideeLe;
    @Column(name = "payee_le")
    private LocalDate payeeLe;
    @Column(name = "appel_id")
    private UUID appelId;
    @Version
    private long version;

    protected DepenseReseau() {
    }

    /** @param proposeeLe null: today */
    public static DepenseReseau proposer(Convention c, BudgetAnnuel b, String objet, BigDecimal montant, LocalDate dateFacture,
            String numeroFacture, String proposeePar, LocalDate proposeeLe, LocalDate aujourdHui) {
        DepenseReseau d = new DepenseReseau();
        d.montant = Montants.euros("montant", montant, true);
        if (dateFacture == null) {
            throw new RegleMetierException("dateFacture", "est obligatoire : une dépense est proposée avec sa facture");
        }
        if (dateFacture.getYear() != b.annee()) {
            throw new RegleMetierException("dateFacture", "le " + dateFacture + " est en dehors de l'année " + b.annee() + " du budget");
        }
        if (dateFacture.isAfter(aujourdHui)) {
            throw new RegleMetierException("dateFacture", "une facture reçue ne peut pas être datée du futur");
        }
        d.numeroFacture = Montants.texte("numeroFacture", numeroFacture, LONGUEUR_FACTURE);
        d.objet = Montants.texte("objet", objet, LONGUEUR_OBJET);
        if (proposeePar == null || !c.lie(proposeePar)) {
            throw new RegleMetierException("proposeePar", proposeePar == null ? "est obligatoire" : proposeePar + " n'est pas partie à la convention");
        }
        LocalDate le = proposeeLe == null ? aujourdHui : proposeeLe;
        if (le.isAfter(aujourdHui)) {
            throw new RegleMetierException("proposeeLe", "une proposition faite ne peut pas être datée du futur");
        }
        if (le.isBefore(dateFacture)) {
            throw new RegleMetierException("proposeeLe", "précède la facture (" + dateFacture + ") avec laquelle la dépense est proposée");
        }
        d.id = UUID.randomUUID();
        d.conventionId = c.id();
        d.annee = b.annee();
        d.dateFacture = dateFacture;
        d.proposeePar = proposeePar;
        d.proposeeLe = le;
        d.etat = EtatDepense.PROPOSEE;
        return d;
    }

    /**
     * Validation by the comité de pilotage at one of its meetings (its decision's reference or wording), within the year's budget.
     *
     * @param dejaValide the year's expenses already validated, this one aside
     */
    public void valider(Reunion reunion, String decision, BudgetAnnuel budget, BigDecimal dejaValide) {
        if (etat != EtatDepense.PROPOSEE) {
            throw new EtatInvalideException("La dépense est déjà validée par le comité de pilotage.");
        }
        InstanceGouvernance instance = reunion.instance();
        if (!instance.conventionId().equals(conventionId) || instance.type() != TypeInstance.COMITE_PILOTAGE) {
            throw new RegleMetierException("reunionId", "n'est pas une réunion du comité de pilotage de cette convention (« "
                    + instance.nom() + " ») : seul le comité de pilotage valide les dépenses (article 4.1)");
        }
        if (reunion.date().isBefore(proposeeLe)) {
            throw new RegleMetierException("reunionId", "la réunion du " + reunion.date() + " précède la proposition de la dépense ("
                    + proposeeLe + ")");
        }
        String d = Montants.texte("decision", decision, LONGUEUR_DECISION);
        budget.verifierDansLeBudget(dejaValide, montant);
        this.reunionId = reunion.id();
        this.decision = d;
        this.valideeLe = reunion.date();
        this.etat = EtatDepense.VALIDEE;
    }

    /** Paid by the advancing party, on a day that happened, not before its validation nor its invoice. */
    public void payer(LocalDate date, LocalDate aujourdHui) {
        if (etat == EtatDepense.PROPOSEE) {
            throw new EtatInvalideException("Une dépense n'est payée qu'après sa validation par le comité de pilotage.");
        }
        if (etat == EtatDepense.PAYEE) {
            throw new EtatInvalideException("La dépense est déjà payée (le " + payeeLe + ").");
        }
        if (date == null) {
            throw new RegleMetierException("date", "est obligatoire");
        }
        if (date.isAfter(aujourdHui)) {
            throw new RegleMetierException("date", "un paiement fait ne peut pas être daté du futur");
        }
        if (date.isBefore(valideeLe)) {
            throw new RegleMetierException("date", "précède la validation par le comité de pilotage (" + valideeLe + ")");
        }
        this.payeeLe = date;
        this.etat = EtatDepense.PAYEE;
    }

    /** A validated expense paid by that day. */
    public boolean payeeAu(LocalDate jour) {
        return etat == EtatDepense.PAYEE && !payeeLe.isAfter(jour);
    }

    public void appeler(UUID appel) {
        this.appelId = appel;
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

    public String objet() {
        return objet;
    }

    public BigDecimal montant() {
        return montant;
    }

    public LocalDate dateFacture() {
        return dateFacture;
    }

    public String numeroFacture() {
        return numeroFacture;
    }

    public String proposeePar() {
        return proposeePar;
    }

    public LocalDate proposeeLe() {
        return proposeeLe;
    }

    public EtatDepense etat() {
        return etat;
    }

    public UUID reunionId() {
        return reunionId;
    }

    public String decision() {
        return decision;
    }

    public LocalDate valideeLe() {
        return valideeLe;
    }

    public LocalDate payeeLe() {
        return payeeLe;
    }

    public UUID appelId() {
        return appelId;
    }
}
