package fr.actionsociale.commons.jdbc;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A list of codes kept in one text column, comma-separated (communes, institutions, rights, categories): the one rule for
 * every such column of the suite. A null or empty column is the empty list, and the empty list is written as the empty
 * text, never null; the elements are codes, which never contain a comma (their own checks refuse one).
 */
public final class ListeTexte {

    private ListeTexte() {
    }

    public static List<String> lire(String colonne) {
        return colonne == null || colonne.isEmpty() ? List.of() : List.of(colonne.split(","));
    }

    /** Each element's {@code toString()} (an enum's name), in the collection's order. */
    public static String ecrire(Collection<?> elements) {
        return elements == null ? "" : elements.stream().map(Object::toString).collect(Collectors.joining(","));
    }
}
