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
    private DeliberationCitee deliberation;
    @Column(name = "deliberation_id")
    private UUID deliberationId;
    private boolean signataire = true;
    @Column(name = "date_signature")
    private LocalDate dateSignature;

    protected Partie() {
    }

    Partie(Convention convention, String institution, RolePartie role, String representantNom, String representantQualite,
            DeliberationCitee deliberation, UUID deliberationId, boolean signataire) {
        this.id = UUID.randomUUID();
        this.deliberationId = deliberationId;
        this.signataire = signataire;
        this.convention = convention;
        this.institution = institution;
        this.role = role;
        this.representantNom = representantNom;
        this.representantQualite = representantQualite;
        this.deliberation = deliberation;
    }

    void signer(LocalDate date, DeliberationCitee deliberation, UUID deliberationId) {
        this.dateSignature = date;
        if (deliberation != null) {
            this.deliberation = deliberation;
        }
        if (deliberationId != null) {
            this.deliberationId = deliberationId;
        }
    }

    public UUID deliberationId() {
        return deliberationId;
    }

    public boolean signataire() {
        return signataire;
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

    public DeliberationCitee deliberation() {
        return deliberation;
    }

    public LocalDate dateSignature() {
        return dateSignature;
    }
}
