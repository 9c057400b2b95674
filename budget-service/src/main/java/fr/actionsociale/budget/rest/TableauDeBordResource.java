package fr.actionsociale.budget.rest;

import java.time.Duration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.actionsociale.budget.config.TableauDeBordConfig;
import fr.actionsociale.budget.service.TableauDeBordService;
import fr.actionsociale.budget.service.TableauDeBordService.TableauDeBord;
import fr.actionsociale.commons.securite.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The data of the dashboard page ({@code /tableau-de-bord.html}): a snapshot, and a server-sent event stream that pushes a new one
 * whenever it changes. The stream reads the database rather than listening in memory: with several replicas, each consumes only
 * some partitions, and every page must still see every event.
 */
@Path("/tableau-de-bord/programmes/{code}")
@Tag(name = "Tableau de bord")
@SecurityRequirement(name = "jeton")
public class TableauDeBordResource {

    private final TableauDeBordService tableaux;
    private final ObjectMapper json;
    private final TableauDeBordConfig config;

    TableauDeBordResource(TableauDeBordService tableaux, ObjectMapper json, TableauDeBordConfig config) {
        this.tableaux = tableaux;
        this.json = json;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COORDINATEUR, Roles.GESTIONNAIRE, Roles.PARTENAIRE, Roles.ADMIN })
    @Operation(summary = "Le tableau de bord d'un programme", description = "Consommation par action, indicateurs et leur tendance, orientations "
            + "des 12 derniers mois sur le territoire du programme. Aucune donnée personnelle.")
    public TableauDeBord lire(@PathParam("code") String code) {
        return tableaux.tableau(code);
    }

    @GET
    @Path("/flux")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.COORDINATEUR, Roles.GESTIONNAIRE, Roles.PARTENAIRE, Roles.ADMIN })
    @Blocking
    @Operation(summary = "Le tableau de bord en direct (server-sent events)", description = "Un événement à l'ouverture, puis un à chaque changement.")
    public Multi<String> flux(@PathParam("code") String code) {
        tableaux.tableau(code); // 404 now rather than an empty stream
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).every(config.rafraichissement())
                .onOverflow().drop()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(t -> enJson(tableaux.tableau(code)))
                .skip().repetitions();
    }

    private String enJson(TableauDeBord t) {
        try {
            return json.writeValueAsString(t);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
