package fr.actionsociale.conventions.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import fr.actionsociale.commons.probleme.Probleme;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.conventions.domain.BudgetAnnuel;
import fr.actionsociale.conventions.domain.DepenseReseau;
import fr.actionsociale.conventions.domain.MiseADisposition;
import fr.actionsociale.conventions.domain.NatureMiseADisposition;
import fr.actionsociale.conventions.rest.RechargeVues.BudgetVue;
import fr.actionsociale.conventions.rest.RechargeVues.DepenseVue;
import fr.actionsociale.conventions.rest.RechargeVues.MiseVue;
import fr.actionsociale.conventions.service.RechargeService;

/** Seed 004: the network's yearly budget, the expenses proposed against it and the contributions in kind of each year. */
@Path("/conventions/{conventionId}/budgets-annuels")
@Tag(name = "Recharge annuelle")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class BudgetAnnuelResource {

    private final RechargeService recharge;

    BudgetAnnuelResource(RechargeService recharge) {
        this.recharge = recharge;
    }

    @Schema(name = "BudgetAnnuelRequete")
    public record BudgetRequete(
            @NotNull @Schema(example = "4000.00", description = "Euros, au centime près") BigDecimal montant,
            @NotNull @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON)
            @Schema(example = "ccas-blain", description = "La partie qui avance les fonds") String avancePar,
            @Schema(description = "Date de la décision du comité de pilotage ; absente : aujourd'hui") LocalDate decideLe,
            @Size(max = BudgetAnnuel.LONGUEUR_MOTIF) @Schema(description = "Obligatoire pour une révision", example = "Budget prévisionnel 2015 du comité de pilotage")
            String motif) {
    }

    @Schema(name = "DepenseReseauRequete")
    public record DepenseRequete(
            @NotBlank @Size(max = DepenseReseau.LONGUEUR_OBJET) @Schema(example = "Location de salle pour la journée annuelle") String objet,
            @NotNull @Schema(example = "512.40") BigDecimal montant,
            @NotNull @Schema(example = "2015-10-02") LocalDate dateFacture,
            @NotBlank @Size(max = DepenseReseau.LONGUEUR_FACTURE) @Schema(example = "F-2015-0412") String numeroFacture,
            @NotNull @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON) @Schema(example = "ccas-blain") String proposeePar,
            @Schema(description = "Absente : aujourd'hui") LocalDate proposeeLe) {
    }

    @Schema(name = "MiseADispositionRequete")
    public record MiseRequete(
            @NotNull @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON) @Schema(example = "ccas-blain") String fournisseur,
            @NotNull NatureMiseADisposition nature,
            @NotBlank @Size(max = MiseADisposition.LONGUEUR_LIBELLE) @Schema(example = "Concours technique et administratif, dynamique Inter-CCAS") String libelle,
            @NotNull @Schema(example = "1200.00") BigDecimal montant) {
    }

    @PUT
    @Path("/{annee}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Voter ou réviser le budget de fonctionnement d'une année", description = "Seed 004, article 4.1 : 4 000 € par an, "
            + "révisable chaque année, avancés par une partie. Une révision garde la trace du montant précédent, de la date et du motif ; "
            + "le même montant et la même partie ne changent rien. Refusée sous les dépenses déjà validées, ou après l'appel à régularisation.")
    @APIResponse(responseCode = "201", description = "Budget voté", content = @Content(schema = @Schema(implementation = BudgetVue.class)))
    @APIResponse(responseCode = "200", description = "Budget révisé ou inchangé", content = @Content(schema = @Schema(implementation = BudgetVue.class)))
    @APIResponse(responseCode = "409", description = "L'appel de l'année est émis", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    public Response voter(@PathParam("conventionId") UUID conventionId, @PathParam("annee") int annee, @Valid @NotNull BudgetRequete r) {
        RechargeService.Vote v = recharge.voter(conventionId, annee, r.montant(), r.avancePar(), r.decideLe(), r.motif());
        BudgetVue vue = vue(conventionId, v.budget());
        return v.cree() ? Response.created(URI.create("/conventions/" + conventionId + "/budgets-annuels/" + annee)).entity(vue).build()
                : Response.ok(vue).build();
    }

    @GET
    @Path("/{annee}")
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE, Roles.AGENT })
    @Operation(summary = "Le budget d'une année", description = "Ses révisions, ses dépenses (proposées, validées, payées) et les mises à disposition valorisées.")
    public BudgetVue lire(@PathParam("conventionId") UUID conventionId, @PathParam("annee") int annee) {
        return vue(conventionId, recharge.budget(conventionId, annee));
    }

    private BudgetVue vue(UUID conventionId, BudgetAnnuel b) {
        return BudgetVue.de(b, recharge.depenses(conventionId, b.annee()), recharge.mises(conventionId, b.annee()),
                recharge.appel(conventionId, b.annee()) != null);
    }

    @POST
    @Path("/{annee}/depenses")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Idempotent
    @Operation(summary = "Proposer une dépense avec sa facture", description = "La facture (numéro, date dans l'année du budget, montant) est "
            + "proposée par une partie ; le comité de pilotage la valide ensuite (article 4.1).")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = DepenseVue.class)))
    @APIResponse(responseCode = "409", description = "L'appel de l'année est émis", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    public Response proposer(@PathParam("conventionId") UUID conventionId, @PathParam("annee") int annee,
            @HeaderParam(Idempotence.ENTETE) String cle, @Valid @NotNull DepenseRequete r) {
        DepenseReseau d = recharge.proposer(conventionId, annee, r.objet(), r.montant(), r.dateFacture(), r.numeroFacture(), r.proposeePar(),
                r.proposeeLe());
        return Response.created(URI.create("/conventions/" + conventionId + "/budgets-annuels/" + annee)).entity(DepenseVue.de(d)).build();
    }

    @POST
    @Path("/{annee}/mises-a-disposition")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Idempotent
    @Operation(summary = "Valoriser une mise à disposition de l'année", description = "Personnel, locaux ou matériels qu'une partie met à "
            + "disposition du réseau (articles 4.2.2 et 5), valorisés en euros par la partie qui les fournit ; répartis comme les dépenses.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = MiseVue.class)))
    @APIResponse(responseCode = "409", description = "L'appel de l'année est émis", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    public Response valoriser(@PathParam("conventionId") UUID conventionId, @PathParam("annee") int annee,
            @HeaderParam(Idempotence.ENTETE) String cle, @Valid @NotNull MiseRequete r) {
        MiseADisposition m = recharge.valoriser(conventionId, annee, r.fournisseur(), r.nature(), r.libelle(), r.montant());
        return Response.created(URI.create("/conventions/" + conventionId + "/budgets-annuels/" + annee)).entity(MiseVue.de(m)).build();
    }
}
