package fr.actionsociale.referral.rest;

import java.time.LocalDate;
import java.time.YearMonth;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.commons.jdbc.ListeTexte;
import fr.actionsociale.commons.Formats;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.referral.service.IndicateurParcoursService;

/** Aggregates of the RSA path per territory and period: what a coordinator sees (no person, ever). */
@Path("/indicateurs")
@Tag(name = "Indicateurs")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class IndicateurResource {

    private final IndicateurParcoursService indicateurs;

    IndicateurResource(IndicateurParcoursService indicateurs) {
        this.indicateurs = indicateurs;
    }

    @GET
    @RolesAllowed({ Roles.COORDINATEUR, Roles.GESTIONNAIRE, Roles.ADMIN })
    @Operation(summary = "Indicateurs du parcours RSA d'un territoire sur une période", description = "Nouveaux entrants, orientés en 1 mois et moins, "
            + "premiers rendez-vous fixés et dont en 2 semaines, premiers CER et dont dans les 2 mois, droits ouverts après un RDV des droits, "
            + "orientations par structure.")
    public IndicateurParcoursService.Indicateurs lire(
            @QueryParam("communes") @Pattern(regexp = "^((2[AB]|[0-9]{2})[0-9]{3})(,(2[AB]|[0-9]{2})[0-9]{3})*$", message = "codes INSEE séparés par des virgules")
            String communes,
            @QueryParam("debut") @NotBlank String debut, @QueryParam("fin") @NotBlank String fin) {
        LocalDate d = ProblemeException.date("debut", debut);
        LocalDate f = ProblemeException.date("fin", fin);
        if (f.isBefore(d)) {
            throw new RegleMetierException("fin", "doit suivre le début");
        }
        return indicateurs.calculer(ListeTexte.lire(communes), d, f);
    }

    @POST
    @Path("/publication")
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Publier les indicateurs d'un mois", description = "Un événement indicateurs-parcours par commune ; fait aussi chaque 1er du mois.")
    public int publier(@QueryParam("mois") @NotBlank
            @Pattern(regexp = "^[0-9]{4}-(0[1-9]|1[0-2])$", message = "doit être un mois AAAA-MM") String mois) {
        return indicateurs.publier(YearMonth.parse(mois));
    }
}
