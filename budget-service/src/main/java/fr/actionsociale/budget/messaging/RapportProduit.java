package fr.actionsociale.budget.messaging;

import java.time.LocalDate;
import java.util.UUID;

import fr.actionsociale.budget.domain.rapport.ContenuRapport;

/** Data of {@code rapport-produit} (schema /schemas/rapport-produit.json): the report's totals, nothing about a person or a supplier. */
public record RapportProduit(UUID rapportId, String programme, String referenceConvention, String type, String periode, LocalDate dateDebut,
        LocalDate dateFin, LocalDate produitLe, String totalDepensesEligibles, String totalVerse, String tropPercu) {

    public static final String TYPE = "rapport-produit";

    public static RapportProduit de(UUID id, ContenuRapport c) {
        return new RapportProduit(id, c.programme(), c.referenceConvention(), c.type().name(), c.periode(), c.debut(), c.fin(), c.produitLe(),
                c.consommationPeriode().setScale(2).toPlainString(), c.totalVerse().setScale(2).toPlainString(), c.tropPercu().setScale(2).toPlainString());
    }
}
