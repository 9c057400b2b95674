package fr.actionsociale.conventions.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.commons.Formats;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.conventions.domain.Echeance;
import fr.actionsociale.conventions.domain.EtatEcheance;
import fr.actionsociale.conventions.service.ConventionService;
import fr.actionsociale.conventions.service.EcheanceService;

/** The deadlines across conventions: reports, renegotiation, notice, payments. */
@Path("/echeances")
@Tag(name = "Échéances")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class EcheanceResource {

    private final EcheanceService echeances;
    private final ConventionService conventions;

    EcheanceResource(EcheanceService echeances, ConventionService conventions) {
        this.echeances = echeances;
        this.conventions = conventions;
    }

    @Schema(name = "Echeance")
    public record EcheanceVue(UUID id, UUID conventionId, String type, String libelle, String institution, LocalDate dateDue,
            BigDecimal montant, String etat, LocalDate faiteLe) {
        static EcheanceVue de(Echeance e, LocalDate aujourdHui) {
            return new EcheanceVue(e.id(), e.conventionId(), e.type().name(), e.libelle(), e.institution(), e.dateDue(), e.montant(),
                    e.etatAu(aujourdHui).name(), e.faiteLe());
        }
    }

    @Schema(name = "EcheanceFaiteRequete")
    public record FaiteRequete(@NotNull @Schema(example = "2025-03-20") LocalDate date) {
    }

    @GET
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE })
    @Operation(summary = "Lister les échéances", description = "Filtres : institution qui doit agir, état (A_VENIR, DUE dans les 15 jours, EN_RETARD, FAITE), convention.")
    public List<EcheanceVue> lister(
            @QueryParam("institution") @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON) String institution,
            @QueryParam("etat") @Pattern(regexp = "^(A_VENIR|DUE|EN_RETARD|FAITE)$", message = "valeurs admises : A_VENIR, DUE, EN_RETARD, FAITE") String etat,
            @QueryParam("convention") UUID convention) {
        LocalDate aujourdHui = conventions.aujourdHui();
        return echeances.lister(institution, convention == null ? null : convention,
                etat == null ? null : EtatEcheance.valueOf(etat), aujourdHui).stream().map(e -> EcheanceVue.de(e, aujourdHui)).toList();
    }

    @POST
    @Path("/{id}/faite")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Marquer une échéance faite", description = "Par l'institution qui devait agir. Un rapport produit fixe la date des versements qu'il déclenche.")
    public EcheanceVue faire(@PathParam("id") UUID id, @Valid @NotNull FaiteRequete r) {
        return EcheanceVue.de(echeances.faire(id, r.date()), conventions.aujourdHui());
    }

    @POST
    @Path("/passe-quotidienne")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Lancer la passe quotidienne maintenant", description = "Publie echeance-proche et echeance-depassee, une fois par échéance ; planifiée chaque jour à 6 h.")
    public EcheanceService.Passe passe() {
        return echeances.passeQuotidienne();
    }
}
