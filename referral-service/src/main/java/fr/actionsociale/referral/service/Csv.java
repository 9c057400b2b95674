package fr.actionsociale.referral.service;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;

/** RFC 4180 text: comma-separated, CRLF, a field quoted (quotes doubled) when it holds a comma, a quote or a line break. */
public final class Csv {

    private Csv() {
    }

    public static String champ(String valeur) {
        return valeur.contains(",") || valeur.contains("\"") || valeur.contains("\r") || valeur.contains("\n")
                ? "\"" + valeur.replace("\"", "\"\"") + "\"" : valeur;
    }

    /**
     * One line per record, one column per component in declaration order, named as in JSON ({@link JsonProperty}), so that the CSV
     * and the JSON of an export say the same. Null is the empty field; a list's values are joined by commas in one field.
     */
    public static <R extends Record> String ecrire(Class<R> type, List<R> lignes) {
        RecordComponent[] colonnes = type.getRecordComponents();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < colonnes.length; i++) {
            // on the accessor: @JsonProperty does not target record components, it is propagated to their accessors
            JsonProperty p = colonnes[i].getAccessor().getAnnotation(JsonProperty.class);
            sb.append(i == 0 ? "" : ",").append(champ(p == null ? colonnes[i].getName() : p.value()));
        }
        sb.append("\r\n");
        for (R ligne : lignes) {
            for (int i = 0; i < colonnes.length; i++) {
                sb.append(i == 0 ? "" : ",").append(champ(texte(valeur(colonnes[i], ligne))));
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    private static Object valeur(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String texte(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Collection<?> liste) {
            return liste.stream().map(Object::toString).collect(Collectors.joining(","));
        }
        return v.toString();
    }
}
