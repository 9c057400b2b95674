package fr.actionsociale.conventions.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.commons.Formats;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.conventions.domain.Avenant;
import fr.actionsociale.conventions.domain.ConventionVersion;
import fr.actionsociale.conventions.domain.RolePartie;
import fr.actionsociale.conventions.service.AvenantService;

/** Avenants, and every version of a convention (what was true when). */
@Path("/conventions/{conventionId}")
@Tag(name = "Avenants et versions")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class AvenantResource {

    private final AvenantService avenants;

    AvenantResource(AvenantService avenants) {
        this.avenants = avenants;
    }

    @Schema(name = "AvenantRequete", description = "Ce que l'avenant modifie : au moins un élément")
    public record AvenantRequete(
            @NotBlank @Size(max = 2000)
            @Schema(example = "Prolongation d'un an") String objet,
            @Schema(example = "2027-12-31") LocalDate nouvelleDateFin,
            @PositiveOrZero(message = "doit être positif ou nul") @Digits(integer = 12, fraction = 2, message = "doit être un montant en euros avec au plus deux décimales")
            BigDecimal nouveauMontantTotal,
            @Min(value = 0, message = "doit être positif ou nul") @Max(value = 24, message = "ne doit pas dépasser 24 mois") Integer nouveauPreavisMois,
            @Size(max = 50, message = "au plus 50 parties") @Schema(description = "Institutions qui rejoignent la convention ; chacune approuve l'avenant")
            List<@Valid @NotNull(message = "ne peut pas être nulle") PartieAjouteeRequete> partiesAjoutees,
            @Size(max = 50, message = "au plus 50 parties") @Schema(description = "Institutions qui quittent la convention (pas le porteur)")
            List<@NotBlank @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON) String> partiesRetirees,
            @Size(max = 200, message = "au plus 200 engagements")
            List<@Valid @NotNull(message = "ne peut pas être nul") EngagementModifieRequete> engagementsModifies) {
    }

    @Schema(name = "PartieAjouteeRequete")
    public record PartieAjouteeRequete(
            @NotBlank @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON) String institution,
            @NotNull RolePartie role,
            @Size(max = 300) String representantQualite) {
    }

    @Schema(name = "EngagementModifieRequete")
    public record EngagementModifieRequete(
            @NotNull UUID engagementId,
            @DecimalMin(value = "0.01", message = "doit être strictement positive") @Digits(integer = 12, fraction = 2, message = "au plus deux décimales")
            BigDecimal nouvelleQuantite,
            LocalDate nouvelleDateFin) {
    }

    @Schema(name = "ApprobationRequete")
    public record ApprobationRequete(
            @NotBlank @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON) String institution,
            @NotNull LocalDate date,
            @Schema(description = "Délibération enregistrée (GET /deliberations) qui approuve l'avenant : requise pour une institution dont "
                    + "l'organe délibère (GET /regles-signature)") java.util.UUID deliberationId) {
    }

    @Schema(name = "Avenant")
    public record AvenantVue(int numero, String objet, LocalDate nouvelleDateFin, BigDecimal nouveauMontantTotal, Integer nouveauPreavisMois,
            List<Avenant.PartieAjoutee> partiesAjoutees, List<String> partiesRetirees, List<Avenant.EngagementModifie> engagementsModifies,
            String statut, LocalDate enVigueurLe, List<Avenant.Approbation> approbations) {
        static AvenantVue de(Avenant a) {
            return new AvenantVue(a.numero(), a.objet(), a.nouvelleDateFin(), a.nouveauMontantTotal(), a.nouveauPreavisMois(), a.partiesAjoutees(),
                    a.partiesRetirees(), a.engagementsModifies(), a.statut(), a.enVigueurLe(), a.approbations());
        }
    }

    @Schema(name = "VersionConvention")
    public record VersionVue(int numero, LocalDate depuis, Integer avenant) {
    }

    @POST
    @Path("/avenants")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Proposer un avenant", description = "Numéroté à la suite ; seulement sur une convention en vigueur. Il peut modifier la "
            + "date de fin, le montant total, le préavis, les parties (entrées, sorties) et la quantité ou la fin des engagements. En vigueur "
            + "quand toutes les parties, entrantes comprises, l'ont approuvé ; les échéances calendaires sont alors recalculées.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = AvenantVue.class)))
    public Response proposer(@PathParam("conventionId") UUID conventionId,
            @Valid @NotNull AvenantRequete r) {
        UUID id = conventionId;
        Avenant a = avenants.proposer(id, r.objet(), new Avenant.Modifications(r.nouvelleDateFin(), r.nouveauMontantTotal(), r.nouveauPreavisMois(),
                r.partiesAjoutees() == null ? null : r.partiesAjoutees().stream()
                        .map(p -> new Avenant.PartieAjoutee(p.institution(), p.role(), p.representantQualite())).toList(),
                r.partiesRetirees(),
                r.engagementsModifies() == null ? null : r.engagementsModifies().stream()
                        .map(e -> new Avenant.EngagementModifie(e.engagementId(), e.nouvelleQuantite(), e.nouvelleDateFin())).toList()));
        return Response.created(URI.create("/conventions/" + id + "/avenants/" + a.numero())).entity(AvenantVue.de(a)).build();
    }

    @GET
    @Path("/avenants")
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE, Roles.AGENT })
    @Operation(summary = "Les avenants d'une convention")
    public List<AvenantVue> lister(@PathParam("conventionId") UUID conventionId) {
        return avenants.lister(conventionId).stream().map(AvenantVue::de).toList();
    }

    @POST
    @Path("/avenants/{numero}/approbations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Approbation de l'avenant par une partie", description = "La dernière approbation met l'avenant en vigueur : "
            + "la convention change, une nouvelle version est conservée, avenant-signe est publié.")
    public AvenantVue approuver(@PathParam("conventionId") UUID conventionId, @PathParam("numero") int numero,
            @Valid @NotNull ApprobationRequete r) {
        return AvenantVue.de(avenants.approuver(conventionId, numero, r.institution(), r.date(), r.deliberationId()));
    }

    @GET
    @Path("/versions")
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE, Roles.AGENT })
    @Operation(summary = "Les versions d'une convention", description = "1 à l'entrée en vigueur, une de plus par avenant en vigueur.")
    public List<VersionVue> versions(@PathParam("conventionId") UUID conventionId) {
        return avenants.versions(conventionId).stream()
                .map(v -> new VersionVue(v.numero(), v.depuis(), v.avenantNumero())).toList();
    }

    @GET
    @Path("/versions/{numero}")
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE, Roles.AGENT })
    @Operation(summary = "Une version de la convention, telle qu'elle se lisait alors")
    public Response version(@PathParam("conventionId") UUID conventionId, @PathParam("numero") int numero) {
        ConventionVersion v = avenants.version(conventionId, numero);
        return Response.ok(v.contenu(), MediaType.APPLICATION_JSON).header("X-Version-Depuis", v.depuis()).build();
    }
}
