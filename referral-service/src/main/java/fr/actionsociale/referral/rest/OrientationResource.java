package fr.actionsociale.referral.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.commons.idempotence.Idempotence;
import fr.actionsociale.commons.idempotence.Idempotent;
import fr.actionsociale.commons.probleme.Probleme;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.referral.domain.Correction;
import fr.actionsociale.referral.domain.DroitVise;
import fr.actionsociale.referral.domain.Orientation;
import fr.actionsociale.referral.service.OrientationService;

@Path("/orientations")
@Tag(name = "Orientations")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class OrientationResource {

    private final OrientationService orientations;
    private final Appelant appelant;

    OrientationResource(OrientationService orientations, Appelant appelant) {
        this.orientations = orientations;
        this.appelant = appelant;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Orienter un bénéficiaire", description = "Enregistre l'orientation (statut PROPOSEE) et publie orientation-faite. "
            + "Un nouvel envoi avec le même en-tête Idempotency-Key et le même corps renvoie la première réponse sans rien créer.")
    @APIResponse(responseCode = "201", description = "Orientation enregistrée", content = @Content(schema = @Schema(implementation = OrientationVue.class)))
    @APIResponse(responseCode = "422", description = "Clé d'idempotence déjà utilisée avec un autre corps", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    @Idempotent
    public Response orienter(
            @Parameter(description = "Clé rendant la requête rejouable sans doublon") @HeaderParam(Idempotence.ENTETE) String cle,
            @Valid @NotNull OrientationRequete requete) {
        String institution = appelant.institution();
        Orientation o = orientations.orienter(requete.beneficiaire(), requete.structure(), requete.commune(),
                requete.motif(), requete.droitsVises().isEmpty() ? EnumSet.noneOf(DroitVise.class) : EnumSet.copyOf(requete.droitsVises()),
                institution, requete.date(), requete.service());
        return Response.created(URI.create("/orientations/" + o.id())).tag(etag(o)).entity(OrientationVue.de(o)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Lire une orientation", description = "Un agent ne voit que les orientations faites par ou vers sa structure.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OrientationVue.class)))
    @APIResponse(responseCode = "404", description = "Inconnue, ou hors du périmètre de l'appelant", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    public Response lire(@PathParam("id") UUID id) {
        Orientation o = orientations.trouver(id);
        // outside the caller's scope, an orientation does not exist: its existence is itself information
        if (o == null || !(appelant.a(Roles.ADMIN) || o.concerne(appelant.institution()))) {
            throw ProblemeException.introuvable("Orientation", id);
        }
        return Response.ok(OrientationVue.de(o)).tag(etag(o)).build();
    }

    @Schema(name = "AcceptationRequete")
    public record AcceptationRequete(
            @NotBlank(message = "est obligatoire : une orientation acceptée a un référent unique") @Size(max = 200)
            @Schema(example = "Conseillère RSA, CDAS du Pays de Redon") String referent,
            @Schema(description = "Le jour où c'est arrivé ; aujourd'hui par défaut, jamais dans le futur") LocalDate date) {
    }

    @Schema(name = "RefusRequete")
    public record RefusRequete(
            @NotBlank @Size(max = 2000) String motif,
            @Schema(description = "Le jour où c'est arrivé ; aujourd'hui par défaut, jamais dans le futur") LocalDate date) {
    }

    @Schema(name = "DateRequete")
    public record DateRequete(@Schema(description = "Le jour où c'est arrivé ; aujourd'hui par défaut, jamais dans le futur") LocalDate date) {
    }

    @POST
    @Path("/{id}/acceptation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Accepter une orientation", description = "Par la structure vers laquelle la personne est orientée ; un référent unique. "
            + "Publie orientation-acceptee.")
    public OrientationVue accepter(@PathParam("id") UUID id, @Valid @NotNull AcceptationRequete r) {
        return OrientationVue.de(orientations.accepter(id, r.referent(), Dates.ouAujourdHui(r.date())));
    }

    @POST
    @Path("/{id}/refus")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Refuser une orientation", description = "Avec un motif (qui reste ici). Publie orientation-refusee.")
    public OrientationVue refuser(@PathParam("id") UUID id, @Valid @NotNull RefusRequete r) {
        return OrientationVue.de(orientations.refuser(id, r.motif(), Dates.ouAujourdHui(r.date())));
    }

    @POST
    @Path("/{id}/demarrage")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Démarrer l'accompagnement", description = "Premier rendez-vous tenu : l'orientation passe EN_COURS et l'étape RSA du "
            + "premier rendez-vous est faite.")
    public OrientationVue demarrer(@PathParam("id") UUID id, @Valid @NotNull DateRequete r) {
        return OrientationVue.de(orientations.demarrer(id, Dates.ouAujourdHui(r.date())));
    }

    @POST
    @Path("/{id}/cloture")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Clôturer une orientation", description = "Par la structure d'accueil ou celle qui a orienté. Publie orientation-cloturee.")
    public OrientationVue cloturer(@PathParam("id") UUID id, @Valid @NotNull DateRequete r) {
        return OrientationVue.de(orientations.cloturer(id, Dates.ouAujourdHui(r.date())));
    }

    @Schema(name = "CorrectionRequete", description = "Corriger la date d'une orientation, avec la raison")
    public record CorrectionRequete(
            @NotNull @Schema(description = "Le jour où l'orientation a réellement été faite : jamais dans le futur, jamais avant l'ouverture du RSA "
                    + "qu'elle suit, jamais après son acceptation, son démarrage ou sa clôture", example = "2026-11-20") LocalDate date,
            @NotBlank @Size(max = 1000) @Schema(description = "Pourquoi la date est corrigée (reste dans referral-service)",
                    example = "Date de l'entretien saisie par erreur") String motif) {
    }

    @Schema(name = "Correction", description = "Une correction : qui a changé quoi, quand et pourquoi")
    public record CorrectionVue(UUID id, @Schema(description = "L'orientation corrigée, ou null") UUID orientation,
            @Schema(description = "L'étape du parcours RSA corrigée, ou null") UUID etape,
            @Schema(description = "Le droit dont une date est corrigée, ou null") UUID droit,
            @Schema(description = "Le champ corrigé (date d'une orientation, faiteLe d'une étape, ouvertLe… d'un droit)", example = "date") String champ,
            String ancienneValeur, String nouvelleValeur, String motif,
            @Schema(description = "L'institution de l'auteur") String parInstitution,
            @Schema(description = "L'auteur (sujet de son jeton)") String par, Instant le) {

        static CorrectionVue de(Correction c) {
            return new CorrectionVue(c.id(), c.orientationId(), c.etapeId(), c.droitId(), c.champ(), c.ancienneValeur(), c.nouvelleValeur(), c.motif(), c.parInstitution(),
                    c.parSujet(), c.le());
        }
    }

    @POST
    @Path("/{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Corriger la date d'une orientation", description = "Par la structure qui l'a enregistrée (ou un administrateur), "
            + "avec un motif. Les étapes du parcours RSA parties de l'ancienne date suivent la nouvelle ; la correction est conservée "
            + "(ancienne et nouvelle valeur, motif, auteur, instant) ; publie orientation-corrigee (sans le motif) et, quand l'ancien ou le "
            + "nouveau mois est clos, republie ses indicateurs-parcours. Une structure qui ne voit pas l'orientation reçoit 404, la "
            + "structure orientée 403.")
    @APIResponse(responseCode = "201", description = "Correction enregistrée", content = @Content(schema = @Schema(implementation = CorrectionVue.class)))
    @APIResponse(responseCode = "404", description = "Inconnue, ou hors du périmètre de l'appelant", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    public Response corriger(@PathParam("id") UUID id, @Valid @NotNull CorrectionRequete r) {
        Correction c = orientations.corrigerDate(id, r.date(), r.motif());
        return Response.created(URI.create("/orientations/" + id + "/corrections")).entity(CorrectionVue.de(c)).build();
    }

    @GET
    @Path("/{id}/corrections")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Lire les corrections d'une orientation", description = "Les plus anciennes d'abord ; mêmes lecteurs que l'orientation.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CorrectionVue.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "Inconnue, ou hors du périmètre de l'appelant", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    public List<CorrectionVue> corrections(@PathParam("id") UUID id) {
        orientations.lisible(id);
        return orientations.corrections(id).stream().map(CorrectionVue::de).toList();
    }

    private static EntityTag etag(Orientation o) {
        return new EntityTag(Long.toString(o.version()));
    }
}
