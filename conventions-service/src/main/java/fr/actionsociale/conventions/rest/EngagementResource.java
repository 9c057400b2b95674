package fr.actionsociale.conventions.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
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
import jakarta.ws.rs.HeaderParam;
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
import fr.actionsociale.commons.idempotence.Idempotence;
import fr.actionsociale.commons.idempotence.Idempotent;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.conventions.domain.Engagement;
import fr.actionsociale.conventions.domain.EvenementCompte;
import fr.actionsociale.conventions.domain.NatureEngagement;
import fr.actionsociale.conventions.domain.Realisation;
import fr.actionsociale.conventions.domain.Rythme;
import fr.actionsociale.conventions.domain.Valorisation;
import fr.actionsociale.conventions.service.ConventionService;
import fr.actionsociale.conventions.service.EngagementService;

/** Each party's measurable commitments, and their fulfilment. */
@Path("/conventions/{conventionId}/engagements")
@Tag(name = "Engagements")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class EngagementResource {

    private final EngagementService engagements;
    private final ConventionService conventions;
    private final Appelant appelant;

    EngagementResource(EngagementService engagements, ConventionService conventions, Appelant appelant) {
        this.engagements = engagements;
        this.conventions = conventions;
        this.appelant = appelant;
    }

    @Schema(name = "EngagementRequete")
    public record EngagementRequete(
            @NotBlank @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON)
            @Schema(example = "msa-porte-de-bretagne") String institution,
            @NotBlank @Size(max = 100) @Schema(example = "Article 9") String article,
            @NotNull NatureEngagement nature,
            @NotBlank @Size(max = 1000)
            @Schema(example = "Permanence d'une demi-journée tous les 15 jours dans chaque commune") String libelle,
            @NotNull @DecimalMin(value = "0.01", message = "doit être strictement positive")
            @Digits(integer = 12, fraction = 2, message = "au plus deux décimales") @Schema(example = "1") BigDecimal quantite,
            @NotBlank @Size(max = 50) @Schema(example = "demi-journée") String unite,
            @NotNull @Schema(example = "QUINZAINE") Rythme rythme,
            @Min(value = 1, message = "doit valoir au moins 1") @Max(value = 1000, message = "ne doit pas dépasser 1000")
            @Schema(description = "Portée : par exemple le nombre de communes pour « dans chaque commune »", example = "2") Integer multiplicateur,
            @NotNull @Schema(example = "2024-09-01") LocalDate dateDebut,
            @NotNull @Schema(example = "2025-08-31") LocalDate dateFin,
            @Schema(description = "Compter aussi les réalisations depuis ces événements (ORIENTATION_FAITE : une par orientation vers "
                    + "l'institution engagée, dans le territoire de la convention)") EvenementCompte compteEvenement,
            @Valid @Schema(description = "Pour un engagement en nature valorisé : un taux d'une assiette (« valorisés à hauteur de 15% des "
                    + "frais salariaux ») ; absent : l'engagement n'est pas valorisé") ValorisationRequete valorisation) {
    }

    @Schema(name = "ValorisationRequete", description = "Ex. 15 % des frais salariaux du référent Accès aux droits (seed 000, article 10)")
    public record ValorisationRequete(
            @NotNull @DecimalMin(value = "0.01", message = "doit être strictement positif")
            @DecimalMax(value = "100", message = "ne doit pas dépasser 100")
            @Digits(integer = 3, fraction = 2, message = "au plus deux décimales")
            @Schema(description = "Pourcentage de l'assiette : 15 pour 15 %, 50 pour la moitié", example = "15") BigDecimal taux,
            @NotBlank @Size(max = Valorisation.LONGUEUR_ASSIETTE)
            @Schema(description = "Ce à quoi le taux s'applique", example = "frais salariaux du référent Accès aux droits") String assiette,
            @PositiveOrZero(message = "doit être positif ou nul")
            @Digits(integer = 12, fraction = 2, message = "doit être un montant en euros avec au plus deux décimales")
            @Schema(description = "Montant valorisé prévu, en euros ; absent quand la convention ne le donne pas")
            BigDecimal montantPrevu) {

        Valorisation valorisation() {
            return new Valorisation(taux, assiette, montantPrevu);
        }
    }

    @Schema(name = "Valorisation", description = "Comment un engagement en nature est valorisé")
    public record ValorisationVue(
            @Schema(description = "Pourcentage de l'assiette", example = "15.00") BigDecimal taux,
            @Schema(description = "Ce à quoi le taux s'applique") String assiette,
            @Schema(description = "Montant valorisé prévu, en euros ; null quand la convention ne le donne pas") BigDecimal montantPrevu) {
        static ValorisationVue de(Valorisation v) {
            return v == null ? null : new ValorisationVue(v.taux(), v.assiette(), v.montantPrevu());
        }
    }

    @Schema(name = "RealisationRequete")
    public record RealisationRequete(
            @NotNull @Schema(example = "2024-09-10") LocalDate date,
            @NotNull @DecimalMin(value = "0.01", message = "doit être strictement positive")
            @Digits(integer = 12, fraction = 2, message = "au plus deux décimales") @Schema(example = "2") BigDecimal quantite,
            @Size(max = 1000) String commentaire,
            @PositiveOrZero(message = "doit être positif ou nul")
            @Digits(integer = 12, fraction = 2, message = "doit être un montant en euros avec au plus deux décimales")
            @Schema(description = "Engagement valorisé seulement : l'assiette réellement engagée sur cette réalisation, en euros (ex. les "
                    + "frais salariaux du trimestre), que le taux de la valorisation valorise", example = "10000.00") BigDecimal montantAssiette) {
    }

    @Schema(name = "Realisation")
    public record RealisationVue(UUID id, LocalDate date, BigDecimal quantite, String commentaire, String saisiePar,
            @Schema(description = "Assiette réellement engagée, en euros ; null si elle n'a pas été donnée") BigDecimal montantAssiette,
            @Schema(description = "montantAssiette × taux / 100, arrondi au centime (demi supérieur) ; null si l'engagement n'est pas "
                    + "valorisé ou l'assiette pas donnée") BigDecimal montantValorise) {
        static RealisationVue de(Realisation r) {
            return new RealisationVue(r.id(), r.date(), r.quantite(), r.commentaire(), r.saisiePar(), r.montantAssiette(), r.montantValorise());
        }
    }

    @Schema(name = "Engagement", description = "Avec son avancement à la date du jour")
    public record EngagementVue(UUID id, String institution, String article, String nature, String libelle, BigDecimal quantite,
            String unite, String rythme, int multiplicateur, LocalDate dateDebut, LocalDate dateFin, String compteEvenement, BigDecimal totalAttendu,
            BigDecimal attenduAujourdhui, BigDecimal realise, BigDecimal tauxRealisation, boolean enRetard,
            @Schema(description = "null : l'engagement n'est pas valorisé") ValorisationVue valorisation,
            @Schema(description = "Somme des montants valorisés de ses réalisations, en euros ; null si l'engagement n'est pas valorisé")
            BigDecimal montantValorise,
            List<RealisationVue> realisations) {
        static EngagementVue de(Engagement e, LocalDate aujourdHui) {
            return new EngagementVue(e.id(), e.institution(), e.article(), e.nature().name(), e.libelle(), e.quantite(), e.unite(),
                    e.rythme().name(), e.multiplicateur(), e.dateDebut(), e.dateFin(),
                    e.compteEvenement() == null ? null : e.compteEvenement().name(), e.totalAttendu(), e.attenduAu(aujourdHui),
                    e.realise(), e.tauxRealisation(), e.enRetardAu(aujourdHui), ValorisationVue.de(e.valorisation()), e.montantValorise(),
                    e.realisations().stream().map(RealisationVue::de).toList());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Inscrire l'engagement d'une partie", description = "Quantité et unité, rythme, portée et période (dans celle de la "
            + "convention) ; pour un engagement en nature, sa valorisation (taux d'une assiette).")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = EngagementVue.class)))
    @Idempotent
    public Response prendre(@PathParam("conventionId") UUID conventionId, @HeaderParam(Idempotence.ENTETE) String cle,
            @Valid @NotNull EngagementRequete r) {
        UUID convention = conventionId;
        Engagement e = engagements.prendre(convention, r.institution(), r.article(), r.nature(), r.libelle(), r.quantite(), r.unite(),
                r.rythme(), r.multiplicateur() == null ? 1 : r.multiplicateur(), r.dateDebut(), r.dateFin(), r.compteEvenement(),
                r.valorisation() == null ? null : r.valorisation().valorisation());
        return Response.created(URI.create("/conventions/" + conventionId + "/engagements/" + e.id()))
                .entity(EngagementVue.de(e, conventions.aujourdHui())).build();
    }

    @GET
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE, Roles.AGENT })
    @Operation(summary = "Les engagements d'une convention", description = "Chacun avec son taux de réalisation et s'il est en retard sur son rythme aujourd'hui.")
    public List<EngagementVue> lister(@PathParam("conventionId") UUID conventionId) {
        LocalDate aujourdHui = conventions.aujourdHui();
        return engagements.lister(conventionId).stream()
                .map(e -> EngagementVue.de(e, aujourdHui)).toList();
    }

    @POST
    @Path("/{id}/realisations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.AGENT, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Saisir une réalisation", description = "Par la partie engagée (ou un administrateur). Pour un engagement valorisé, "
            + "montantAssiette donne l'assiette réellement engagée, valorisée au taux de l'engagement ; refusé (400) pour un engagement "
            + "qui n'est pas valorisé.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = EngagementVue.class)))
    @Idempotent
    public Response realiser(@PathParam("conventionId") UUID conventionId, @PathParam("id") UUID id,
            @HeaderParam(Idempotence.ENTETE) String cle,
            @Valid @NotNull RealisationRequete r) {
        Engagement fait = engagements.realiser(conventionId, id, r.date(), r.quantite(), r.montantAssiette(), r.commentaire(),
                appelant.institution());
        return Response.status(Response.Status.CREATED).entity(EngagementVue.de(fait, conventions.aujourdHui())).build();
    }
}
