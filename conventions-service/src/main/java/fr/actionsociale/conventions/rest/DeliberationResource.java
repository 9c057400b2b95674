package fr.actionsociale.conventions.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.commons.Formats;
import fr.actionsociale.commons.idempotence.Idempotence;
import fr.actionsociale.commons.idempotence.Idempotent;
import fr.actionsociale.commons.probleme.Probleme;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.conventions.domain.ActeAutorise;
import fr.actionsociale.conventions.domain.Deliberation;
import fr.actionsociale.conventions.domain.OrganeDeliberant;
import fr.actionsociale.conventions.service.DeliberationService;

/** Deliberations as records (seed 001): what a board decided, with its votes and when it became executory. */
@Path("/deliberations")
@Tag(name = "Délibérations")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class DeliberationResource {

    private final DeliberationService deliberations;

    DeliberationResource(DeliberationService deliberations) {
        this.deliberations = deliberations;
    }

    @Schema(name = "VotesRequete", description = "Le décompte des voix ; présents et représentés, quand le procès-verbal les donne, doivent tomber juste")
    public record VotesRequete(
            @Min(value = 0, message = "doit être positif ou nul") @Schema(example = "50") Integer presents,
            @Min(value = 0, message = "doit être positif ou nul") @Schema(description = "Pouvoirs donnés", example = "4") Integer representes,
            @Min(value = 0, message = "doit être positif ou nul") @Schema(example = "53") Integer pour,
            @Min(value = 0, message = "doit être positif ou nul") @Schema(example = "0") Integer contre,
            @Min(value = 0, message = "doit être positif ou nul") @Schema(example = "1") Integer abstentions,
            @Min(value = 0, message = "doit être positif ou nul") @Schema(example = "0") Integer nePrendPasPart) {
    }

    @Schema(name = "DeliberationEnregistrement", description = "Enregistrer une délibération")
    public record DeliberationRequete(
            @NotBlank @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON)
            @Schema(example = "departement-35") String institution,
            @NotNull @Schema(example = "COMMISSION_PERMANENTE") OrganeDeliberant organe,
            @Size(max = 64) @Schema(example = "CP20242444") String numero,
            @NotNull @Schema(example = "2024-07-08") LocalDate dateSeance,
            @NotBlank @Size(max = 2000) @Schema(example = "Convention avec la Mutualité sociale agricole relative à l'accueil social inconditionnel de proximité")
            String objet,
            @Valid VotesRequete votes,
            @Schema(example = "2024-07-09") LocalDate dateTransmission,
            @Schema(description = "Publication ou affichage") LocalDate datePublication,
            @NotNull @NotEmpty(message = "doit dire ce que la délibération autorise") @Size(max = 4)
            List<@NotNull ActeAutorise> autorise,
            @Schema(description = "La convention que la délibération approuve, quand elle est enregistrée") UUID conventionId) {
    }

    @Schema(name = "Votes")
    public record VotesVue(Integer presents, Integer representes, Integer pour, Integer contre, Integer abstentions, Integer nePrendPasPart,
            @Schema(description = "Plus de voix pour que contre ; null quand les voix ne sont pas connues") Boolean adoptee,
            @Schema(description = "Aucune voix contre (les abstentions ne la rompent pas)") Boolean unanimite) {
    }

    @Schema(name = "Deliberation")
    public record DeliberationVue(UUID id, String institution, String organe, String numero, LocalDate dateSeance, String objet,
            VotesVue votes, LocalDate dateTransmission, LocalDate datePublication,
            @Schema(description = "Publiée et transmise : la plus tardive des deux dates ; null tant que l'une manque") LocalDate executoireLe,
            @Schema(description = "Pourquoi elle n'est pas (connue comme) exécutoire aujourd'hui") String nonExecutoire,
            List<ActeAutorise> autorise, UUID conventionId, long version) {
        static DeliberationVue de(Deliberation d, LocalDate aujourdHui) {
            Deliberation.Votes v = d.votes();
            return new DeliberationVue(d.id(), d.institution(), d.organe().name(), d.numero(), d.dateSeance(), d.objet(),
                    new VotesVue(v.presents(), v.representes(), v.pour(), v.contre(), v.abstentions(), v.nePrendPasPart(), d.adoptee(),
                            d.unanimite()),
                    d.dateTransmission(), d.datePublication(), d.executoireLe(), d.nonExecutoireAu(aujourdHui), d.actes(), d.conventionId(),
                    d.version());
        }
    }

    @Schema(name = "PageDeliberations")
    public record PageVue(List<DeliberationVue> elements, int page, int taille, long total) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Idempotent
    @Operation(summary = "Enregistrer une délibération", description = "Un gestionnaire enregistre celles de sa propre institution. Les voix "
            + "doivent tomber juste ; transmission et publication ne précèdent pas la séance.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = DeliberationVue.class)))
    @APIResponse(responseCode = "409", description = "Numéro déjà enregistré pour cette institution", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    public Response enregistrer(@HeaderParam(Idempotence.ENTETE) String cle, @Valid @NotNull DeliberationRequete r) {
        VotesRequete v = r.votes();
        Deliberation d = deliberations.enregistrer(Deliberation.enregistrer(r.institution(), r.organe(), r.numero(), r.dateSeance(), r.objet(),
                v == null ? null : new Deliberation.Votes(v.presents(), v.representes(), v.pour(), v.contre(), v.abstentions(), v.nePrendPasPart()),
                r.dateTransmission(), r.datePublication(), r.autorise(), r.conventionId(), deliberations.aujourdHui()));
        return Response.created(URI.create("/deliberations/" + d.id())).tag(new EntityTag(Long.toString(d.version())))
                .entity(DeliberationVue.de(d, deliberations.aujourdHui())).build();
    }

    @GET
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE, Roles.AGENT })
    @Operation(summary = "Lister les délibérations", description = "Filtres : institution, séances du… au…, convention (celle qu'elle approuve, "
            + "ou qu'une signature ou une approbation d'avenant cite). Paginé.")
    public PageVue lister(
            @QueryParam("institution") @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON) String institution,
            @QueryParam("du") @Pattern(regexp = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", message = "doit être une date AAAA-MM-JJ") String du,
            @QueryParam("au") @Pattern(regexp = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", message = "doit être une date AAAA-MM-JJ") String au,
            @QueryParam("convention") UUID convention,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "doit être positive ou nulle") int page,
            @QueryParam("taille") @DefaultValue("50") @Min(value = 1, message = "doit valoir au moins 1") @Max(value = 500, message = "ne doit pas dépasser 500") int taille) {
        DeliberationService.Page p = deliberations.lister(institution, ProblemeException.date("du", du), ProblemeException.date("au", au),
                convention, page, taille);
        LocalDate aujourdHui = deliberations.aujourdHui();
        return new PageVue(p.deliberations().stream().map(d -> DeliberationVue.de(d, aujourdHui)).toList(), page, taille, p.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE, Roles.AGENT })
    @Operation(summary = "Lire une délibération")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DeliberationVue.class)))
    public Response lire(@PathParam("id") UUID id) {
        Deliberation d = deliberations.trouver(id);
        return Response.ok(DeliberationVue.de(d, deliberations.aujourdHui())).tag(new EntityTag(Long.toString(d.version()))).build();
    }
}
