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

/** A deadline a convention's rules set for one institution; its state follows the calendar. */
@Entity
@Table(name = "echeance")
public class Echeance {

    /** A deadline is "due" this many days before its date (and "close" for the daily alert). */
    public static final int JOURS_AVANT = 15;

    @Id
    private UUID id;
    @Column(name = "convention_id")
    private UUID conventionId;
    @Enumerated(EnumType.STRING)
    private TypeEcheance type;
    private String libelle;
    private String institution;
    @Column(name = "date_due")
    private LocalDate dateDue;
    private BigDecimal montant;
    @Enumerated(EnumType.STRING)
    private TrancheVersement.Declencheur declencheur;
    @Column(name = "delai_jours")
    private Integer delaiJours;
    @Column(name = "faite_le")
    private LocalDate faiteLe;
    @Column(name = "alerte_proche")
    private boolean alerteProche;
    @Column(name = "alerte_depassee")
    private boolean alerteDepassee;
    @Version
    private long version;

    protected Echeance() {
    }

    Echeance(UUID conventionId, TypeEcheance type, String libelle, String institution, LocalDate dateDue, BigDecimal montant) {
        this.id = UUID.randomUUID();
        this.conventionId = conventionId;
        this.type = type;
        this.libelle = libelle;
        this.institution = institution;
        this.dateDue = dateDue;
        this.montant = montant;
    }

    public EtatEcheance etatAu(LocalDate jour) {
        if (faiteLe != null) {
            return EtatEcheance.FAITE;
        }
        if (dateDue == null) {
            return EtatEcheance.A_VENIR;
        }
        if (jour.isAfter(dateDue)) {
            return EtatEcheance.EN_RETARD;
        }
        return jour.isBefore(dateDue.minusDays(JOURS_AVANT)) ? EtatEcheance.A_VENIR : EtatEcheance.DUE;
    }

    public void faire(LocalDate le, LocalDate aujourdHui) {
        if (faiteLe != null) {
            throw new EtatInvalideException("Échéance déjà faite le " + faiteLe + ".");
        }
        if (le.isAfter(aujourdHui)) {
            throw new RegleMetierException("date", "ne peut pas être dans le futur");
        }
        faiteLe = le;
    }

    static Echeance versement(UUID conventionId, String libelle, String institution, BigDecimal montant,
            TrancheVersement.Declencheur declencheur, int delaiJours, LocalDate dateDeclenchement) {
        Echeance e = new Echeance(conventionId, TypeEcheance.VERSEMENT, libelle, institution,
                dateDeclenchement == null ? null : dateDeclenchement.plusDays(delaiJours), montant);
        e.declencheur = declencheur;
        e.delaiJours = delaiJours;
        return e;
    }

    /** A payment waiting for this trigger gets its due date: the trigger's date plus the payment's delay. */
    public void declencher(TrancheVersement.Declencheur evenement, LocalDate le) {
        if (type == TypeEcheance.VERSEMENT && declencheur == evenement && dateDue == null) {
            dateDue = le.plusDays(delaiJours);
        }
    }

    /** @return true the first time the deadline is found close (the daily pass emits echeance-proche then) */
    public boolean signalerProche(LocalDate jour) {
        if (alerteProche || etatAu(jour) != EtatEcheance.DUE) {
            return false;
        }
        alerteProche = true;
        return true;
    }

    /** @return true the first time the deadline is found missed (the daily pass emits echeance-depassee then) */
    public boolean signalerDepassee(LocalDate jour) {
        if (alerteDepassee || etatAu(jour) != EtatEcheance.EN_RETARD) {
            return false;
        }
        alerteDepassee = true;
        alerteProche = true;
        return true;
    }

    /** Done by the end of that day: a deadline marked done later was still open then. */
    public boolean faiteAu(LocalDate jour) {
        return faiteLe != null && !faiteLe.isAfter(jour);
    }

    /**
     * The due date as it was known on that day: a payment triggered by a report gets its date only when the report is
     * produced, so a report produced later leaves it unknown then (null).
     */
    public LocalDate dateDueConnueAu(LocalDate jour) {
        if (dateDue == null || delaiJours == null) {
            return dateDue;
        }
        return dateDue.minusDays(delaiJours).isAfter(jour) ? null : dateDue;
    }

    /** What a payment waits for; null for another deadline. */
    public TrancheVersement.Declencheur declencheur() {
        return declencheur;
    }

    public UUID id() {
        return id;
    }

    public UUID conventionId() {
        return conventionId;
    }

    public TypeEcheance type() {
        return type;
    }

    public String libelle() {
        return libelle;
    }

    public String institution() {
        return institution;
    }

    public LocalDate dateDue() {
        return dateDue;
    }

    public BigDecimal montant() {
        return montant;
    }

    public LocalDate faiteLe() {
        return faiteLe;
    }
}
