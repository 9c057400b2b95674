package fr.actionsociale.commons.document;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A CSV file as French spreadsheets open it: UTF-8 with a byte order mark, {@code ;} between fields, CRLF between lines,
 * fields quoted only when they must be, and a leading formula sign neutralised (CSV injection).
 */
public final class Csv {

    private final StringBuilder sb = new StringBuilder("\uFEFF");

    public Csv ligne(String... champs) {
        return ligne(List.of(champs));
    }

    public Csv ligne(List<String> champs) {
        for (int i = 0; i < champs.size(); i++) {
            if (i > 0) {
                sb.append(';');
            }
            sb.append(champ(champs.get(i) == null ? "" : champs.get(i)));
        }
        sb.append("\r\n");
        return this;
    }

    public byte[] octets() {
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return sb.toString();
    }

    /** One field: quoted when it holds a separator, a quote or a line break; {@code =cmd} becomes {@code '=cmd}, numbers stay numbers. */
    public static String champ(String s) {
        String v = s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("^-?[0-9].*")) {
            v = "'" + v;
        }
        if (v.contains(";") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
