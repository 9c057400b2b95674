package fr.actionsociale.budget.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An expense on an action's budget line, judged once against the programme's rules when it is recorded. */
@Entity
@Table(name = "depense")
public class Depense {

    @Id
    private UUID id;
    @Column(name = "ligne_id")
    private UUID ligneId;
    private BigDecimal montant;
    @Column(name = "date_depense")
    private LocalDate date;
    @Enumerated(EnumType.STRING)
    private CategorieDepense categorie;
    private String beneficiaire;
    @Column(name = "piece_justificative")
    private String pieceJustificative;
    private BigDecimal etp;
    private boolean eligible;
    @Column(name = "regle_refus")
    private String regleRefus;
    @Column(name = "saisie_par")
    private String saisiePar;

    protected Depense() {
    }

    public Depense(UUID ligneId, BigDecimal montant, LocalDate date, CategorieDepense categorie, String beneficiaire, String pieceJustificative,
            BigDecimal etp, Eligibilite eligibilite, String saisiePar) {
        this.id = UUID.randomUUID();
        this.ligneId = ligneId;
        this.montant = montant.setScale(2);
        this.date = date;
        this.categorie = categorie;
        this.beneficiaire = beneficiaire;
        this.pieceJustificative = pieceJustificative;
        this.etp = etp;
        this.eligible = eligibilite.eligible();
        this.regleRefus = eligibilite.regle();
        this.saisiePar = saisiePar;
    }

    public UUID id() {
        return id;
    }

    public UUID ligneId() {
        return ligneId;
    }

    public BigDecimal montant() {
        return montant;
    }

    public LocalDate date() {
        return date;
    }

    public CategorieDepense categorie() {
        return categorie;
    }

    public String beneficiaire() {
        return beneficiaire;
    }

    public String pieceJustificative() {
        return pieceJustificative;
    }

    public BigDecimal etp() {
        return etp;
    }

    public boolean eligible() {
        return eligible;
    }

    public String regleRefus() {
        return regleRefus;
    }

    public String saisiePar() {
        return saisiePar;
    }
}
