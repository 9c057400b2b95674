package fr.actionsociale.conventions.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The official SCDL Subventions 2.1.1 table schema (schema.data.gouv.fr, copied verbatim in test resources from
 * datagouv/schema.data.gouv.fr@2454fd5: site/.vuepress/public/schemas/scdl/subventions/2.1.1/schema.json), applied to a
 * CSV row the way a Frictionless validator does: field order, required, type (number, date, boolean with its true and
 * false values), pattern, enum, maxLength, minimum and maximum, and its custom checks (french-siret-value,
 * one-of-required). Returns every violation, so a failing test says all that is wrong.
 */
public final class SchemaScdl {

    private final JsonNode schema;

    private SchemaScdl(JsonNode schema) {
        this.schema = schema;
    }

    public static SchemaScdl v211() {
        try (InputStream in = SchemaScdl.class.getResourceAsStream("/scdl/subventions-2.1.1-schema.json")) {
            return new SchemaScdl(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String version() {
        return schema.get("version").asText();
    }

    public List<String> colonnes() {
        List<String> noms = new ArrayList<>();
        schema.get("fields").forEach(f -> noms.add(f.get("name").asText()));
        return noms;
    }

    public List<String> ecarts(List<String> ligne) {
        List<String> ecarts = new ArrayList<>();
        List<String> colonnes = colonnes();
        if (ligne.size() != colonnes.size()) {
            ecarts.add(ligne.size() + " champs au lieu de " + colonnes.size());
            return ecarts;
        }
        int i = 0;
        for (JsonNode f : schema.get("fields")) {
            String nom = f.get("name").asText();
            String v = ligne.get(i++);
            JsonNode c = f.path("constraints");
            if (v.isEmpty()) {
                if (c.path("required").asBoolean(false)) {
                    ecarts.add(nom + " : obligatoire");
                }
                continue;
            }
            switch (f.path("type").asText("string")) {
                case "number" -> {
                    try {
                        BigDecimal n = new BigDecimal(v);
                        if (c.has("minimum") && n.compareTo(c.get("minimum").decimalValue()) < 0) {
                            ecarts.add(nom + " : " + v + " sous le minimum " + c.get("minimum"));
                        }
                        if (c.has("maximum") && n.compareTo(c.get("maximum").decimalValue()) > 0) {
                            ecarts.add(nom + " : " + v + " au-dessus du maximum " + c.get("maximum"));
                        }
                    } catch (NumberFormatException e) {
                        ecarts.add(nom + " : « " + v + " » n'est pas un nombre");
                    }
                }
                case "date" -> {
                    try {
                        LocalDate.parse(v);
                    } catch (DateTimeParseException e) {
                        ecarts.add(nom + " : « " + v + " » n'est pas une date");
                    }
                }
                case "boolean" -> {
                    List<String> admis = new ArrayList<>();
                    f.path("trueValues").forEach(t -> admis.add(t.asText()));
                    f.path("falseValues").forEach(t -> admis.add(t.asText()));
                    if (!admis.contains(v)) {
                        ecarts.add(nom + " : « " + v + " » hors de " + admis);
                    }
                }
                default -> {
                }
            }
            if (c.has("pattern") && !v.matches(c.get("pattern").asText())) {
                ecarts.add(nom + " : « " + v + " » ne suit pas " + c.get("pattern").asText());
            }
            if (c.has("maxLength") && v.length() > c.get("maxLength").asInt()) {
                ecarts.add(nom + " : plus de " + c.get("maxLength").asInt() + " caractères");
            }
            if (c.has("enum")) {
                List<String> valeurs = new ArrayList<>();
                c.get("enum").forEach(e -> valeurs.add(e.asText()));
                if (!valeurs.contains(v)) {
                    ecarts.add(nom + " : « " + v + " » hors de " + valeurs);
                }
            }
        }
        for (JsonNode check : schema.path("custom_checks")) {
            JsonNode p = check.get("params");
            switch (check.get("name").asText()) {
                case "french-siret-value" -> {
                    String v = ligne.get(colonnes.indexOf(p.get("column").asText()));
                    if (!v.isEmpty() && !Siret.valide(v)) {
                        ecarts.add(p.get("column").asText() + " : « " + v + " » n'est pas un SIRET valide");
                    }
                }
                case "one-of-required" -> {
                    if (ligne.get(colonnes.indexOf(p.get("column1").asText())).isEmpty()
                            && ligne.get(colonnes.indexOf(p.get("column2").asText())).isEmpty()) {
                        ecarts.add(p.get("column1").asText() + " ou " + p.get("column2").asText() + " : l'un des deux est requis");
                    }
                }
                default -> ecarts.add("contrôle inconnu du schéma : " + check.get("name").asText());
            }
        }
        return ecarts;
    }
}
