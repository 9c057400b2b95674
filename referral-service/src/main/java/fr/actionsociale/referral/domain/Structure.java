package fr.actionsociale.referral.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import fr.actionsociale.commons.jdbc.ListeTexte;

/** A structure people can be oriented to, with the communes it covers and its privileged contact (seed 001). */
@Entity
@Table(name = "structure")
public class Structure {

    @Id
    private String code;
    private String nom;
    @Enumerated(EnumType.STRING)
    private TypeStructure type;
    private String communes;
    @Column(name = "contact_privilegie")
    private String contactPrivilegie;
    /** The convention that designated the contact (contact-privilegie-designe); null when entered at registration. */
    @Column(name = "contact_convention_id")
    private UUID contactConventionId;
    @Column(name = "contact_designe_le")
    private LocalDate contactDesigneLe;
    /** Printed on its letters; optional. */
    @Embedded
    private AdressePostale adresse;
    /** How people book an appointment (a phone number, hours, an address on the web): what an invitation says without one. */
    @Column(name = "prise_rendez_vous")
    private String priseRendezVous;
    // what data·inclusion publishes about it: the institution's own public details, never a person's
    private String siret;
    /** data·inclusion networks entered; empty: the one of its type. */
    @Column(name = "reseaux_porteurs")
    private String reseauxPorteurs;
    /** The commune of its address. */
    @Column(name = "code_insee")
    private String codeInsee;
    private String telephone;
    private String courriel;
    @Column(name = "site_web")
    private String siteWeb;
    @Column(name = "horaires_accueil")
    private String horairesAccueil;
    private String description;
    /** When what it publishes last changed. */
    @Column(name = "date_maj")
    private LocalDate dateMaj;

    protected Structure() {
    }

    public Structure(String code, String nom, TypeStructure type, List<String> communes, String contactPrivilegie, LocalDate enregistreeLe) {
        this.code = code;
        this.dateMaj = enregistreeLe;
        this.nom = nom;
        this.type = type;
        this.communes = ListeTexte.ecrire(communes);
        this.contactPrivilegie = contactPrivilegie;
    }

    public void coordonnees(AdressePostale adresse, String priseRendezVous) {
        this.adresse = adresse;
        this.priseRendezVous = priseRendezVous == null || priseRendezVous.isBlank() ? null : priseRendezVous.strip();
    }

    /** What data·inclusion publishes about a structure beyond its name and address: the institution's, never a person's. */
    public record Publication(String siret, List<String> reseauxPorteurs, String codeInsee, String telephone, String courriel, String siteWeb,
            String horairesAccueil, String description) {

        public static final Publication AUCUNE = new Publication(null, List.of(), null, null, null, null, null, null);
    }

    /** Its public details for data·inclusion; the networks are checked against data·inclusion's enumeration. */
    public void publication(Publication p) {
        this.reseauxPorteurs = ListeTexte.ecrire(ReferentielDataInclusion.v1().verifier("reseauxPorteurs",
                ReferentielDataInclusion.Enumeration.RESEAUX_PORTEURS, p.reseauxPorteurs()));
        this.siret = texte(p.siret());
        this.codeInsee = texte(p.codeInsee());
        this.telephone = texte(p.telephone());
        this.courriel = texte(p.courriel());
        this.siteWeb = ReferentielDataInclusion.verifierUrl("siteWeb", p.siteWeb());
        this.horairesAccueil = texte(p.horairesAccueil());
        this.description = texte(p.description());
    }

    private static String texte(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The networks entered, or else its type's (none when data·inclusion has none for it). */
    public List<String> reseauxPorteurs() {
        List<String> saisis = ListeTexte.lire(reseauxPorteurs);
        if (!saisis.isEmpty() || type.reseauPorteur() == null) {
            return saisis;
        }
        return List.of(type.reseauPorteur());
    }

    public String siret() {
        return siret;
    }

    public String codeInsee() {
        return codeInsee;
    }

    public String telephone() {
        return telephone;
    }

    public String courriel() {
        return courriel;
    }

    public String siteWeb() {
        return siteWeb;
    }

    public String horairesAccueil() {
        return horairesAccueil;
    }

    public String description() {
        return description;
    }

    public LocalDate dateMaj() {
        return dateMaj;
    }

    /** Takes the contact a convention designated for this institution. */
    public void designer(UUID conventionId, String contact, LocalDate designeLe) {
        this.contactPrivilegie = contact;
        this.contactConventionId = conventionId;
        this.contactDesigneLe = designeLe;
    }

    public boolean couvre(String commune) {
        return communes().isEmpty() || communes().contains(commune);
    }

    public String code() {
        return code;
    }

    public String nom() {
        return nom;
    }

    public TypeStructure type() {
        return type;
    }

    public AdressePostale adresse() {
        return adresse;
    }

    public String priseRendezVous() {
        return priseRendezVous;
    }

    public List<String> communes() {
        return ListeTexte.lire(communes);
    }

    public String contactPrivilegie() {
        return contactPrivilegie;
    }

    public UUID contactConventionId() {
        return contactConventionId;
    }

    public LocalDate contactDesigneLe() {
        return contactDesigneLe;
    }

    /** "convention <id>" when designated by a convention, "saisie" when entered at registration, null without a contact. */
    public String contactSource() {
        if (contactPrivilegie == null) {
            return null;
        }
        return contactConventionId == null ? "saisie" : "convention " + contactConventionId;
    }
}
