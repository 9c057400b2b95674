package fr.actionsociale.referral.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.commons.Formats;
import fr.actionsociale.commons.idempotence.Idempotence;
import fr.actionsociale.commons.idempotence.Idempotent;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.referral.service.AllerVersService;

/** Outreach campaigns ("aller-vers") and their contacts. */
@Path("/campagnes")
@Tag(name = "Aller-vers")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class CampagneResource {

    private final AllerVersService allerVers;
    private final Appelant appelant;

    CampagneResource(AllerVersService allerVers, Appelant appelant) {
        this.allerVers = allerVers;
        this.appelant = appelant;
    }

    @Schema(name = "CampagneRequete")
    public record CampagneRequete(@NotBlank @Size(max = 300) String nom,
            @NotNull @NotEmpty(message = "au moins une commune") @Size(max = 100, message = "au plus 100 communes")
            List<@NotNull @Pattern(regexp = Formats.CODE_INSEE, message = Formats.CODE_INSEE_RAISON) String> communes,
            @NotNull LocalDate debut, @NotNull LocalDate fin) {
    }

    @Schema(name = "ContactRequete")
    public record ContactRequete(
            @Pattern(regexp = "^ben-[0-9a-f]{12}$", message = "doit être une référence de bénéficiaire (ben-…)")
            @Schema(description = "La personne, si elle a un dossier") String beneficiaire,
            @NotBlank @Pattern(regexp = Formats.CODE_INSEE, message = Formats.CODE_INSEE_RAISON) String commune,
            @NotBlank @Pattern(regexp = "^(PORTE_A_PORTE|TELEPHONE|PERMANENCE|EVENEMENT|COURRIER)$",
                    message = "valeurs admises : PORTE_A_PORTE, TELEPHONE, PERMANENCE, EVENEMENT, COURRIER") String canal,
            @NotBlank @Pattern(regexp = "^(ABSENT|REFUS|INFORME|RDV_PRIS|DEJA_SUIVI)$",
                    message = "valeurs admises : ABSENT, REFUS, INFORME, RDV_PRIS, DEJA_SUIVI") String issue,
            @Schema(description = "Le jour où c'est arrivé ; aujourd'hui par défaut, jamais dans le futur") LocalDate date) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Lancer une campagne d'aller-vers", description = "Un territoire et une période.")
    @APIResponse(responseCode = "201", description = "Campagne lancée", content = @Content(schema = @Schema(implementation = AllerVersService.Campagne.class)))
    @Idempotent
    public Response creer(@HeaderParam(Idempotence.ENTETE) String cle, @Valid @NotNull CampagneRequete r) {
        AllerVersService.Campagne c = allerVers.creer(r.nom(), r.communes(), r.debut(), r.fin());
        return Response.created(URI.create("/campagnes/" + c.id())).entity(c).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.COORDINATEUR, Roles.GESTIONNAIRE, Roles.ADMIN })
    @Operation(summary = "Une campagne et ses contacts par canal et par issue")
    public AllerVersService.Campagne lire(@PathParam("id") UUID id) {
        return allerVers.campagne(id);
    }

    @POST
    @Path("/{id}/contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Noter un contact", description = "Canal et issue ; publie beneficiaire-contacte (sans identité).")
    public AllerVersService.Campagne contacter(@PathParam("id") UUID id, @Valid @NotNull ContactRequete r) {
        return allerVers.contacter(id, r.beneficiaire(), r.commune(), r.canal(), r.issue(), Dates.ouAujourdHui(r.date()));
    }
}
