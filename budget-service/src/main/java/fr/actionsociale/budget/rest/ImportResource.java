package fr.actionsociale.budget.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.budget.domain.Periode;
import fr.actionsociale.budget.domain.tableau.TableauIllisibleException;
import fr.actionsociale.budget.service.ImportService;
import fr.actionsociale.budget.service.ImportService.RapportImport;
import fr.actionsociale.budget.service.ProgrammeService;
import fr.actionsociale.commons.idempotence.Idempotence;
import fr.actionsociale.commons.idempotence.Idempotent;
import fr.actionsociale.commons.probleme.Probleme;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.probleme.TypeProbleme;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;

/** Imports of consolidated tables and their reconciliation reports. */
@Path("/imports")
@Tag(name = "Imports")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class ImportResource {

    private final ImportService imports;
    private final ProgrammeService programmes;
    private final Appelant appelant;

    ImportResource(ImportService imports, ProgrammeService programmes, Appelant appelant) {
        this.imports = imports;
        this.programmes = programmes;
        this.appelant = appelant;
    }

    @POST
    @Path("/tableau-consolide")
    @Consumes({ MediaType.TEXT_PLAIN, "text/csv", "text/tab-separated-values" })
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Importer un tableau consolidé des crédits", description = "Texte séparé par tabulations ou points-virgules, dans la "
            + "présentation du tableau CALPAE (montants « 1 459 218,00 € », « - € » pour zéro, sections, sous-totaux, balises <b> tolérées). "
            + "Charge les lignes de la période et répond le rapport de rapprochement : chaque incohérence avec la ligne, la colonne, le montant "
            + "trouvé, le montant attendu et l'écart. Rien n'est corrigé. Un tableau illisible est refusé en entier, avec sa ligne et sa colonne.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RapportImport.class)))
    @APIResponse(responseCode = "404", description = "Programme inconnu")
    @Idempotent
    public Response importer(
            @QueryParam("programme") @NotBlank @Parameter(example = "CALPAE-2022") String programme,
            @QueryParam("periode") @NotBlank @Pattern(regexp = Periode.FORMAT, message = Periode.RAISON)
            @Parameter(example = "2022") String periode,
            @HeaderParam(Idempotence.ENTETE) String cle, String texte) {
        programmes.trouver(programme);
        try {
            RapportImport r = imports.importer(programme, periode, texte, appelant.identifiant());
            return Response.status(Response.Status.CREATED).entity(r).build();
        } catch (TableauIllisibleException e) {
            String champ = "ligne " + e.ligne() + (e.colonne() == null ? "" : ", colonne « " + e.colonne() + " »");
            throw new ProblemeException(TypeProbleme.REQUETE_INVALIDE, "Le tableau n'a pas pu être lu (" + champ + ") : rien n'a été importé.",
                    List.of(new Probleme.Erreur(champ, e.raison())));
        }

    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE })
    @Operation(summary = "Le rapport de rapprochement d'un import, tel qu'il a été répondu")
    public RapportImport rapport(@PathParam("id") UUID id) {
        return imports.rapport(id);
    }

    @GET
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE })
    @Operation(summary = "Les imports d'un programme, du plus récent au plus ancien")
    @APIResponse(responseCode = "200", description = "Les imports du programme")
    @APIResponse(responseCode = "404", description = "Programme inconnu")
    public List<RapportImport> lister(@QueryParam("programme") @NotBlank String programme) {
        return imports.imports(programmes.trouver(programme).id()).stream().map(imports::rapport).toList();
    }
}
