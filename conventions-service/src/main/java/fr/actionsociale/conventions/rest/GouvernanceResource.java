package fr.actionsociale.conventions.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.conventions.domain.Convention;
import fr.actionsociale.conventions.domain.InstanceGouvernance;
import fr.actionsociale.conventions.domain.TypeInstance;
import fr.actionsociale.conventions.service.ConventionService;
import fr.actionsociale.conventions.service.GouvernanceService;

/** A convention's governance bodies, their meetings, and whether they keep their rhythm. */
@Path("/conventions/{conventionId}/gouvernance")
@Tag(name = "Gouvernance")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class GouvernanceResource {

    private final GouvernanceService gouvernance;
    private final ConventionService conventions;
    private final Appelant appelant;

    GouvernanceResource(GouvernanceService gouvernance, ConventionService conventions, Appelant appelant) {
        this.gouvernance = gouvernance;
        this.conventions = conventions;
        this.appelant = appelant;
    }

    @Schema(name = "InstanceRequete")
    public record InstanceRequete(
            @NotNull @Schema(example = "COMITE_PILOTAGE") TypeInstance type,
            @NotBlank @Size(max = 200) @Schema(example = "Comité de pilotage") String nom,
            @NotNull @Size(max = 50, message = "ne doit pas dépasser 50 membres")
            List<@NotNull @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON) String> membres,
            @NotNull @Min(value = 1, message = "doit valoir au moins 1") @Max(value = 12, message = "ne doit pas dépasser 12")
            @Schema(description = "Rythme : 4 pour « 4 fois par an », trimestriel", example = "4") Integer reunionsParAn) {
    }

    @Schema(name = "ReunionRequete")
    public record ReunionRequete(@NotNull @Schema(example = "2024-10-08") LocalDate date,
            @Size(max = 1000) String objet) {
    }

    @Schema(name = "InstanceGouvernance", description = "Avec les périodes écoulées sans réunion")
    public record InstanceVue(UUID id, String type, String nom, List<String> membres, int reunionsParAn, List<LocalDate> reunions,
            List<LocalDate> periodesSansReunion, boolean rythmeManque) {
        static InstanceVue de(InstanceGouvernance g, Convention c, LocalDate aujourdHui) {
            List<LocalDate> manquees = g.periodesSansReunion(c, aujourdHui);
            return new InstanceVue(g.id(), g.type().name(), g.nom(), g.membres(), g.reunionsParAn(),
                    g.reunions().stream().map(r -> r.date()).toList(), manquees, !manquees.isEmpty());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Instituer une instance de gouvernance", description = "Ses membres sont des parties à la convention.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = InstanceVue.class)))
    @Idempotent
    public Response instituer(@PathParam("conventionId") UUID conventionId, @HeaderParam(Idempotence.ENTETE) String cle,
            @Valid @NotNull InstanceRequete r) {
        UUID id = conventionId;
        InstanceGouvernance g = gouvernance.instituer(id, r.type(), r.nom(), r.membres(), r.reunionsParAn());
        return Response.created(URI.create("/conventions/" + id + "/gouvernance/" + g.id()))
                .entity(InstanceVue.de(g, conventions.trouver(id), conventions.aujourdHui())).build();
    }

    @GET
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE, Roles.AGENT })
    @Operation(summary = "Les instances de gouvernance et leur rythme", description = "rythmeManque : une période entière de la convention s'est écoulée sans réunion.")
    public List<InstanceVue> lister(@PathParam("conventionId") UUID conventionId) {
        UUID id = conventionId;
        Convention c = conventions.trouver(id);
        LocalDate aujourdHui = conventions.aujourdHui();
        return gouvernance.lister(id).stream().map(g -> InstanceVue.de(g, c, aujourdHui)).toList();
    }

    @POST
    @Path("/{id}/reunions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Enregistrer une réunion tenue")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = InstanceVue.class)))
    public Response reunir(@PathParam("conventionId") UUID conventionId, @PathParam("id") UUID id,
            @Valid @NotNull ReunionRequete r) {
        UUID convention = conventionId;
        InstanceGouvernance g = gouvernance.reunir(convention, id, r.date(), r.objet());
        return Response.status(Response.Status.CREATED)
                .entity(InstanceVue.de(g, conventions.trouver(convention), conventions.aujourdHui())).build();
    }
}
