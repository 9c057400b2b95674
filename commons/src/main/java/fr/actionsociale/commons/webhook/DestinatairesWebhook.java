package fr.actionsociale.commons.webhook;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import fr.actionsociale.commons.securite.Appelant;

/**
 * Who may receive which event: each service with events for partners says it with the same rules as its access to the
 * data. Called by the fan-out in its transaction, so an implementation may read its own database.
 */
public interface DestinatairesWebhook {

    /** The institutions allowed to see this event (its type, aggregate key and data). */
    Set<String> institutions(String type, String cle, JsonNode donnees);

    /** The event types this caller's institution may subscribe to (empty when its role sees none). */
    Set<String> typesVisibles(Appelant appelant);
}
