package fr.actionsociale.conventions.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import fr.actionsociale.commons.domaine.EtatInvalideException;
import fr.actionsociale.commons.domaine.RegleMetierException;

/**
 * The contact a party designates under a convention for blocked or urgent individual situations (seed 001: "mise à
 * disposition par les organismes de contacts privilégiés"). An institutional channel (a service, its mailbox, its phone),
 * never an inhabitant's data.
 */
@Entity
@Table(name = "contact_privilegie")
public class ContactPrivilegie {

    @Id
    private UUID id;
    @Column(name = "convention_id")
    private UUID conventionId;
    private String institution;
    private String contact;
    @Column(name = "designe_le")
    private LocalDate designeLe;
    private String hypothese;

    protected ContactPrivilegie() {
    }

    /** A convention drafted or terminated designates nobody; one in signature does (the earlier conventions' channel goes on). */
    public static ContactPrivilegie designer(Convention c, String institution, String contact, LocalDate designeLe, String hypothese,
            LocalDate aujourdHui) {
        StatutConvention statut = c.statutAu(aujourdHui);
        if (statut != StatutConvention.EN_SIGNATURE && statut != StatutConvention.EN_VIGUEUR) {
            throw new EtatInvalideException("Une convention " + statut + " ne désigne pas de contact privilégié.");
        }
        if (!c.lie(institution)) {
            throw new RegleMetierException("institution", institution + " n'est pas partie à la convention");
        }
        if (designeLe.isAfter(aujourdHui)) {
            throw new RegleMetierException("designeLe", "ne peut pas être dans le futur");
        }
        ContactPrivilegie p = new ContactPrivilegie();
        p.id = UUID.randomUUID();
        p.conventionId = c.id();
        p.institution = institution;
        p.contact = contact;
        p.designeLe = designeLe;
        p.hypothese = hypothese;
        return p;
    }

    public UUID id() {
        return id;
    }

    public UUID conventionId() {
        return conventionId;
    }

    public String institution() {
        return institution;
    }

    public String contact() {
        return contact;
    }

    public LocalDate designeLe() {
        return designeLe;
    }

    public String hypothese() {
        return hypothese;
    }
}
