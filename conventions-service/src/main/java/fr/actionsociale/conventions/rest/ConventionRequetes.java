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
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.actionsociale.commons.Formats;
import fr.actionsociale.conventions.domain.Deliberation;
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

        Deliberation versDomaine() {
            return new Deliberation(numero, instance, date);
        }
    }

    @Schema(name = "PartieRequete")
    public record PartieRequete(
            @NotBlank @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON)
            @Schema(example = "ccas-pipriac") String institution,
            @NotNull @Schema(example = "PARTENAIRE") RolePartie role,
            @Size(max = 200) @Schema(example = "Le Président") String representantQualite,
            @Size(max = 200) String representantNom,
            @Valid DeliberationRequete deliberation) {
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
            List<@NotNull @Valid TrancheRequete> versements) {
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
            @Valid DeliberationRequete deliberation) {
    }

    @Schema(name = "ResiliationRequete", description = "Résilier une convention en vigueur")
    public record ResiliationRequete(
            @NotNull @Schema(example = "UNILATERALE") ModeResiliation mode,
            @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON)
            @Schema(description = "Partie qui résilie (résiliation unilatérale)", example = "ccas-bouvron") String institution,
            @Schema(description = "Date de la lettre recommandée (résiliation unilatérale)", example = "2015-03-02") LocalDate dateLettre,
            @Schema(description = "Date d'effet convenue (commun accord)", example = "2015-06-30") LocalDate dateEffet) {
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
