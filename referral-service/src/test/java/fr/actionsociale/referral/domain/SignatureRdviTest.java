package fr.actionsociale.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SignatureRdviTest {

    static final byte[] CORPS = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);

    @Test
    void laSignatureEstLeHmacSha256HexadecimalDuCorpsAvecLeSecret() {
        // the well-known HMAC-SHA256 vector, as OpenSSL::HMAC.hexdigest("SHA256", "key", body) gives it
        assertEquals("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8", SignatureRdvi.calculer("key", CORPS));
        assertTrue(SignatureRdvi.valide("key", CORPS, "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"));
        assertTrue(SignatureRdvi.valide("key", CORPS, "F7BC83F430538424B13298E6AA6FB143EF4D59A14946175997479DBC2D1A3CD8"), "hex case ignored");
    }

    @Test
    void uneSignatureAbsenteFausseOuDUnAutreSecretOuDUnAutreCorpsEstRefusee() {
        String bonne = SignatureRdvi.calculer("key", CORPS);
        assertFalse(SignatureRdvi.valide("key", CORPS, null));
        assertFalse(SignatureRdvi.valide("key", CORPS, ""));
        assertFalse(SignatureRdvi.valide("autre", CORPS, bonne));
        assertFalse(SignatureRdvi.valide("key", "The quick brown fox jumps over the lazy dog.".getBytes(StandardCharsets.UTF_8), bonne));
        assertFalse(SignatureRdvi.valide("key", CORPS, bonne.substring(0, 63)));
        assertFalse(SignatureRdvi.valide("", CORPS, bonne), "an empty secret authenticates nothing");
    }
}
