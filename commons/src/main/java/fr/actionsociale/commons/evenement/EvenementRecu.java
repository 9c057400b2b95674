package fr.actionsociale.commons.evenement;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A CloudEvent read from a Kafka record in binary mode. */
public record EvenementRecu(String id, String type, String source, String sujet, OffsetDateTime date, String topic,
        JsonNode donnees) {

    /**
     * Reads the envelope; a record that is not a readable CloudEvent is a poison message
     * ({@link EvenementIllisibleException}): retrying it cannot help.
     */
    public static EvenementRecu lire(ConsumerRecord<?, String> record, ObjectMapper json) {
        String version = entete(record, CloudEvents.SPECVERSION);
        if (!CloudEvents.VERSION_SPEC.equals(version)) {
            throw new EvenementIllisibleException("en-tête ce_specversion absent ou différent de 1.0");
        }
        String id = obligatoire(record, CloudEvents.ID);
        String type = obligatoire(record, CloudEvents.TYPE);
        String source = obligatoire(record, CloudEvents.SOURCE);
        OffsetDateTime date;
        try {
            date = OffsetDateTime.parse(obligatoire(record, CloudEvents.TIME));
        } catch (DateTimeParseException e) {
            throw new EvenementIllisibleException("en-tête ce_time n'est pas une date RFC 3339");
        }
        if (record.value() == null) {
            throw new EvenementIllisibleException("corps absent");
        }
        JsonNode donnees;
        try {
            donnees = json.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new EvenementIllisibleException("corps qui n'est pas du JSON");
        }
        if (donnees == null || !donnees.isObject()) {
            throw new EvenementIllisibleException("corps qui n'est pas un objet JSON");
        }
        return new EvenementRecu(id, type, source, entete(record, CloudEvents.SUBJECT), date, record.topic(), donnees);
    }

    private static String obligatoire(ConsumerRecord<?, ?> record, String nom) {
        String valeur = entete(record, nom);
        if (valeur == null || valeur.isBlank()) {
            throw new EvenementIllisibleException("en-tête " + nom + " absent");
        }
        return valeur;
    }

    public static String entete(ConsumerRecord<?, ?> record, String nom) {
        Header h = record.headers().lastHeader(nom);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** A text field of the data that the consumer cannot do without. */
    public String texte(String champ) {
        JsonNode n = donnees.get(champ);
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            throw new EvenementIllisibleException("champ " + champ + " absent ou vide dans " + type + " " + id);
        }
        return n.asText();
    }
}
