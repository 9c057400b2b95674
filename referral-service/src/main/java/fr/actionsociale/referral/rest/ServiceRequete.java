package fr.actionsociale.referral.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.actionsociale.referral.domain.Service;

/** A service a structure offers, in data·inclusion's words (schema v1): the enumerated values are data·inclusion's. */
@Schema(name = "ServiceRequete", description = "Un service offert par la structure, décrit dans le schéma data·inclusion v1. Informations "
        + "publiques sur l'institution : aucun nom de personne (le nom d'un contact n'est pas demandé).")
public record ServiceRequete(
        @NotBlank @Size(min = 3, max = 150, message = "doit faire entre 3 et 150 caractères (data·inclusion)")
        @Schema(example = "Rendez-vous des droits") String nom,
        @NotBlank @Size(min = 5, max = 10000, message = "doit faire entre 5 et 10000 caractères (data·inclusion)")
        @Schema(example = "Un entretien pour faire le point sur tous vos droits (RSA, prime d'activité, C2S, aides au logement) et les demander.")
        String description,
        @Schema(description = "Énumération data·inclusion types-de-services", example = "accompagnement") String type,
        @Size(max = 30, message = "au plus 30 thématiques")
        @Schema(description = "Énumération data·inclusion thematiques",
                example = "[\"difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits\"]")
        List<@NotNull String> thematiques,
        @Schema(description = "Énumération data·inclusion frais", example = "gratuit") String frais,
        @Size(max = 2000) String fraisPrecisions,
        @Size(max = 14, message = "au plus 14 publics")
        @Schema(description = "Énumération data·inclusion publics ; « tous-publics » seul", example = "[\"beneficiaires-des-minimas-sociaux\"]")
        List<@NotNull String> publics,
        @Size(max = 2000) String publicsPrecisions,
        @Size(max = 2000) String conditionsAcces,
        @Size(max = 2, message = "au plus 2 modes d'accueil")
        @Schema(description = "Énumération data·inclusion modes-accueil", example = "[\"en-presentiel\"]") List<@NotNull String> modesAccueil,
        @Size(max = 4, message = "au plus 4 modes de mobilisation")
        @Schema(description = "Énumération data·inclusion modes-mobilisation", example = "[\"telephoner\"]") List<@NotNull String> modesMobilisation,
        @Size(max = 2, message = "au plus 2 personnes mobilisatrices")
        @Schema(description = "Énumération data·inclusion personnes-mobilisatrices", example = "[\"usagers\", \"professionnels\"]")
        List<@NotNull String> mobilisablePar,
        @Size(max = 2000) String mobilisationPrecisions,
        @Size(max = 200, message = "au plus 200 codes")
        @Schema(description = "Codes de commune, de département, d'EPCI, de pays, ou « france » ; absent : les communes de la structure",
                example = "[\"35220\"]") List<@NotNull String> zoneEligibilite,
        @Size(max = 30) @Schema(description = "Téléphone de l'institution pour ce service (jamais celui d'une personne)", example = "+33299000000")
        String telephone,
        @Size(max = 254) @Email(regexp = StructureResource.COURRIEL, message = StructureResource.COURRIEL_RAISON)
        @Schema(description = "Courriel de l'institution pour ce service (jamais celui d'une personne)") String courriel,
        @Size(max = 2083) @Pattern(regexp = StructureResource.URL, message = StructureResource.URL_RAISON) String lienMobilisation,
        @Size(max = 500) @Schema(description = "Format OpenStreetMap opening_hours", example = "Mo-Fr 09:00-12:00") String horairesAccueil,
        @DecimalMin(value = "0", message = "ne peut pas être négatif") @Digits(integer = 3, fraction = 2, message = "au plus 999,99 heures, au centième")
        BigDecimal volumeHoraireHebdomadaire,
        @Min(value = 1, message = "doit être au moins 1") @Schema(minimum = "1") Integer nombreSemaines,
        @Schema(description = "Date de dernière modification du service ; aujourd'hui par défaut, jamais dans le futur", example = "2026-11-20")
        LocalDate dateMaj) {

    Service.Saisie saisie() {
        return new Service.Saisie(nom, description, type, thematiques, frais, fraisPrecisions, publics, publicsPrecisions, conditionsAcces, modesAccueil,
                modesMobilisation, mobilisablePar, mobilisationPrecisions, zoneEligibilite, telephone, courriel, lienMobilisation, horairesAccueil,
                volumeHoraireHebdomadaire, nombreSemaines, dateMaj);
    }
}
