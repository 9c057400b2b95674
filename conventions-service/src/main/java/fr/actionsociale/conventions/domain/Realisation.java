package fr.actionsociale.conventions.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** What was done of a commitment on a day (a permanence held, 400 flyers printed, an event run). */
@Entity
@Table(name = "realisation")
public class Realisation {

    @Id
    private UUID id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "engagement_id")
    private Engagement engagement;
    private LocalDate date;
    private BigDecimal quantite;
    private String commentaire;
    @Column(name = "saisie_par")
    private String saisiePar;
    /** The event it was counted from, if any. */
    private String evenement;
    /** Euros: the basis of a valued commitment actually incurred over this réalisation (the quarter's salary costs). */
    @Column(name = "montant_assiette")
    private BigDecimal montantAssiette;

    protected Realisation() {
    }

    Realisation(Engagement engagement, LocalDate date, BigDecimal quantite, BigDecimal montantAssiette, String commentaire, String saisiePar,
            String evenement) {
        this.montantAssiette = montantAssiette == null ? null : montantAssiette.setScale(2);
        this.evenement = evenement;
        this.id = UUID.randomUUID();
        this.engagement = engagement;
        this.date = date;
        this.quantite = quantite;
        this.commentaire = commentaire;
        this.saisiePar = saisiePar;
    }

    public UUID id() {
        return id;
    }

    public LocalDate date() {
        return date;
    }

    public BigDecimal quantite() {
        return quantite;
    }

    public String commentaire() {
        return commentaire;
    }

    public String saisiePar() {
        return saisiePar;
    }

    public String evenement() {
        return evenement;
    }

    public BigDecimal montantAssiette() {
        return montantAssiette;
    }

    /** Its basis valued at the commitment's rate (to the cent); null when the commitment is not valued or no basis was given. */
    public BigDecimal montantValorise() {
        Valorisation v = engagement.valorisation();
        return v == null || montantAssiette == null ? null : v.appliquer(montantAssiette);
    }
}
