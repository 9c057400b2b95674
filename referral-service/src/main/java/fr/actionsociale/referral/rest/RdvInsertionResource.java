package fr.actionsociale.referral.rest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.referral.domain.SignatureRdvi;
import fr.actionsociale.referral.service.RdvInsertionService;

/** RDV-Insertion's outgoing webhooks in (issue 19), and what could not be applied, for the agents of the organisation's structure. */
@Path("/rdv-insertion")
@Tag(name = "RDV-Insertion")
@Produces(MediaType.APPLICATION_JSON)
public class RdvInsertionResource {

    private final RdvInsertionService service;

    RdvInsertionResource(RdvInsertionService service) {
        this.service = service;
    }

    @Schema(name = "WebhookRdvInsertion", description = "Le corps tel que RDV-Insertion l'envoie (app/models/concerns/webhook_deliverable.rb) : "
            + "data est l'invitation (avec son usager) ou le RDV (avec ses participations et leurs usagers), meta dit quoi et quand.")
    public record WebhookVue(@Schema(required = true, type = SchemaType.OBJECT, description = "L'enregistrement, selon son blueprint") Map<String, Object> data,
            @Schema(required = true) MetaVue meta) {
    }

    @Schema(name = "WebhookRdvInsertionMeta")
    public record MetaVue(@Schema(required = true, enumeration = { "Invitation", "Rdv" }) String model,
            @Schema(required = true, enumeration = { "created", "updated", "destroyed" }) String event,
            @Schema(required = true, description = "Quand RDV-Insertion a produit ce message : il ordonne les livraisons d'un même enregistrement",
                    example = "2026-11-30T09:15:02.123+01:00") String timestamp) {
    }

    @Schema(name = "ReceptionRdvInsertion")
    public record ReceptionVue(@Schema(required = true) UUID livraison,
            @Schema(required = true, description = "APPLIQUEE ; IGNOREE : pas plus récente que la dernière appliquée pour cet enregistrement, "
                    + "rien n'a changé ; EN_ATTENTE : une personne au moins attend dans la liste de la structure") RdvInsertionService.Statut statut,
            @Schema(required = true, description = "Ce qui est arrivé à chaque personne, sans son identité") List<String> details) {
    }

    @POST
    @Path("/webhooks/{organisation}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    @SecurityRequirementsSet({})
    @Operation(summary = "Recevoir un webhook de RDV-Insertion", description = "Sans jeton : authentifié par la signature X-RDVI-SIGNATURE, "
            + "HMAC-SHA256 hexadécimal du corps avec le secret de l'organisation (absente ou fausse : 401, rien d'enregistré ; organisation "
            + "inconnue : 404). Une invitation envoyée date la première invitation, un RDV tenu le premier rendez-vous d'accompagnement, une "
            + "participation répond à la première invitation (pris, venu, absent). Une livraison répétée ou plus ancienne que la dernière "
            + "appliquée ne change rien ; une personne inconnue attend dans la liste de la structure ; un corps illisible est gardé en lettre "
            + "morte (400).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookVue.class)))
    @APIResponse(responseCode = "200", description = "Reçu : appliqué, ignoré ou mis en attente",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReceptionVue.class)))
    @APIResponse(responseCode = "400", description = "Corps signé mais illisible (pas du JSON, modèle, évènement, statut ou format inconnus) : "
            + "le champ et la raison sont dans erreurs ; gardé en lettre morte, rien d'autre n'est enregistré")
    @APIResponse(responseCode = "401", description = "Signature X-RDVI-SIGNATURE absente ou fausse (un jeton ne la remplace pas) ; rien n'a été "
            + "enregistré")
    @APIResponse(responseCode = "404", description = "Organisation RDV-Insertion non configurée ; rien n'a été enregistré")
    public ReceptionVue recevoir(@Parameter(description = "L'organisation RDV-Insertion, telle que configurée (rdv-insertion.organisations)")
            @PathParam("organisation") String organisation,
            @Parameter(description = "HMAC-SHA256 hexadécimal du corps, clé : le secret partagé avec l'organisation", required = true)
            @HeaderParam(SignatureRdvi.ENTETE) String signature, byte[] corps) {
        var r = service.recevoir(organisation, corps == null ? new byte[0] : corps, signature);
        return new ReceptionVue(r.livraison(), r.statut(), r.details());
    }

    @Schema(name = "WebhookEnAttente")
    public record EnAttenteVue(@Schema(required = true) UUID id, @Schema(required = true) String organisation,
            @Schema(required = true, description = "Invitation ou Rdv") String modele,
            @Schema(required = true, description = "L'identifiant de l'enregistrement chez RDV-Insertion") long ressource,
            @Schema(required = true, description = "La part en attente : Invitation/<id> ou Participation/<id>") String fait,
            @Schema(description = "L'identifiant de l'usager chez RDV-Insertion") Long usagerRdvi,
            @Schema(required = true, description = "Pourquoi elle n'a pas pu s'appliquer") String raison,
            @Schema(required = true) java.time.OffsetDateTime recueLe,
            @Schema(description = "Quand elle a été réappliquée avec succès ; null tant qu'elle attend") java.time.OffsetDateTime reappliqueeLe) {
        static EnAttenteVue de(RdvInsertionService.EnAttente a) {
            return new EnAttenteVue(a.id(), a.organisation(), a.modele(), a.ressource(), a.fait(), a.usagerRdvi(), a.raison(), a.recueLe(),
                    a.reappliqueeLe());
        }
    }

    @GET
    @Path("/en-attente")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @SecurityRequirement(name = "jeton")
    @Operation(summary = "Webhooks RDV-Insertion en attente", description = "Ce qui n'a pas pu s'appliquer à une personne (inconnue de la suite, "
            + "sans droit RSA ouvert, pas orientée…), avec sa raison, pour la structure de l'organisation ; les plus anciens d'abord.")
    public List<EnAttenteVue> enAttente(@QueryParam("structure") @NotBlank String structure) {
        return service.enAttente(structure).stream().map(EnAttenteVue::de).toList();
    }

    @POST
    @Path("/en-attente/{id}/reapplication")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @SecurityRequirement(name = "jeton")
    @Operation(summary = "Réappliquer un webhook en attente", description = "Une fois la personne connue (inscrite, droit ouvert, orientée) : "
            + "la part s'applique avec ses propres dates et quitte la liste, ou y reste avec sa nouvelle raison ; dépassée par une livraison plus "
            + "récente du même enregistrement : 409.")
    @APIResponse(responseCode = "200", description = "Réappliquée (reappliqueeLe renseigné) ou toujours en attente avec sa nouvelle raison",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EnAttenteVue.class)))
    public EnAttenteVue reappliquer(@PathParam("id") UUID id) {
        return EnAttenteVue.de(service.reappliquer(id));
    }
}
