package fr.actionsociale.commons.plomberie;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import fr.actionsociale.commons.idempotence.Idempotence;
import fr.actionsociale.commons.idempotence.Idempotent;
import fr.actionsociale.commons.outbox.Outbox;

/** A creation as every service writes one: the row, its event through the outbox, its idempotency key, in one transaction. */
@Path("/essais")
@Produces(MediaType.APPLICATION_JSON)
public class EssaiResource {

    public record EssaiRequete(@NotBlank String nom) {
    }

    public record EssaiCree(UUID id, String nom) {
    }

    private final EntityManager em;
    private final Outbox outbox;

    EssaiResource(EntityManager em, Outbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("agent")
    @Transactional
    @Idempotent
    @Operation(summary = "Créer un essai")
    @APIResponse(responseCode = "201", description = "Créé", content = @Content(schema = @Schema(implementation = EssaiCree.class)))
    public Response creer(@HeaderParam(Idempotence.ENTETE) String cle, @Valid @NotNull EssaiRequete r) {
        UUID id = UUID.randomUUID();
        em.persist(new Essai(id, r.nom()));
        outbox.publier("commons-essai", id.toString(), new EssaiCree(id, r.nom()));
        return Response.created(URI.create("/essais/" + id)).entity(new EssaiCree(id, r.nom())).build();
    }
}
