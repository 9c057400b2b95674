package fr.actionsociale.referral.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(summary = "Anonymiser maintenant les dossiers sans activité depuis deux ans",
            description = "Ce que fait chaque nuit la tâche de conservation (CNIL, référentiels 2021-028 et 2023-095) : l'identité est effacée, "
                    + "le parcours reste, les indicateurs ne changent pas ; beneficiaire-anonymise est publié pour chaque dossier.")
    public RetentionService.Bilan executer() {
        return retention.executer();
    }
}
