package fr.actionsociale.budget.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import fr.actionsociale.commons.jdbc.ListeTexte;
import fr.actionsociale.commons.domaine.EtatInvalideException;
import fr.actionsociale.commons.domaine.RegleMetierException;

/** A funded programme (CALPAE 2022, the RSA experiment 2023-2024…) with the eligibility rules of the convention that funds it. */
@Entity
@Table(name = "programme")
public class Programme {

    @Id
    private UUID id;
    private String code;
    private String libelle;
    @Column(name = "date_debut")
    private LocalDate dateDebut;
    @Column(name = "date_fin")
    private LocalDate dateFin;
    @Column(name = "reference_convention")
    private String referenceConvention;
    private String territoire;
    @Column(name = "categories_non_eligibles")
    private String categoriesNonEligibles;
    @Column(name = "plafond_etp_ingenierie")
    private BigDecimal plafondEtpIngenierie;
    @Column(name = "bilan_final_le")
    private LocalDate bilanFinalLe;
    @Column(name = "trop_percu")
    private BigDecimal tropPercu;
    @Version
    private long version;

    protected Programme() {
    }

    public Programme(String code, String libelle, LocalDate dateDebut, LocalDate dateFin, String referenceConvention, List<String> territoire,
            Set<CategorieDepense> nonEligibles, BigDecimal plafondEtpIngenierie) {
        if (dateFin.isBefore(dateDebut)) {
            throw new RegleMetierException("dateFin", "doit suivre la date de début");
        }
        this.id = UUID.randomUUID();
        this.code = code;
        this.libelle = libelle;
        this.dateDebut = dateDebut;
        this.dateFin = dateFin;
        this.referenceConvention = referenceConvention;
        this.territoire = ListeTexte.ecrire(territoire);
        this.categoriesNonEligibles = ListeTexte.ecrire(nonEligibles.stream().map(Enum::name).sorted().toList());
        this.plafondEtpIngenierie = plafondEtpIngenierie;
    }

    public boolean couvre(LocalDate jour) {
        return !jour.isBefore(dateDebut) && !jour.isAfter(dateFin);
    }

    /** Seed 002: overpayments are refunded when the final report is produced; the amount is fixed then. */
    public void produireBilanFinal(LocalDate le, BigDecimal tropPercu) {
        if (bilanFinalLe != null) {
            throw new EtatInvalideException("Le bilan final de ce programme a déjà été produit le " + bilanFinalLe + ".");
        }
        this.bilanFinalLe = le;
        this.tropPercu = tropPercu;
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String libelle() {
        return libelle;
    }

    public LocalDate dateDebut() {
        return dateDebut;
    }

    public LocalDate dateFin() {
        return dateFin;
    }

    public String referenceConvention() {
        return referenceConvention;
    }

    public List<String> territoire() {
        return ListeTexte.lire(territoire);
    }

    public Set<CategorieDepense> categoriesNonEligibles() {
        Set<CategorieDepense> s = EnumSet.noneOf(CategorieDepense.class);
        ListeTexte.lire(categoriesNonEligibles).stream().map(CategorieDepense::valueOf).forEach(s::add);
        return s;
    }

    public BigDecimal plafondEtpIngenierie() {
        return plafondEtpIngenierie;
    }

    public LocalDate bilanFinalLe() {
        return bilanFinalLe;
    }

    public BigDecimal tropPercu() {
        return tropPercu;
    }
}
