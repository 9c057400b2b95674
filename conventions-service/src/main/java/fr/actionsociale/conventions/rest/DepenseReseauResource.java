package fr.actionsociale.conventions.rest;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.commons.probleme.Probleme;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.conventions.domain.DepenseReseau;
import fr.actionsociale.conventions.rest.RechargeVues.DepenseVue;
import fr.actionsociale.conventions.service.RechargeService;

/** Seed 004: an expense of the network validated by the comité de pilotage, then paid by the advancing party. */
@Path("/conventions/{conventionId}/depenses")
@Tag(name = "Recharge annuelle")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class DepenseReseauResource {

    private final RechargeService recharge;

    DepenseReseauResource(RechargeService recharge) {
        this.recharge = recharge;
    }

    @Schema(name = "ValidationDepenseRequete")
    public record ValidationRequete(
            @NotNull @Schema(description = "La réunion du comité de pilotage de la convention qui a validé la dépense") UUID reunionId,
            @NotBlank @Size(max = DepenseReseau.LONGUEUR_DECISION) @Schema(example = "Relevé de décisions du comité de pilotage, point 2 : dépense validée")
            String decision) {
    }

    @Schema(name = "PaiementDepenseRequete")
    public record PaiementRequete(@NotNull @Schema(example = "2015-10-20") LocalDate date) {
    }

    @POST
    @Path("/{id}/validation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Enregistrer la validation d'une dépense par le comité de pilotage", description = "Par une réunion du comité de "
            + "pilotage de cette convention (pas une autre instance), tenue après la proposition, et dans le budget de l'année ; la date de "
            + "validation est celle de la réunion.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DepenseVue.class)))
    @APIResponse(responseCode = "409", description = "Déjà validée, ou l'appel de l'année est émis", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    public DepenseVue valider(@PathParam("conventionId") UUID conventionId, @PathParam("id") UUID id, @Valid @NotNull ValidationRequete r) {
        return DepenseVue.de(recharge.valider(conventionId, id, r.reunionId(), r.decision()));
    }

    @POST
    @Path("/{id}/paiement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Enregistrer le paiement d'une dépense validée", description = "Par la partie qui avance les fonds, à une date passée, "
            + "pas avant la validation.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DepenseVue.class)))
    @APIResponse(responseCode = "409", description = "Pas encore validée, ou déjà payée", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    public DepenseVue payer(@PathParam("conventionId") UUID conventionId, @PathParam("id") UUID id, @Valid @NotNull PaiementRequete r) {
        return DepenseVue.de(recharge.payer(conventionId, id, r.date()));
    }
}
