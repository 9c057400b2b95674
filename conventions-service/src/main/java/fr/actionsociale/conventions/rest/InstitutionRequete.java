package fr.actionsociale.conventions.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.actionsociale.commons.Formats;

import fr.actionsociale.conventions.domain.TypeInstitution;

@Schema(name = "InstitutionRequete")
public record InstitutionRequete(
        @NotBlank @Size(max = 64)
        @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON)
        @Schema(example = "ccas-pipriac") String code,
        @NotBlank @Size(max = 200)
        @Schema(example = "CCAS de Pipriac") String nom,
        @NotNull @Schema(example = "CCAS") TypeInstitution type,
        @Pattern(regexp = "^[0-9]{14}$", message = "doit compter 14 chiffres") @Schema(example = "21350220600016") String siret,
        @Size(max = 500) @Schema(example = "Place de l'Église, 35550 Pipriac") String adresse,
        @Pattern(regexp = Formats.CODE_INSEE, message = Formats.CODE_INSEE_RAISON)
        @Schema(example = "35220") String codeInsee,
        @Min(value = 0, message = "doit être positive") @Schema(example = "3779") Integer population,
        @Min(value = 1800, message = "doit être une année") @Max(value = 2100, message = "doit être une année")
        @Schema(example = "2021") Integer populationAnnee) {
}
