package fr.actionsociale.conventions.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.actionsociale.conventions.domain.Anomalie;
import fr.actionsociale.conventions.domain.ContactPrivilegie;
import fr.actionsociale.conventions.domain.Convention;
import fr.actionsociale.conventions.domain.Imputation;
import fr.actionsociale.conventions.domain.PlanFinancement;
import fr.actionsociale.conventions.domain.VisaDeliberation;
import fr.actionsociale.conventions.domain.DeliberationCitee;
import fr.actionsociale.conventions.domain.Partie;
import fr.actionsociale.conventions.domain.RepartitionCharges;

/** The API's views of conventions (never the entities themselves). */
public final class ConventionVues {

    private ConventionVues() {
    }

    @Schema(name = "Partie")
    public record PartieVue(String institution, String role, String representantQualite, String representantNom,
            DeliberationCitee deliberation, UUID deliberationId, boolean signataire, LocalDate dateSignature) {
        static PartieVue de(Partie p) {
            return new PartieVue(p.institution(), p.role().name(), p.representantQualite(), p.representantNom(), p.deliberation(),
                    p.deliberationId(), p.signataire(), p.dateSignature());
        }
    }

    @Schema(name = "PartFinancement")
    public record PartFinancementVue(String financeur, String institution, String nature, BigDecimal montant, BigDecimal taux, String base,
            @Schema(description = "Montant calculé depuis le taux, ou null quand la contribution n'est pas chiffrée") BigDecimal montantRetenu) {
    }

    @Schema(name = "PlanFinancement", description = "Le plan de financement rapproché du budget")
    public record PlanFinancementVue(BigDecimal budget, boolean budgetDeduit, List<PartFinancementVue> parts, BigDecimal couvert,
            BigDecimal resteACouvrir, List<String> nonChiffres, String constat) {
        static PlanFinancementVue de(PlanFinancement.Bilan b) {
            return b == null ? null : new PlanFinancementVue(b.budget(), b.budgetDeduit(), b.parts().stream().map(p -> new PartFinancementVue(
                    p.financement().financeur(), p.financement().institution(), p.financement().nature().name(), p.financement().montant(),
                    p.financement().taux(), p.financement().base(), p.montant())).toList(), b.couvert(), b.resteACouvrir(), b.nonChiffres(),
                    b.constat());
        }
    }

    @Schema(name = "Anomalie", description = "Ce qu'un juriste doit régulariser ou vérifier")
    public record AnomalieVue(@Schema(enumeration = { "SIGNATURE_AVANT_DELIBERATION", "DELIBERATION_NON_EXECUTOIRE", "VISA_DISCORDANT",
            "ENGAGEMENT_SANS_SIGNATURE", "MEME_REPRESENTANT", "IMPUTATION_INCOMPLETE", "FINANCEMENT_INCOMPLET" }) String type,
            String institution, String constat) {
        static AnomalieVue de(Anomalie a) {
            return new AnomalieVue(a.type().name(), a.institution(), a.constat());
        }
    }

    @Schema(name = "Convention")
    public record ConventionVue(UUID id, String reference, String objet, String type, String porteur, List<String> territoire,
            List<String> basesLegales, List<VisaDeliberation> deliberationsVisees, LocalDate dateDebut, LocalDate dateFin, String lieu,
            Integer nombreOriginaux, BigDecimal montantTotal, Integer preavisMois, String statut, LocalDate dateSignature,
            List<PartieVue> parties,
            @Schema(description = "Les parties signataires dont la signature manque encore") List<String> signaturesAttendues,
            Imputation imputation, PlanFinancementVue financement,
            @Schema(description = "Ce qui est supposé là où le document ne dit rien") List<String> hypotheses,
            List<AnomalieVue> anomalies, ResiliationVue resiliation, long version) {
        static ConventionVue de(Convention c, LocalDate aujourdHui, List<Anomalie> anomalies) {
            return new ConventionVue(c.id(), c.reference(), c.objet(), c.type().name(), c.porteur(), c.territoire(), c.basesLegales(),
                    c.visas(), c.dateDebut(), c.dateFin(), c.lieu(), c.nombreOriginaux(), c.montantTotal(), c.preavisMois(),
                    c.statutAu(aujourdHui).name(), c.dateSignature(), c.parties().stream().map(PartieVue::de).toList(),
                    c.signaturesAttendues(), c.imputation(), PlanFinancementVue.de(c.bilanFinancement()), c.hypotheses(),
                    anomalies.stream().map(AnomalieVue::de).toList(),
                    c.resiliationDateEffet() == null ? null
                            : new ResiliationVue(c.resiliationMode().name(), c.resiliationPar(), c.resiliationDateLettre(), c.resiliationDateEffet()),
                    c.version());
        }
    }

    @Schema(name = "ContactPrivilegie")
    public record ContactPrivilegieVue(UUID id, UUID conventionId, String institution, String contact, LocalDate designeLe, String hypothese) {
        static ContactPrivilegieVue de(ContactPrivilegie p) {
            return new ContactPrivilegieVue(p.id(), p.conventionId(), p.institution(), p.contact(), p.designeLe(), p.hypothese());
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
            @Schema(description = "Le millésime INSEE en vigueur au 1er janvier de l'année") int millesimeEnVigueur, String regleMillesime,
            List<RepartitionCharges.Part> parts) {
    }
}
