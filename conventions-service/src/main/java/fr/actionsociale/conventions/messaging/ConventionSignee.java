package fr.actionsociale.conventions.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import java.util.stream.IntStream;

import fr.actionsociale.conventions.domain.Convention;
import fr.actionsociale.conventions.domain.Echeance;
import fr.actionsociale.conventions.domain.TypeEcheance;

/**
 * Data of the {@code convention-signee} event (schema: /schemas/convention-signee.json): the parties,
 * dates and financial terms, never the representatives' names. Amounts are strings with two decimals,
 * exact for every consumer.
 */
public record ConventionSignee(UUID conventionId, String reference, String type, String porteur, List<PartieSignataire> parties,
        LocalDate dateDebut, LocalDate dateFin, LocalDate dateSignature, String montantTotal, List<String> territoire,
        List<VersementPrevu> versements) {

    public static final String TYPE = "convention-signee";

    public record PartieSignataire(String institution, String role, LocalDate dateSignature) {
    }

    /** An expected payment: its amount to the cent, its payer, and its due date when the signature already fixes it. */
    public record VersementPrevu(int rang, String libelle, String payeur, String montant, LocalDate dateLimite) {
    }

    /** @param echeances the deadlines derived at entry into force; the payment ones become the expected tranches */
    public static ConventionSignee de(Convention c, List<Echeance> echeances) {
        List<Echeance> tranches = echeances.stream().filter(e -> e.type() == TypeEcheance.VERSEMENT).toList();
        return new ConventionSignee(c.id(), c.reference(), c.type().name(), c.porteur(),
                c.parties().stream().map(p -> new PartieSignataire(p.institution(), p.role().name(), p.dateSignature())).toList(),
                c.dateDebut(), c.dateFin(), c.dateSignature(),
                c.montantTotal() == null ? null : c.montantTotal().setScale(2).toPlainString(), c.territoire(),
                IntStream.range(0, tranches.size()).mapToObj(i -> new VersementPrevu(i + 1, tranches.get(i).libelle(),
                        tranches.get(i).institution(), tranches.get(i).montant().setScale(2).toPlainString(), tranches.get(i).dateDue())).toList());
    }
}
