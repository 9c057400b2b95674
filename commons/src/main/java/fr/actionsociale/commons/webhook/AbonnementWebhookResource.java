package fr.actionsociale.commons.webhook;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.commons.idempotence.Idempotence;
import fr.actionsociale.commons.idempotence.Idempotent;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.transaction.Transactional;

/**
 * Webhook subscriptions of the caller's institution (issue 19): the same resource in every service that has events for
 * partners; which types an institution may choose, and which events reach it, is the service's {@link DestinatairesWebhook}.
 */
@Path("/abonnements-webhook")
@Tag(name = "Webhooks sortants")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
@IfBuildProperty(name = "suite.webhooks.enabled", stringValue = "true")
public class AbonnementWebhookResource {

    private final AbonnementsWebhook abonnements;
    private final Appelant appelant;

    AbonnementWebhookResource(AbonnementsWebhook abonnements, Appelant appelant) {
        this.abonnements = abonnements;
        this.appelant = appelant;
    }

    @Schema(name = "AbonnementWebhookRequete")
    public record AbonnementRequete(
            @NotBlank @Size(max = 2000) @Schema(description = "URL https du récepteur ; son hôte doit désigner une adresse publique",
                    example = "https://partenaire.example.fr/webhooks/action-sociale") String url,
            @NotEmpty @Size(max = 50) @Schema(description = "Types d'événements voulus, parmi ceux que l'institution peut voir", example = "[\"orientation-faite\"]")
            List<@NotBlank @Size(max = 100) String> types,
            @NotBlank @Email @Size(max = 254) @Schema(description = "Adresse du contact technique, avisé d'une suspension",
                    example = "exploitation@partenaire.example.fr") String contact) {
    }

    @Schema(name = "AbonnementWebhook")
    public record AbonnementVue(UUID id, String institution, String url, List<String> types, String contact,
            @Schema(enumeration = { "ACTIF", "SUSPENDU", "TERMINE" }) String statut, int echecsConsecutifs, OffsetDateTime creeLe,
            OffsetDateTime suspenduLe, OffsetDateTime termineLe,
            @Schema(description = "Secret de signature (whsec_ suivi de 32 octets en base64) : dans la réponse de création seulement, à garder")
            String secret) {

        static AbonnementVue de(Abonnement a, boolean avecSecret) {
            return new AbonnementVue(a.id(), a.institution(), a.url(), a.types(), a.contact(), a.statut().name(), a.echecsConsecutifs(), a.creeLe(),
                    a.suspenduLe(), a.termineLe(), avecSecret ? a.secret() : null);
        }
    }

    @Schema(name = "TentativeWebhook")
    public record TentativeVue(int numero, OffsetDateTime tenteeLe,
            @Schema(description = "Statut HTTP répondu ; absent quand aucune réponse n'est venue") Integer statutHttp,
            @Schema(description = "Pourquoi aucune réponse : délai dépassé, connexion refusée, adresse refusée") String erreur, int dureeMs) {
    }

    @Schema(name = "LivraisonWebhook")
    public record LivraisonVue(@Schema(description = "L'id de l'événement (ce id), envoyé en webhook-id") UUID evenementId, String type,
            @Schema(description = "Le sujet de l'événement (ce subject) : l'identifiant de l'agrégat") String cle, OffsetDateTime evenementLe,
            @Schema(enumeration = { "EN_ATTENTE", "LIVREE", "ABANDONNEE" }) String statut,
            @Schema(description = "Prochaine tentative, pour une livraison en attente") OffsetDateTime prochaineLe, OffsetDateTime livreeLe,
            List<TentativeVue> tentatives) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.GESTIONNAIRE, Roles.PARTENAIRE, Roles.ADMIN })
    @Transactional
    @Idempotent
    @Operation(summary = "Abonner une URL aux événements", description = "L'institution de l'appelant reçoit, signés, les événements des types choisis "
            + "qu'elle a le droit de voir. Le secret de signature n'est rendu qu'ici. Refusé (400, rien d'enregistré) : un type que l'institution "
            + "ne peut pas voir, une URL qui n'est pas https ou dont l'hôte désigne une adresse privée, locale ou de bouclage.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = AbonnementVue.class)))
    public Response creer(@Parameter(description = "Clé rendant la requête rejouable sans doublon") @HeaderParam(Idempotence.ENTETE) String cle,
            @Valid @NotNull AbonnementRequete r) {
        Abonnement a = abonnements.creer(appelant, r.url().strip(), r.types(), r.contact());
        return Response.created(URI.create("/abonnements-webhook/" + a.id())).entity(AbonnementVue.de(a, true)).build();
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.GESTIONNAIRE, Roles.PARTENAIRE, Roles.ADMIN })
    @Operation(summary = "Lister les abonnements de son institution")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AbonnementVue.class)))
    public List<AbonnementVue> lister() {
        return abonnements.lister(appelant.institution()).stream().map(a -> AbonnementVue.de(a, false)).toList();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.GESTIONNAIRE, Roles.PARTENAIRE, Roles.ADMIN })
    @Operation(summary = "Lire un abonnement", description = "Celui d'une autre institution est introuvable.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AbonnementVue.class)))
    public AbonnementVue lire(@PathParam("id") UUID id) {
        return AbonnementVue.de(abonnements.trouver(appelant, id), false);
    }

    @GET
    @Path("/{id}/livraisons")
    @RolesAllowed({ Roles.AGENT, Roles.GESTIONNAIRE, Roles.PARTENAIRE, Roles.ADMIN })
    @Operation(summary = "Journal des livraisons", description = "Les plus récentes d'abord, chacune avec toutes ses tentatives (heure, statut HTTP "
            + "ou erreur, durée). Celui d'un abonnement d'une autre institution est introuvable.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = LivraisonVue.class)))
    public List<LivraisonVue> livraisons(@PathParam("id") UUID id,
            @Parameter(description = "Nombre de livraisons rendues, les plus récentes (100 par défaut, 500 au plus)") @QueryParam("taille") @DefaultValue("100") @Min(value = 1, message = "doit valoir au moins 1") @Max(value = 500, message = "ne doit pas dépasser 500") int taille) {
        return abonnements.livraisons(appelant, id, taille).stream().map(l -> new LivraisonVue(l.evenementId(), l.type(), l.cle(), l.evenementLe(),
                l.statut(), l.prochaineLe(), l.livreeLe(), l.tentatives().stream()
                        .map(t -> new TentativeVue(t.numero(), t.tenteeLe(), t.statutHttp(), t.erreur(), t.dureeMs())).toList())).toList();
    }

    @POST
    @Path("/{id}/reprise")
    @RolesAllowed({ Roles.AGENT, Roles.GESTIONNAIRE, Roles.PARTENAIRE, Roles.ADMIN })
    @Operation(summary = "Reprendre un abonnement suspendu", description = "Actif de nouveau ; ce qui lui est dû et n'a pas été livré part aussitôt, "
            + "avec un nouveau crédit de tentatives. Un abonnement terminé ne reprend pas (409).")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AbonnementVue.class)))
    public AbonnementVue reprendre(@PathParam("id") UUID id) {
        return AbonnementVue.de(abonnements.reprendre(appelant, id), false);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.GESTIONNAIRE, Roles.PARTENAIRE, Roles.ADMIN })
    @Operation(summary = "Terminer un abonnement", description = "Plus rien n'est envoyé ; ce qui était en attente est abandonné. Le journal reste lisible.")
    @APIResponse(responseCode = "204")
    public Response terminer(@PathParam("id") UUID id) {
        abonnements.terminer(appelant, id);
        return Response.noContent().build();
    }
}
