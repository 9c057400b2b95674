package fr.actionsociale.budget.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
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

import fr.actionsociale.budget.domain.Programme;
import fr.actionsociale.budget.domain.rapport.ContenuRapport;
import fr.actionsociale.budget.domain.rapport.TypeRapport;
import fr.actionsociale.budget.service.ProgrammeService;
import fr.actionsociale.budget.service.RapportService;
import fr.actionsociale.commons.document.RenduHtml;
import fr.actionsociale.commons.document.RenduPdf;
import fr.actionsociale.commons.idempotence.Idempotence;
import fr.actionsociale.commons.idempotence.Idempotent;
import fr.actionsociale.commons.probleme.Probleme;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;

/** A funding convention's reports (seed 002, art. 3.2), produced from the suite's data and read as PDF, HTML, CSV or XLSX. */
@Path("/programmes/{code}/rapports")
@Tag(name = "Documents")
@SecurityRequirement(name = "jeton")
public class RapportResource {

    static final String PDF = "application/pdf";
    static final String HTML = "text/html; charset=UTF-8";

    private final RapportService rapports;
    private final ProgrammeService programmes;
    private final Appelant appelant;

    RapportResource(RapportService rapports, ProgrammeService programmes, Appelant appelant) {
        this.rapports = rapports;
        this.programmes = programmes;
        this.appelant = appelant;
    }

    @Schema(name = "RapportRequete")
    public record RapportRequete(
            @NotNull @Schema(description = "INTERMEDIAIRE (une année) ou FINAL (toute la convention)") TypeRapport type,
            @Pattern(regexp = "^[0-9]{4}$", message = "doit être une année, ex. 2023")
            @Schema(description = "L'année d'un bilan intermédiaire ; rien pour le bilan final", example = "2023") String periode,
            @Schema(description = "Le jour où le bilan est produit, après la fin de sa période ; aujourd'hui par défaut, jamais dans le futur",
                    example = "2024-03-29") LocalDate date,
            @Size(max = 20000) @Schema(description = "Bilan de mise en œuvre du plan d'actions : obligatoire pour le bilan final (art. 3.2)")
            String bilanMiseEnOeuvre,
            @Size(max = 10, message = "au plus 10 hypothèses") @Schema(description = "Ce que les documents ne disent pas et qui est supposé, imprimé en mention")
            List<@NotBlank @Size(max = 500) String> hypotheses) {
    }

    @Schema(name = "Rapport", description = "Le bilan tel qu'il a été produit, et l'adresse de ses documents")
    public record RapportVue(UUID id, String titre, String type, String periode, LocalDate dateDebut, LocalDate dateFin, LocalDate produitLe,
            ContenuRapport contenu, String pdf, String html, String csv, String xlsx) {
        static RapportVue de(String code, RapportService.Rapport r) {
            ContenuRapport c = r.contenu();
            String base = "/programmes/" + code + "/rapports/" + r.id();
            return new RapportVue(r.id(), c.titre(), c.type().name(), c.periode(), c.debut(), c.fin(), c.produitLe(), c, base + ".pdf", base + ".html",
                    base + ".csv", base + ".xlsx");
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Idempotent
    @Operation(summary = "Produire un bilan", description = "Bilan intermédiaire d'une année (avant le 31 mars suivant) ou bilan final (dans les "
            + "trois mois suivant la fin) : dépenses de la période par catégorie, éligibles ou non (annexe C), versements reçus et tranches, "
            + "trop-perçu (arrêté au bilan final), indicateurs du parcours RSA de la période (annexe D). Refusé avant la fin de sa période. "
            + "Publie rapport-produit : conventions-service marque faite l'échéance du bilan ce jour-là et date le versement qu'il déclenche.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RapportVue.class)))
    @APIResponse(responseCode = "409", description = "Bilan déjà produit", content = @Content(mediaType = Probleme.MEDIA_TYPE,
            schema = @Schema(implementation = Probleme.class)))
    public Response produire(@PathParam("code") String code, @HeaderParam(Idempotence.ENTETE) String cle, @Valid @NotNull RapportRequete r) {
        programmes.trouver(code);
        RapportService.Rapport rapport = rapports.produire(code, r.type(), r.periode(), r.date(), r.bilanMiseEnOeuvre(), r.hypotheses(),
                appelant.identifiant());
        return Response.created(URI.create("/programmes/" + code + "/rapports/" + rapport.id())).entity(RapportVue.de(code, rapport)).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE })
    @Operation(summary = "Les bilans produits d'un programme")
    public List<RapportVue> lister(@PathParam("code") String code) {
        return rapports.lister(programmes.trouver(code)).stream().map(r -> RapportVue.de(code, r)).toList();
    }

    private RapportService.Rapport rapport(String code, UUID id) {
        Programme p = programmes.trouver(code);
        return rapports.trouver(p, id);
    }

    private static String fichier(RapportService.Rapport r, String extension) {
        ContenuRapport c = r.contenu();
        return "attachment; filename=\"" + c.programme() + "-bilan-" + (c.type() == TypeRapport.FINAL ? "final" : "intermediaire-" + c.periode()) + "."
                + extension + "\"";
    }

    @GET
    @Path("/{id}.pdf")
    @Produces(PDF)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE })
    @Operation(summary = "Un bilan en PDF")
    public Response pdf(@PathParam("code") String code, @PathParam("id") UUID id) {
        RapportService.Rapport r = rapport(code, id);
        return Response.ok(RenduPdf.pdf(r.contenu().document()), PDF).header("Content-Disposition", fichier(r, "pdf")).build();
    }

    @GET
    @Path("/{id}.html")
    @Produces(HTML)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE })
    @Operation(summary = "Un bilan en HTML")
    public Response html(@PathParam("code") String code, @PathParam("id") UUID id) {
        return Response.ok(RenduHtml.html(rapport(code, id).contenu().document()), HTML).build();
    }

    @GET
    @Path("/{id}.csv")
    @Produces(DocumentResource.CSV)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE })
    @Operation(summary = "Un bilan en CSV", description = "UTF-8 avec BOM, point-virgule, montants à la française (« 431 813,40 € »).")
    public Response csv(@PathParam("code") String code, @PathParam("id") UUID id) {
        RapportService.Rapport r = rapport(code, id);
        return Response.ok(r.contenu().csv().toString().getBytes(StandardCharsets.UTF_8), DocumentResource.CSV)
                .header("Content-Disposition", fichier(r, "csv")).build();
    }

    @GET
    @Path("/{id}.xlsx")
    @Produces(DocumentResource.XLSX)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE })
    @Operation(summary = "Un bilan en XLSX", description = "Feuilles Dépenses, Versements et Indicateurs ; montants en nombres au format euros.")
    public Response xlsx(@PathParam("code") String code, @PathParam("id") UUID id) {
        RapportService.Rapport r = rapport(code, id);
        return Response.ok(r.contenu().xlsx(), DocumentResource.XLSX).header("Content-Disposition", fichier(r, "xlsx")).build();
    }
}
