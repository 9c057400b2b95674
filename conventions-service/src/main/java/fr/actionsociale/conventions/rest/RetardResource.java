package fr.actionsociale.conventions.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.commons.Formats;
import fr.actionsociale.commons.idempotence.Idempotence;
import fr.actionsociale.commons.idempotence.Idempotent;
import fr.actionsociale.commons.probleme.Probleme;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.conventions.domain.RetardDeclare;
import fr.actionsociale.conventions.service.RetardService;

/** Delays in a convention's execution, declared to the funder "sans délai" (seed 002, art. 7). */
@Path("/conventions/{conventionId}/retards")
@Tag(name = "Conventions")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class RetardResource {

    private final RetardService retards;

    RetardResource(RetardService retards) {
        this.retards = retards;
    }

    @Schema(name = "RetardRequete")
    public record RetardRequete(
            @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON)
            @Schema(description = "La partie en retard ; celle du jeton par défaut", example = "departement-35") String institution,
            @Schema(description = "L'échéance en retard, s'il y en a une (son ancienne date est alors la sienne)") UUID echeance,
            @NotBlank @Size(max = 500) @Schema(example = "Bilan intermédiaire 2023") String objet,
            @NotBlank @Size(max = 2000) @Schema(example = "Recrutement des référents achevé en décembre : données de l'année incomplètes") String motif,
            @Schema(description = "La date prévue jusqu'ici (celle de l'échéance nommée par défaut)", example = "2024-03-31") LocalDate ancienneDate,
            @NotNull @Schema(description = "La nouvelle date, après l'ancienne", example = "2024-04-30") LocalDate nouvelleDate,
            @Schema(description = "Le jour où le retard a été déclaré au financeur ; aujourd'hui par défaut, jamais dans le futur",
                    example = "2024-03-15") LocalDate declareLe) {
    }

    @Schema(name = "Retard")
    public record RetardVue(UUID id, UUID conventionId, String institution, UUID echeance, String objet, String motif, LocalDate ancienneDate,
            LocalDate nouvelleDate, LocalDate declareLe) {
        static RetardVue de(RetardDeclare r) {
            return new RetardVue(r.id(), r.conventionId(), r.institution(), r.echeanceId(), r.objet(), r.motif(), r.ancienneDate(),
                    r.nouvelleDate(), r.declareLe());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Idempotent
    @Operation(summary = "Déclarer un retard au financeur", description = "Convention de financement, art. 7 : un retard pris dans l'exécution "
            + "est déclaré sans délai (objet, motif, ancienne et nouvelle date). Il reste sur la convention et part par retard-declare ; "
            + "l'échéance contractuelle, elle, ne bouge que par avenant. La nouvelle date doit suivre l'ancienne.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RetardVue.class)))
    @APIResponse(responseCode = "409", description = "Convention pas encore signée", content = @Content(mediaType = Probleme.MEDIA_TYPE,
            schema = @Schema(implementation = Probleme.class)))
    public Response declarer(@PathParam("conventionId") UUID conventionId, @HeaderParam(Idempotence.ENTETE) String cle,
            @Valid @NotNull RetardRequete r) {
        RetardDeclare d = retards.declarer(conventionId, r.institution(), r.echeance(), r.objet(), r.motif(), r.ancienneDate(), r.nouvelleDate(),
                r.declareLe());
        return Response.created(URI.create("/conventions/" + conventionId + "/retards")).entity(RetardVue.de(d)).build();
    }

    @GET
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE, Roles.AGENT })
    @Operation(summary = "Les retards déclarés sur une convention", description = "Dans l'ordre où ils ont été déclarés.")
    public List<RetardVue> lister(@PathParam("conventionId") UUID conventionId) {
        return retards.lister(conventionId).stream().map(RetardVue::de).toList();
    }
}
