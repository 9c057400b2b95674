package fr.actionsociale.conventions.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.actionsociale.conventions.domain.Convention;
import fr.actionsociale.conventions.domain.Deliberation;
import fr.actionsociale.conventions.domain.Partie;
import fr.actionsociale.conventions.domain.RepartitionCharges;

/** The API's views of conventions (never the entities themselves). */
public final class ConventionVues {

    private ConventionVues() {
    }

    @Schema(name = "Partie")
    public record PartieVue(String institution, String role, String representantQualite, String representantNom,
            Deliberation deliberation, LocalDate dateSignature) {
        static PartieVue de(Partie p) {
            return new PartieVue(p.institution(), p.role().name(), p.representantQualite(), p.representantNom(), p.deliberation(),
                    p.dateSignature());
        }
    }

    @Schema(name = "Convention")
    public record ConventionVue(UUID id, String reference, String objet, String type, String porteur, List<String> territoire,
            List<String> basesLegales, LocalDate dateDebut, LocalDate dateFin, String lieu, Integer nombreOriginaux,
            BigDecimal montantTotal, Integer preavisMois, String statut, LocalDate dateSignature, List<PartieVue> parties,
            ResiliationVue resiliation, long version) {
        static ConventionVue de(Convention c, LocalDate aujourdHui) {
            return new ConventionVue(c.id(), c.reference(), c.objet(), c.type().name(), c.porteur(), c.territoire(), c.basesLegales(),
                    c.dateDebut(), c.dateFin(), c.lieu(), c.nombreOriginaux(), c.montantTotal(), c.preavisMois(),
                    c.statutAu(aujourdHui).name(), c.dateSignature(), c.parties().stream().map(PartieVue::de).toList(),
                    c.resiliationDateEffet() == null ? null
                            : new ResiliationVue(c.resiliationMode().name(), c.resiliationPar(), c.resiliationDateLettre(), c.resiliationDateEffet()),
                    c.version());
        }
    }

    @Schema(name = "Resiliation")
    public record ResiliationVue(String mode, String par, LocalDate dateLettre, LocalDate dateEffet) {
    }

    @Schema(name = "PageConventions")
    public record PageVue(List<ConventionVue> elements, int page, int taille, long total) {
    }

    @Schema(name = "Repartition")
    public record RepartitionVue(UUID conventionId, int annee, BigDecimal montant, String regleArrondi,
            List<RepartitionCharges.Part> parts) {
    }
}
