package fr.actionsociale.referral.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import fr.actionsociale.commons.domaine.EtatInvalideException;
import fr.actionsociale.commons.domaine.RegleMetierException;

/** One step of a person's RSA path, with its due date; late only once its deadline has passed without it being done. */
@Entity
@Table(name = "etape_rsa")
public class EtapeRsa {

    @Id
    private UUID id;
    @Column(name = "beneficiaire_id")
    private UUID beneficiaireId;
    @Column(name = "droit_id")
    private UUID droitId;
    @Enumerated(EnumType.STRING)
    private TypeEtapeRsa type;
    @Column(name = "date_depart")
    private LocalDate dateDepart;
    @Column(name = "date_limite")
    private LocalDate dateLimite;
    @Column(name = "faite_le")
    private LocalDate faiteLe;
    private String structure;

    protected EtapeRsa() {
    }

    public EtapeRsa(UUID beneficiaireId, UUID droitId, TypeEtapeRsa type, LocalDate depart, String structure) {
        this.id = UUID.randomUUID();
        this.beneficiaireId = beneficiaireId;
        this.droitId = droitId;
        this.type = type;
        this.dateDepart = depart;
        this.dateLimite = type.limite(depart);
        this.structure = structure;
    }

    public void faire(LocalDate le, LocalDate aujourdHui) {
        if (faiteLe != null) {
            throw new EtatInvalideException("L'étape « " + type.libelle() + " » est déjà faite (le " + faiteLe + ").");
        }
        if (le.isAfter(aujourdHui)) {
            throw new RegleMetierException("date", "ne peut pas être dans le futur");
        }
        if (le.isBefore(dateDepart)) {
            throw new RegleMetierException("date", "ne peut pas précéder le départ du délai (" + dateDepart + ")");
        }
        faiteLe = le;
    }

    /**
     * The day the clock starts was corrected: the deadline follows. A step already done cannot then precede its start (both dates
     * named).
     */
    public void redater(LocalDate depart) {
        if (faiteLe != null && faiteLe.isBefore(depart)) {
            throw new RegleMetierException("date", "l'étape « " + type.libelle() + " » faite le " + faiteLe
                    + " précéderait le départ de son délai (" + depart + ")");
        }
        this.dateDepart = depart;
        this.dateLimite = type.limite(depart);
    }

    /** The day a step was done was corrected (the orientation step follows its orientation's date). */
    public void corrigerFaiteLe(LocalDate le) {
        if (le.isBefore(dateDepart)) {
            throw new RegleMetierException("date", "ne peut pas précéder le départ du délai (" + dateDepart + ")");
        }
        this.faiteLe = le;
    }

    /**
     * Corrects a step recorded by mistake: another done date, or not done at all (null). The orientation step follows the
     * orientation's date, which is corrected on the orientation itself.
     */
    public void corriger(LocalDate le, LocalDate aujourdHui) {
        if (type == TypeEtapeRsa.ORIENTATION) {
            throw new RegleMetierException("date", "l'étape d'orientation suit la date de l'orientation : corrigez l'orientation");
        }
        if (java.util.Objects.equals(le, faiteLe)) {
            throw new RegleMetierException("date", "rien à corriger : l'étape est déjà " + (le == null ? "non faite" : "faite le " + le));
        }
        if (le != null && le.isAfter(aujourdHui)) {
            throw new RegleMetierException("date", "ne peut pas être dans le futur (" + le + " après le " + aujourdHui + ")");
        }
        if (le != null && le.isBefore(dateDepart)) {
            throw new RegleMetierException("date", "le " + le + " ne peut pas précéder le départ du délai (" + dateDepart + ")");
        }
        faiteLe = le;
    }

    public void confierA(String structure) {
        this.structure = structure;
    }

    /** Late: not done and its deadline is past (the due day itself is not late). */
    public boolean enRetardAu(LocalDate jour) {
        return faiteLe == null && jour.isAfter(dateLimite);
    }

    /** Done within its deadline. */
    public boolean faiteDansLeDelai() {
        return faiteLe != null && !faiteLe.isAfter(dateLimite);
    }

    /**
     * Days past the deadline: when it was done for a step done late (it stays late once done), as of that day for a step still
     * waiting; 0 when in time.
     */
    public long joursDeRetardAu(LocalDate jour) {
        LocalDate fin = faiteLe != null ? faiteLe : jour;
        return Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(dateLimite, fin));
    }

    /** Days from the clock's start to the step done; null while it waits. */
    public Long delaiJours() {
        return faiteLe == null ? null : java.time.temporal.ChronoUnit.DAYS.between(dateDepart, faiteLe);
    }

    public UUID id() {
        return id;
    }

    public UUID beneficiaireId() {
        return beneficiaireId;
    }

    public UUID droitId() {
        return droitId;
    }

    public TypeEtapeRsa type() {
        return type;
    }

    public LocalDate dateDepart() {
        return dateDepart;
    }

    public LocalDate dateLimite() {
        return dateLimite;
    }

    public LocalDate faiteLe() {
        return faiteLe;
    }

    public String structure() {
        return structure;
    }
}
