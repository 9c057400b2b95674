package fr.actionsociale.budget.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.budget.domain.ActionProgramme;
import fr.actionsociale.budget.domain.Axe;
import fr.actionsociale.budget.domain.CategorieDepense;
import fr.actionsociale.budget.domain.LigneBudgetaire;
import fr.actionsociale.budget.domain.Periode;
import fr.actionsociale.budget.domain.Programme;
import fr.actionsociale.budget.service.ConsommationService;
import fr.actionsociale.budget.service.ExecutionService;
import fr.actionsociale.budget.service.FinancementService;
import fr.actionsociale.budget.service.ProgrammeService;
import fr.actionsociale.commons.Formats;
import fr.actionsociale.commons.idempotence.Idempotence;
import fr.actionsociale.commons.idempotence.Idempotent;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;

/** Programmes, their actions and budget lines, and their execution at a date. */
@Path("/programmes")
@Tag(name = "Programmes")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class ProgrammeResource {

    static final String CODE = "^[A-Za-z0-9]+([-_.][A-Za-z0-9]+)*$";
    static final String CODE_RAISON = "lettres, chiffres, tirets ou points, ex. CALPAE-2022";
    static final String ACTION = "^[0-9A-Za-z]+([.\\-][0-9A-Za-z]+)*$";

    private final ProgrammeService programmes;
    private final ExecutionService executions;
    private final ConsommationService consommations;
    private final FinancementService financements;
    private final Appelant appelant;

    ProgrammeResource(ProgrammeService programmes, ExecutionService executions, ConsommationService consommations, FinancementService financements,
            Appelant appelant) {
        this.programmes = programmes;
        this.executions = executions;
        this.consommations = consommations;
        this.financements = financements;
        this.appelant = appelant;
    }

    @Schema(name = "ProgrammeRequete")
    public record ProgrammeRequete(
            @NotBlank @Size(max = 60)
            @Pattern(regexp = CODE, message = CODE_RAISON) @Schema(example = "CALPAE-2022") String code,
            @NotBlank @Size(max = 500)
            @Schema(example = "Convention d'appui à la lutte contre la pauvreté et d'accès à l'emploi 2022") String libelle,
            @NotNull @Schema(example = "2022-01-01") LocalDate dateDebut,
            @NotNull @Schema(example = "2023-06-30") LocalDate dateFin,
            @Size(max = 200)
            @Schema(description = "Référence de la convention qui le finance : sa signature (convention-signee) ouvre l'enveloppe") String referenceConvention,
            @Size(max = 200, message = "au plus 200 communes")
            @Schema(description = "Codes INSEE des communes, pour les indicateurs calculés en direct") List<
                    @Pattern(regexp = Formats.CODE_INSEE, message = Formats.CODE_INSEE_RAISON) String> territoire,
            @Schema(description = "Catégories de dépenses non éligibles à la part de l'État (convention de financement, art. 4.2)") List<CategorieDepense> categoriesNonEligibles,
            @DecimalMin(value = "0", message = "ne peut pas être négatif") @Digits(integer = 4, fraction = 2, message = "au plus deux décimales")
            @Schema(description = "Plafond d'ETP d'ingénierie de projet financés (seed 002 : 3)", example = "3") BigDecimal plafondEtpIngenierie) {
    }

    @Schema(name = "Programme")
    public record ProgrammeVue(String code, String libelle, LocalDate dateDebut, LocalDate dateFin, String referenceConvention, List<String> territoire,
            List<String> categoriesNonEligibles, BigDecimal plafondEtpIngenierie, FinancementService.Enveloppe enveloppe) {
    }

    @Schema(name = "ActionRequete")
    public record ActionRequete(
            @NotBlank @Size(max = 30)
            @Pattern(regexp = ACTION, message = "un numéro d'action, ex. 4.1") @Schema(example = "4.1") String code,
            @NotBlank @Size(max = 500) String libelle,
            @Size(max = 120) @Schema(example = "4") String axe,
            @Size(max = 500) String axeLibelle,
            @Size(max = 1000) @Schema(example = "CAF, MSA et Pôle emploi") String partenaires,
            LocalDate dateDebut, LocalDate dateFin) {
    }

    @Schema(name = "LigneBudgetaireRequete")
    public record LigneRequete(
            @NotBlank @Pattern(regexp = Periode.FORMAT, message = Periode.RAISON) @Schema(example = "2023") String periode,
            @DecimalMin(value = "0", message = "ne peut pas être négatif") @Digits(integer = 13, fraction = 2, message = "au plus deux décimales")
            BigDecimal valorisationDepartement,
            @Size(max = 1000) String actionsValorisees,
            @DecimalMin(value = "0", message = "ne peut pas être négatif") @Digits(integer = 13, fraction = 2, message = "au plus deux décimales")
            @Schema(description = "Sans valeur : le report de la période précédente") BigDecimal reportEntrant,
            @DecimalMin(value = "0", message = "ne peut pas être négatif") @Digits(integer = 13, fraction = 2, message = "au plus deux décimales")
            BigDecimal participationEtat,
            @Size(max = 2000) String natureDepenses) {
    }

    @Schema(name = "LigneBudgetaire", description = "Recettes et report sur la période suivante calculés ; ceux du tableau importé à côté")
    public record LigneVue(String action, String periode, LocalDate dateDebut, LocalDate dateFin, BigDecimal valorisationDepartement,
            String actionsValorisees, BigDecimal reportEntrant, BigDecimal participationEtat, BigDecimal recettes, String natureDepenses,
            BigDecimal consommation, LocalDate consommationAu, BigDecimal reportSortant, BigDecimal recettesImportees, BigDecimal reportSortantImporte) {
        static LigneVue de(String action, LigneBudgetaire l, BigDecimal consommation, LocalDate au) {
            return new LigneVue(action, l.periode(), l.dateDebut(), l.dateFin(), l.valorisationDepartement(), l.actionsValorisees(), l.reportEntrant(),
                    l.participationEtat(), l.recettes(), l.natureDepenses(), consommation, au, l.reportSortant(consommation), l.recettesImportees(),
                    l.reportSortantImporte());
        }
    }

    @Schema(name = "Action")
    public record ActionVue(String code, String libelle, String axe, String partenaires, LocalDate dateDebut, LocalDate dateFin, List<LigneVue> lignes) {
    }

    ProgrammeVue vue(Programme p) {
        return new ProgrammeVue(p.code(), p.libelle(), p.dateDebut(), p.dateFin(), p.referenceConvention(), p.territoire(),
                p.categoriesNonEligibles().stream().map(Enum::name).toList(), p.plafondEtpIngenierie(), financements.enveloppe(p));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Créer un programme", description = "Avec ses règles d'éligibilité et la convention qui le finance.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ProgrammeVue.class)))
    @Idempotent
    public Response creer(@HeaderParam(Idempotence.ENTETE) String cle, @Valid @NotNull ProgrammeRequete r) {
        Programme p = programmes.creer(r.code(), r.libelle(), r.dateDebut(), r.dateFin(), r.referenceConvention(),
                r.territoire() == null ? List.of() : r.territoire(),
                r.categoriesNonEligibles() == null || r.categoriesNonEligibles().isEmpty() ? EnumSet.noneOf(CategorieDepense.class)
                        : EnumSet.copyOf(r.categoriesNonEligibles()),
                r.plafondEtpIngenierie());
        return Response.created(URI.create("/programmes/" + p.code())).entity(vue(p)).build();
    }

    @GET
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE })
    @Operation(summary = "Les programmes")
    public List<ProgrammeVue> lister() {
        return programmes.lister().stream().map(this::vue).toList();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE })
    @Operation(summary = "Un programme", description = "Avec son enveloppe et ses tranches attendues une fois sa convention signée.")
    public ProgrammeVue lire(@PathParam("code") String code) {
        return vue(programmes.trouver(code));
    }

    @POST
    @Path("/{code}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Ajouter une action", description = "Dans un axe (créé s'il n'existe pas).")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ActionVue.class)))
    @Idempotent
    public Response ajouterAction(@PathParam("code") String code, @HeaderParam(Idempotence.ENTETE) String cle,
            @Valid @NotNull ActionRequete r) {
        Programme p = programmes.trouver(code);
        ActionProgramme a = programmes.creerAction(p, r.axe(), r.axeLibelle(), r.code(), r.libelle(), r.partenaires(), r.dateDebut(), r.dateFin());
        return Response.created(URI.create("/programmes/" + code + "/actions/" + a.code())).entity(actionVue(codesDesAxes(p), a, programmes.aujourdHui())).build();
    }

    @GET
    @Path("/{code}/actions")
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE })
    @Operation(summary = "Les actions d'un programme", description = "Chacune avec ses lignes budgétaires, consommation à la date demandée (aujourd'hui par défaut).")
    public List<ActionVue> actions(@PathParam("code") String code, @QueryParam("date") @Parameter(description = "AAAA-MM-JJ") String date) {
        Programme p = programmes.trouver(code);
        LocalDate au = programmes.auJour(date);
        Map<UUID, String> axes = codesDesAxes(p);
        return programmes.actions(p.id()).stream().map(a -> actionVue(axes, a, au)).toList();
    }

    @POST
    @Path("/{code}/actions/{action}/lignes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Ouvrir la ligne budgétaire d'une période", description = "Sans report indiqué, le report de la période précédente l'ouvre.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = LigneVue.class)))
    @Idempotent
    public Response ouvrirLigne(@PathParam("code") String code, @PathParam("action") String action, @HeaderParam(Idempotence.ENTETE) String cle,
            @Valid @NotNull LigneRequete r) {
        Programme p = programmes.trouver(code);
        ActionProgramme a = programmes.action(p.id(), action).orElseThrow(() -> ProblemeException.introuvable("Action", action + " du programme " + code));
        LigneBudgetaire l = programmes.ouvrirLigne(a, Periode.lire("periode", r.periode()), r.valorisationDepartement(),
                r.actionsValorisees(), r.reportEntrant(), r.participationEtat(), r.natureDepenses());
        LocalDate au = programmes.aujourdHui();
        return Response.status(Response.Status.CREATED).entity(LigneVue.de(a.code(), l, consommations.consommation(l, au), au)).build();
    }

    @GET
    @Path("/{code}/execution")
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE })
    @Operation(summary = "Exécution à une date", description = "Par axe et action, avec sous-totaux et total : les colonnes du tableau consolidé.")
    public ExecutionService.Execution execution(@PathParam("code") String code, @QueryParam("date") @Parameter(description = "AAAA-MM-JJ") String date,
            @QueryParam("periode") @Pattern(regexp = Periode.FORMAT, message = Periode.RAISON) String periode) {
        Programme p = programmes.trouver(code);
        return executions.execution(p, programmes.auJour(date), periode);
    }

    /** The programme's axis codes by id, read once for all its actions. */
    Map<UUID, String> codesDesAxes(Programme p) {
        return programmes.axes(p.id()).stream().collect(Collectors.toMap(Axe::id, Axe::code));
    }

    ActionVue actionVue(Map<UUID, String> axes, ActionProgramme a, LocalDate au) {
        return new ActionVue(a.code(), a.libelle(), a.axeId() == null ? null : axes.get(a.axeId()), a.partenaires(), a.dateDebut(), a.dateFin(),
                programmes.lignes(a.id()).stream().map(l -> LigneVue.de(a.code(), l, consommations.consommation(l, au), au)).toList());
    }
}
