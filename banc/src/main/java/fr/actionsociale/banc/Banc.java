package fr.actionsociale.banc;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What the load and fault tools of deploy/local/bench share: their "--name value" options and a bare HTTP/1.1 client.
 * The module is built and unit-tested by the reactor; `deploy/local/suite` runs its classes with its dependencies (BANC_CP).
 */
public final class Banc {

    private Banc() {
    }

    /** The ports' shift of the suite measured: a second suite (deploy/local/suite, SUITE_PORT_OFFSET) runs beside the first. */
    public static final int DECALAGE = decalage(System.getenv("SUITE_PORT_OFFSET"));

    static int decalage(String valeur) {
        return valeur == null || valeur.isBlank() ? 0 : Integer.parseInt(valeur.strip());
    }

    /** "--name value" pairs, in order. */
    public static Map<String, String> options(String[] a) {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < a.length; i += 2) {
            o.put(a[i], a[i + 1]);
        }
        return o;
    }

    /** The value below which this fraction of the sorted values lie (nearest rank); 0 for no value. */
    public static double quantile(long[] trie, double quantile) {
        if (trie.length == 0) {
            return 0;
        }
        return trie[Math.max(0, Math.min(trie.length - 1, (int) Math.ceil(quantile * trie.length) - 1))];
    }

    /** An answer: status, media type, body, and its Location header (null without one). */
    public record Reponse(int statut, String type, String corps, String location) {
        public Reponse(int statut, String type, String corps) {
            this(statut, type, corps, null);
        }
    }

    /** A bare HTTP/1.1 keep-alive connection: far lighter than java.net.http, which would eat the cores it measures. */
    public static final class Connexion implements AutoCloseable {
        private final int port;
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        public Connexion(int port) throws IOException {
            this.port = port;
            ouvrir();
        }

        private void ouvrir() throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 8192);
        }

        /** How long a read may wait (30 s by default): a synchronous job may answer after many minutes. */
        public void delai(int millisecondes) throws IOException {
            socket.setSoTimeout(millisecondes);
        }

        /** A new connection in place of this one, which the server may have closed. */
        public void reouvrir() throws IOException {
            close();
            ouvrir();
        }

        public Reponse post(String chemin, String jeton, String cle, byte[] corps) throws IOException {
            return envoyer("POST", chemin, jeton, cle, "application/json", corps, "");
        }

        /** A GET, with extra header lines ("Name: value\r\n" each) such as X-Motif-Acces. */
        public Reponse get(String chemin, String jeton, String autresEntetes) throws IOException {
            return envoyer("GET", chemin, jeton, null, null, null, autresEntetes);
        }

        public Reponse envoyer(String methode, String chemin, String jeton, String cle, String typeCorps, byte[] corps, String autresEntetes)
                throws IOException {
            String entetes = methode + " " + chemin + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + jeton
                    + (cle == null ? "" : "\r\nIdempotency-Key: " + cle)
                    + (corps == null ? "" : "\r\nContent-Type: " + typeCorps + "\r\nContent-Length: " + corps.length) + "\r\n" + autresEntetes + "\r\n";
            out.write(entetes.getBytes(StandardCharsets.UTF_8));
            if (corps != null) {
                out.write(corps);
            }
            out.flush();
            String statut = ligne();
            if (statut == null) {
                throw new IOException("connexion fermée");
            }
            int code = Integer.parseInt(statut.split(" ")[1]);
            int longueur = 0;
            boolean morceaux = false;
            String type = "";
            String location = null;
            String l;
            while ((l = ligne()) != null && !l.isEmpty()) {
                if (l.regionMatches(true, 0, "content-length:", 0, 15)) {
                    longueur = Integer.parseInt(l.substring(15).trim());
                } else if (l.regionMatches(true, 0, "location:", 0, 9)) {
                    location = l.substring(9).trim();
                } else if (l.regionMatches(true, 0, "content-type:", 0, 13)) {
                    type = l.substring(13).trim();
                } else if (l.regionMatches(true, 0, "transfer-encoding:", 0, 18) && l.toLowerCase().contains("chunked")) {
                    morceaux = true;
                }
            }
            if (!morceaux) {
                return new Reponse(code, type, new String(in.readNBytes(longueur), StandardCharsets.UTF_8), location);
            }
            ByteArrayOutputStream corpsLu = new ByteArrayOutputStream();
            int taille;
            while ((taille = Integer.parseInt(ligne().split(";")[0].trim(), 16)) > 0) {
                corpsLu.write(in.readNBytes(taille));
                ligne();
            }
            ligne();
            return new Reponse(code, type, corpsLu.toString(StandardCharsets.UTF_8), location);
        }

        private String ligne() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream(64);
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    break;
                }
                if (c != '\r') {
                    b.write(c);
                }
            }
            return c == -1 && b.size() == 0 ? null : b.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing: nothing to do
            }
        }
    }
}
