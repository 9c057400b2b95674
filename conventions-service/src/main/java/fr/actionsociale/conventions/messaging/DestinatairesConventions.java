package fr.actionsociale.conventions.messaging;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;

import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.webhook.DestinatairesWebhook;

/**
 * Outgoing webhooks of conventions-service: a convention's events (keyed by its id) to its parties and its funders; a call for
 * repayment only to the party it calls and the party that advanced the money (the others' balances are not theirs to read). The
 * privileged contact's designation is not offered: it names a person, and referral-service is its one consumer.
 */
@ApplicationScoped
public class DestinatairesConventions implements DestinatairesWebhook {

    static final Set<String> TYPES = Set.of(ConventionSignee.TYPE, ConventionResiliee.TYPE, AvenantSigne.TYPE, EcheanceSignalee.PROCHE,
            EcheanceSignalee.DEPASSEE, RetardDeclareEvenement.TYPE, AppelRegularisationEmis.TYPE);

    private final EntityManager em;

    DestinatairesConventions(EntityManager em) {
        this.em = em;
    }

    @Override
    public Set<String> institutions(String type, String cle, JsonNode donnees) {
        if (!TYPES.contains(type)) {
            return Set.of();
        }
        if (AppelRegularisationEmis.TYPE.equals(type)) {
            Set<String> deux = new HashSet<>();
            for (String champ : List.of("institution", "creancier")) {
                if (donnees.hasNonNull(champ)) {
                    deux.add(donnees.get(champ).asText());
                }
            }
            return deux;
        }
        UUID convention;
        try {
            convention = UUID.fromString(cle);
        } catch (IllegalArgumentException e) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> lignes = em.createNativeQuery("select institution from partie where convention_id = ?1 "
                + "union select institution from financement where convention_id = ?1 and institution is not null")
                .setParameter(1, convention).getResultList();
        return new HashSet<>(lignes);
    }

    /** Every role that reads conventions (the resource already leaves out the coordinator, who sees aggregates). */
    @Override
    public Set<String> typesVisibles(Appelant appelant) {
        return appelant.roles().isEmpty() ? Set.of() : TYPES;
    }
}
