package fr.actionsociale.conventions.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import fr.actionsociale.commons.jdbc.ListeTexte;
import fr.actionsociale.commons.domaine.EtatInvalideException;
import fr.actionsociale.commons.domaine.RegleMetierException;

/**
 * A partnership or funding agreement. It enters into force only when every party has signed
 * (BROUILLON → EN_SIGNATURE → EN_VIGUEUR), and is EXPIREE once its end date has passed.
 */
@Entity
@Table(name = "convention")
public class Convention {

    @Id
    private UUID id;
    private String reference;
    private String objet;
    @Enumerated(EnumType.STRING)
    private TypeConvention type;
    private String porteur;
    private String territoire;
    @Column(name = "bases_legales")
    private String basesLegales;
    @Column(name = "date_debut")
    private LocalDate dateDebut;
    @Column(name = "date_fin")
    private LocalDate dateFin;
    private String lieu;
    @Column(name = "nombre_originaux")
    private Integer nombreOriginaux;
    @Column(name = "montant_total")
    private BigDecimal montantTotal;
    @Column(name = "preavis_mois")
    private Integer preavisMois;
    @Enumerated(EnumType.STRING)
    private StatutConvention statut;
    @Column(name = "date_signature")
    private LocalDate dateSignature;
    @Enumerated(EnumType.STRING)
    @Column(name = "resiliation_mode")
    private ModeResiliation resiliationMode;
    @Column(name = "resiliation_par")
    private String resiliationPar;
    @Column(name = "resiliation_date_lettre")
    private LocalDate resiliationDateLettre;
    @Column(name = "resiliation_date_effet")
    private LocalDate resiliationDateEffet;
    @ElementCollection
    @CollectionTable(name = "tranche_versement", joinColumns = @JoinColumn(name = "convention_id"))
    @OrderBy("rang")
    private List<TrancheVersement> versements = new ArrayList<>();
    @OneToMany(mappedBy = "convention", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("institution")
    private List<Partie> parties = new ArrayList<>();
    private String hypotheses = "";
    @Column(name = "budget_previsionnel")
    private BigDecimal budgetPrevisionnel;
    @Embedded
    private Imputation imputation;
    @ElementCollection
    @CollectionTable(name = "visa_deliberation", joinColumns = @JoinColumn(name = "convention_id"))
    @OrderBy("rang")
    private List<VisaDeliberation> visas = new ArrayList<>();
    @ElementCollection
    @CollectionTable(name = "financement", joinColumns = @JoinColumn(name = "convention_id"))
    @OrderBy("rang")
    private List<Financement> financements = new ArrayList<>();
    @Version
    private long version;

    protected Convention() {
    }

    /**
     * One party as described when the convention is drafted; a party that is not a signatory commits without signing
     * (seed 000's Mairie de Pipriac) and does not hold up the entry into force.
     */
    public record NouvellePartie(String institution, RolePartie role, String representantNom, String representantQualite,
            DeliberationCitee deliberation, UUID deliberationId, boolean signataire) {

        /** A signatory party, its deliberation cited as the document gives it (or none). */
        public NouvellePartie(String institution, RolePartie role, String representantNom, String representantQualite,
                DeliberationCitee deliberation) {
            this(institution, role, representantNom, representantQualite, deliberation, null, true);
        }
    }

    public static Convention rediger(String reference, String objet, TypeConvention type, String porteur, List<String> territoire,
            List<String> basesLegales, LocalDate dateDebut, LocalDate dateFin, String lieu, Integer nombreOriginaux,
            BigDecimal montantTotal, Integer preavisMois, List<NouvellePartie> parties) {
        if (!dateFin.isAfter(dateDebut)) {
            throw new RegleMetierException("dateFin", "doit être postérieure à la date de début (" + dateDebut + ")");
        }
        if (montantTotal != null && (montantTotal.signum() < 0 || montantTotal.scale() > 2)) {
            throw new RegleMetierException("montantTotal", "doit être un montant positif en euros, au centime près");
        }
        Set<String> vues = new HashSet<>();
        for (int i = 0; i < parties.size(); i++) {
            if (!vues.add(parties.get(i).institution())) {
                throw new RegleMetierException("parties[" + i + "].institution", "institution déjà partie à la convention");
            }
        }
        if (parties.size() < 2) {
            throw new RegleMetierException("parties", "une convention lie au moins deux institutions");
        }
        if (!vues.contains(porteur)) {
            throw new RegleMetierException("porteur", "doit être l'une des parties");
        }
        Convention c = new Convention();
        c.id = UUID.randomUUID();
        c.reference = reference;
        c.objet = objet;
        c.type = type;
        c.porteur = porteur;
        c.territoire = ListeTexte.ecrire(territoire);
        c.basesLegales = String.join("\n", basesLegales);
        c.dateDebut = dateDebut;
        c.dateFin = dateFin;
        c.lieu = lieu;
        c.nombreOriginaux = nombreOriginaux;
        c.montantTotal = montantTotal;
        c.preavisMois = preavisMois;
        c.statut = StatutConvention.BROUILLON;
        for (NouvellePartie p : parties) {
            c.parties.add(new Partie(c, p.institution(), p.role(), p.representantNom(), p.representantQualite(), p.deliberation(),
                    p.deliberationId(), p.signataire()));
        }
        return c;
    }

    /** Applies an avenant that every party has approved. */
    void amender(Avenant a) {
        if (a.nouvelleDateFin() != null) {
            dateFin = a.nouvelleDateFin();
        }
        if (a.nouveauMontantTotal() != null) {
            montantTotal = a.nouveauMontantTotal();
        }
        if (a.nouveauPreavisMois() != null) {
            preavisMois = a.nouveauPreavisMois();
        }
        for (Avenant.PartieAjoutee p : a.partiesAjoutees()) {
            Partie nouvelle = new Partie(this, p.institution(), p.role(), null, p.representantQualite(), null, null, true);
            nouvelle.signer(a.approbationDe(p.institution()), null, null);
            parties.add(nouvelle);
        }
        parties.removeIf(p -> a.partiesRetirees().contains(p.institution()));
    }

    /** The payment schedule; the percentages must add up to 100. */
    public void prevoirVersements(List<TrancheVersement> tranches) {
        if (tranches.isEmpty()) {
            return;
        }
        if (montantTotal == null) {
            throw new RegleMetierException("versements", "un échéancier de versement suppose un montant total");
        }
        BigDecimal somme = tranches.stream().map(TrancheVersement::pourcentage).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (somme.compareTo(BigDecimal.valueOf(100)) != 0) {
            throw new RegleMetierException("versements", "les pourcentages des tranches font " + somme.stripTrailingZeros().toPlainString()
                    + " % au lieu de 100 %");
        }
        versements = new ArrayList<>(tranches);
    }

    public List<TrancheVersement> versements() {
        return List.copyOf(versements);
    }

    /** The draft is final: the parties may now sign it. */
    public void soumettreALaSignature() {
        if (statut != StatutConvention.BROUILLON) {
            throw new EtatInvalideException("Seul un brouillon peut être soumis à la signature ; la convention est " + statut + ".");
        }
        statut = StatutConvention.EN_SIGNATURE;
    }

    /**
     * Records one party's signature, on the authority the rule of its type of institution requires: a recorded
     * deliberation of that institution that authorises the signature, or a deliberation as the document cites it.
     *
     * @return true when this was the last signature awaited: the convention is now in force
     */
    public boolean signer(String institution, LocalDate date, RegleSignature regle, Deliberation deliberation, DeliberationCitee citation,
            LocalDate aujourdHui) {
        if (statut == StatutConvention.BROUILLON) {
            throw new EtatInvalideException("La convention est encore un brouillon : soumettez-la à la signature avant de la signer.");
        }
        if (statut != StatutConvention.EN_SIGNATURE) {
            throw new EtatInvalideException("La convention est " + statut + " : elle n'attend plus de signature.");
        }
        Partie partie = partie(institution)
                .orElseThrow(() -> new RegleMetierException("institution", institution + " n'est pas partie à la convention"));
        if (!partie.signataire()) {
            throw new RegleMetierException("institution", institution + " prend des engagements sans être signataire de la convention");
        }
        if (partie.aSigne()) {
            throw new EtatInvalideException(institution + " a déjà signé la convention le " + partie.dateSignature() + ".");
        }
        if (date.isAfter(aujourdHui)) {
            throw new RegleMetierException("date", "une signature ne peut pas être datée du futur");
        }
        if (deliberation != null) {
            verifierAutorite(deliberation, institution, ActeAutorise.AUTORISER_SIGNATAIRE, "deliberationId");
        }
        if (regle != null && regle.deliberationRequise() && deliberation == null && citation == null && partie.deliberation() == null
                && partie.deliberationId() == null) {
            throw new RegleMetierException("deliberationId", "la signature de " + institution + " suppose une délibération : "
                    + regle.enonce());
        }
        partie.signer(date, deliberation == null ? citation : deliberation.citation(), deliberation == null ? null : deliberation.id());
        if (signaturesAttendues().isEmpty()) {
            statut = StatutConvention.EN_VIGUEUR;
            dateSignature = parties.stream().filter(Partie::aSigne).map(Partie::dateSignature).max(LocalDate::compareTo).orElse(date);
            return true;
        }
        return false;
    }

    /** A signature on a deliberation as the document cites it, with no signature rule to apply (a domain test's convention). */
    public boolean signer(String institution, LocalDate date, DeliberationCitee citation, LocalDate aujourdHui) {
        return signer(institution, date, null, null, citation, aujourdHui);
    }

    /** A deliberation cited for an act must be the institution's own and must authorise that act. */
    public static void verifierAutorite(Deliberation d, String institution, ActeAutorise acte, String champ) {
        if (!d.institution().equals(institution)) {
            throw new RegleMetierException(champ, d.designation() + " est celle de " + d.institution() + ", pas de " + institution);
        }
        if (!d.autorise(acte)) {
            throw new RegleMetierException(champ, d.designation() + " n'autorise pas cet acte (" + acte + ") : elle autorise "
                    + d.actes());
        }
    }

    /** The signatory parties that have not signed yet: what the convention waits for. */
    public List<String> signaturesAttendues() {
        return parties.stream().filter(p -> p.signataire() && !p.aSigne()).map(Partie::institution).toList();
    }

    /**
     * Terminates the convention in force.
     * <ul>
     * <li>UNILATERALE: a party's registered letter; the effect comes after the convention's notice period
     * (e.g. 2 months in seed 002, 3 months in seed 004), and never after the end date;</li>
     * <li>COMMUN_ACCORD: on the date the parties agreed.</li>
     * </ul>
     *
     * @return the effective date
     */
    public LocalDate resilier(ModeResiliation mode, String institution, LocalDate dateLettre, LocalDate dateEffetConvenue,
            LocalDate aujourdHui) {
        if (statutAu(aujourdHui) != StatutConvention.EN_VIGUEUR) {
            throw new EtatInvalideException("Seule une convention en vigueur peut être résiliée ; celle-ci est " + statutAu(aujourdHui) + ".");
        }
        if (resiliationDateEffet != null) {
            throw new EtatInvalideException("La convention est déjà résiliée à effet du " + resiliationDateEffet + ".");
        }
        LocalDate effet;
        if (mode == ModeResiliation.UNILATERALE) {
            if (institution == null || !lie(institution)) {
                throw new RegleMetierException("institution", "seule une partie peut résilier la convention");
            }
            if (dateLettre == null) {
                throw new RegleMetierException("dateLettre", "la date de la lettre recommandée est requise");
            }
            if (dateLettre.isAfter(aujourdHui)) {
                throw new RegleMetierException("dateLettre", "ne peut pas être dans le futur");
            }
            if (preavisMois == null) {
                throw new RegleMetierException("mode", "la convention ne fixe pas de préavis : seule une résiliation d'un commun accord est possible");
            }
            effet = dateLettre.plusMonths(preavisMois);
        } else {
            if (dateEffetConvenue == null) {
                throw new RegleMetierException("dateEffet", "la date d'effet convenue entre les parties est requise");
            }
            effet = dateEffetConvenue;
        }
        if (!effet.isAfter(dateDebut)) {
            throw new RegleMetierException(mode == ModeResiliation.UNILATERALE ? "dateLettre" : "dateEffet",
                    "la résiliation prendrait effet avant le début de la convention");
        }
        resiliationMode = mode;
        resiliationPar = mode == ModeResiliation.UNILATERALE ? institution : null;
        resiliationDateLettre = dateLettre;
        resiliationDateEffet = effet.isAfter(dateFin) ? dateFin : effet;
        return resiliationDateEffet;
    }

    /**
     * The status as of a day: a convention in force whose end date has passed has expired; one whose
     * termination has taken effect is terminated.
     */
    public StatutConvention statutAu(LocalDate jour) {
        if (statut != StatutConvention.EN_VIGUEUR) {
            return statut;
        }
        if (resiliationDateEffet != null && !jour.isBefore(resiliationDateEffet)) {
            return StatutConvention.RESILIEE;
        }
        return jour.isAfter(dateFin) ? StatutConvention.EXPIREE : statut;
    }

    public ModeResiliation resiliationMode() {
        return resiliationMode;
    }

    public String resiliationPar() {
        return resiliationPar;
    }

    public LocalDate resiliationDateLettre() {
        return resiliationDateLettre;
    }

    public LocalDate resiliationDateEffet() {
        return resiliationDateEffet;
    }

    public Optional<Partie> partie(String institution) {
        return parties.stream().filter(p -> p.institution().equals(institution)).findFirst();
    }

    public boolean lie(String institution) {
        return partie(institution).isPresent();
    }

    public UUID id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public String objet() {
        return objet;
    }

    public TypeConvention type() {
        return type;
    }

    public String porteur() {
        return porteur;
    }

    public List<String> territoire() {
        return ListeTexte.lire(territoire);
    }

    public List<String> basesLegales() {
        return basesLegales.isEmpty() ? List.of() : Arrays.asList(basesLegales.split("\n"));
    }

    public LocalDate dateDebut() {
        return dateDebut;
    }

    public LocalDate dateFin() {
        return dateFin;
    }

    public String lieu() {
        return lieu;
    }

    public Integer nombreOriginaux() {
        return nombreOriginaux;
    }

    public BigDecimal montantTotal() {
        return montantTotal;
    }

    public Integer preavisMois() {
        return preavisMois;
    }

    public LocalDate dateSignature() {
        return dateSignature;
    }

    public List<Partie> parties() {
        return List.copyOf(parties);
    }

    /** What was assumed where the document says nothing (dates, amounts, identifiers of the demo), one statement each. */
    public void supposer(List<String> hypotheses) {
        this.hypotheses = String.join("\n", hypotheses);
    }

    public List<String> hypotheses() {
        return hypotheses == null || hypotheses.isEmpty() ? List.of() : Arrays.asList(hypotheses.split("\n"));
    }

    /** The deliberations the convention's "VU" cite; each must be of a party. */
    public void viser(List<VisaDeliberation> visas) {
        for (int i = 0; i < visas.size(); i++) {
            if (!lie(visas.get(i).institution())) {
                throw new RegleMetierException("deliberationsVisees[" + i + "].institution", visas.get(i).institution()
                        + " n'est pas partie à la convention");
            }
        }
        this.visas = new ArrayList<>(visas);
    }

    public List<VisaDeliberation> visas() {
        return List.copyOf(visas);
    }

    public void imputer(Imputation imputation) {
        if (imputation != null && type != TypeConvention.FINANCEMENT) {
            throw new RegleMetierException("imputation", "seule une convention de financement a une imputation budgétaire");
        }
        this.imputation = imputation;
    }

    public Imputation imputation() {
        return imputation;
    }

    /** The co-financing plan, checked: shares that exceed the budget are refused. */
    public PlanFinancement.Bilan financer(BigDecimal budget, List<Financement> financements) {
        if (budget != null && (budget.signum() <= 0 || budget.stripTrailingZeros().scale() > 2)) {
            throw new RegleMetierException("budgetPrevisionnel", "doit être un montant strictement positif en euros, au centime près");
        }
        PlanFinancement.Bilan bilan = PlanFinancement.verifier(budget, financements);
        this.budgetPrevisionnel = budget;
        this.financements = new ArrayList<>(financements);
        return bilan;
    }

    public BigDecimal budgetPrevisionnel() {
        return budgetPrevisionnel;
    }

    public List<Financement> financements() {
        return List.copyOf(financements);
    }

    public PlanFinancement.Bilan bilanFinancement() {
        return PlanFinancement.verifier(budgetPrevisionnel, financements);
    }

    public long version() {
        return version;
    }
}
