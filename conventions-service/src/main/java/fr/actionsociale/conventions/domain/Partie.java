package fr.actionsociale.conventions.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An institution's place in a convention: its role, its representative, what authorises it, its signature. */
@Entity
@Table(name = "partie")
public class Partie {

    @Id
    private UUID id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "convention_id")
    private Convention convention;
    private String institution;
    @Enumerated(EnumType.STRING)
    private RolePartie role;
    @Column(name = "representant_nom")
    private String representantNom;
    @Column(name = "representant_qualite")
    private String representantQualite;
    @Embedded
    private Deliberation deliberation;
    @Column(name = "date_signature")
    private LocalDate dateSignature;

    protected Partie() {
    }

    Partie(Convention convention, String institution, RolePartie role, String representantNom, String representantQualite,
            Deliberation deliberation) {
        this.id = UUID.randomUUID();
        this.convention = convention;
        this.institution = institution;
        this.role = role;
        this.representantNom = representantNom;
        this.representantQualite = representantQualite;
        this.deliberation = deliberation;
    }

    void signer(LocalDate date, Deliberation deliberation) {
        this.dateSignature = date;
        if (deliberation != null) {
            this.deliberation = deliberation;
        }
    }

    public boolean aSigne() {
        return dateSignature != null;
    }

    public String institution() {
        return institution;
    }

    public RolePartie role() {
        return role;
    }

    public String representantNom() {
        return representantNom;
    }

    public String representantQualite() {
        return representantQualite;
    }

    public Deliberation deliberation() {
        return deliberation;
    }

    public LocalDate dateSignature() {
        return dateSignature;
    }
}
