package fr.actionsociale.commons.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com, spec 1.0): HMAC-SHA256 keyed with the secret's bytes over
 * {@code "{webhook-id}.{webhook-timestamp}.{body}"}, sent as {@code webhook-signature: v1,<base64>}. The secret is
 * {@code whsec_} followed by the base64 of 32 random bytes.
 */
public final class Signature {

    public static final String PREFIXE_SECRET = "whsec_";
    private static final SecureRandom ALEA = new SecureRandom();

    private Signature() {
    }

    public static String nouveauSecret() {
        byte[] octets = new byte[32];
        ALEA.nextBytes(octets);
        return PREFIXE_SECRET + Base64.getEncoder().encodeToString(octets);
    }

    /** @return the header's value, {@code v1,<base64 HMAC>} */
    public static String signer(String secret, String id, long horodatage, String corps) {
        return "v1," + Base64.getEncoder().encodeToString(hmac(secret, id + "." + horodatage + "." + corps));
    }

    /** What a receiver does: one of the header's space-separated signatures matches (constant-time comparison). */
    public static boolean verifier(String secret, String id, long horodatage, String corps, String entete) {
        byte[] attendu = hmac(secret, id + "." + horodatage + "." + corps);
        for (String s : entete.split(" ")) {
            if (s.startsWith("v1,")) {
                try {
                    if (MessageDigest.isEqual(attendu, Base64.getDecoder().decode(s.substring(3)))) {
                        return true;
                    }
                } catch (IllegalArgumentException e) {
                    // not base64: not a match
                }
            }
        }
        return false;
    }

    private static byte[] hmac(String secret, String contenu) {
        String cle = secret.startsWith(PREFIXE_SECRET) ? secret.substring(PREFIXE_SECRET.length()) : secret;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(cle), "HmacSHA256"));
            return mac.doFinal(contenu.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
