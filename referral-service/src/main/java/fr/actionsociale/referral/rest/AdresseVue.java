package fr.actionsociale.referral.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.actionsociale.referral.domain.AdressePostale;

/** A postal address in requests and answers (a person's, a structure's). */
@Schema(name = "AdressePostale", description = "Adresse postale telle qu'elle s'imprime sur une enveloppe")
public record AdresseVue(
        @NotBlank @Size(max = 200) @Schema(example = "12 rue des Lilas") String voie,
        @Size(max = 200) @Schema(example = "Bâtiment B") String complement,
        @NotBlank @Pattern(regexp = "^[0-9]{5}$", message = "doit être un code postal de 5 chiffres") @Schema(example = "35550") String codePostal,
        @NotBlank @Size(max = 100) @Schema(example = "Pipriac") String localite) {

    AdressePostale adresse() {
        return new AdressePostale(voie, complement, codePostal, localite);
    }

    static AdressePostale adresse(AdresseVue a) {
        return a == null ? null : a.adresse();
    }

    static AdresseVue de(AdressePostale a) {
        return a == null ? null : new AdresseVue(a.voie(), a.complement(), a.codePostal(), a.localite());
    }
}
