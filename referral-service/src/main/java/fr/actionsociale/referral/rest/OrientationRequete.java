package fr.actionsociale.referral.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.actionsociale.commons.Formats;

import fr.actionsociale.referral.domain.DroitVise;

@Schema(name = "OrientationRequete", description = "Orienter un bénéficiaire vers une structure de droit commun")
public record OrientationRequete(
        @NotBlank
        @Pattern(regexp = "^[A-Za-z0-9_-]{4,64}$", message = "doit être une référence opaque de 4 à 64 caractères (lettres, chiffres, - ou _), jamais un nom")
        @Schema(description = "Référence opaque du bénéficiaire", example = "ben-7f3a9c21")
        String beneficiaire,

        @NotBlank
        @Size(max = 64)
        @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON)
        @Schema(description = "Code de l'institution vers laquelle la personne est orientée", example = "ccas-pipriac")
        String structure,

        @NotBlank
        @Pattern(regexp = Formats.CODE_INSEE, message = Formats.CODE_INSEE_RAISON)
        @Schema(description = "Code INSEE de la commune de résidence", example = "35220")
        String commune,

        @NotBlank
        @Size(max = 2000)
        @Schema(description = "Motif de l'orientation (reste dans referral-service)", example = "Droits RSA et C2S identifiés au RDV des droits")
        String motif,

        @NotNull
        @NotEmpty(message = "doit contenir au moins un droit visé")
        @Size(max = 9, message = "ne doit pas contenir plus de 9 droits")
        @Schema(description = "Droits visés", example = "[\"RSA\", \"C2S\"]")
        List<@NotNull DroitVise> droitsVises,

        @Schema(description = "Le jour où l'orientation a été faite, quand elle est saisie plus tard (aujourd'hui par défaut) : jamais dans le "
                + "futur, jamais avant l'ouverture du RSA qu'elle suit ; les délais du parcours en partent", example = "2026-11-20")
        java.time.LocalDate date,

        @Schema(description = "Le service de la structure vers lequel la personne est orientée (GET /structures/{code}/services), s'il est "
                + "nommé : un service d'une autre structure est refusé (400)")
        java.util.UUID service) {
}
