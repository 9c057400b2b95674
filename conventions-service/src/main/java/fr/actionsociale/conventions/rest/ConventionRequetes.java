package fr.actionsociale.conventions.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.actionsociale.commons.Formats;
import fr.actionsociale.conventions.domain.DeliberationCitee;
import fr.actionsociale.conventions.domain.ModeResiliation;
import fr.actionsociale.conventions.domain.RolePartie;
import fr.actionsociale.conventions.domain.TrancheVersement;
import fr.actionsociale.conventions.domain.TypeConvention;

/** The API's request bodies for conventions. */
public final class ConventionRequetes {

    private ConventionRequetes() {
    }

    @Schema(name = "DeliberationRequete", description = "Décision numérotée qui autorise la signature")
    public record DeliberationRequete(
            @Size(max = 64) @Schema(description = "Numéro, quand le document le donne", example = "CC-2024-76") String numero,
            @NotBlank @Size(max = 200) @Schema(example = "Commission permanente du Département") String instance,
            @NotNull @Schema(example = "2024-03-18") LocalDate date) {

        DeliberationCitee versDomaine() {
            return new DeliberationCitee(numero, instance, date);
        }
    }

    @Schema(name = "PartieRequete")
    public record PartieRequete(
            @NotBlank @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON)
            @Schema(example = "ccas-pipriac") String institution,
            @NotNull @Schema(example = "PARTENAIRE") RolePartie role,
            @Size(max = 200) @Schema(example = "Le Président") String representantQualite,
            @Size(max = 200) String representantNom,
            @Valid @Schema(description = "La délibération telle que la convention la cite, quand elle n'est pas enregistrée") DeliberationRequete deliberation,
            @Schema(description = "Délibération enregistrée (POST /deliberations) qui autorise la signature de cette partie") java.util.UUID deliberationId,
            @Schema(description = "Faux pour une partie qui s'engage sans signer (par défaut : vrai)", defaultValue = "true") Boolean signataire) {
    }

    @Schema(name = "VisaDeliberationRequete", description = "Une délibération citée dans les « VU » de la convention")
    public record VisaDeliberationRequete(
            @NotBlank @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON)
            @Schema(example = "ccas-pipriac") String institution,
            @Size(max = 64) @Schema(example = "2024_76") String numero,
            @NotNull @Schema(example = "2024-07-08") LocalDate date) {
    }

    @Schema(name = "ImputationRequete", description = "Imputation budgétaire d'une convention de financement de l'État")
    public record ImputationRequete(
            @Size(max = 100) @Schema(example = "102") String programme,
            @Size(max = 100) @Schema(example = "0102-DR35-DR35") String centreFinancier,
            @Size(max = 100) @Schema(example = "010200002501") String activite,
            @Size(max = 100) @Schema(description = "Numéro d'engagement juridique (Chorus)", example = "2103456789") String numeroEJ,
            @Size(max = 300) @Schema(example = "Préfet de Région Bretagne, Préfet de Département d'Ille et Vilaine") String ordonnateur,
            @Size(max = 300) @Schema(example = "Directeur régional des finances publiques de Bretagne") String comptableAssignataire) {
    }

    @Schema(name = "FinancementRequete", description = "Une part du plan de financement : en numéraire ou valorisée, par montant, par taux du budget, ou les deux")
    public record FinancementRequete(
            @NotBlank @Size(max = 200) @Schema(example = "État (expérimentation Territoire zéro non-recours)") String financeur,
            @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON) @Schema(example = "etat-dreets-bretagne") String institution,
            @NotNull @Schema(example = "FINANCIERE") fr.actionsociale.conventions.domain.Financement.Nature nature,
            @PositiveOrZero(message = "doit être positif ou nul") @Digits(integer = 12, fraction = 2, message = "doit être un montant en euros avec au plus deux décimales")
            @Schema(example = "396795.00") BigDecimal montant,
            @jakarta.validation.constraints.DecimalMin(value = "0.01", message = "doit être strictement positif")
            @jakarta.validation.constraints.DecimalMax(value = "100", message = "ne doit pas dépasser 100")
            @Digits(integer = 3, fraction = 2, message = "au plus deux décimales") @Schema(example = "80") BigDecimal taux,
            @Size(max = 300) @Schema(example = "budget des trois phases du projet") String base) {
    }

    @Schema(name = "ConventionRequete", description = "Rédiger une convention (statut BROUILLON)")
    public record ConventionRequete(
            @NotBlank @Size(max = 100)
            @Schema(example = "RAD-2024-PHASE1") String reference,
            @NotBlank @Size(max = 2000)
            @Schema(example = "Projet « 100 % Recours aux droits », phase 1") String objet,
            @NotNull TypeConvention type,
            @NotBlank @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON)
            @Schema(example = "redon-agglomeration") String porteur,
            @NotNull @Size(max = 200, message = "ne doit pas dépasser 200 communes")
            List<@NotNull @Pattern(regexp = Formats.CODE_INSEE, message = Formats.CODE_INSEE_RAISON) String> territoire,
            @Size(max = 50, message = "ne doit pas dépasser 50 visas") List<@NotBlank(message = "ne doit pas être vide") @Size(max = 1000) String> basesLegales,
            @NotNull @Schema(example = "2024-09-01") LocalDate dateDebut,
            @NotNull @Schema(example = "2026-08-31") LocalDate dateFin,
            @Size(max = 200) @Schema(example = "Redon") String lieu,
            @Min(value = 1, message = "doit valoir au moins 1") @Max(value = 50, message = "ne doit pas dépasser 50") Integer nombreOriginaux,
            @PositiveOrZero(message = "doit être positif ou nul") @Digits(integer = 12, fraction = 2, message = "doit être un montant en euros avec au plus deux décimales")
            @Schema(example = "719689.00") BigDecimal montantTotal,
            @Min(value = 0, message = "doit être positif ou nul") @Max(value = 24, message = "ne doit pas dépasser 24 mois") Integer preavisMois,
            @NotNull @NotEmpty(message = "doit contenir les parties") @Size(max = 50, message = "ne doit pas dépasser 50 parties")
            List<@NotNull @Valid PartieRequete> parties,
            @Size(max = 12, message = "ne doit pas dépasser 12 tranches")
            @Schema(description = "Échéancier de versement d'une convention de financement")
            List<@NotNull @Valid TrancheRequete> versements,
            @Size(max = 50, message = "ne doit pas dépasser 50 visas") @Schema(description = "Les délibérations que les « VU » citent, rapprochées de celles des parties")
            List<@NotNull @Valid VisaDeliberationRequete> deliberationsVisees,
            @Valid ImputationRequete imputation,
            @Positive(message = "doit être strictement positif") @Digits(integer = 12, fraction = 2, message = "doit être un montant en euros avec au plus deux décimales")
            @Schema(description = "Budget du plan de financement ; déduit d'une part donnée en montant et en taux quand il est absent") BigDecimal budgetPrevisionnel,
            @Size(max = 50, message = "ne doit pas dépasser 50 parts") List<@NotNull @Valid FinancementRequete> financements,
            @Size(max = 30, message = "ne doit pas dépasser 30 hypothèses")
            @Schema(description = "Ce qui est supposé là où le document ne dit rien (dates, montants, identifiants)")
            List<@NotBlank(message = "ne doit pas être vide") @Size(max = 1000) String> hypotheses) {
    }

    @Schema(name = "TrancheRequete", description = "Ex. 60 % dans les 15 jours de la signature, le solde un mois au plus après le rapport intermédiaire")
    public record TrancheRequete(
            @NotNull @jakarta.validation.constraints.DecimalMin(value = "0.01", message = "doit être strictement positif")
            @jakarta.validation.constraints.DecimalMax(value = "100", message = "ne doit pas dépasser 100")
            @Digits(integer = 3, fraction = 2, message = "au plus deux décimales") @Schema(example = "60") BigDecimal pourcentage,
            @NotNull @Schema(example = "SIGNATURE") TrancheVersement.Declencheur declencheur,
            @NotNull @Min(value = 0, message = "doit être positif ou nul") @Max(value = 730, message = "ne doit pas dépasser 730 jours")
            @Schema(example = "15") Integer delaiJours) {
    }

    @Schema(name = "SignatureRequete", description = "La signature d'une partie")
    public record SignatureRequete(
            @NotBlank @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON)
            @Schema(example = "cpam-35") String institution,
            @NotNull @Schema(example = "2024-09-12") LocalDate date,
            @Valid @Schema(description = "La délibération telle que la convention la cite, quand elle n'est pas enregistrée") DeliberationRequete deliberation,
            @Schema(description = "Délibération enregistrée qui autorise la signature (requise pour une institution dont l'organe délibère, "
                    + "sauf si la partie la cite déjà)") java.util.UUID deliberationId) {
    }

    @Schema(name = "ResiliationRequete", description = "Résilier une convention en vigueur")
    public record ResiliationRequete(
            @NotNull @Schema(example = "UNILATERALE") ModeResiliation mode,
            @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON)
            @Schema(description = "Partie qui résilie (résiliation unilatérale)", example = "ccas-bouvron") String institution,
            @Schema(description = "Date de la lettre recommandée (résiliation unilatérale)", example = "2015-03-02") LocalDate dateLettre,
            @Schema(description = "Date d'effet convenue (commun accord)", example = "2015-06-30") LocalDate dateEffet) {
    }

    @Schema(name = "ContactPrivilegieRequete", description = "Le contact qu'une partie désigne pour les situations bloquées ou urgentes")
    public record ContactPrivilegieRequete(
            @NotBlank @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON)
            @Schema(example = "msa-porte-de-bretagne") String institution,
            @NotBlank @Size(max = 300) @Schema(description = "Un canal institutionnel (service, boîte fonctionnelle, téléphone), jamais une personne accompagnée",
                    example = "Service action sociale – contacts.privilegies@msa.example – 02 99 00 00 00") String contact,
            @NotNull @Schema(example = "2024-07-08") LocalDate designeLe,
            @Size(max = 500) @Schema(description = "Ce qui est supposé, quand le document ne donne pas le contact") String hypothese) {
    }

    @Schema(name = "RepartitionRequete", description = "Répartir un montant annuel entre les parties au prorata de leur population INSEE")
    public record RepartitionRequete(
            @NotNull @PositiveOrZero(message = "doit être positif ou nul")
            @Digits(integer = 12, fraction = 2, message = "doit être un montant en euros avec au plus deux décimales")
            @Schema(example = "4000.00") BigDecimal montant,
            @NotNull @Min(value = 1900, message = "doit être une année") @Max(value = 2100, message = "doit être une année")
            @Schema(example = "2015") Integer annee) {
    }
}
