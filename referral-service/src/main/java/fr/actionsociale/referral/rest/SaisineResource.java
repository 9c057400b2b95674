package fr.actionsociale.referral.rest;

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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.commons.Formats;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.referral.service.SaisineService;

/** Seed 001: blocked or urgent situations escalated to a partner's privileged contact, and their answers. */
@Path("/saisines")
@Tag(name = "Situations bloquées")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class SaisineResource {

    private final SaisineService saisines;

    SaisineResource(SaisineService saisines) {
        this.saisines = saisines;
    }

    @Schema(name = "SaisineRequete")
    public record SaisineRequete(
            @NotBlank @Pattern(regexp = "^ben-[0-9a-f]{12}$", message = "doit être une référence de bénéficiaire (ben-…)")
            String beneficiaire,
            @NotBlank @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON)
            @Schema(example = "msa-porte-de-bretagne") String institution,
            @NotBlank @Size(max = 4000) String objet,
            boolean urgente,
            @Schema(description = "Le jour de la saisine, quand elle est enregistrée plus tard (aujourd'hui par défaut, jamais dans le futur) : "
                    + "le délai de réponse en part") LocalDate date) {
    }

    @Schema(name = "ReponseSaisineRequete")
    public record ReponseRequete(@NotBlank @Size(max = 4000) String reponse,
            @Schema(description = "Le jour où c'est arrivé ; aujourd'hui par défaut, jamais dans le futur") LocalDate date) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Saisir le contact privilégié d'un partenaire", description = "Réponse due sous 2 jours ouvrés si urgente, 10 jours sinon.")
    @APIResponse(responseCode = "201", description = "Saisine enregistrée", content = @Content(schema = @Schema(implementation = SaisineService.Saisine.class)))
    public Response saisir(@Valid @NotNull SaisineRequete r) {
        SaisineService.Saisine s = saisines.saisir(r.beneficiaire(), r.institution(), r.objet(), r.urgente(), r.date());
        return Response.created(URI.create("/saisines/" + s.id())).entity(s).build();
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.PARTENAIRE, Roles.ADMIN })
    @Operation(summary = "Les saisines faites par ou adressées à une institution", description = "Avec leur état : en attente, répondue, répondue en "
            + "retard, sans réponse dans le délai.")
    @APIResponse(responseCode = "200", description = "Les saisines, par date de réponse due")
    @APIResponse(responseCode = "404", description = "Institution inconnue, ou autre que celle du jeton (sauf admin)")
    public List<SaisineService.Saisine> lister(@QueryParam("institution") @NotBlank String institution) {
        return saisines.lister(institution);
    }

    @POST
    @Path("/{id}/reponse")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.PARTENAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Répondre à une saisine", description = "Par l'institution saisie.")
    public SaisineService.Saisine repondre(@PathParam("id") UUID id, @Valid @NotNull ReponseRequete r) {
        return saisines.repondre(id, r.reponse(), Dates.ouAujourdHui(r.date()));
    }
}
