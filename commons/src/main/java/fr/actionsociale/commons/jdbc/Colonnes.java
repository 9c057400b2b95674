package fr.actionsociale.commons.jdbc;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Columns of a native query, whichever Java type the driver and Hibernate hand back for them. */
public final class Colonnes {

    private Colonnes() {
    }

    /** A {@code date} column. */
    public static LocalDate date(Object colonne) {
        if (colonne == null) {
            return null;
        }
        return colonne instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) colonne;
    }

    /** A {@code timestamptz} column. */
    public static OffsetDateTime horodatage(Object colonne) {
        if (colonne == null) {
            return null;
        }
        if (colonne instanceof OffsetDateTime t) {
            return t;
        }
        if (colonne instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        return ((Instant) colonne).atOffset(ZoneOffset.UTC);
    }
}
