package fr.actionsociale.conventions.messaging;

import java.time.LocalDate;
import java.util.UUID;

import fr.actionsociale.conventions.domain.Echeance;

/** Data of {@code echeance-proche} and {@code echeance-depassee} (schemas of the same names). */
public record EcheanceSignalee(UUID echeanceId, UUID conventionId, String reference, String type, String libelle, String institution,
        LocalDate dateDue, String montant) {

    public static final String PROCHE = "echeance-proche";
    public static final String DEPASSEE = "echeance-depassee";

    public static EcheanceSignalee de(Echeance e, String reference) {
        return new EcheanceSignalee(e.id(), e.conventionId(), reference, e.type().name(), e.libelle(), e.institution(), e.dateDue(),
                e.montant() == null ? null : e.montant().setScale(2).toPlainString());
    }
}
