package fr.actionsociale.budget.messaging;

import java.time.LocalDate;
import java.util.UUID;

import fr.actionsociale.budget.domain.Depense;

/** Data of {@code depense-enregistree} (schema /schemas/depense-enregistree.json): no payee, no document reference. */
public record DepenseEnregistree(UUID depenseId, String programme, String action, String periode, String montant, LocalDate date, String categorie,
        boolean eligible, String regleRefus) {

    public static final String TYPE = "depense-enregistree";

    public static DepenseEnregistree de(Depense d, String programme, String action, String periode) {
        return new DepenseEnregistree(d.id(), programme, action, periode, d.montant().toPlainString(), d.date(), d.categorie().name(), d.eligible(),
                d.regleRefus());
    }
}
