package fr.actionsociale.referral.rest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.commons.jdbc.ListeTexte;
import fr.actionsociale.commons.Formats;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.referral.service.EntonnoirService;
import fr.actionsociale.referral.service.IndicateurParcoursService;

/** Aggregates per territory and period, the RSA path's indicators and the outreach funnel: what a coordinator sees (no person, ever). */
@Path("/indicateurs")
@Tag(name = "Indicateurs")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class IndicateurResource {

    static final String CSV = "text/csv; charset=UTF-8";
    static final String MOIS = "^[0-9]{4}-(0[1-9]|1[0-2])$";
    static final String MOIS_RAISON = "doit être un mois AAAA-MM";
    /** A published count: 0, 11 or more, or the mask; never 1 to 10. */
    static final String COMPTE = "^(0|< 11|1[1-9]|[2-9][0-9]|[1-9][0-9]{2,})$";

    static final String ENTONNOIR = "Par commune, quartier et mois, du premier au dernier mois inclus (au plus 36 mois) : une ligne par "
            + "(commune, quartier, mois) où au moins un fait a eu lieu. Chaque fait compte au mois où il a eu lieu, jamais à celui où il a été "
            + "saisi.\n\n"
            + "- **contactes** : personnes atteintes par l'aller-vers dans le mois (date du contact). Une personne qui a un dossier compte une "
            + "fois quel que soit le nombre de contacts du mois ; un contact sans personne identifiée compte pour un. Une visite sans personne "
            + "rencontrée (issue ABSENT) n'est pas un contact.\n"
            + "- **rdvDesDroits** : RDV des droits tenus dans le mois (date du RDV), un par personne et par jour.\n"
            + "- **orientes** : personnes orientées dans le mois (le jour où l'orientation a été faite, heure de Paris : celui donné quand elle est "
            + "saisie plus tard, sinon celui de sa saisie), chacune une fois quel que soit le nombre de ses orientations et leur suite ; orientations automatiques comprises.\n"
            + "- **droitsOuverts** : droits ouverts dans le mois (date d'ouverture signalée, pas date du signalement), chaque droit une fois ; "
            + "sans les droits que le fichier mensuel des entrants de la CAF apporte déjà ouverts, qui ne doivent rien à l'aller-vers.\n\n"
            + "Lieu : la commune et le quartier du dossier de la personne ; un contact sans personne identifiée, la commune du contact. "
            + "Quartier vide : personne sans quartier renseigné, ou contact sans personne identifiée (pour une commune sans quartier, toute la "
            + "commune). Un quartier n'est nommé que si au moins 11 personnes inscrites de sa commune y habitent ; les faits d'un quartier plus "
            + "petit ne sont publiés nulle part.\n\n"
            + "Secret statistique : un compte de 1 à 10 est écrit « < 11 » ; 0 reste 0 (qu'il ne se soit rien passé n'identifie personne). "
            + "Aucun total n'est publié (ni par commune, ni par mois, ni sur la période), si bien qu'aucune case masquée ne se retrouve par "
            + "soustraction. Aucun nom, contact, numéro ni référence de personne.";

    private final IndicateurParcoursService indicateurs;
    private final EntonnoirService entonnoir;

    IndicateurResource(IndicateurParcoursService indicateurs, EntonnoirService entonnoir) {
        this.indicateurs = indicateurs;
        this.entonnoir = entonnoir;
    }

    @Schema(name = "LigneEntonnoir", description = "Une commune, un quartier, un mois ; chaque compte en texte : 0, 11 ou plus, ou « < 11 »")
    public record LigneEntonnoir(
            @Schema(required = true, description = "Code INSEE de la commune", example = "35236") String commune,
            @Schema(required = true, description = "Quartier ; vide : sans quartier renseigné ou contact sans personne identifiée",
                    example = "Bellevue") String quartier,
            @Schema(required = true, pattern = MOIS, example = "2026-01") String mois,
            @Schema(required = true, pattern = COMPTE, description = "Personnes atteintes par l'aller-vers dans le mois", example = "< 11")
            String contactes,
            @Schema(required = true, pattern = COMPTE, description = "RDV des droits tenus dans le mois (un par personne et par jour)",
                    example = "12") String rdvDesDroits,
            @Schema(required = true, pattern = COMPTE, description = "Personnes orientées dans le mois", example = "0") String orientes,
            @Schema(required = true, pattern = COMPTE, description = "Droits ouverts dans le mois", example = "< 11") String droitsOuverts) {
        static LigneEntonnoir de(EntonnoirService.LignePubliee l) {
            return new LigneEntonnoir(l.commune(), l.quartier(), l.mois(), l.contactes(), l.rdvDesDroits(), l.orientes(), l.droitsOuverts());
        }
    }

    @Schema(name = "Entonnoir")
    public record EntonnoirVue(@Schema(required = true, pattern = MOIS, example = "2026-01") String du,
            @Schema(required = true, pattern = MOIS, example = "2026-06") String au,
            @Schema(description = "La commune demandée ; null : toutes", example = "35236") String commune,
            @Schema(required = true, description = "Les lignes, triées par commune, quartier et mois ; aucune ligne de total") List<LigneEntonnoir> lignes) {
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

    @GET
    @Path("/entonnoir.csv")
    @Produces(CSV)
    @RolesAllowed({ Roles.COORDINATEUR, Roles.GESTIONNAIRE, Roles.ADMIN })
    @Operation(summary = "L'entonnoir de l'aller-vers en données ouvertes (CSV)", description = "Contactés → RDV des droits → orientés → droits "
            + "ouverts, pour un portail de données ouvertes. CSV RFC 4180 (virgules, fins de ligne CRLF, UTF-8 sans BOM), en-tête "
            + "`commune,quartier,mois,contactes,rdvDesDroits,orientes,droitsOuverts`.\n\n" + ENTONNOIR)
    @APIResponse(responseCode = "200", description = "Le CSV ; le nom de fichier dans Content-Disposition", content = @Content(mediaType = CSV,
            schema = @Schema(type = SchemaType.STRING, example = "commune,quartier,mois,contactes,rdvDesDroits,orientes,droitsOuverts\r\n"
                    + "35236,Bellevue,2026-01,12,< 11,0,< 11\r\n")),
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"entonnoir-<du>-<au>[-<commune>].csv\"",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response entonnoirCsv(@QueryParam("du") @NotBlank @Pattern(regexp = MOIS, message = MOIS_RAISON)
            @Parameter(description = "Premier mois, AAAA-MM", example = "2026-01") String du,
            @QueryParam("au") @NotBlank @Pattern(regexp = MOIS, message = MOIS_RAISON)
            @Parameter(description = "Dernier mois compris, AAAA-MM, au plus 35 mois après du", example = "2026-06") String au,
            @QueryParam("commune") @Pattern(regexp = Formats.CODE_INSEE, message = Formats.CODE_INSEE_RAISON)
            @Parameter(description = "Code INSEE d'une commune ; toutes par défaut", example = "35236") String commune) {
        String csv = EntonnoirService.csv(EntonnoirService.publier(entonnoir.calculer(YearMonth.parse(du), YearMonth.parse(au), commune)));
        return Response.ok(csv, CSV).header("Content-Disposition", "attachment; filename=\"entonnoir-" + du + "-" + au
                + (commune == null ? "" : "-" + commune) + ".csv\"").build();
    }

    @GET
    @Path("/entonnoir")
    @RolesAllowed({ Roles.COORDINATEUR, Roles.GESTIONNAIRE, Roles.ADMIN })
    @Operation(summary = "L'entonnoir de l'aller-vers (JSON)", description = "Les mêmes lignes que le CSV, masquées de même : chaque compte est "
            + "un texte, « 0 », un nombre de 11 ou plus, ou « < 11 ».\n\n" + ENTONNOIR)
    public EntonnoirVue entonnoir(@QueryParam("du") @NotBlank @Pattern(regexp = MOIS, message = MOIS_RAISON)
            @Parameter(description = "Premier mois, AAAA-MM", example = "2026-01") String du,
            @QueryParam("au") @NotBlank @Pattern(regexp = MOIS, message = MOIS_RAISON)
            @Parameter(description = "Dernier mois compris, AAAA-MM, au plus 35 mois après du", example = "2026-06") String au,
            @QueryParam("commune") @Pattern(regexp = Formats.CODE_INSEE, message = Formats.CODE_INSEE_RAISON)
            @Parameter(description = "Code INSEE d'une commune ; toutes par défaut", example = "35236") String commune) {
        List<LigneEntonnoir> lignes = EntonnoirService.publier(entonnoir.calculer(YearMonth.parse(du), YearMonth.parse(au), commune)).stream()
                .map(LigneEntonnoir::de).toList();
        return new EntonnoirVue(du, au, commune, lignes);
    }
}
