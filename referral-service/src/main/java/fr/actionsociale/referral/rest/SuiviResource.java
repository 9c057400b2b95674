package fr.actionsociale.referral.rest;

import org.eclipse.microprofile.openapi.annotations.media.Content;

import jakarta.ws.rs.core.Response;

import jakarta.validation.constraints.Size;

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
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.referral.service.BeneficiaireService;
import fr.actionsociale.referral.service.SuiviService;

/** The RSA path's worklist of each structure. */
@Path("/suivi")
@Tag(name = "Suivi du parcours RSA")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class SuiviResource {

    private final SuiviService suivi;
    private final BeneficiaireService beneficiaires;

    SuiviResource(SuiviService suivi, BeneficiaireService beneficiaires) {
        this.suivi = suivi;
        this.beneficiaires = beneficiaires;
    }

    @Schema(name = "ATraiter")
    public record ATraiterVue(BeneficiaireResource.EtapeVue etape, String beneficiaire, String commune, boolean enRetard, long joursRestants) {
    }

    @Schema(name = "ATraiterPage", description = "Une page de la liste de travail")
    public record ATraiterPageVue(@Schema(required = true, description = "Les étapes de la page, les plus anciennes d'abord (délai, puis identifiant)")
            List<ATraiterVue> elements,
            @Schema(description = "Curseur opaque de la page suivante, à passer tel quel dans « apres » ; null sur la dernière page",
                    example = "MjAyNi0xMS0wMnwzZjFjMmQ0ZS0wYjFhLTRjNWQtOGU3Zi0xYTJiM2M0ZDVlNmY") String suivant) {
    }

    @GET
    @Path("/a-traiter")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Liste de travail d'une structure", description = "Les étapes du parcours RSA en retard (délai passé) ou dues dans les "
            + "prochains jours ; les plus anciennes d'abord. Une étape n'est en retard qu'une fois son délai passé. Paginée par curseur : "
            + "« suivant » de la réponse, passé dans « apres », donne la page d'après ; chaque étape paraît une fois, dans l'ordre, même si "
            + "d'autres s'ajoutent entre deux pages.")
    public ATraiterPageVue aTraiter(@QueryParam("structure") @NotBlank String structure,
            @Parameter(description = "Horizon en jours : les étapes en retard et celles dont le délai tombe dans les N prochains jours "
                    + "(0 : celles dues aujourd'hui)")
            @QueryParam("jours") @DefaultValue("7") @Min(value = 0, message = "doit être positif ou nul") @Max(value = 365, message = "ne doit pas dépasser 365") int jours,
            @Parameter(description = "Curseur opaque : la valeur « suivant » de la page précédente ; absent pour la première page")
            @QueryParam("apres") @Size(max = 200, message = "curseur invalide : reprendre la valeur « suivant » d'une page de cette liste") String apres,
            @Parameter(description = "Nombre d'étapes par page (100 par défaut, 500 au plus)")
            @QueryParam("taille") @DefaultValue("100") @Min(value = 1, message = "doit valoir au moins 1") @Max(value = 500, message = "ne doit pas dépasser 500") int taille) {
        LocalDate aujourdHui = beneficiaires.aujourdHui();
        SuiviService.PageATraiter page = suivi.aTraiter(structure, jours, apres, taille);
        return new ATraiterPageVue(page.elements().stream().map(a -> new ATraiterVue(BeneficiaireResource.EtapeVue.de(a.etape(), aujourdHui),
                a.beneficiaire(), a.commune(), a.enRetard(), a.joursRestants())).toList(), page.suivant());
    }

    @Schema(name = "RupturesPage", description = "Une page des ruptures à traiter")
    public record RupturesPageVue(@Schema(required = true, description = "Les ruptures de la page, les plus anciennes d'abord (date, puis identifiant)")
            List<SuiviService.Rupture> elements,
            @Schema(description = "Curseur opaque de la page suivante, à passer tel quel dans « apres » ; null sur la dernière page",
                    example = "MjAyNi0xMS0wMnwzZjFjMmQ0ZS0wYjFhLTRjNWQtOGU3Zi0xYTJiM2M0ZDVlNmY") String suivant) {
    }

    @GET
    @Path("/ruptures")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Ruptures à traiter", description = "Droits fermés ou suspendus sans renouvellement, chez les personnes que la structure suit ; "
            + "les plus anciennes d'abord. Paginée par curseur comme la liste de travail : « suivant », passé dans « apres », donne la page d'après.")
    public RupturesPageVue ruptures(@QueryParam("structure") @NotBlank String structure,
            @Parameter(description = "Curseur opaque : la valeur « suivant » de la page précédente ; absent pour la première page")
            @QueryParam("apres") @Size(max = 200, message = "curseur invalide : reprendre la valeur « suivant » d'une page de cette liste") String apres,
            @Parameter(description = "Nombre de ruptures par page (100 par défaut, 500 au plus)")
            @QueryParam("taille") @DefaultValue("100") @Min(value = 1, message = "doit valoir au moins 1") @Max(value = 500, message = "ne doit pas dépasser 500") int taille) {
        SuiviService.PageRuptures page = suivi.ruptures(structure, apres, taille);
        return new RupturesPageVue(page.elements(), page.suivant());
    }

    @POST
    @Path("/ruptures/{id}/traitee")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Marquer une rupture traitée")
    @APIResponse(responseCode = "204", description = "Rupture traitée : elle quitte la liste de la structure")
    public void traiter(@PathParam("id") UUID id, @Valid @NotNull FaiteRequete r) {
        suivi.traiterRupture(id, Dates.ouAujourdHui(r.date()));
    }

    @Schema(name = "EtapeFaiteRequete")
    public record FaiteRequete(@Schema(description = "Le jour où c'est arrivé ; aujourd'hui par défaut, jamais dans le futur") LocalDate date) {
    }

    @POST
    @Path("/etapes/{id}/faite")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Marquer une étape faite", description = "Première invitation envoyée, premier contrat signé…")
    public BeneficiaireResource.EtapeVue faire(@PathParam("id") UUID id, @Valid @NotNull FaiteRequete r) {
        return BeneficiaireResource.EtapeVue.de(suivi.faire(id, Dates.ouAujourdHui(r.date())), beneficiaires.aujourdHui());
    }

    @Schema(name = "CorrectionEtapeRequete", description = "Corriger une étape enregistrée par erreur")
    public record CorrectionEtapeRequete(
            @Schema(description = "Le jour où l'étape a réellement été faite (jamais dans le futur, jamais avant le départ de son délai) ; "
                    + "absent ou null : l'étape n'a pas été faite", example = "2026-10-02") LocalDate date,
            @NotBlank @Size(max = 1000) @Schema(description = "Pourquoi l'étape est corrigée (reste dans referral-service)",
                    example = "Contrat saisi sur le mauvais dossier") String motif) {
    }

    @POST
    @Path("/etapes/{id}/corrections")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Corriger une étape du parcours RSA", description = "Par la structure qui tient l'étape : une autre date, ou l'étape "
            + "défaite (date absente) ; la trace garde qui, quand, quoi et pourquoi ; les indicateurs d'un mois clos sont republiés. L'étape "
            + "d'orientation se corrige sur l'orientation, une invitation envoyée garde sa date d'envoi.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = OrientationResource.CorrectionVue.class)))
    public Response corriger(@PathParam("id") UUID id, @Valid @NotNull CorrectionEtapeRequete r) {
        var c = suivi.corrigerEtape(id, r.date(), r.motif());
        return Response.created(java.net.URI.create("/suivi/etapes/" + id + "/corrections")).entity(OrientationResource.CorrectionVue.de(c)).build();
    }

    @GET
    @Path("/etapes/{id}/corrections")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Les corrections d'une étape", description = "Les plus anciennes d'abord.")
    public List<OrientationResource.CorrectionVue> corrections(@PathParam("id") UUID id) {
        return suivi.correctionsDEtape(id).stream().map(OrientationResource.CorrectionVue::de).toList();
    }
}
