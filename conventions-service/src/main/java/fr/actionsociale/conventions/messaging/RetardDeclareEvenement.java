package fr.actionsociale.conventions.messaging;

import java.time.LocalDate;
import java.util.UUID;

import fr.actionsociale.conventions.domain.RetardDeclare;

/** Data of the {@code retard-declare} event (schema: /schemas/retard-declare.json): institutions' words, never a person's. */
public record RetardDeclareEvenement(UUID retardId, UUID conventionId, String reference, String institution, UUID echeanceId, String objet,
        String motif, LocalDate ancienneDate, LocalDate nouvelleDate, LocalDate declareLe) {

    public static final String TYPE = "retard-declare";

    public static RetardDeclareEvenement de(RetardDeclare r, String reference) {
        return new RetardDeclareEvenement(r.id(), r.conventionId(), reference, r.institution(), r.echeanceId(), r.objet(), r.motif(),
                r.ancienneDate(), r.nouvelleDate(), r.declareLe());
    }
}
