package fr.actionsociale.referral.domain;

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

/** A right found potentially open for a person, followed until it is opened (or not), then until it closes. */
@Entity
@Table(name = "droit")
public class Droit {

    public enum Source {
        RDV_DES_DROITS, PARTENAIRE, IMPORT_CAF
    }

    @Id
    private UUID id;
    @Column(name = "beneficiaire_id")
    private UUID beneficiaireId;
    @Enumerated(EnumType.STRING)
    private DroitVise type;
    @Enumerated(EnumType.STRING)
    private EtatDroit etat;
    private String institution;
    @Column(name = "orientation_id")
    private UUID orientationId;
    @Enumerated(EnumType.STRING)
    private Source source;
    @Column(name = "identifie_le")
    private LocalDate identifieLe;
    @Column(name = "demande_le")
    private LocalDate demandeLe;
    @Column(name = "ouvert_le")
    private LocalDate ouvertLe;
    @Column(name = "refuse_le")
    private LocalDate refuseLe;
    @Column(name = "abandonne_le")
    private LocalDate abandonneLe;
    @Column(name = "ferme_le")
    private LocalDate fermeLe;
    @Version
    private long version;

    protected Droit() {
    }

    /** Found at a RDV des droits (or reported by a partner): potential until asked. */
    public static Droit identifier(UUID beneficiaireId, DroitVise type, String institution, Source source, LocalDate le, LocalDate aujourdHui) {
        if (le.isAfter(aujourdHui)) {
            throw new RegleMetierException("date", "ne peut pas être dans le futur");
        }
        Droit d = new Droit();
        d.id = UUID.randomUUID();
        d.beneficiaireId = beneficiaireId;
        d.type = type;
        d.institution = institution;
        d.source = source;
        d.identifieLe = le;
        d.etat = EtatDroit.POTENTIEL;
        return d;
    }

    /** A right the CAF's monthly file reports as opened: asked and opened on that date. */
    public static Droit ouvertParLaCaf(UUID beneficiaireId, DroitVise type, String institution, LocalDate ouvertLe) {
        Droit d = new Droit();
        d.id = UUID.randomUUID();
        d.beneficiaireId = beneficiaireId;
        d.type = type;
        d.institution = institution;
        d.source = Source.IMPORT_CAF;
        d.identifieLe = ouvertLe;
        d.demandeLe = ouvertLe;
        d.ouvertLe = ouvertLe;
        d.etat = EtatDroit.OUVERT;
        return d;
    }

    /**
     * Moves the right along its lifecycle on a date that is neither in the future nor before the step it follows.
     *
     * @return false when the right is already in that state (a repeated report changes nothing)
     */
    public boolean passer(EtatDroit cible, LocalDate le, LocalDate aujourdHui) {
        if (cible == etat) {
            return false;
        }
        if (!etat.suivants().contains(cible)) {
            throw new EtatInvalideException("Le droit " + type + " est " + etat + " : il ne peut pas passer à " + cible
                    + (cible == EtatDroit.OUVERT && etat == EtatDroit.POTENTIEL ? " sans avoir été demandé" : "") + ".");
        }
        if (le.isAfter(aujourdHui)) {
            throw new RegleMetierException("date", "ne peut pas être dans le futur");
        }
        LocalDate precedente = derniereDate();
        if (le.isBefore(precedente)) {
            throw new RegleMetierException("date", "ne peut pas précéder l'étape précédente du droit (" + precedente + ")");
        }
        switch (cible) {
            case DEMANDE -> demandeLe = le;
            case OUVERT -> ouvertLe = ouvertLe == null ? le : ouvertLe; // a suspension lifted keeps the opening date
            case REFUSE -> refuseLe = le;
            case ABANDONNE -> abandonneLe = le;
            case FERME, SUSPENDU -> fermeLe = le;
            default -> throw new IllegalStateException();
        }
        etat = cible;
        return true;
    }

    private LocalDate derniereDate() {
        LocalDate d = identifieLe;
        for (LocalDate x : new LocalDate[] { demandeLe, ouvertLe, refuseLe, abandonneLe, fermeLe }) {
            if (x != null && x.isAfter(d)) {
                d = x;
            }
        }
        return d;
    }

    /** The dates a correction may move, as the API names them, with their place in the right's lifecycle. */
    public static final java.util.Map<String, Integer> CHAMPS_DATE = java.util.Map.of("identifieLe", 0, "demandeLe", 1, "ouvertLe", 2,
            "refuseLe", 2, "abandonneLe", 2, "fermeLe", 3);

    /** The date of that field, null when the right has none. */
    public LocalDate date(String champ) {
        return switch (champ) {
            case "identifieLe" -> identifieLe;
            case "demandeLe" -> demandeLe;
            case "ouvertLe" -> ouvertLe;
            case "refuseLe" -> refuseLe;
            case "abandonneLe" -> abandonneLe;
            case "fermeLe" -> fermeLe;
            default -> throw new RegleMetierException("champ", "n'est pas une date du droit : " + champ);
        };
    }

    /**
     * A date recorded wrong, corrected: only a date the right already has, never in the future, and the right's dates stay in
     * order (identified ≤ asked ≤ opened, refused or abandoned ≤ closed), both dates named when they would not.
     *
     * @return the date it replaces
     */
    public LocalDate corrigerDate(String champ, LocalDate le, LocalDate aujourdHui) {
        LocalDate ancienne = date(champ);
        if (ancienne == null) {
            throw new RegleMetierException("champ", "le droit " + type + " n'a pas de date " + champ + " à corriger");
        }
        if (le.isAfter(aujourdHui)) {
            throw new RegleMetierException("date", "ne peut pas être dans le futur (" + le + " après le " + aujourdHui + ")");
        }
        if (le.equals(ancienne)) {
            throw new RegleMetierException("date", "rien à corriger : " + champ + " est déjà le " + le);
        }
        int rang = CHAMPS_DATE.get(champ);
        for (var autre : CHAMPS_DATE.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).toList()) {
            LocalDate x = date(autre.getKey());
            if (x == null || autre.getKey().equals(champ)) {
                continue;
            }
            if (autre.getValue() < rang && le.isBefore(x)) {
                throw new RegleMetierException("date", "le " + le + " (" + champ + ") ne peut pas précéder " + autre.getKey() + " (" + x + ")");
            }
            if (autre.getValue() > rang && le.isAfter(x)) {
                throw new RegleMetierException("date", "le " + le + " (" + champ + ") ne peut pas suivre " + autre.getKey() + " (" + x + ")");
            }
        }
        switch (champ) {
            case "identifieLe" -> identifieLe = le;
            case "demandeLe" -> demandeLe = le;
            case "ouvertLe" -> ouvertLe = le;
            case "refuseLe" -> refuseLe = le;
            case "abandonneLe" -> abandonneLe = le;
            default -> fermeLe = le;
        }
        return ancienne;
    }

    public void rattacher(UUID orientationId, String institution) {
        this.orientationId = orientationId;
        if (this.institution == null) {
            this.institution = institution;
        }
    }

    public UUID id() {
        return id;
    }

    public UUID beneficiaireId() {
        return beneficiaireId;
    }

    public DroitVise type() {
        return type;
    }

    public EtatDroit etat() {
        return etat;
    }

    public String institution() {
        return institution;
    }

    public UUID orientationId() {
        return orientationId;
    }

    public Source source() {
        return source;
    }

    public LocalDate identifieLe() {
        return identifieLe;
    }

    public LocalDate demandeLe() {
        return demandeLe;
    }

    public LocalDate ouvertLe() {
        return ouvertLe;
    }

    public LocalDate refuseLe() {
        return refuseLe;
    }

    public LocalDate abandonneLe() {
        return abandonneLe;
    }

    public LocalDate fermeLe() {
        return fermeLe;
    }

    /** The date of its current state. */
    public LocalDate dateEtat() {
        return derniereDate();
    }
}
