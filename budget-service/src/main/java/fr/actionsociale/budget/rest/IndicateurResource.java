package fr.actionsociale.budget.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.YearMonth;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.budget.domain.Periode;
import fr.actionsociale.budget.domain.Programme;
import fr.actionsociale.budget.service.IndicateurOrientationService.Comptage;
import fr.actionsociale.budget.service.IndicateurOrientationService;
import fr.actionsociale.budget.service.IndicateurService;
import fr.actionsociale.budget.service.ProgrammeService;
import fr.actionsociale.budget.service.ReconstructionService;
import fr.actionsociale.commons.Formats;
import fr.actionsociale.commons.probleme.Probleme;
import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;

@Path("/indicateurs")
@Tag(name = "Indicateurs")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class IndicateurResource {

    private final IndicateurOrientationService orientations;
    private final IndicateurService indicateurs;
    private final ProgrammeService programmes;
    private final Appelant appelant;

    private final ReconstructionService reconstruction;

    IndicateurResource(IndicateurOrientationService orientations, IndicateurService indicateurs, ProgrammeService programmes, Appelant appelant,
            ReconstructionService reconstruction) {
        this.reconstruction = reconstruction;
        this.orientations = orientations;
        this.indicateurs = indicateurs;
        this.programmes = programmes;
        this.appelant = appelant;
    }

    @POST
    @Path("/reconstruction")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Reconstruire les indicateurs calculés en direct", description = "Lance en arrière-plan le rejeu de orientation-faite, "
            + "orientation-corrigee, droit-ouvert et indicateurs-parcours depuis le début de leurs topics, dans de nouvelles tables qui "
            + "remplacent les tables en direct à la fin, en une transaction courte (la bascule). Les consommateurs en direct continuent pendant "
            + "le rejeu et n'attendent que la bascule ; un événement arrivé pendant la reconstruction est compté une fois. Une seule à la fois : "
            + "une deuxième demande reçoit un 409 qui donne l'adresse de celle en cours. Suivre l'avancement à l'adresse donnée par Location.")
    @APIResponse(responseCode = "202", description = "Reconstruction lancée ; son adresse est dans Location",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReconstructionService.Reconstruction.class)))
    public Response reconstruire() {
        ReconstructionService.Reconstruction r = reconstruction.demarrer(appelant.identifiant());
        return Response.accepted(r).location(URI.create("/indicateurs/reconstructions/" + r.id())).build();
    }

    @GET
    @Path("/reconstructions/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Suivre une reconstruction des indicateurs", description = "État (EN_COURS, BASCULE, TERMINEE, ANNULEE, ECHOUEE), "
            + "par topic les événements lus, appliqués et ignorés et les positions de fin atteintes, le débit en événements par seconde, "
            + "les lignes avant et après. Une reconstruction interrompue par un arrêt du service est ECHOUEE, les tables en direct intactes.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReconstructionService.Reconstruction.class)))
    public ReconstructionService.Reconstruction reconstruction(@Parameter(description = "Identifiant de la reconstruction") @PathParam("id") String id) {
        return reconstruction.trouver(identifiant(id));
    }

    @DELETE
    @Path("/reconstructions/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Annuler une reconstruction en cours", description = "Seule une reconstruction EN_COURS s'annule (409 sinon) : "
            + "ses nouvelles tables sont supprimées, les tables en direct n'ont pas été touchées.")
    @APIResponse(responseCode = "200", description = "Annulée", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReconstructionService.Reconstruction.class)))
    public ReconstructionService.Reconstruction annuler(@Parameter(description = "Identifiant de la reconstruction") @PathParam("id") String id) {
        return reconstruction.annuler(identifiant(id));
    }

    /** An id that is not a UUID names no reconstruction: 404, as an unknown one. */
    private static java.util.UUID identifiant(String id) {
        try {
            return java.util.UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw fr.actionsociale.commons.probleme.ProblemeException.introuvable("Reconstruction", id);
        }
    }

    @Schema(name = "IndicateurRequete")
    public record DefinitionRequete(
            @NotBlank @Size(max = 60)
            @Pattern(regexp = "^[A-Za-z0-9]+([-_.][A-Za-z0-9]+)*$", message = "lettres, chiffres, tirets ou points")
            @Schema(example = "CALPAE-3.1-2") String code,
            @NotBlank @Size(max = 500)
            @Schema(example = "Nombre de nouveaux entrants orientés en 1 mois et moins") String libelle,
            @Size(max = 2000) String definition,
            @NotBlank @Schema(example = "nombre", description = "nombre, %, jours, euros ou ETP") String unite,
            @NotBlank @Size(max = 500)
            @Schema(example = "3.1. Orienter et accompagner les allocataires du RSA") String mesure,
            @Size(max = 60) @Schema(example = "CALPAE-2022") String programme,
            @Size(max = 30) @Schema(example = "4.1") String action) {
    }

    @Schema(name = "ValeurIndicateurRequete")
    public record ValeurRequete(@NotNull @DecimalMin(value = "0", message = "ne peut pas être négative")
            @Digits(integer = 13, fraction = 2, message = "au plus deux décimales") @Schema(example = "1183") BigDecimal valeur) {
    }

    @POST
    @Path("/definitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Définir un indicateur", description = "Code, libellé, définition, unité, mesure, et le programme et l'action qu'il suit.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = IndicateurService.Definition.class)))
    public Response definir(@Valid @NotNull DefinitionRequete r) {
        Programme p = r.programme() == null ? null : programmes.chercher(r.programme())
                .orElseThrow(() -> new RegleMetierException("programme", "le programme " + r.programme() + " n'existe pas"));
        return Response.created(URI.create("/indicateurs/definitions/" + r.code()))
                .entity(indicateurs.definir(r.code(), r.libelle(), r.definition(), r.unite(), r.mesure(), p, r.action())).build();
    }

    @GET
    @Path("/definitions")
    @RolesAllowed({ Roles.COORDINATEUR, Roles.GESTIONNAIRE, Roles.PARTENAIRE, Roles.ADMIN })
    @Operation(summary = "Les indicateurs et leurs valeurs", description = "Par période (situation de référence, années, semestres), avec leur tendance.")
    @APIResponse(responseCode = "200", description = "Les définitions, d'un programme ou de tous")
    @APIResponse(responseCode = "404", description = "Programme inconnu")
    public List<IndicateurService.Definition> definitions(@QueryParam("programme") String programme) {
        return indicateurs.lister(programme == null ? null : programmes.trouver(programme));
    }

    @GET
    @Path("/definitions/{code}")
    @RolesAllowed({ Roles.COORDINATEUR, Roles.GESTIONNAIRE, Roles.PARTENAIRE, Roles.ADMIN })
    @Operation(summary = "Un indicateur et ses valeurs")
    public IndicateurService.Definition definition(@PathParam("code") String code) {
        return indicateurs.trouver(code);
    }

    @PUT
    @Path("/definitions/{code}/valeurs/{periode}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Saisir la valeur d'une période", description = "Période : année (2022), semestre (2022-S1) ou date de situation (2018-12-31). "
            + "Une nouvelle saisie remplace la précédente.")
    public IndicateurService.Definition saisir(@PathParam("code") String code, @PathParam("periode") String periode,
            @Valid @NotNull ValeurRequete r) {
        return indicateurs.saisir(code, Periode.lire("periode", periode), r.valeur(), appelant.identifiant());
    }

    @GET
    @Path("/orientations")
    @RolesAllowed({ Roles.COORDINATEUR, Roles.GESTIONNAIRE, Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Orientations d'une commune sur un mois", description = "Comptées en direct depuis orientation-faite, chacune une seule fois : total, par structure et par droit visé. Aucune identité.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Comptage.class)))
    @APIResponse(responseCode = "400", description = "Commune ou mois invalide", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    public Comptage orientations(
            @Parameter(description = "Code INSEE de la commune", example = "35220") @QueryParam("commune")
            @NotBlank
            @Pattern(regexp = Formats.CODE_INSEE, message = Formats.CODE_INSEE_RAISON) String commune,
            @Parameter(description = "Mois AAAA-MM (heure de Paris)", example = "2026-11") @QueryParam("mois")
            @NotBlank
            @Pattern(regexp = "^[0-9]{4}-(0[1-9]|1[0-2])$", message = "doit être un mois au format AAAA-MM, ex. 2026-11") String mois) {
        return orientations.compter(commune, YearMonth.parse(mois));
    }
}
