package fr.actionsociale.conventions.domain;

import java.math.BigDecimal;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import fr.actionsociale.commons.domaine.RegleMetierException;

/**
 * Staff, premises or equipment a party made available to the network for a year, valued in euros (seed 004 art. 4.2.2: "évaluée
 * annuellement ... en vue de sa valorisation comptable et de sa proratisation auprès des autres CCAS"; art. 5).
 */
@Entity
@Table(name = "mise_a_disposition")
public class MiseADisposition {

    public static final int LONGUEUR_LIBELLE = 500;

    @Id
    private UUID id;
    @Column(name = "convention_id")
    private UUID conventionId;
    private int annee;
    private String fournisseur;
    @Enumerated(EnumType.STRING)
    private NatureMiseADisposition nature;
    private String libelle;
    private BigDecimal montant;
    @Column(name = "appel_id")
    private UUID appelId;

    protected MiseADisposition() {
    }

    public static MiseADisposition valoriser(Convention c, int annee, String fournisseur, NatureMiseADisposition nature, String libelle,
            BigDecimal montant) {
        BudgetAnnuel.anneeDeLaConvention(c, annee);
        if (fournisseur == null || !c.lie(fournisseur)) {
            throw new RegleMetierException("fournisseur", fournisseur == null ? "est obligatoire" : fournisseur + " n'est pas partie à la convention");
        }
        if (nature == null) {
            throw new RegleMetierException("nature", "est obligatoire");
        }
        MiseADisposition m = new MiseADisposition();
        m.montant = Montants.euros("montant", montant, true);
        m.libelle = Montants.texte("libelle", libelle, LONGUEUR_LIBELLE);
        m.id = UUID.randomUUID();
        m.conventionId = c.id();
        m.annee = annee;
        m.fournisseur = fournisseur;
        m.nature = nature;
        return m;
    }

    public void appeler(UUID appel) {
        this.appelId = appel;
    }

    public UUID id() {
        return id;
    }

    public int annee() {
        return annee;
    }

    public String fournisseur() {
        return fournisseur;
    }

    public NatureMiseADisposition nature() {
        return nature;
    }

    public String libelle() {
        return libelle;
    }

    public BigDecimal montant() {
        return montant;
    }

    public UUID appelId() {
        return appelId;
    }
}
