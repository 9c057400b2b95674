package fr.actionsociale.budget.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Data of {@code credits-consommes} (schema /schemas/credits-consommes.json): a line's consumption after an eligible expense. */
public record CreditsConsommes(String programme, String action, String periode, LocalDate au, String recettes, String consommation,
        String reportSortant) {

    public static final String TYPE = "credits-consommes";

    public static CreditsConsommes de(String programme, String action, String periode, LocalDate au, BigDecimal recettes, BigDecimal consommation) {
        return new CreditsConsommes(programme, action, periode, au, recettes.toPlainString(), consommation.toPlainString(),
                recettes.subtract(consommation).toPlainString());
    }
}
