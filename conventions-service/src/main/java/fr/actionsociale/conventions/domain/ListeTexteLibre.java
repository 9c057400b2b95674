package fr.actionsociale.conventions.domain;

import java.util.List;

import fr.actionsociale.commons.jdbc.ListeTexte;

/**
 * A list of free texts (members who are not parties, missions) kept in one column through {@link ListeTexte}, whose
 * elements may not contain a comma: each element's '%' and ',' are written %25 and %2C, so that a text such as
 * "associations du territoire, habitants" stays one element. Newlines need nothing (ListeTexte splits on commas only).
 */
final class ListeTexteLibre {

    private ListeTexteLibre() {
    }

    static String ecrire(List<String> textes) {
        return ListeTexte.ecrire(textes.stream().map(t -> t.replace("%", "%25").replace(",", "%2C")).toList());
    }

    static List<String> lire(String colonne) {
        return ListeTexte.lire(colonne).stream().map(ListeTexteLibre::decoder).toList();
    }

    /** One pass, so that an escaped "%2C" written by a user ("%252C") comes back as typed. */
    private static String decoder(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && s.startsWith("%25", i)) {
                sb.append('%');
                i += 2;
            } else if (c == '%' && s.startsWith("%2C", i)) {
                sb.append(',');
                i += 2;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
