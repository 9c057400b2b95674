package fr.actionsociale.conventions.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import fr.actionsociale.commons.domaine.EtatInvalideException;
import fr.actionsociale.commons.domaine.RegleMetierException;

/**
 * A numbered amendment of a convention in force, changing named elements (end date, total amount, notice, parties joining
 * or leaving, commitments' quantity or end). It takes effect once every party has approved it (seed 004: "approved by every
 * board"), a joining party included.
 */
@Entity
@Table(name = "avenant")
public class Avenant {

    @Embeddable
    public record Approbation(@Column(name = "institution") String institution, @Column(name = "date") LocalDate date,
            @Column(name = "deliberation_id") UUID deliberationId) {
    }

    /** A party the avenant brings in; it approves the avenant like the others, and that approval is its signature. */
    @Embeddable
    public record PartieAjoutee(@Column(name = "institution") String institution,
            @Enumerated(EnumType.STRING) @Column(name = "role") RolePartie role,
            @Column(name = "representant_qualite") String representantQualite) {
    }

    @Embeddable
    public record EngagementModifie(@Column(name = "engagement_id") UUID engagementId,
            @Column(name = "nouvelle_quantite") BigDecimal nouvelleQuantite,
            @Column(name = "nouvelle_date_fin") LocalDate nouvelleDateFin) {
    }

    /** Everything an avenant can change; absent (null or empty) elements stay as they are. */
    public record Modifications(LocalDate nouvelleDateFin, BigDecimal nouveauMontantTotal, Integer nouveauPreavisMois,
            List<PartieAjoutee> partiesAjoutees, List<String> partiesRetirees, List<EngagementModifie> engagementsModifies) {

        public Modifications {
            partiesAjoutees = partiesAjoutees == null ? List.of() : List.copyOf(partiesAjoutees);
            partiesRetirees = partiesRetirees == null ? List.of() : List.copyOf(partiesRetirees);
            engagementsModifies = engagementsModifies == null ? List.of() : List.copyOf(engagementsModifies);
        }

        boolean vides() {
            return nouvelleDateFin == null && nouveauMontantTotal == null && nouveauPreavisMois == null && partiesAjoutees.isEmpty()
                    && partiesRetirees.isEmpty() && engagementsModifies.isEmpty();
        }
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
    @ElementCollection
    @CollectionTable(name = "avenant_partie_ajoutee", joinColumns = @JoinColumn(name = "avenant_id"))
    private List<PartieAjoutee> partiesAjoutees = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "avenant_partie_retiree", joinColumns = @JoinColumn(name = "avenant_id"))
    @Column(name = "institution")
    private List<String> partiesRetirees = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "avenant_engagement_modifie", joinColumns = @JoinColumn(name = "avenant_id"))
    private List<EngagementModifie> engagementsModifies = new ArrayList<>();
    @Version
    private long version;

    public static final String EN_APPROBATION = "EN_APPROBATION";
    public static final String EN_VIGUEUR = "EN_VIGUEUR";

    protected Avenant() {
    }

    public static Avenant proposer(Convention c, int numero, String objet, Modifications m, LocalDate aujourdHui) {
        if (c.statutAu(aujourdHui) != StatutConvention.EN_VIGUEUR) {
            throw new EtatInvalideException("Un avenant ne modifie qu'une convention en vigueur ; celle-ci est " + c.statutAu(aujourdHui) + ".");
        }
        if (m.vides()) {
            throw new RegleMetierException("modifications",
                    "l'avenant ne modifie rien : date de fin, montant total, préavis, parties ou engagements");
        }
        LocalDate nouvelleDateFin = m.nouvelleDateFin();
        if (nouvelleDateFin != null && !nouvelleDateFin.isAfter(c.dateDebut())) {
            throw new RegleMetierException("nouvelleDateFin", "doit être postérieure au début de la convention (" + c.dateDebut() + ")");
        }
        BigDecimal nouveauMontantTotal = m.nouveauMontantTotal();
        if (nouveauMontantTotal != null && (nouveauMontantTotal.signum() < 0 || nouveauMontantTotal.scale() > 2)) {
            throw new RegleMetierException("nouveauMontantTotal", "doit être un montant positif en euros, au centime près");
        }
        Set<String> vues = new HashSet<>();
        for (int i = 0; i < m.partiesAjoutees().size(); i++) {
            String inst = m.partiesAjoutees().get(i).institution();
            if (c.lie(inst) || !vues.add(inst)) {
                throw new RegleMetierException("partiesAjoutees[" + i + "].institution", inst + " est déjà partie à la convention");
            }
        }
        for (int i = 0; i < m.partiesRetirees().size(); i++) {
            String inst = m.partiesRetirees().get(i);
            if (!c.lie(inst)) {
                throw new RegleMetierException("partiesRetirees[" + i + "]", inst + " n'est pas partie à la convention");
            }
            if (inst.equals(c.porteur())) {
                throw new RegleMetierException("partiesRetirees[" + i + "]", "le porteur ne peut pas se retirer : un autre porteur suppose une nouvelle convention");
            }
        }
        if (c.parties().size() + m.partiesAjoutees().size() - new HashSet<>(m.partiesRetirees()).size() < 2) {
            throw new RegleMetierException("partiesRetirees", "une convention lie au moins deux institutions");
        }
        for (int i = 0; i < m.engagementsModifies().size(); i++) {
            EngagementModifie e = m.engagementsModifies().get(i);
            if (e.nouvelleQuantite() == null && e.nouvelleDateFin() == null) {
                throw new RegleMetierException("engagementsModifies[" + i + "]", "ne modifie ni la quantité ni la date de fin");
            }
        }
        Avenant a = new Avenant();
        a.id = UUID.randomUUID();
        a.conventionId = c.id();
        a.numero = numero;
        a.objet = objet;
        a.nouvelleDateFin = nouvelleDateFin;
        a.nouveauMontantTotal = nouveauMontantTotal;
        a.nouveauPreavisMois = m.nouveauPreavisMois();
        a.partiesAjoutees.addAll(m.partiesAjoutees());
        a.partiesRetirees.addAll(m.partiesRetirees());
        a.engagementsModifies.addAll(m.engagementsModifies());
        a.statut = EN_APPROBATION;
        return a;
    }

    /** @return true when this approval was the last one: the avenant is now in force */
    public boolean approuver(Convention c, String institution, LocalDate date, RegleSignature regle, Deliberation deliberation,
            LocalDate aujourdHui) {
        if (EN_VIGUEUR.equals(statut)) {
            throw new EtatInvalideException("L'avenant n° " + numero + " est déjà en vigueur.");
        }
        if (!c.lie(institution) && partiesAjoutees.stream().noneMatch(p -> p.institution().equals(institution))) {
            throw new RegleMetierException("institution", institution + " n'est pas partie à la convention ni ne la rejoint par cet avenant");
        }
        if (approbations.stream().anyMatch(a -> a.institution().equals(institution))) {
            throw new EtatInvalideException(institution + " a déjà approuvé l'avenant n° " + numero + ".");
        }
        if (date.isAfter(aujourdHui)) {
            throw new RegleMetierException("date", "une approbation ne peut pas être datée du futur");
        }
        if (deliberation != null) {
            Convention.verifierAutorite(deliberation, institution, ActeAutorise.APPROUVER_AVENANT, "deliberationId");
        } else if (regle != null && regle.deliberationRequise()) {
            // seed 004, article 9: an avenant is submitted to the approval of every CCAS's board
            throw new RegleMetierException("deliberationId", "l'approbation de l'avenant par " + institution + " suppose une délibération : "
                    + regle.enonce());
        }
        approbations.add(new Approbation(institution, date, deliberation == null ? null : deliberation.id()));
        if (c.parties().stream().filter(Partie::signataire).allMatch(p -> aApprouve(p.institution())) && partiesAjoutees.stream().allMatch(p -> aApprouve(p.institution()))) {
            statut = EN_VIGUEUR;
            enVigueurLe = approbations.stream().map(Approbation::date).max(LocalDate::compareTo).orElse(date);
            c.amender(this);
            return true;
        }
        return false;
    }

    private boolean aApprouve(String institution) {
        return approbations.stream().anyMatch(a -> a.institution().equals(institution));
    }

    public UUID id() {
        return id;
    }

    public List<PartieAjoutee> partiesAjoutees() {
        return List.copyOf(partiesAjoutees);
    }

    public List<String> partiesRetirees() {
        return List.copyOf(partiesRetirees);
    }

    public List<EngagementModifie> engagementsModifies() {
        return List.copyOf(engagementsModifies);
    }

    /** The date an approving institution gave, for a joining party's signature. */
    public LocalDate approbationDe(String institution) {
        return approbations.stream().filter(a -> a.institution().equals(institution)).map(Approbation::date).findFirst().orElse(enVigueurLe);
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
