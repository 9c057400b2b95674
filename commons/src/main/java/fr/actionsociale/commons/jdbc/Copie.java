package fr.actionsociale.commons.jdbc;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * Rows written with PostgreSQL's COPY, the fastest way in (several times a batch of INSERTs): for bulk imports only, inside
 * the caller's transaction. Values are written as CSV: null as an empty field, everything else quoted.
 */
public final class Copie {

    private Copie() {
    }

    /** @param cible the table and its columns, e.g. {@code beneficiaire (id, reference)} */
    public static long vers(Connection connexion, String cible, List<Object[]> lignes) throws SQLException {
        if (lignes.isEmpty()) {
            return 0;
        }
        StringBuilder csv = new StringBuilder(lignes.size() * 128);
        for (Object[] ligne : lignes) {
            for (int i = 0; i < ligne.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                if (ligne[i] != null) {
                    csv.append('"').append(ligne[i].toString().replace("\"", "\"\"")).append('"');
                }
            }
            csv.append('\n');
        }
        try {
            return connexion.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + cible + " FROM STDIN WITH (FORMAT csv)",
                    new StringReader(csv.toString()));
        } catch (java.io.IOException e) {
            throw new SQLException("COPY " + cible + " interrompu", e);
        }
    }
}
