package fr.actionsociale.referral.domain;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * RDV-Insertion's webhook signature (app/jobs/outgoing_webhooks/send_webhook_job.rb, hmac_signature): the header
 * {@code X-RDVI-SIGNATURE} holds {@code OpenSSL::HMAC.hexdigest("SHA256", secret, payload.to_json)}, the lowercase hex HMAC-SHA256
 * of the very body posted, keyed with the secret shared with the organisation's endpoint.
 */
public final class SignatureRdvi {

    public static final String ENTETE = "X-RDVI-SIGNATURE";

    private SignatureRdvi() {
    }

    public static String calculer(String secret, byte[] corps) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(corps));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 indisponible", e);
        }
    }

    /** Compared in constant time (hex case ignored): a wrong signature says nothing about how close it was. */
    public static boolean valide(String secret, byte[] corps, String signature) {
        if (secret == null || secret.isEmpty() || signature == null) {
            return false;
        }
        byte[] attendu = calculer(secret, corps).getBytes(StandardCharsets.US_ASCII);
        byte[] recu = signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(attendu, recu);
    }
}
