package fr.actionsociale.budget.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.budget.domain.CategorieDepense;
import fr.actionsociale.budget.domain.Programme;
import fr.actionsociale.budget.service.DepenseService;
import fr.actionsociale.budget.service.FinancementService;
import fr.actionsociale.budget.service.ProgrammeService;
import fr.actionsociale.commons.idempotence.Idempotence;
import fr.actionsociale.commons.idempotence.Idempotent;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;

/** Expenses and payments of a programme, and its financial situation. */
@Path("/programmes/{code}")
@Tag(name = "Dépenses et versements")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class DepenseResource {

    private final DepenseService depenses;
    private final FinancementService financements;
    private final ProgrammeService programmes;
    private final Appelant appelant;

    DepenseResource(DepenseService depenses, FinancementService financements, ProgrammeService programmes, Appelant appelant) {
        this.depenses = depenses;
        this.financements = financements;
        this.programmes = programmes;
        this.appelant = appelant;
    }

    @Schema(name = "DepenseRequete")
    public record DepenseRequete(
            @NotBlank @Size(max = 30) @Schema(example = "4.1") String action,
            @NotNull @DecimalMin(value = "0.01", message = "doit être strictement positif")
            @Digits(integer = 13, fraction = 2, message = "au plus deux décimales (des centimes)") @Schema(example = "53000.00") BigDecimal montant,
            @NotNull @Schema(example = "2023-03-31") LocalDate date,
            @NotNull CategorieDepense categorie,
            @NotBlank @Size(max = 300) @Schema(example = "Paie service RSA")
            String beneficiaire,
            @NotBlank @Size(max = 200) @Schema(example = "Mandat 2023-004512")
            String pieceJustificative,
            @DecimalMin(value = "0.01", message = "doit être strictement positif") @DecimalMax(value = "1000", message = "ne doit pas dépasser 1000")
            @Digits(integer = 4, fraction = 2, message = "au plus deux décimales")
            @Schema(description = "ETP payés, pour les dépenses de personnel", example = "1") BigDecimal etp) {
    }

    @Schema(name = "Depense")
    public record DepenseVue(UUID id, String action, String periode, BigDecimal montant, LocalDate date, String categorie, String beneficiaire,
            String pieceJustificative, BigDecimal etp, boolean eligible, String regleRefus, BigDecimal consommationLigne) {
    }

    @Schema(name = "VersementRequete")
    public record VersementRequete(
            @NotNull @DecimalMin(value = "0.01", message = "doit être strictement positif")
            @Digits(integer = 13, fraction = 2, message = "au plus deux décimales (des centimes)") @Schema(example = "431813.40") BigDecimal montant,
            @NotNull @Schema(example = "2023-07-10") LocalDate date,
            @NotBlank @Size(max = 300) @Schema(example = "Versement 1 (60 %)")
            String libelle) {
    }

    @Schema(name = "BilanFinalRequete")
    public record BilanRequete(@NotNull @Schema(example = "2025-03-31") LocalDate date) {
    }

    @POST
    @Path("/depenses")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Enregistrer une dépense", description = "Sur la ligne de l'action ouverte à sa date ; jugée éligible ou refusée avec la "
            + "règle qui la refuse (frais généraux, de mission, prestations d'évaluation, de formation ou de gestion de projet, investissement hors "
            + "développements informatiques, ingénierie au-delà du plafond d'ETP). Publie depense-enregistree et, si éligible, credits-consommes.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = DepenseVue.class)))
    @Idempotent
    public Response enregistrer(@PathParam("code") String code, @HeaderParam(Idempotence.ENTETE) String cle,
            @Valid @NotNull DepenseRequete r) {
        programmes.trouver(code);
        DepenseService.Enregistree e = depenses.enregistrer(code, r.action(), r.montant(), r.date(), r.categorie(), r.beneficiaire(),
                r.pieceJustificative(), r.etp(), appelant.identifiant());
        return Response.status(Response.Status.CREATED).entity(new DepenseVue(e.depense().id(), e.action().code(), e.ligne().periode(),
                e.depense().montant(), e.depense().date(), e.depense().categorie().name(), e.depense().beneficiaire(),
                e.depense().pieceJustificative(), e.depense().etp(), e.depense().eligible(), e.depense().regleRefus(), e.consommation())).build();
    }

    @GET
    @Path("/depenses")
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR })
    @Operation(summary = "Les dépenses d'un programme jusqu'à une date", description = "Éligibles et refusées, avec la règle.")
    public List<DepenseVue> lister(@PathParam("code") String code, @QueryParam("date") String date) {
        Programme p = programmes.trouver(code);
        LocalDate au = ProblemeException.date("date", date);
        return depenses.etat(p, au == null ? LocalDate.of(9999, 12, 31) : au).stream()
                .map(d -> new DepenseVue(d.id(), d.action(), d.periode(), d.montant(), d.date(), d.categorie().name(), d.beneficiaire(),
                        d.pieceJustificative(), d.etp(), d.eligible(), d.regleRefus(), null)).toList();
    }

    @POST
    @Path("/versements")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Enregistrer un versement reçu")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = FinancementService.Versement.class)))
    @Idempotent
    public Response verser(@PathParam("code") String code, @HeaderParam(Idempotence.ENTETE) String cle,
            @Valid @NotNull VersementRequete r) {
        Programme p = programmes.trouver(code);
        return Response.status(Response.Status.CREATED)
                .entity(financements.verser(p, r.montant(), r.date(), r.libelle(), appelant.identifiant())).build();
    }

    @GET
    @Path("/situation")
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE })
    @Operation(summary = "Situation financière à une date", description = "Enveloppe et tranches attendues, versements reçus, consommation, trop-perçu.")
    public FinancementService.Situation situation(@PathParam("code") String code, @QueryParam("date") String date) {
        return financements.situation(programmes.trouver(code), programmes.auJour(date));
    }

    @POST
    @Path("/bilan-final")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Produire le bilan final", description = "Arrête le trop-perçu à rembourser à l'État à cette date (une seule fois).")
    public FinancementService.Situation bilanFinal(@PathParam("code") String code,
            @Valid @NotNull BilanRequete r) {
        return financements.bilanFinal(code, r.date());
    }
}
