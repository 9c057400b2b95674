package fr.actionsociale.commons.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class SignatureTest {

    // the Standard Webhooks specification's published test vector
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long HORODATAGE = 1614265330L;
    static final String CORPS = "{\"test\": 2432232314}";

    @Test
    void laSignatureEstCelleDuVecteurDeLaSpecificationStandardWebhooks() {
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", Signature.signer(SECRET, ID, HORODATAGE, CORPS));
    }

    @Test
    void unCorpsUnIdOuUnHorodatageChangesNeSontPasVerifies() {
        String s = Signature.signer(SECRET, ID, HORODATAGE, CORPS);
        assertTrue(Signature.verifier(SECRET, ID, HORODATAGE, CORPS, s));
        assertTrue(Signature.verifier(SECRET, ID, HORODATAGE, CORPS, "v1,AAAA " + s), "une des signatures séparées par des espaces suffit");
        assertFalse(Signature.verifier(SECRET, ID, HORODATAGE, "{\"test\": 2432232315}", s));
        assertFalse(Signature.verifier(SECRET, "msg_autre", HORODATAGE, CORPS, s));
        assertFalse(Signature.verifier(SECRET, ID, HORODATAGE + 1, CORPS, s), "rejouer avec un autre horodatage ne passe pas");
        assertFalse(Signature.verifier(Signature.nouveauSecret(), ID, HORODATAGE, CORPS, s));
    }

    @Test
    void unSecretNeufEstWhsecSuiviDeTrenteDeuxOctetsAleatoires() {
        String a = Signature.nouveauSecret();
        assertTrue(a.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(a.substring(6)).length);
        assertNotEquals(a, Signature.nouveauSecret());
    }
}
