package fr.actionsociale.conventions.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.commons.Formats;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.conventions.domain.Anomalie;
import fr.actionsociale.conventions.domain.RegleSignature;
import fr.actionsociale.conventions.service.ConventionService;
import fr.actionsociale.conventions.service.DeliberationService;

/** What the legal officers watch: every convention's anomalies to regularise, and the signature rule they follow. */
@Path("/")
@Tag(name = "Contrôle")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class AnomalieResource {

    private final ConventionService conventions;
    private final DeliberationService deliberations;

    AnomalieResource(ConventionService conventions, DeliberationService deliberations) {
        this.conventions = conventions;
        this.deliberations = deliberations;
    }

    @Schema(name = "AnomalieConvention")
    public record AnomalieConventionVue(UUID conventionId, String reference, String type, String institution, String constat) {
    }

    @Schema(name = "RegleSignature", description = "Une institution de ce type signe-t-elle sur délibération ?")
    public record RegleSignatureVue(String typeInstitution, boolean deliberationRequise, String organe, String fondement) {
    }

    @GET
    @Path("anomalies")
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR })
    @Operation(summary = "Les anomalies à régulariser", description = "Signature antérieure à la délibération, délibération non exécutoire, "
            + "visa discordant, engagement sans signature, même représentant pour deux parties, imputation incomplète, plan de financement "
            + "qui ne couvre pas le budget. Filtres : type, institution.")
    public List<AnomalieConventionVue> lister(
            @QueryParam("type") @Pattern(regexp = "^(SIGNATURE_AVANT_DELIBERATION|DELIBERATION_NON_EXECUTOIRE|VISA_DISCORDANT|ENGAGEMENT_SANS_SIGNATURE|MEME_REPRESENTANT|IMPUTATION_INCOMPLETE|FINANCEMENT_INCOMPLET)$",
                    message = "valeurs admises : SIGNATURE_AVANT_DELIBERATION, DELIBERATION_NON_EXECUTOIRE, VISA_DISCORDANT, ENGAGEMENT_SANS_SIGNATURE, MEME_REPRESENTANT, IMPUTATION_INCOMPLETE, FINANCEMENT_INCOMPLET") String type,
            @QueryParam("institution") @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON) String institution) {
        return conventions.anomalies(type == null ? null : Anomalie.Type.valueOf(type), institution).stream()
                .map(a -> new AnomalieConventionVue(a.conventionId(), a.reference(), a.anomalie().type().name(), a.anomalie().institution(),
                        a.anomalie().constat()))
                .toList();
    }

    @GET
    @Path("regles-signature")
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE, Roles.AGENT })
    @Operation(summary = "Qui signe sur délibération", description = "Par type d'institution : l'organe qui délibère, ou le représentant qui "
            + "signe en sa qualité, et le fondement.")
    public List<RegleSignatureVue> regles() {
        List<RegleSignature> regles = deliberations.regles();
        return regles.stream().map(r -> new RegleSignatureVue(r.type().name(), r.deliberationRequise(), r.organe(), r.fondement())).toList();
    }
}
