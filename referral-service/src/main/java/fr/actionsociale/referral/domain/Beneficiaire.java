package fr.actionsociale.referral.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

/**
 * A person followed on their path to their rights. Identity is limited to what the follow-up needs; outside this service the
 * person is only {@link #reference()}, random and meaningless.
 */
@Entity
@Table(name = "beneficiaire")
public class Beneficiaire {

    private static final SecureRandom HASARD = new SecureRandom();

    @Id
    private UUID id;
    private String reference;
    private String nom;
    private String prenom;
    @Column(name = "date_naissance")
    private LocalDate dateNaissance;
    private String commune;
    private String quartier;
    @Enumerated(EnumType.STRING)
    @Column(name = "canal_contact")
    private CanalContact canalContact;
    private String contact;
    /** Where the invitations' letters go (seed 002 art. 1); null when unknown. */
    @Embedded
    private AdressePostale adresse;
    /** Where e-mails go, only with the person's consent to that channel ({@link ConsentementCanal}). */
    private String courriel;
    @Column(name = "numero_allocataire")
    private String numeroAllocataire;
    /** RDV-Insertion's id of the person, learnt when one of its webhooks matched them by their CAF number. */
    @Column(name = "identifiant_rdvi")
    private Long identifiantRdvi;
    private String foyer;
    @Column(name = "consentement_donne_le")
    private LocalDate consentementDonneLe;
    @Column(name = "consentement_portee")
    private String consentementPortee;
    @Column(name = "consentement_retire_le")
    private LocalDate consentementRetireLe;
    @Column(name = "cree_par")
    private String creePar;
    /** When it was recorded (technical); the day it happened is {@link #inscritLe}. */
    @Column(name = "cree_le")
    private Instant creeLe;
    /** The day the person was met and registered, which a late record keeps: retention and the journal count from it. */
    @Column(name = "inscrit_le")
    private LocalDate inscritLe;
    @Column(name = "anonymise_le")
    private LocalDate anonymiseLe;
    @Version
    private long version;

    protected Beneficiaire() {
    }

    public static Beneficiaire inscrire(String nom, String prenom, LocalDate dateNaissance, String commune, String quartier, CanalContact canal,
            String contact, String numeroAllocataire, String foyer, String creePar, LocalDate inscritLe, Instant maintenant) {
        LocalDate aujourdHui = LocalDate.ofInstant(maintenant, Horloges.PARIS);
        if (dateNaissance != null && (dateNaissance.isAfter(aujourdHui) || dateNaissance.isBefore(aujourdHui.minusYears(125)))) {
            throw new RegleMetierException("dateNaissance", "n'est pas une date de naissance plausible");
        }
        LocalDate le = inscritLe == null ? aujourdHui : inscritLe;
        if (le.isAfter(aujourdHui)) {
            throw new RegleMetierException("dateInscription", "ne peut pas être dans le futur (" + le + " après le " + aujourdHui + ")");
        }
        if (dateNaissance != null && le.isBefore(dateNaissance)) {
            throw new RegleMetierException("dateInscription", "ne peut pas précéder la date de naissance (" + dateNaissance + ")");
        }
        if ((canal == null) != (contact == null)) {
            throw new RegleMetierException("contact", "un canal de contact va avec sa coordonnée (et inversement)");
        }
        Beneficiaire b = new Beneficiaire();
        b.id = UUID.randomUUID();
        b.reference = nouvelleReference();
        b.nom = nom;
        b.prenom = prenom;
        b.dateNaissance = dateNaissance;
        b.commune = commune;
        b.quartier = quartier;
        b.canalContact = canal;
        b.contact = contact;
        b.numeroAllocataire = numeroAllocataire;
        b.foyer = foyer;
        b.creePar = creePar;
        // the service's clock, not the database's now(): a registration is dated like every other step of the path
        b.creeLe = maintenant;
        b.inscritLe = le;
        return b;
    }

    /** {@code ben-} and 12 random hex digits: carries nothing about the person. */
    public static String nouvelleReference() {
        byte[] octets = new byte[6];
        HASARD.nextBytes(octets);
        return "ben-" + HexFormat.of().formatHex(octets);
    }

    /** Replaces the postal address and the e-mail address (null erases). */
    public void coordonnees(AdressePostale adresse, String courriel) {
        this.adresse = adresse;
        this.courriel = courriel == null || courriel.isBlank() ? null : courriel.strip();
    }

    /** Consent to share with the institutions the person is oriented to; scope = those institutions' codes, or all of them. */
    public void consentir(LocalDate le, List<String> portee, LocalDate aujourdHui) {
        if (le.isAfter(aujourdHui)) {
            throw new RegleMetierException("date", "ne peut pas être dans le futur");
        }
        consentementDonneLe = le;
        consentementPortee = portee == null || portee.isEmpty() ? "*" : ListeTexte.ecrire(portee);
        consentementRetireLe = null;
    }

    public void retirerConsentement(LocalDate le, LocalDate aujourdHui) {
        if (!consentementActif()) {
            throw new EtatInvalideException("Aucun consentement en cours à retirer.");
        }
        if (le.isAfter(aujourdHui) || le.isBefore(consentementDonneLe)) {
            throw new RegleMetierException("date", "doit être entre le consentement (" + consentementDonneLe + ") et aujourd'hui");
        }
        consentementRetireLe = le;
    }

    public boolean consentementActif() {
        return consentementDonneLe != null && consentementRetireLe == null;
    }

    /** Whether the person agreed to share with this institution. */
    public boolean partageAvec(String institution) {
        return consentementActif() && ("*".equals(consentementPortee) || ListeTexte.lire(consentementPortee).contains(institution));
    }

    /**
     * Retention (CNIL référentiels 2021-028 and 2023-095): after two years without activity the identity goes, for good.
     * What stays is what the aggregates need and identifies no one: the reference, the commune and quartier, the household
     * type, the consent dates, and the whole path of rights and orientations.
     */
    public void anonymiser(LocalDate le) {
        if (anonymiseLe != null) {
            throw new EtatInvalideException("Ce dossier est déjà anonymisé.");
        }
        nom = null;
        prenom = null;
        dateNaissance = null;
        canalContact = null;
        contact = null;
        adresse = null;
        courriel = null;
        numeroAllocataire = null;
        identifiantRdvi = null;
        anonymiseLe = le;
    }

    public LocalDate anonymiseLe() {
        return anonymiseLe;
    }

    public Integer ageAu(LocalDate jour) {
        return dateNaissance == null ? null : Period.between(dateNaissance, jour).getYears();
    }

    public UUID id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public String nom() {
        return nom;
    }

    public String prenom() {
        return prenom;
    }

    public LocalDate dateNaissance() {
        return dateNaissance;
    }

    public String commune() {
        return commune;
    }

    public String quartier() {
        return quartier;
    }

    public CanalContact canalContact() {
        return canalContact;
    }

    public String contact() {
        return contact;
    }

    public AdressePostale adresse() {
        return adresse;
    }

    public String courriel() {
        return courriel;
    }

    public Long identifiantRdvi() {
        return identifiantRdvi;
    }

    /** The person is RDV-Insertion's user {@code id} from now on (set once; another id is a contradiction the caller reports). */
    public void lierRdvi(long id) {
        if (identifiantRdvi != null && identifiantRdvi != id) {
            throw new EtatInvalideException("La personne est déjà liée à un autre usager de RDV-Insertion.");
        }
        identifiantRdvi = id;
    }

    public String numeroAllocataire() {
        return numeroAllocataire;
    }

    public String foyer() {
        return foyer;
    }

    public LocalDate consentementDonneLe() {
        return consentementDonneLe;
    }

    public String consentementPortee() {
        return consentementPortee;
    }

    public LocalDate consentementRetireLe() {
        return consentementRetireLe;
    }

    public String creePar() {
        return creePar;
    }

    /** The day the person was met and registered (given by the structure, or the CAF file's processing day). */
    public LocalDate inscritLe() {
        return inscritLe;
    }

    /** When the registration was recorded. */
    public Instant creeLe() {
        return creeLe;
    }

    public long version() {
        return version;
    }
}
