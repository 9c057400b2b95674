package fr.actionsociale.conventions.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.commons.document.DocumentImprimable;
import fr.actionsociale.commons.document.RenduHtml;
import fr.actionsociale.commons.document.RenduPdf;
import fr.actionsociale.commons.idempotence.Idempotence;
import fr.actionsociale.commons.idempotence.Idempotent;
import fr.actionsociale.commons.probleme.Probleme;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.conventions.domain.AppelRegularisation;
import fr.actionsociale.conventions.domain.Convention;
import fr.actionsociale.conventions.rest.RechargeVues.AppelVue;
import fr.actionsociale.conventions.service.ConventionService;
import fr.actionsociale.conventions.service.RechargeService;

/** Seed 004: the year-end call for repayment of every other party, and its document per party. */
@Path("/conventions/{conventionId}/appels-regularisation")
@Tag(name = "Recharge annuelle")
@SecurityRequirement(name = "jeton")
public class AppelRegularisationResource {

    static final String PDF = "application/pdf";
    static final String HTML = "text/html;charset=UTF-8";

    private final RechargeService recharge;
    private final ConventionService conventions;

    AppelRegularisationResource(RechargeService recharge, ConventionService conventions) {
        this.recharge = recharge;
        this.conventions = conventions;
    }

    @Schema(name = "AppelRegularisationRequete")
    public record AppelRequete(@NotNull @Schema(example = "2015-12-15", description = "Date de l'appel, à l'issue de l'année") LocalDate date) {
    }

    @POST
    @Path("/{annee}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Idempotent
    @Operation(summary = "Émettre l'appel à régularisation d'une année", description = "Par la partie qui avance les fonds : les dépenses "
            + "validées par le comité de pilotage et payées à la date de l'appel, et les mises à disposition valorisées, chacune réparties au "
            + "prorata de la population INSEE dernièrement connue à cette date (le millésime en vigueur), exactes au centime ; le solde de "
            + "chaque autre partie (sa part moins ses apports) lui est appelé, et appel-regularisation-emis publié pour chacune. Une fois "
            + "par année : l'année est ensuite close.")
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppelVue.class)))
    @APIResponse(responseCode = "409", description = "Déjà émis", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    public Response emettre(@PathParam("conventionId") UUID conventionId, @PathParam("annee") int annee,
            @HeaderParam(Idempotence.ENTETE) String cle, @Valid @NotNull AppelRequete r) {
        AppelRegularisation a = recharge.emettre(conventionId, annee, r.date());
        return Response.created(URI.create("/conventions/" + conventionId + "/appels-regularisation/" + annee)).entity(AppelVue.de(a)).build();
    }

    @GET
    @Path("/{annee}")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE, Roles.AGENT })
    @Operation(summary = "L'appel à régularisation d'une année", description = "Une ligne par partie, avec les liens vers le document de chaque partie appelée.")
    public AppelVue lire(@PathParam("conventionId") UUID conventionId, @PathParam("annee") int annee) {
        return AppelVue.de(recharge.appelEmis(conventionId, annee));
    }

    @GET
    @Path("/{annee}/{institution}.pdf")
    @Produces(PDF)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE, Roles.AGENT })
    @Operation(summary = "Le document de l'appel adressé à une partie (PDF)")
    @APIResponse(responseCode = "200", description = "Le document", content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response pdf(@PathParam("conventionId") UUID conventionId, @PathParam("annee") int annee, @PathParam("institution") String institution) {
        return Response.ok(RenduPdf.pdf(document(conventionId, annee, institution)), PDF)
                .header("Content-Disposition", "inline; filename=\"appel-regularisation-" + annee + "-" + institution + ".pdf\"").build();
    }

    @GET
    @Path("/{annee}/{institution}.html")
    @Produces(HTML)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE, Roles.AGENT })
    @Operation(summary = "Le document de l'appel adressé à une partie (HTML)")
    @APIResponse(responseCode = "200", description = "Le document", content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response html(@PathParam("conventionId") UUID conventionId, @PathParam("annee") int annee, @PathParam("institution") String institution) {
        return Response.ok(RenduHtml.html(document(conventionId, annee, institution)).getBytes(StandardCharsets.UTF_8), HTML).build();
    }

    private DocumentImprimable document(UUID conventionId, int annee, String institution) {
        AppelRegularisation a = recharge.appelEmis(conventionId, annee);
        AppelRegularisation.Ligne ligne = a.appeles().stream().filter(l -> l.institution().equals(institution)).findFirst()
                .orElseThrow(() -> ProblemeException.introuvable("Appel à régularisation de " + annee + " adressé à", institution));
        Convention c = conventions.trouver(conventionId);
        return AppelRegularisationDocument.de(c.reference(), a, ligne, recharge.depenses(conventionId, annee), recharge.mises(conventionId, annee),
                recharge::nom);
    }
}
