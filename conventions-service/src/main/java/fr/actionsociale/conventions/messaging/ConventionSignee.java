package fr.actionsociale.conventions.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.actionsociale.conventions.domain.Convention;

/**
 * Data of the {@code convention-signee} event (schema: /schemas/convention-signee.json): the parties,
 * dates and financial terms, never the representatives' names. Amounts are strings with two decimals,
 * exact for every consumer.
 */
public record ConventionSignee(UUID conventionId, String reference, String type, String porteur, List<PartieSignataire> parties,
        LocalDate dateDebut, LocalDate dateFin, LocalDate dateSignature, String montantTotal, List<String> territoire) {

    public static final String TYPE = "convention-signee";

    public record PartieSignataire(String institution, String role, LocalDate dateSignature) {
    }

    public static ConventionSignee de(Convention c) {
        return new ConventionSignee(c.id(), c.reference(), c.type().name(), c.porteur(),
                c.parties().stream().map(p -> new PartieSignataire(p.institution(), p.role().name(), p.dateSignature())).toList(),
                c.dateDebut(), c.dateFin(), c.dateSignature(),
                c.montantTotal() == null ? null : c.montantTotal().setScale(2).toPlainString(), c.territoire());
    }
}
