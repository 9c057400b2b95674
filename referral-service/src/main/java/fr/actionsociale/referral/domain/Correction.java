package fr.actionsociale.referral.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One correction of a recorded value: who changed what, when and why. Never changed once written. */
@Entity
@Table(name = "correction")
public class Correction {

    @Id
    private UUID id;
    @Column(name = "orientation_id")
    private UUID orientationId;
    @Column(name = "etape_id")
    private UUID etapeId;
    @Column(name = "droit_id")
    private UUID droitId;
    private String champ;
    @Column(name = "ancienne_valeur")
    private String ancienneValeur;
    @Column(name = "nouvelle_valeur")
    private String nouvelleValeur;
    /** Free text: stays in this service, erased by the retention job with the person's other free texts. */
    private String motif;
    @Column(name = "par_institution")
    private String parInstitution;
    @Column(name = "par_sujet")
    private String parSujet;
    private Instant le;

    protected Correction() {
    }

    public Correction(UUID orientationId, String champ, String ancienneValeur, String nouvelleValeur, String motif, String parInstitution,
            String parSujet, Instant le) {
        this.id = UUID.randomUUID();
        this.orientationId = orientationId;
        this.champ = champ;
        this.ancienneValeur = ancienneValeur;
        this.nouvelleValeur = nouvelleValeur;
        this.motif = motif;
        this.parInstitution = parInstitution;
        this.parSujet = parSujet;
        this.le = le;
    }

    /** A correction of a step of the RSA path (its done date, or the step undone). */
    public static Correction dEtape(UUID etapeId, String champ, String ancienneValeur, String nouvelleValeur, String motif, String parInstitution,
            String parSujet, Instant le) {
        Correction c = new Correction(null, champ, ancienneValeur, nouvelleValeur, motif, parInstitution, parSujet, le);
        c.etapeId = etapeId;
        return c;
    }

    /** A correction of one of a right's dates (opened, asked…). */
    public static Correction deDroit(UUID droitId, String champ, String ancienneValeur, String nouvelleValeur, String motif, String parInstitution,
            String parSujet, Instant le) {
        Correction c = new Correction(null, champ, ancienneValeur, nouvelleValeur, motif, parInstitution, parSujet, le);
        c.droitId = droitId;
        return c;
    }

    public UUID droitId() {
        return droitId;
    }

    public UUID etapeId() {
        return etapeId;
    }

    public UUID id() {
        return id;
    }

    public UUID orientationId() {
        return orientationId;
    }

    public String champ() {
        return champ;
    }

    public String ancienneValeur() {
        return ancienneValeur;
    }

    public String nouvelleValeur() {
        return nouvelleValeur;
    }

    public String motif() {
        return motif;
    }

    public String parInstitution() {
        return parInstitution;
    }

    public String parSujet() {
        return parSujet;
    }

    public Instant le() {
        return le;
    }
}
