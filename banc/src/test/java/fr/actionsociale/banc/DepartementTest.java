package fr.actionsociale.banc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

class DepartementTest {

    @TempDir
    Path etat;

    KeyPair cles() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair k = g.generateKeyPair();
        Files.createDirectories(etat.resolve("keys"));
        Files.writeString(etat.resolve("keys/private.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(k.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        return k;
    }

    @Test
    void unJetonEstSigneParLaCleLocaleEtPorteLeRoleEtLInstitution() throws Exception {
        KeyPair k = cles();
        String[] j = new Jetons(etat).jeton("agent", "ccas-redon").split("\\.");
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(k.getPublic());
        s.update((j[0] + "." + j[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(s.verify(Base64.getUrlDecoder().decode(j[2])));
        String charge = new String(Base64.getUrlDecoder().decode(j[1]), StandardCharsets.UTF_8);
        assertTrue(charge.contains("\"groups\":[\"agent\"]"), charge);
        assertTrue(charge.contains("\"institution\":\"ccas-redon\""), charge);
        assertTrue(charge.contains("\"iss\":\"https://suite.local/auth\""), charge);
    }

    @Test
    void laMemeGraineDonneLesMemesTiragesEtUneAutreGraineDAutres() throws Exception {
        cles();
        Departement a = new Departement(Map.of("--etat", etat.toString(), "--graine", "35", "--echelle", "0.01"));
        Departement b = new Departement(Map.of("--etat", etat.toString(), "--graine", "35", "--echelle", "0.01"));
        Departement c = new Departement(Map.of("--etat", etat.toString(), "--graine", "36", "--echelle", "0.01"));
        try {
            assertEquals(a.alea("entrant", 12).nextLong(), b.alea("entrant", 12).nextLong());
            assertNotEquals(a.alea("entrant", 12).nextLong(), c.alea("entrant", 12).nextLong());
            assertNotEquals(a.alea("entrant", 12).nextLong(), a.alea("entrant", 13).nextLong());
            assertEquals(83, a.entrantsParMois());
            assertEquals(6000 - 83 * 60, a.autresPersonnes());
        } finally {
            a.http.close();
            b.http.close();
            c.http.close();
        }
    }

    @Test
    void leClientLitLEnTeteLocationDUnTravailLance() throws Exception {
        HttpServer serveur = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serveur.createContext("/indicateurs/reconstruction", x -> {
            byte[] corps = "{\"etat\":\"EN_COURS\"}".getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("Location", "/indicateurs/reconstructions/42");
            x.getResponseHeaders().add("Content-Type", "application/json");
            x.sendResponseHeaders(202, corps.length);
            x.getResponseBody().write(corps);
            x.close();
        });
        serveur.start();
        try (Banc.Connexion cx = new Banc.Connexion(serveur.getAddress().getPort())) {
            Banc.Reponse r = cx.post("/indicateurs/reconstruction", "jeton", null, new byte[0]);
            assertEquals(202, r.statut());
            assertEquals("/indicateurs/reconstructions/42", r.location());
            assertEquals("{\"etat\":\"EN_COURS\"}", r.corps());
        } finally {
            serveur.stop(0);
        }
    }
}
