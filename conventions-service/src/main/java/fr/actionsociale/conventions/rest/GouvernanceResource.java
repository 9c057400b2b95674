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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.commons.Formats;
import fr.actionsociale.commons.document.RenduHtml;
import fr.actionsociale.commons.document.RenduPdf;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.idempotence.Idempotence;
import fr.actionsociale.commons.idempotence.Idempotent;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.conventions.domain.Convention;
import fr.actionsociale.conventions.domain.InstanceGouvernance;
import fr.actionsociale.conventions.domain.TypeInstance;
import fr.actionsociale.conventions.service.ConventionService;
import fr.actionsociale.conventions.service.DossierComiteService;
import fr.actionsociale.conventions.service.GouvernanceService;

/** A convention's governance bodies, their meetings, and whether they keep their rhythm. */
@Path("/conventions/{conventionId}/gouvernance")
@Tag(name = "Gouvernance")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class GouvernanceResource {

    /** Not blank (a lone @Pattern lets null through: the field stays optional). */
    private static final String NON_VIDE = "[\\s\\S]*\\S[\\s\\S]*";

    private final GouvernanceService gouvernance;
    private final ConventionService conventions;
    private final Appelant appelant;
    private final DossierComiteService dossiers;

    GouvernanceResource(GouvernanceService gouvernance, ConventionService conventions, Appelant appelant, DossierComiteService dossiers) {
        this.dossiers = dossiers;
        this.gouvernance = gouvernance;
        this.conventions = conventions;
        this.appelant = appelant;
    }

    @Schema(name = "InstanceRequete")
    public record InstanceRequete(
            @NotNull @Schema(example = "COMITE_SUIVI") TypeInstance type,
            @NotBlank @Size(max = 200) @Schema(example = "Comité de suivi local") String nom,
            @NotNull @Size(max = 50, message = "ne doit pas dépasser 50 membres")
            @Schema(description = "Les parties à la convention qui en sont membres (codes d'institution)")
            List<@NotNull @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON) String> membres,
            @Size(max = InstanceGouvernance.MAX_AUTRES_MEMBRES, message = "ne doit pas dépasser 50 membres")
            @Schema(description = "Les membres qui ne sont pas parties, tels que le document les nomme (texte libre) ; absent : aucun",
                    example = "[\"services de l'État\", \"France Travail\", \"Mission locale\", \"Néotoa\", \"habitants\", \"associations\"]")
            List<@NotBlank(message = "ne doit pas être vide") @Size(max = InstanceGouvernance.LONGUEUR_AUTRE_MEMBRE) String> autresMembres,
            @Size(max = InstanceGouvernance.LONGUEUR_PRESIDENCE) @Pattern(regexp = NON_VIDE, message = "ne doit pas être vide")
            @Schema(description = "Qui la préside, en texte libre ; absent : le document ne le dit pas",
                    example = "Co-présidé par la Vice-Présidente déléguée à la Petite Enfance Santé Autonomie de REDON Agglomération, "
                            + "le maire de Pipriac et un élu de la Ville de Redon") String presidence,
            @Size(max = InstanceGouvernance.MAX_MISSIONS, message = "ne doit pas dépasser 20 missions")
            @Schema(description = "Ses missions, en texte libre ; absent : aucune",
                    example = "[\"Décider et débattre autour des enjeux stratégiques identifiés\", \"Valider les orientations stratégiques et techniques\"]")
            List<@NotBlank(message = "ne doit pas être vide") @Size(max = InstanceGouvernance.LONGUEUR_MISSION) String> missions,
            @Min(value = 1, message = "doit valoir au moins 1") @Max(value = 12, message = "ne doit pas dépasser 12")
            @Schema(description = "Rythme : 4 pour « une fois par trimestre » (1, 2, 3, 4, 6 ou 12) ; absent quand le document n'en fixe pas "
                    + "(équipe projet, groupe de travail) : aucune réunion n'est alors attendue", example = "4") Integer reunionsParAn) {
    }

    @Schema(name = "ReunionRequete")
    public record ReunionRequete(@NotNull @Schema(example = "2024-10-08") LocalDate date,
            @Size(max = 1000) String objet) {
    }

    @Schema(name = "InstanceGouvernance", description = "Avec les périodes écoulées sans réunion")
    public record InstanceVue(UUID id, String type, String nom,
            @Schema(description = "Les parties membres (codes d'institution)") List<String> membres,
            @Schema(description = "Les membres qui ne sont pas parties (texte libre)") List<String> autresMembres,
            @Schema(description = "Qui la préside ; null : le document ne le dit pas") String presidence,
            @Schema(description = "Ses missions") List<String> missions,
            // null must be answered, not left out: Quarkus 3.37's generated serializers drop a null Integer
            // (quarkusio/quarkus#55137); an annotation they do not support makes Quarkus use Jackson's own for this record
            @JsonSerialize
            @Schema(description = "Réunions attendues par an ; null : le document ne fixe pas de rythme, aucune période n'est manquée")
            Integer reunionsParAn,
            List<LocalDate> reunions, List<LocalDate> periodesSansReunion, boolean rythmeManque) {
        static InstanceVue de(InstanceGouvernance g, Convention c, LocalDate aujourdHui) {
            List<LocalDate> manquees = g.periodesSansReunion(c, aujourdHui);
            return new InstanceVue(g.id(), g.type().name(), g.nom(), g.membres(), g.autresMembres(), g.presidence(), g.missions(),
                    g.reunionsParAn(), g.reunions().stream().map(r -> r.date()).toList(), manquees, !manquees.isEmpty());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Instituer une instance de gouvernance", description = "Ses membres sont des parties à la convention ; "
            + "les autres membres (services de l'État, habitants...), la présidence et les missions sont en texte libre ; sans rythme "
            + "fixé par le document, aucune réunion n'est attendue.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = InstanceVue.class)))
    @Idempotent
    public Response instituer(@PathParam("conventionId") UUID conventionId, @HeaderParam(Idempotence.ENTETE) String cle,
            @Valid @NotNull InstanceRequete r) {
        UUID id = conventionId;
        InstanceGouvernance g = gouvernance.instituer(id, r.type(), r.nom(), r.membres(), r.autresMembres(), r.presidence(), r.missions(),
                r.reunionsParAn());
        return Response.created(URI.create("/conventions/" + id + "/gouvernance/" + g.id()))
                .entity(InstanceVue.de(g, conventions.trouver(id), conventions.aujourdHui())).build();
    }

    @GET
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE, Roles.AGENT })
    @Operation(summary = "Les instances de gouvernance et leur rythme", description = "rythmeManque : une période entière de la convention "
            + "s'est écoulée sans réunion ; jamais pour une instance sans rythme (reunionsParAn null).")
    public List<InstanceVue> lister(@PathParam("conventionId") UUID conventionId) {
        UUID id = conventionId;
        Convention c = conventions.trouver(id);
        LocalDate aujourdHui = conventions.aujourdHui();
        return gouvernance.lister(id).stream().map(g -> InstanceVue.de(g, c, aujourdHui)).toList();
    }

    @POST
    @Path("/{id}/reunions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Enregistrer une réunion tenue")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = InstanceVue.class)))
    public Response reunir(@PathParam("conventionId") UUID conventionId, @PathParam("id") UUID id,
            @Valid @NotNull ReunionRequete r) {
        UUID convention = conventionId;
        InstanceGouvernance g = gouvernance.reunir(convention, id, r.date(), r.objet());
        return Response.status(Response.Status.CREATED)
                .entity(InstanceVue.de(g, conventions.trouver(convention), conventions.aujourdHui())).build();
    }

    static final String PDF = "application/pdf";
    static final String HTML = "text/html";
    static final String DOSSIER = "Pour une réunion de l'instance à cette date (tenue ou à venir, dans la durée de la convention), tout "
            + "calculé à cette date : la réunion (instance, date, réunion précédente parmi celles enregistrées, rythme et périodes sans "
            + "réunion, présidence, membres) ; les engagements en retard sur leur rythme (attendu, réalisé, écart) ; les échéances dépassées "
            + "et celles des conventions.dossier-comite.jours-proches (60) jours suivants ; les versements restant dus (montant, payeur, "
            + "date, total exact au centime) ; les indicateurs clés (réalisé et avancement à cette réunion et à la précédente, tendance) ; "
            + "les anomalies ouvertes ; les incohérences que la convention permet de vérifier (plan de financement, imputation). Une "
            + "réalisation compte par sa date, même saisie après la réunion. Lisible par tous ceux qui lisent la convention.";

    @GET
    @Path("/{id}/dossier.html")
    @Produces(HTML)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE, Roles.AGENT })
    @Operation(summary = "Le dossier de séance d'une réunion de l'instance, en HTML", description = DOSSIER)
    @APIResponse(responseCode = "200", description = "Une page HTML autonome, imprimable",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response dossierHtml(@PathParam("conventionId") UUID conventionId, @PathParam("id") UUID id,
            @QueryParam("reunion") @NotBlank(message = "doit donner la date de la réunion, AAAA-MM-JJ")
            @Parameter(description = "La date de la réunion, AAAA-MM-JJ", example = "2025-01-14") String reunion) {
        LocalDate jour = ProblemeException.date("reunion", reunion);
        DossierComiteService.Dossier d = dossiers.dossier(conventionId, id, jour);
        return Response.ok(RenduHtml.html(DossierComiteDocument.de(d)), HTML + "; charset=UTF-8")
                .header("Content-Disposition", "inline; filename=\"" + DossierComiteDocument.nomFichier(d.convention(), jour, "html") + "\"").build();
    }

    @GET
    @Path("/{id}/dossier.pdf")
    @Produces(PDF)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE, Roles.AGENT })
    @Operation(summary = "Le dossier de séance d'une réunion de l'instance, en PDF", description = DOSSIER)
    @APIResponse(responseCode = "200", description = "Le même dossier qu'en HTML, en PDF",
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response dossierPdf(@PathParam("conventionId") UUID conventionId, @PathParam("id") UUID id,
            @QueryParam("reunion") @NotBlank(message = "doit donner la date de la réunion, AAAA-MM-JJ")
            @Parameter(description = "La date de la réunion, AAAA-MM-JJ", example = "2025-01-14") String reunion) {
        LocalDate jour = ProblemeException.date("reunion", reunion);
        DossierComiteService.Dossier d = dossiers.dossier(conventionId, id, jour);
        return Response.ok(RenduPdf.pdf(DossierComiteDocument.de(d)), PDF)
                .header("Content-Disposition", "inline; filename=\"" + DossierComiteDocument.nomFichier(d.convention(), jour, "pdf") + "\"").build();
    }
}
