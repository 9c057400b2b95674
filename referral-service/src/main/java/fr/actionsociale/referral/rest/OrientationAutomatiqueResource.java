package fr.actionsociale.referral.rest;

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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.commons.Formats;
import fr.actionsociale.commons.probleme.Probleme;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.probleme.TypeProbleme;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.referral.domain.FichierEntrants;
import fr.actionsociale.referral.domain.RegleOrientation;
import fr.actionsociale.referral.domain.TypeStructure;
import fr.actionsociale.referral.service.BeneficiaireService;
import fr.actionsociale.referral.service.ImportEntrantsService;
import fr.actionsociale.referral.service.OrientationAutomatiqueService;

/** Automatic orientation of RSA entrants: its rules (data), its runs, its audited decisions; and the CAF's monthly file. */
@Path("/")
@Tag(name = "Orientation automatique et entrants RSA")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class OrientationAutomatiqueResource {

    private final OrientationAutomatiqueService automatique;
    private final ImportEntrantsService imports;
    private final BeneficiaireService beneficiaires;
    private final Appelant appelant;

    OrientationAutomatiqueResource(OrientationAutomatiqueService automatique, ImportEntrantsService imports, BeneficiaireService beneficiaires,
            Appelant appelant) {
        this.automatique = automatique;
        this.imports = imports;
        this.beneficiaires = beneficiaires;
        this.appelant = appelant;
    }

    @Schema(name = "RegleOrientationRequete", description = "Une règle : ses critères (absents = tous) et la structure visée")
    public record RegleRequete(
            @NotNull @Min(value = 1, message = "doit valoir au moins 1") @Max(value = 1000, message = "ne doit pas dépasser 1000") Integer rang,
            @NotBlank @Size(max = 300)
            @Schema(example = "Moins de 26 ans vers la Mission locale") String libelle,
            @Min(value = 0, message = "doit être positif ou nul") @Max(value = 130, message = "ne doit pas dépasser 130") Integer ageMin,
            @Min(value = 0, message = "doit être positif ou nul") @Max(value = 130, message = "ne doit pas dépasser 130") Integer ageMax,
            @Size(max = 20, message = "au plus 20 types de foyer") List<@NotNull @Pattern(regexp = "^[a-z_]{1,30}$", message = "un type de foyer en minuscules") String> foyers,
            @Size(max = 200, message = "au plus 200 communes") List<@NotNull @Pattern(regexp = Formats.CODE_INSEE, message = Formats.CODE_INSEE_RAISON) String> communes,
            @NotNull TypeStructure typeStructure,
            @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON)
            @Schema(description = "Une structure précise ; sinon celle du type qui couvre la commune") String structure) {
    }

    @Schema(name = "RegleOrientation")
    public record RegleVue(UUID id, int rang, String libelle, Integer ageMin, Integer ageMax, List<String> foyers, List<String> communes,
            String typeStructure, String structure) {
        static RegleVue de(RegleOrientation r) {
            return new RegleVue(r.id(), r.rang(), r.libelle(), r.ageMin(), r.ageMax(), r.foyers(), r.communes(), r.typeStructure().name(), r.structure());
        }
    }

    @Schema(name = "ForcageRequete")
    public record ForcageRequete(
            @NotBlank @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON) String structure,
            @NotBlank(message = "est obligatoire : toute dérogation aux règles est motivée") @Size(max = 2000)
            String motif) {
    }

    @POST
    @Path("/regles-orientation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Ajouter une règle d'orientation automatique", description = "Les règles sont essayées par rang ; la première qui correspond décide.")
    @APIResponse(responseCode = "201", description = "Règle ajoutée", content = @Content(schema = @Schema(implementation = RegleVue.class)))
    public Response creer(@Valid @NotNull RegleRequete r) {
        RegleOrientation regle = automatique.creerRegle(r.rang(), r.libelle(), r.ageMin(), r.ageMax(), r.foyers(), r.communes(), r.typeStructure(),
                r.structure());
        return Response.created(URI.create("/regles-orientation/" + regle.id())).entity(RegleVue.de(regle)).build();
    }

    @GET
    @Path("/regles-orientation")
    @RolesAllowed({ Roles.AGENT, Roles.COORDINATEUR, Roles.GESTIONNAIRE, Roles.ADMIN })
    @Operation(summary = "Les règles d'orientation automatique, dans leur ordre")
    public List<RegleVue> regles() {
        return automatique.regles().stream().map(RegleVue::de).toList();
    }

    @POST
    @Path("/orientation-automatique/executions")
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Operation(summary = "Lancer l'orientation automatique", description = "Sur les entrants RSA (droit ouvert) sans orientation ; elle tourne aussi "
            + "chaque mois (le 1er à 5 h). Chaque décision garde la règle et la raison.")
    public OrientationAutomatiqueService.Execution executer() {
        return automatique.executer(appelant.identifiant());
    }

    @GET
    @Path("/decisions-orientation")
    @RolesAllowed({ Roles.AGENT, Roles.GESTIONNAIRE, Roles.ADMIN })
    @Operation(summary = "Les décisions d'orientation d'une personne", description = "Automatiques (règle et raison) et forcées (agent et motif).")
    @APIResponse(responseCode = "200", description = "Les décisions, de la plus ancienne à la plus récente")
    @APIResponse(responseCode = "404", description = "Personne inconnue, ou dont le dossier n'est pas accessible à l'appelant")
    public List<OrientationAutomatiqueService.Decision> decisions(
            @QueryParam("beneficiaire") @NotBlank String reference) {
        return automatique.decisions(beneficiaires.accessible(reference));
    }

    @POST
    @Path("/decisions-orientation/{id}/forcage")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Passer outre une décision automatique", description = "Réoriente vers une autre structure, avec un motif ; tout est tracé.")
    public OrientationAutomatiqueService.Decision forcer(@PathParam("id") UUID id,
            @Valid @NotNull ForcageRequete r) {
        return automatique.forcer(id, r.structure(), r.motif());
    }

    @POST
    @Path("/imports/entrants-rsa")
    @Consumes({ "text/csv", MediaType.TEXT_PLAIN })
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Operation(summary = "Importer le fichier mensuel des entrants RSA", description = "CSV numero_allocataire;date_ouverture;date_naissance;commune;"
            + "foyer. Dédoublonné (dans le fichier et avec les personnes connues), droit RSA ouvert à sa date et horloges démarrées, orientation "
            + "automatique appliquée. L'inscription et l'orientation automatique prennent le jour de traitement du fichier (dateTraitement, "
            + "aujourd'hui par défaut) : c'est la date de l'orientation, de son événement orientation-faite et le départ des délais du premier "
            + "rendez-vous et du premier CER ; les délais légaux de la première invitation et de l'orientation courent de l'ouverture. Un jour "
            + "de traitement dans le futur est refusé (400 nommant dateTraitement), de même qu'une ligne ouverte après lui (date_ouverture). "
            + ImportEntrantsService.REGLE)
    public ImportEntrantsService.Bilan importer(
            @Parameter(description = "Code de la caisse qui a ouvert les droits du fichier ; institution des droits RSA importés")
            @QueryParam("caisse") @DefaultValue("caf-35")
            @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON) String caisse,
            @Parameter(description = "Le jour où le Département a traité le fichier (AAAA-MM-JJ), celui de sa réception pour un fichier mensuel "
                    + "importé après coup ; aujourd'hui si absent. Jamais dans le futur, jamais avant l'ouverture d'une de ses lignes",
                    example = "2026-11-05", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("dateTraitement") String dateTraitement, String texte) {
        LocalDate traitement = ProblemeException.date("dateTraitement", dateTraitement);
        try {
            return imports.importer(texte, caisse, appelant.institution(), traitement);
        } catch (FichierEntrants.FichierInvalideException e) {
            throw new ProblemeException(TypeProbleme.REQUETE_INVALIDE, e.total() + " ligne(s) invalide(s) : rien n'a été importé."
                    + (e.total() > e.erreurs().size() ? " Les " + FichierEntrants.ERREURS_MAX + " premières erreurs sont listées." : ""),
                    e.erreurs().stream().map(x -> new Probleme.Erreur("ligne " + x.ligne() + (x.colonne() == null ? "" : ", " + x.colonne()), x.raison()))
                            .toList());
        }
    }
}
