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

    protected Structure() {
    }

    public Structure(String code, String nom, TypeStructure type, List<String> communes, String contactPrivilegie) {
        this.code = code;
        this.nom = nom;
        this.type = type;
        this.communes = ListeTexte.ecrire(communes);
        this.contactPrivilegie = contactPrivilegie;
    }

    public void coordonnees(AdressePostale adresse, String priseRendezVous) {
        this.adresse = adresse;
        this.priseRendezVous = priseRendezVous == null || priseRendezVous.isBlank() ? null : priseRendezVous.strip();
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
