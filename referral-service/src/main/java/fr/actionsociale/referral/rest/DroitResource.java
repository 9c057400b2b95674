package fr.actionsociale.referral.rest;

import java.time.LocalDate;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.commons.Formats;
import fr.actionsociale.commons.idempotence.Idempotence;
import fr.actionsociale.commons.idempotence.Idempotent;
import fr.actionsociale.commons.probleme.Probleme;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.referral.domain.Droit;
import fr.actionsociale.referral.domain.DroitVise;
import fr.actionsociale.referral.domain.EtatDroit;
import fr.actionsociale.referral.service.DroitService;

/** The follow-up of each right until it is opened, and the facts the institutions report about it. */
@Path("/droits")
@Tag(name = "Droits")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class DroitResource {

    private final DroitService droits;
    private final Appelant appelant;

    DroitResource(DroitService droits, Appelant appelant) {
        this.droits = droits;
        this.appelant = appelant;
    }

    @Schema(name = "EtatDroitRequete")
    public record EtatRequete(@NotNull EtatDroit etat, @Schema(description = "Le jour où c'est arrivé ; aujourd'hui par défaut, jamais dans le futur") LocalDate date,
            @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON)
            @Schema(description = "L'institution qui sert le droit, si elle n'est pas encore connue") String institution) {
    }

    @Schema(name = "SignalementRequete", description = "Un fait sur le droit d'une personne, signalé par l'institution qui le sert")
    public record SignalementRequete(
            @NotBlank @Pattern(regexp = "^ben-[0-9a-f]{12}$", message = "doit être une référence de bénéficiaire (ben-…)")
            String beneficiaire,
            @NotNull DroitVise droit,
            @NotNull EtatDroit etat,
            @Schema(description = "Le jour où c'est arrivé ; aujourd'hui par défaut, jamais dans le futur") LocalDate date) {
    }

    @POST
    @Path("/{id}/etat")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.PARTENAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Faire avancer un droit", description = "potentiel → demandé → ouvert | refusé | abandonné ; ouvert → suspendu | fermé. "
            + "Une date ni future ni antérieure à l'étape précédente. Publie droit-demande, droit-ouvert, droit-refuse ou droit-ferme.")
    public BeneficiaireResource.DroitVue passer(@PathParam("id") UUID id, @Valid @NotNull EtatRequete r) {
        Droit d = droits.passer(id, r.etat(), Dates.ouAujourdHui(r.date()), r.institution());
        return BeneficiaireResource.DroitVue.de(d, droits.reference(d));
    }

    @Schema(name = "CorrectionDroitRequete", description = "Corriger une date d'un droit enregistrée par erreur, avec la raison")
    public record CorrectionRequete(
            @NotBlank @Pattern(regexp = "^(identifieLe|demandeLe|ouvertLe|refuseLe|abandonneLe|fermeLe)$",
                    message = "doit être identifieLe, demandeLe, ouvertLe, refuseLe, abandonneLe ou fermeLe")
            @Schema(description = "La date corrigée, que le droit doit déjà avoir", example = "ouvertLe",
                    enumeration = { "identifieLe", "demandeLe", "ouvertLe", "refuseLe", "abandonneLe", "fermeLe" }) String champ,
            @NotNull @Schema(description = "Le bon jour : jamais dans le futur, et les dates du droit restent dans l'ordre (identifié ≤ demandé ≤ "
                    + "ouvert, refusé ou abandonné ≤ fermé)", example = "2026-10-02") LocalDate date,
            @NotBlank @Size(max = 1000) @Schema(description = "Pourquoi la date est corrigée (reste dans referral-service)",
                    example = "Ouverture du RSA signalée avec la date de traitement au lieu de la date d'effet") String motif) {
    }

    @POST
    @Path("/{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.PARTENAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Corriger une date d'un droit", description = "Par l'institution qui sert le droit, une structure qui voit la personne "
            + "ou un administrateur (comme pour faire avancer le droit ; les autres reçoivent 404), avec un motif. Quand l'ouverture d'un RSA "
            + "change, la première invitation et l'orientation ont leur délai recalculé depuis la nouvelle date (refusé si une étape déjà faite "
            + "précéderait alors son départ) et les indicateurs-parcours des mois clos de l'ancienne et de la nouvelle ouverture sont republiés ; "
            + "aucun autre événement. La correction est conservée (ancienne et nouvelle valeur, motif, auteur, instant).")
    @APIResponse(responseCode = "201", description = "Correction enregistrée",
            content = @Content(schema = @Schema(implementation = OrientationResource.CorrectionVue.class)))
    @APIResponse(responseCode = "404", description = "Inconnu, ou hors du périmètre de l'appelant", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    public Response corriger(@PathParam("id") UUID id, @Valid @NotNull CorrectionRequete r) {
        var c = droits.corrigerDate(id, r.champ(), r.date(), r.motif());
        return Response.created(java.net.URI.create("/droits/" + id + "/corrections")).entity(OrientationResource.CorrectionVue.de(c)).build();
    }

    @GET
    @Path("/{id}/corrections")
    @RolesAllowed({ Roles.AGENT, Roles.PARTENAIRE, Roles.ADMIN })
    @Operation(summary = "Lire les corrections d'un droit", description = "Les plus anciennes d'abord ; mêmes lecteurs que ceux qui peuvent le corriger.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = OrientationResource.CorrectionVue.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "Inconnu, ou hors du périmètre de l'appelant", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    public java.util.List<OrientationResource.CorrectionVue> corrections(@PathParam("id") UUID id) {
        return droits.corrections(id).stream().map(OrientationResource.CorrectionVue::de).toList();
    }

    @POST
    @Path("/signalements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.PARTENAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Signaler un droit demandé, ouvert, refusé ou fermé", description = "Par l'institution partenaire (celle du jeton), comme "
            + "un CloudEvent publié sur droit-ouvert et ses voisins : le suivi de l'orientation est mis à jour et le fait ré-émis pour les autres. "
            + "Un signalement répété ne change rien. Répond le droit tel qu'il est enregistré (la personne n'y est que sa référence).")
    @APIResponse(responseCode = "201", description = "Fait nouveau enregistré ; le droit suivi et son état",
            content = @Content(schema = @Schema(implementation = BeneficiaireResource.DroitVue.class)))
    @APIResponse(responseCode = "200", description = "Fait déjà connu : rien n'a changé ; le droit suivi et son état",
            content = @Content(schema = @Schema(implementation = BeneficiaireResource.DroitVue.class)))
    @Idempotent
    public Response signaler(@HeaderParam(Idempotence.ENTETE) String cle, @Valid @NotNull SignalementRequete r) {
        if (r.etat() == EtatDroit.POTENTIEL || r.etat() == EtatDroit.ABANDONNE) {
            throw ProblemeException.champInvalide("etat", "une institution signale un droit DEMANDE, OUVERT, REFUSE, SUSPENDU ou FERME");
        }
        DroitService.Signalement s = droits.signaler(r.beneficiaire(), r.droit(), r.etat(), Dates.ouAujourdHui(r.date()), appelant.institution());
        return Response.status(s.nouveau() ? Response.Status.CREATED : Response.Status.OK)
                .entity(BeneficiaireResource.DroitVue.de(s.droit(), droits.reference(s.droit()))).build();
    }
}
