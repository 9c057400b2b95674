package fr.actionsociale.commons.test;

import java.io.InputStream;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Validates an event's data against the JSON Schema the suite publishes for its type. */
public final class SchemasEvenements {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemasEvenements() {
    }

    /** @return the violations, empty when the data conforms */
    public static Set<String> violations(String type, String donnees) {
        try (InputStream schema = SchemasEvenements.class.getResourceAsStream("/META-INF/resources/schemas/" + type + ".json")) {
            if (schema == null) {
                return Set.of("aucun schéma publié pour le type " + type);
            }
            JsonSchema s = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
            JsonNode n = JSON.readTree(donnees);
            return s.validate(n).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        } catch (java.io.IOException e) {
            return Set.of("illisible: " + e.getMessage());
        }
    }
}
