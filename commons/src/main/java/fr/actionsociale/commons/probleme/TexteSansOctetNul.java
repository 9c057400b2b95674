package fr.actionsociale.commons.probleme;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * A JSON string holding a NUL character is refused while the body is read, so that the answer names the field
 * (PostgreSQL would refuse it later, when nothing can say which field it was).
 */
@Singleton
public class TexteSansOctetNul implements ObjectMapperCustomizer {

    static final String RAISON = "contient un octet nul, interdit";

    @Override
    public void customize(ObjectMapper json) {
        json.registerModule(new SimpleModule("texte-sans-octet-nul").addDeserializer(String.class, new Verifie()));
    }

    static final class Verifie extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = super.deserialize(p, ctxt);
            if (s != null && s.indexOf('\u0000') >= 0) {
                return (String) ctxt.handleWeirdStringValue(String.class, s, RAISON);
            }
            return s;
        }
    }
}
