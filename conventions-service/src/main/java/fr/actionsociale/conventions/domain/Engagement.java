package fr.actionsociale.conventions.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import fr.actionsociale.commons.domaine.EtatInvalideException;
import fr.actionsociale.commons.domaine.RegleMetierException;

/**
 * One party's measurable commitment: a quantity and unit, due at a rhythm over a period, possibly times
 * a scope (per commune). Its réalisations say how much of it is done, and whether it is behind what
 * its rhythm expects by a given day. An in-kind commitment may be valued: a rate of a basis, each
 * réalisation's basis valued at that rate.
 */
@Entity
@Table(name = "engagement")
public class Engagement {

    @Id
    private UUID id;
    @Column(name = "convention_id")
    private UUID conventionId;
    private String institution;
    private String article;
    @Enumerated(EnumType.STRING)
    private NatureEngagement nature;
    private String libelle;
    private BigDecimal quantite;
    private String unite;
    @Enumerated(EnumType.STRING)
    private Rythme rythme;
    private int multiplicateur;
    @Column(name = "date_debut")
    private LocalDate dateDebut;
    @Column(name = "date_fin")
    private LocalDate dateFin;
    @Enumerated(EnumType.STRING)
    @Column(name = "compte_evenement")
    private EvenementCompte compteEvenement;
    /** Null unless the commitment is valued in kind (a rate of a basis). */
    @Embedded
    private Valorisation valorisation;
    @OneToMany(mappedBy = "engagement", cascade = CascadeType.ALL)
    @OrderBy("date")
    private List<Realisation> realisations = new ArrayList<>();
    @Version
    private long version;

    protected Engagement() {
    }

    public static Engagement prendre(Convention convention, String institution, String article, NatureEngagement nature, String libelle,
            BigDecimal quantite, String unite, Rythme rythme, int multiplicateur, LocalDate dateDebut, LocalDate dateFin) {
        if (!convention.lie(institution)) {
            throw new RegleMetierException("institution", institution + " n'est pas partie à la convention");
        }
        if (dateFin.isBefore(dateDebut)) {
            throw new RegleMetierException("dateFin", "doit être postérieure ou égale à la date de début");
        }
        if (dateDebut.isBefore(convention.dateDebut()) || dateFin.isAfter(convention.dateFin())) {
            throw new RegleMetierException("dateDebut", "la période doit tenir dans celle de la convention (" + convention.dateDebut()
                    + " au " + convention.dateFin() + ")");
        }
        Engagement e = new Engagement();
        e.id = UUID.randomUUID();
        e.conventionId = convention.id();
        e.institution = institution;
        e.article = article;
        e.nature = nature;
        e.libelle = libelle;
        e.quantite = quantite;
        e.unite = unite;
        e.rythme = rythme;
        e.multiplicateur = multiplicateur;
        e.dateDebut = dateDebut;
        e.dateFin = dateFin;
        return e;
    }

    /** An avenant in force changes the quantity or the end; the period must still fit in the (amended) convention. */
    public void amender(BigDecimal nouvelleQuantite, LocalDate nouvelleDateFin, Convention convention) {
        if (nouvelleDateFin != null) {
            if (nouvelleDateFin.isBefore(dateDebut) || nouvelleDateFin.isAfter(convention.dateFin())) {
                throw new RegleMetierException("nouvelleDateFin", "la période de l'engagement doit tenir dans celle de la convention ("
                        + dateDebut + " au " + convention.dateFin() + ")");
            }
            dateFin = nouvelleDateFin;
        }
        if (nouvelleQuantite != null) {
            if (nouvelleQuantite.signum() <= 0) {
                throw new RegleMetierException("nouvelleQuantite", "doit être strictement positive");
            }
            quantite = nouvelleQuantite;
        }
    }

    /** Réalisations will be counted from these events as well as entered by hand. */
    public Engagement compterDepuis(EvenementCompte evenement) {
        this.compteEvenement = evenement;
        return this;
    }

    /**
     * Valued in kind (seed 000 art. 8: "valorisés à hauteur de 15% des frais salariaux"): set when the commitment is
     * taken, before any réalisation, since the réalisations' valued amounts follow from it.
     */
    public Engagement valoriser(Valorisation v) {
        if (!realisations.isEmpty()) {
            throw new EtatInvalideException("La valorisation d'un engagement se fixe avant sa première réalisation.");
        }
        this.valorisation = v;
        return this;
    }

    /** Null when the commitment is not valued. */
    public Valorisation valorisation() {
        return valorisation;
    }

    /** The sum of its réalisations' valued amounts, to the cent; null when the commitment is not valued. */
    public BigDecimal montantValorise() {
        if (valorisation == null) {
            return null;
        }
        return realisations.stream().map(Realisation::montantValorise).filter(m -> m != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    /** An event of that day counts towards this commitment only within its period. */
    public boolean couvre(LocalDate date) {
        return !date.isBefore(dateDebut) && !date.isAfter(dateFin);
    }

    public EvenementCompte compteEvenement() {
        return compteEvenement;
    }

    public Realisation realiser(LocalDate date, BigDecimal quantite, String commentaire, String saisiePar, LocalDate aujourdHui) {
        return realiser(date, quantite, null, commentaire, saisiePar, aujourdHui);
    }

    /** With, for a valued commitment, the basis actually incurred (euros) that its rate values. */
    public Realisation realiser(LocalDate date, BigDecimal quantite, BigDecimal montantAssiette, String commentaire, String saisiePar,
            LocalDate aujourdHui) {
        if (montantAssiette != null) {
            if (valorisation == null) {
                throw new RegleMetierException("montantAssiette", "l'engagement n'est pas valorisé");
            }
            if (montantAssiette.signum() < 0 || Valorisation.decimales(montantAssiette) > 2) {
                throw new RegleMetierException("montantAssiette", "doit être un montant en euros positif ou nul avec au plus deux décimales");
            }
        }
        if (date.isBefore(dateDebut)) {
            throw new RegleMetierException("date", "antérieure au début de l'engagement (" + dateDebut + ")");
        }
        if (date.isAfter(aujourdHui)) {
            throw new RegleMetierException("date", "une réalisation ne peut pas être datée du futur");
        }
        Realisation r = new Realisation(this, date, quantite, montantAssiette, commentaire, saisiePar, null);
        realisations.add(r);
        return r;
    }

    /** The whole quantity due over the period. */
    public BigDecimal totalAttendu() {
        return attenduAu(dateFin);
    }

    /** What the rhythm expects done by the end of that day. */
    public BigDecimal attenduAu(LocalDate jour) {
        BigDecimal parOccurrence = quantite.multiply(BigDecimal.valueOf(multiplicateur));
        if (jour.isBefore(dateDebut)) {
            return BigDecimal.ZERO.setScale(2);
        }
        return switch (rythme) {
            case PONCTUEL -> jour.isBefore(dateFin) ? BigDecimal.ZERO.setScale(2) : parOccurrence.setScale(2, RoundingMode.HALF_UP);
            case SUR_LA_DUREE -> {
                long total = ChronoUnit.DAYS.between(dateDebut, dateFin) + 1;
                long ecoules = Math.min(total, ChronoUnit.DAYS.between(dateDebut, jour) + 1);
                yield parOccurrence.multiply(BigDecimal.valueOf(ecoules)).divide(BigDecimal.valueOf(total), 2, RoundingMode.DOWN);
            }
            default -> parOccurrence.multiply(BigDecimal.valueOf(rythme.periodesEcoulees(dateDebut, jour.isAfter(dateFin) ? dateFin : jour)))
                    .setScale(2, RoundingMode.HALF_UP);
        };
    }

    public BigDecimal realise() {
        return realisations.stream().map(Realisation::quantite).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    public BigDecimal realiseAu(LocalDate jour) {
        return realisations.stream().filter(r -> !r.date().isAfter(jour)).map(Realisation::quantite)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    /** Fulfilment in percent of the whole, one decimal. */
    public BigDecimal tauxRealisation() {
        BigDecimal total = totalAttendu();
        return total.signum() == 0 ? BigDecimal.ZERO.setScale(1)
                : realise().multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_UP);
    }

    /** Behind when less is done by that day than the rhythm expects by then. */
    public boolean enRetardAu(LocalDate jour) {
        return realiseAu(jour).compareTo(attenduAu(jour)) < 0;
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

    public String article() {
        return article;
    }

    public NatureEngagement nature() {
        return nature;
    }

    public String libelle() {
        return libelle;
    }

    public BigDecimal quantite() {
        return quantite;
    }

    public String unite() {
        return unite;
    }

    public Rythme rythme() {
        return rythme;
    }

    public int multiplicateur() {
        return multiplicateur;
    }

    public LocalDate dateDebut() {
        return dateDebut;
    }

    public LocalDate dateFin() {
        return dateFin;
    }

    public List<Realisation> realisations() {
        return List.copyOf(realisations);
    }

    public long version() {
        return version;
    }
}
