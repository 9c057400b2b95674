package fr.actionsociale.budget.rest;

import java.time.YearMonth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.budget.service.IndicateurOrientationService;
import fr.actionsociale.commons.Formats;
import fr.actionsociale.budget.service.IndicateurOrientationService.Comptage;
import fr.actionsociale.commons.probleme.Probleme;
import fr.actionsociale.commons.securite.Roles;

@Path("/indicateurs")
@Tag(name = "Indicateurs")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class IndicateurResource {

    private final IndicateurOrientationService orientations;

    IndicateurResource(IndicateurOrientationService orientations) {
        this.orientations = orientations;
    }

    @GET
    @Path("/orientations")
    @RolesAllowed({ Roles.COORDINATEUR, Roles.GESTIONNAIRE, Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Orientations d'une commune sur un mois", description = "Comptées en direct depuis orientation-faite, chacune une seule fois : total, par structure et par droit visé. Aucune identité.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Comptage.class)))
    @APIResponse(responseCode = "400", description = "Commune ou mois invalide", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    public Comptage orientations(
            @Parameter(description = "Code INSEE de la commune", example = "35220") @QueryParam("commune")
            @NotBlank(message = "est obligatoire")
            @Pattern(regexp = Formats.CODE_INSEE, message = Formats.CODE_INSEE_RAISON) String commune,
            @Parameter(description = "Mois AAAA-MM (heure de Paris)", example = "2026-11") @QueryParam("mois")
            @NotBlank(message = "est obligatoire")
            @Pattern(regexp = "^[0-9]{4}-(0[1-9]|1[0-2])$", message = "doit être un mois au format AAAA-MM, ex. 2026-11") String mois) {
        return orientations.compter(commune, YearMonth.parse(mois));
    }
}
