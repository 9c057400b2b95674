package fr.actionsociale.referral.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import fr.actionsociale.commons.jdbc.ListeTexte;
import fr.actionsociale.commons.domaine.EtatInvalideException;
import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.temps.Horloges;

/** A beneficiary oriented to the structure that can open the rights aimed at. */
@Entity
@Table(name = "orientation")
public class Orientation {

    /** 13 digits or more in a row look like a social-security number, which must never be a reference. */
    private static final Pattern RESSEMBLE_A_UN_NIR = Pattern.compile("\\d{13,}");

    @Id
    private UUID id;
    private String beneficiaire;
    private String structure;
    private String commune;
    private String motif;
    @Column(name = "droits_vises")
    private String droitsVises;
    @Column(name = "oriente_par")
    private String orientePar;
    @Enumerated(EnumType.STRING)
    private StatutOrientation statut;
    /** When it happened: the moment it was recorded, or the start of the day the structure says it happened. */
    @Column(name = "date_orientation")
    private Instant dateOrientation;
    @Column(name = "enregistree_le")
    private Instant enregistreeLe;
    @Column(name = "beneficiaire_id")
    private UUID beneficiaireId;
    private String referent;
    @Column(name = "motif_refus")
    private String motifRefus;
    @Column(name = "acceptee_le")
    private LocalDate accepteeLe;
    @Column(name = "cloturee_le")
    private LocalDate clotureeLe;
    /** The day the accompaniment started (null for an orientation started before this column existed). */
    @Column(name = "demarree_le")
    private LocalDate demarreeLe;
    @Column(name = "precedente_id")
    private UUID precedenteId;
    /** The service of the oriented structure it orients to, when named (one of that structure's: checked by the caller). */
    @Column(name = "service_id")
    private UUID serviceId;
    @Version
    private long version;

    protected Orientation() {
    }

    /**
     * @throws RegleMetierException when the beneficiary reference looks like personal data
     */
    public static Orientation proposer(String beneficiaire, String structure, String commune, String motif,
            Set<DroitVise> droitsVises, String orientePar, Instant quand) {
        verifierReference(beneficiaire);
        if (droitsVises.isEmpty()) {
            throw new RegleMetierException("droitsVises", "au moins un droit visé est requis");
        }
        Orientation o = new Orientation();
        o.id = UUID.randomUUID();
        o.beneficiaire = beneficiaire;
        o.structure = structure;
        o.commune = commune;
        o.motif = motif;
        o.droitsVises = droitsVises.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        o.orientePar = orientePar;
        o.statut = StatutOrientation.PROPOSEE;
        o.dateOrientation = quand;
        o.enregistreeLe = quand;
        return o;
    }

    /**
     * An orientation recorded late keeps the day it happened: never in the future, never before the step it follows
     * (the opening of the right it aims at, when the RSA path is under way).
     */
    public Orientation datee(LocalDate le, Instant maintenant, LocalDate aujourdHui, LocalDate suitLe, String suitQuoi) {
        this.enregistreeLe = maintenant;
        if (le == null || le.equals(aujourdHui)) {
            this.dateOrientation = maintenant;
            return this;
        }
        if (le.isAfter(aujourdHui)) {
            throw new RegleMetierException("date", "ne peut pas être dans le futur (" + le + " après le " + aujourdHui + ")");
        }
        if (suitLe != null && le.isBefore(suitLe)) {
            throw new RegleMetierException("date", "l'orientation du " + le + " ne peut pas précéder " + suitQuoi + " (" + suitLe + ")");
        }
        this.dateOrientation = le.atStartOfDay(Horloges.PARIS).toInstant();
        return this;
    }

    /**
     * A wrong date corrected: checked as a new orientation's (not in the future, not before the RSA opening it follows), and never
     * after a later step already dated (acceptance, start, closure or refusal), both dates named.
     *
     * @return the day it had before
     */
    public LocalDate corrigerDate(LocalDate le, LocalDate aujourdHui, LocalDate suitLe, String suitQuoi) {
        LocalDate avant = jour();
        if (le.equals(avant)) {
            throw new RegleMetierException("date", "est déjà la date de l'orientation (" + avant + ") : rien à corriger");
        }
        if (le.isAfter(aujourdHui)) {
            throw new RegleMetierException("date", "ne peut pas être dans le futur (" + le + " après le " + aujourdHui + ")");
        }
        if (suitLe != null && le.isBefore(suitLe)) {
            throw new RegleMetierException("date", "l'orientation du " + le + " ne peut pas précéder " + suitQuoi + " (" + suitLe + ")");
        }
        suivante(le, accepteeLe, statut == StatutOrientation.REFUSEE ? null : "son acceptation");
        suivante(le, demarreeLe, "le démarrage de l'accompagnement");
        suivante(le, clotureeLe, statut == StatutOrientation.REFUSEE ? "son refus" : "sa clôture");
        this.dateOrientation = le.atStartOfDay(Horloges.PARIS).toInstant();
        return avant;
    }

    private static void suivante(LocalDate le, LocalDate etape, String quoi) {
        if (etape != null && quoi != null && le.isAfter(etape)) {
            throw new RegleMetierException("date", "l'orientation du " + le + " ne peut pas suivre " + quoi + " (" + etape + ")");
        }
    }

    /** The day it happened, in the institutions' calendar. */
    public LocalDate jour() {
        return LocalDate.ofInstant(dateOrientation, Horloges.PARIS);
    }

    public Instant enregistreeLe() {
        return enregistreeLe;
    }

    /** @throws RegleMetierException when a beneficiary reference looks like personal data */
    public static void verifierReference(String beneficiaire) {
        if (RESSEMBLE_A_UN_NIR.matcher(beneficiaire).find()) {
            throw new RegleMetierException("beneficiaire",
                    "ressemble à un numéro de sécurité sociale : utilisez la référence opaque du bénéficiaire");
        }
    }

    /** The person this orientation follows, and the orientation it replaces (a re-orientation). */
    public Orientation pour(UUID beneficiaireId, UUID precedenteId) {
        this.beneficiaireId = beneficiaireId;
        this.precedenteId = precedenteId;
        return this;
    }

    /** The structure takes the person on: from now on one referent follows them. */
    public void accepter(String referent, LocalDate le, LocalDate aujourdHui) {
        exiger(StatutOrientation.PROPOSEE, "acceptée");
        dater(le, aujourdHui);
        this.referent = referent;
        this.accepteeLe = le;
        this.statut = StatutOrientation.ACCEPTEE;
    }

    public void refuser(String motif, LocalDate le, LocalDate aujourdHui) {
        exiger(StatutOrientation.PROPOSEE, "refusée");
        dater(le, aujourdHui);
        this.motifRefus = motif;
        this.clotureeLe = le;
        this.statut = StatutOrientation.REFUSEE;
    }

    /** The accompaniment has started (first appointment held). */
    public void demarrer(LocalDate le, LocalDate aujourdHui) {
        exiger(StatutOrientation.ACCEPTEE, "mise en cours");
        dater(le, aujourdHui);
        this.demarreeLe = le;
        this.statut = StatutOrientation.EN_COURS;
    }

    /** Ends the orientation: its purpose is reached, or a re-orientation replaces it. */
    public void cloturer(LocalDate le, LocalDate aujourdHui) {
        if (statut == StatutOrientation.REFUSEE || statut == StatutOrientation.CLOTUREE) {
            throw new EtatInvalideException("L'orientation est " + statut + " : elle ne peut pas être clôturée.");
        }
        dater(le, aujourdHui);
        this.clotureeLe = le;
        this.statut = StatutOrientation.CLOTUREE;
    }

    public boolean active() {
        return statut == StatutOrientation.PROPOSEE || statut == StatutOrientation.ACCEPTEE || statut == StatutOrientation.EN_COURS;
    }

    private void exiger(StatutOrientation attendu, String verbe) {
        if (statut != attendu) {
            throw new EtatInvalideException("L'orientation est " + statut + " : seule une orientation " + attendu + " peut être " + verbe + ".");
        }
    }

    private void dater(LocalDate le, LocalDate aujourdHui) {
        if (le.isAfter(aujourdHui)) {
            throw new RegleMetierException("date", "ne peut pas être dans le futur");
        }
        LocalDate orientee = jour();
        if (le.isBefore(orientee)) {
            throw new RegleMetierException("date", "le " + le + " ne peut pas précéder l'orientation (" + orientee + ")");
        }
    }

    public UUID beneficiaireId() {
        return beneficiaireId;
    }

    public String referent() {
        return referent;
    }

    public String motifRefus() {
        return motifRefus;
    }

    public LocalDate accepteeLe() {
        return accepteeLe;
    }

    public LocalDate clotureeLe() {
        return clotureeLe;
    }

    public LocalDate demarreeLe() {
        return demarreeLe;
    }

    public UUID precedenteId() {
        return precedenteId;
    }

    public UUID serviceId() {
        return serviceId;
    }

    /** Names the service it orients to, before it is recorded. */
    public Orientation versLeService(UUID serviceId) {
        this.serviceId = serviceId;
        return this;
    }

    /** An agent sees the orientations made by or to their own structure. */
    public boolean concerne(String institution) {
        return structure.equals(institution) || orientePar.equals(institution);
    }

    public UUID id() {
        return id;
    }

    public String beneficiaire() {
        return beneficiaire;
    }

    public String structure() {
        return structure;
    }

    public String commune() {
        return commune;
    }

    public String motif() {
        return motif;
    }

    public Set<DroitVise> droitsVises() {
        EnumSet<DroitVise> droits = EnumSet.noneOf(DroitVise.class);
        ListeTexte.lire(droitsVises).stream().map(DroitVise::valueOf).forEach(droits::add);
        return droits;
    }

    public String orientePar() {
        return orientePar;
    }

    public StatutOrientation statut() {
        return statut;
    }

    public Instant dateOrientation() {
        return dateOrientation;
    }

    public long version() {
        return version;
    }
}
