package fr.actionsociale.budget.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An action of a programme ("4.1 Orientation et parcours des allocataires du RSA"), with its partners and dates. */
@Entity
@Table(name = "action_programme")
public class ActionProgramme {

    @Id
    private UUID id;
    @Column(name = "programme_id")
    private UUID programmeId;
    @Column(name = "axe_id")
    private UUID axeId;
    private String code;
    private String libelle;
    private String partenaires;
    @Column(name = "date_debut")
    private LocalDate dateDebut;
    @Column(name = "date_fin")
    private LocalDate dateFin;
    private int rang;

    protected ActionProgramme() {
    }

    public ActionProgramme(UUID programmeId, UUID axeId, String code, String libelle, String partenaires, LocalDate dateDebut,
            LocalDate dateFin, int rang) {
        this.id = UUID.randomUUID();
        this.programmeId = programmeId;
        this.axeId = axeId;
        this.code = code;
        this.libelle = libelle;
        this.partenaires = partenaires;
        this.dateDebut = dateDebut;
        this.dateFin = dateFin;
        this.rang = rang;
    }

    /** A re-import keeps the action (and its expenses) and takes the table's wording and place. */
    public void reclasser(UUID axeId, String libelle, int rang) {
        this.axeId = axeId;
        this.libelle = libelle;
        this.rang = rang;
    }

    /** What the action's sheet says of its partners and dates (seed 003's sections 2 and 3). */
    public void decrire(String partenaires, LocalDate dateDebut, LocalDate dateFin) {
        if (dateDebut != null && dateFin != null && dateFin.isBefore(dateDebut)) {
            throw new fr.actionsociale.commons.domaine.RegleMetierException("dateFin", "ne peut pas précéder dateDebut");
        }
        this.partenaires = partenaires;
        this.dateDebut = dateDebut;
        this.dateFin = dateFin;
    }

    public UUID id() {
        return id;
    }

    public UUID programmeId() {
        return programmeId;
    }

    public UUID axeId() {
        return axeId;
    }

    public String code() {
        return code;
    }

    public String libelle() {
        return libelle;
    }

    public String partenaires() {
        return partenaires;
    }

    public LocalDate dateDebut() {
        return dateDebut;
    }

    public LocalDate dateFin() {
        return dateFin;
    }

    public int rang() {
        return rang;
    }
}
