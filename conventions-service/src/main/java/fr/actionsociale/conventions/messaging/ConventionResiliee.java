package fr.actionsociale.conventions.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.actionsociale.conventions.domain.Convention;
import fr.actionsociale.conventions.domain.Partie;

/** Data of the {@code convention-resiliee} event (schema: /schemas/convention-resiliee.json). */
public record ConventionResiliee(UUID conventionId, String reference, String mode, String par, LocalDate dateLettre,
        LocalDate dateEffet, List<String> parties) {

    public static final String TYPE = "convention-resiliee";

    public static ConventionResiliee de(Convention c) {
        return new ConventionResiliee(c.id(), c.reference(), c.resiliationMode().name(), c.resiliationPar(), c.resiliationDateLettre(),
                c.resiliationDateEffet(), c.parties().stream().map(Partie::institution).toList());
    }
}
