package fr.actionsociale.conventions.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import fr.actionsociale.conventions.domain.AppelRegularisation;
import fr.actionsociale.conventions.domain.Convention;

/**
 * Data of the {@code appel-regularisation-emis} event (schema: /schemas/appel-regularisation-emis.json): one per party called,
 * institutions and amounts only. {@code montant} is what the party pays the creditor; negative, what the creditor owes it.
 */
public record AppelRegularisationEmis(UUID appelId, UUID conventionId, String referenceConvention, int annee, String institution,
        String creancier, LocalDate dateAppel, int millesime, long habitants, String partDepenses, String partMisesADisposition,
        String apports, String montant, String totalDepenses, String totalMisesADisposition) {

    public static final String TYPE = "appel-regularisation-emis";

    public static AppelRegularisationEmis de(Convention c, AppelRegularisation a, AppelRegularisation.Ligne l) {
        return new AppelRegularisationEmis(a.id(), c.id(), c.reference(), a.annee(), l.institution(), a.creancier(), a.dateAppel(),
                a.millesime(), l.habitants(), euros(l.partDepenses()), euros(l.partMisesADisposition()), euros(l.apports()), euros(l.solde()),
                euros(a.totalDepenses()), euros(a.totalMisesADisposition()));
    }

    private static String euros(BigDecimal m) {
        return m.setScale(2).toPlainString();
    }
}
