package fr.actionsociale.banc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens signed with the local key pair, as `suite token ROLE INSTITUTION` mints them: the volume tools act for dozens of
 * structures and would otherwise fork openssl for each.
 */
public final class Jetons {

    static final String EMETTEUR = "https://suite.local/auth";

    private final PrivateKey cle;
    private final Map<String, String> emis = new ConcurrentHashMap<>();

    public Jetons(Path etat) throws Exception {
        String pem = Files.readString(etat.resolve("keys/private.pem"));
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        cle = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    public String jeton(String role, String institution) {
        return emis.computeIfAbsent(role + " " + institution, k -> signer(role, institution));
    }

    private String signer(String role, String institution) {
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            long maintenant = System.currentTimeMillis() / 1000;
            String entete = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"suite-locale\"}".getBytes(StandardCharsets.UTF_8));
            String charge = b64.encodeToString(String.format("{\"iss\":\"%s\",\"sub\":\"%s@%s\",\"upn\":\"%s@%s\",\"groups\":[\"%s\"],\"institution\":\"%s\","
                    + "\"iat\":%d,\"exp\":%d,\"jti\":\"%s\"}", EMETTEUR, role, institution, role, institution, role, institution, maintenant,
                    maintenant + 8 * 3600, UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(cle);
            s.update((entete + "." + charge).getBytes(StandardCharsets.US_ASCII));
            return entete + "." + charge + "." + b64.encodeToString(s.sign());
        } catch (Exception e) {
            throw new IllegalStateException("jeton " + role + " " + institution + " : " + e, e);
        }
    }
}
