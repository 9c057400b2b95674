package fr.actionsociale.commons.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Literal addresses only: no test depends on a DNS server. */
class AdresseWebhookTest {

    @ParameterizedTest
    @ValueSource(strings = { "https://10.0.0.5/recepteur", "https://172.16.3.4/", "https://192.168.1.10/", "https://169.254.169.254/latest",
            "https://100.64.0.1/", "https://0.0.0.0/", "https://224.0.0.1/", "https://[fd00::1]/", "https://[fe80::1]/", "https://[::]/" })
    void uneAdressePriveeLocaleOuDeMultidiffusionEstRefusee(String url) {
        Optional<String> refus = AdresseWebhook.refus(url, true);
        assertTrue(refus.isPresent() && refus.get().contains("adresse publique"), url + " : " + refus);
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://127.0.0.1/", "https://[::1]/", "https://127.8.9.10:8443/x" })
    void leBouclageNEstPermisQueParLesProfilsLocalEtTest(String url) {
        assertTrue(AdresseWebhook.refus(url, false).orElseThrow().contains("bouclage"), url);
        assertEquals(Optional.empty(), AdresseWebhook.refus(url, true), url);
    }

    @ParameterizedTest
    @ValueSource(strings = { "http://93.184.215.14/", "ftp://93.184.215.14/", "93.184.215.14/recepteur", "https:///chemin" })
    void ilFautHttpsEtUnHote(String url) {
        assertTrue(AdresseWebhook.refus(url, false).isPresent(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://u:p@93.184.215.14/", "https://93.184.215.14/#x", "https://exemple invalide/" })
    void niIdentifiantsNiFragmentNiUrlMalFormee(String url) {
        assertTrue(AdresseWebhook.refus(url, true).isPresent(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://93.184.215.14/webhooks", "https://[2001:4860:4860::8888]:8443/w" })
    void uneAdressePubliqueEnHttpsEstAdmise(String url) {
        assertEquals(Optional.empty(), AdresseWebhook.refus(url, false), url);
    }

    @org.junit.jupiter.api.Test
    void lHttpSimpleNEstPermisQueParLesProfilsLocalEtTest() {
        assertTrue(AdresseWebhook.refus("http://127.0.0.1:9000/r", false).orElseThrow().contains("https"));
        assertEquals(Optional.empty(), AdresseWebhook.refus("http://127.0.0.1:9000/r", true));
    }
}
