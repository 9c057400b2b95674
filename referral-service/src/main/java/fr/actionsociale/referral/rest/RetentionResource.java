package fr.actionsociale.referral.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.referral.service.RetentionService;

@Path("/retention")
@Tag(name = "Conservation")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    private final RetentionService retention;

    RetentionResource(RetentionService retention) {
        this.retention = retention;
    }

    @POST
    @Path("/execution")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Lancer maintenant la tâche de conservation (anonymiser les dossiers sans activité depuis deux ans)",
            description = "Ce que fait chaque nuit la tâche de conservation (CNIL, référentiels 2021-028 et 2023-095) : l'identité est effacée, "
                    + "le parcours reste, les indicateurs ne changent pas ; beneficiaire-anonymise est publié pour chaque dossier. "
                    + "L'exécution se fait en arrière-plan, par lots d'une transaction chacun ; suivre son état à l'adresse donnée par Location "
                    + "jusqu'à TERMINEE ou ECHOUEE. Une seule exécution à la fois : si une exécution est déjà EN_COURS, c'est elle qui est "
                    + "renvoyée (200), et elle est reprise là où son dernier lot validé l'a laissée si plus personne n'y travaillait.")
    @APIResponse(responseCode = "202", description = "Exécution lancée ; son adresse est dans Location",
            headers = @Header(name = "Location", description = "/retention/executions/{id}", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RetentionService.Execution.class)))
    @APIResponse(responseCode = "200", description = "Une exécution était déjà en cours : c'est elle (aucune autre n'est lancée) ; son adresse est dans Location",
            headers = @Header(name = "Location", description = "/retention/executions/{id}", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RetentionService.Execution.class)))
    public Response executer() {
        RetentionService.Demarrage d = retention.demarrer("API");
        return Response.status(d.nouvelle() ? Response.Status.ACCEPTED : Response.Status.OK)
                .location(URI.create("/retention/executions/" + d.execution().id())).entity(d.execution()).build();
    }

    @GET
    @Path("/executions/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Une exécution de la tâche de conservation", description = "Son état, sa date limite, ses lots validés, les dossiers "
            + "examinés et anonymisés, ses échecs et la dernière erreur.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RetentionService.Execution.class)))
    public RetentionService.Execution lire(@PathParam("id") UUID id) {
        return retention.execution(id);
    }

    @GET
    @Path("/executions")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Les dernières exécutions de la tâche de conservation", description = "Les plus récentes d'abord.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY,
                    implementation = RetentionService.Execution.class)))
    public List<RetentionService.Execution> lister(@Parameter(description = "Nombre d'exécutions (les plus récentes), de 1 à 100")
            @QueryParam("taille") @DefaultValue("20") @Min(value = 1, message = "doit être au moins 1") @Max(value = 100, message = "ne doit pas dépasser 100") int taille) {
        return retention.executions(taille);
    }
}
