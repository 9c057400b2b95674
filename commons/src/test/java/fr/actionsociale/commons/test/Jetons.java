package fr.actionsociale.commons.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;

/**
 * Tokens for tests, signed with a key pair made for this test run only. As a test resource it points the
 * service under test at that pair's public key.
 */
public class Jetons implements QuarkusTestResourceLifecycleManager {

    public static final String EMETTEUR = "https://suite.local/auth";
    private static final KeyPair PAIRE = generer();
    private static Path clePublique;

    @Override
    public Map<String, String> start() {
        return Map.of("mp.jwt.verify.publickey.location", fichierClePublique().toUri().toString(),
                "mp.jwt.verify.issuer", EMETTEUR);
    }

    @Override
    public void stop() {
    }

    public static synchronized Path fichierClePublique() {
        if (clePublique == null) {
            try {
                clePublique = Files.createTempFile("suite-test-jwt", ".pem");
                String pem = "-----BEGIN PUBLIC KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(PAIRE.getPublic().getEncoded())
                        + "\n-----END PUBLIC KEY-----\n";
                Files.writeString(clePublique, pem);
                clePublique.toFile().deleteOnExit();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return clePublique;
    }

    /** A valid token for this role and institution. */
    public static String pour(String role, String institution) {
        return Jwt.issuer(EMETTEUR).subject(role + "@" + institution).upn(role + "@" + institution)
                .groups(Set.of(role)).claim("institution", institution)
                .expiresIn(Duration.ofHours(1)).sign(PAIRE.getPrivate());
    }

    /** "Bearer ..." for an Authorization header. */
    public static String entete(String role, String institution) {
        return "Bearer " + pour(role, institution);
    }

    public static String expire(String role, String institution) {
        long maintenant = System.currentTimeMillis() / 1000;
        return Jwt.issuer(EMETTEUR).subject(role).groups(Set.of(role)).claim("institution", institution)
                .issuedAt(maintenant - 7200).expiresAt(maintenant - 3600).sign(PAIRE.getPrivate());
    }

    /** Well formed, but signed by another key. */
    public static String signeParUnAutre(String role, String institution) {
        return Jwt.issuer(EMETTEUR).subject(role).groups(Set.of(role)).claim("institution", institution)
                .expiresIn(Duration.ofHours(1)).sign(generer().getPrivate());
    }

    private static KeyPair generer() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
