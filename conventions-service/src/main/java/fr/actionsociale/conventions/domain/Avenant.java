package fr.actionsociale.conventions.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import fr.actionsociale.commons.probleme.EtatInvalideException;
import fr.actionsociale.commons.probleme.RegleMetierException;

/**
 * A numbered amendment of a convention in force, changing named elements (end date, total amount,
 * notice). It takes effect once every party has approved it (seed 004: "approved by every board").
 */
@Entity
@Table(name = "avenant")
public class Avenant {

    @Embeddable
    public record Approbation(@Column(name = "institution") String institution, @Column(name = "date") LocalDate date) {
    }

    @Id
    private UUID id;
    @Column(name = "convention_id")
    private UUID conventionId;
    private int numero;
    private String objet;
    @Column(name = "nouvelle_date_fin")
    private LocalDate nouvelleDateFin;
    @Column(name = "nouveau_montant_total")
    private BigDecimal nouveauMontantTotal;
    @Column(name = "nouveau_preavis_mois")
    private Integer nouveauPreavisMois;
    private String statut;
    @Column(name = "en_vigueur_le")
    private LocalDate enVigueurLe;
    @ElementCollection
    @CollectionTable(name = "avenant_approbation", joinColumns = @JoinColumn(name = "avenant_id"))
    private List<Approbation> approbations = new ArrayList<>();
    @Version
    private long version;

    public static final String EN_APPROBATION = "EN_APPROBATION";
    public static final String EN_VIGUEUR = "EN_VIGUEUR";

    protected Avenant() {
    }

    public static Avenant proposer(Convention c, int numero, String objet, LocalDate nouvelleDateFin, BigDecimal nouveauMontantTotal,
            Integer nouveauPreavisMois, LocalDate aujourdHui) {
        if (c.statutAu(aujourdHui) != StatutConvention.EN_VIGUEUR) {
            throw new EtatInvalideException("Un avenant ne modifie qu'une convention en vigueur ; celle-ci est " + c.statutAu(aujourdHui) + ".");
        }
        if (nouvelleDateFin == null && nouveauMontantTotal == null && nouveauPreavisMois == null) {
            throw new RegleMetierException("modifications", "l'avenant ne modifie rien : date de fin, montant total ou préavis");
        }
        if (nouvelleDateFin != null && !nouvelleDateFin.isAfter(c.dateDebut())) {
            throw new RegleMetierException("nouvelleDateFin", "doit être postérieure au début de la convention (" + c.dateDebut() + ")");
        }
        if (nouveauMontantTotal != null && (nouveauMontantTotal.signum() < 0 || nouveauMontantTotal.scale() > 2)) {
            throw new RegleMetierException("nouveauMontantTotal", "doit être un montant positif en euros, au centime près");
        }
        Avenant a = new Avenant();
        a.id = UUID.randomUUID();
        a.conventionId = c.id();
        a.numero = numero;
        a.objet = objet;
        a.nouvelleDateFin = nouvelleDateFin;
        a.nouveauMontantTotal = nouveauMontantTotal;
        a.nouveauPreavisMois = nouveauPreavisMois;
        a.statut = EN_APPROBATION;
        return a;
    }

    /** @return true when this approval was the last one: the avenant is now in force */
    public boolean approuver(Convention c, String institution, LocalDate date, LocalDate aujourdHui) {
        if (EN_VIGUEUR.equals(statut)) {
            throw new EtatInvalideException("L'avenant n° " + numero + " est déjà en vigueur.");
        }
        if (!c.lie(institution)) {
            throw new RegleMetierException("institution", institution + " n'est pas partie à la convention");
        }
        if (approbations.stream().anyMatch(a -> a.institution().equals(institution))) {
            throw new EtatInvalideException(institution + " a déjà approuvé l'avenant n° " + numero + ".");
        }
        if (date.isAfter(aujourdHui)) {
            throw new RegleMetierException("date", "une approbation ne peut pas être datée du futur");
        }
        approbations.add(new Approbation(institution, date));
        if (c.parties().stream().allMatch(p -> approbations.stream().anyMatch(a -> a.institution().equals(p.institution())))) {
            statut = EN_VIGUEUR;
            enVigueurLe = approbations.stream().map(Approbation::date).max(LocalDate::compareTo).orElse(date);
            c.amender(this);
            return true;
        }
        return false;
    }

    public UUID id() {
        return id;
    }

    public UUID conventionId() {
        return conventionId;
    }

    public int numero() {
        return numero;
    }

    public String objet() {
        return objet;
    }

    public LocalDate nouvelleDateFin() {
        return nouvelleDateFin;
    }

    public BigDecimal nouveauMontantTotal() {
        return nouveauMontantTotal;
    }

    public Integer nouveauPreavisMois() {
        return nouveauPreavisMois;
    }

    public String statut() {
        return statut;
    }

    public LocalDate enVigueurLe() {
        return enVigueurLe;
    }

    public List<Approbation> approbations() {
        return List.copyOf(approbations);
    }
}
