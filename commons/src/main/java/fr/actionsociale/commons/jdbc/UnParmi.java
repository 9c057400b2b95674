package fr.actionsociale.commons.jdbc;

import java.util.List;

import jakarta.persistence.Query;

/**
 * An optional "column is one of these values" condition of a native query, for filters such as a territory's communes: no
 * condition at all when the list is empty.
 *
 * @param position the query's positional parameter that carries the values
 */
public record UnParmi(String colonne, List<String> valeurs, int position) {

    /** The SQL to append after a {@code where}: empty, or {@code and colonne = any(?n)}. */
    public String condition() {
        return valeurs.isEmpty() ? "" : " and " + colonne + " = any(?" + position + ")";
    }

    public Query lier(Query requete) {
        if (!valeurs.isEmpty()) {
            requete.setParameter(position, valeurs.toArray(new String[0]));
        }
        return requete;
    }
}
