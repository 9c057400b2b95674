package fr.actionsociale.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.RecepteurWebhook;
import io.restassured.http.ContentType;

/**
 * Outgoing webhooks across a SIGKILL of the packaged referral-service: orientations written while nothing was sent, or while the
 * receiver was failing, reach the receiver after the restart, each event exactly once once deduplicated on webhook-id, none lost.
 */
class WebhookApresCrashIT {

    static final String GROUPE = "referral-service-e2e-webhooks";
    // its own port and database, and consumer groups of its own: other end-to-end runs on the same machine are not disturbed
    static final Suite.Service REFERRAL = new Suite.Service("referral-service", 18093, "referral_e2e_webhooks",
            List.of("-Dsuite.topics.prefix=e2e.", "-Dwebhooks.adresses-locales-permises=true", "-Dwebhooks.premier-delai=300ms",
                    "-Dwebhooks.facteur=1.5", "-Dwebhooks.delai-max=2s", "-Dwebhooks.echecs-avant-suspension=1000",
                    "-Dwebhooks.intervalle=100ms", "-Dwebhooks.bail=3s",
                    "-Dmp.messaging.incoming.droit-ouvert.group.id=" + GROUPE, "-Dmp.messaging.incoming.droit-refuse.group.id=" + GROUPE,
                    "-Dmp.messaging.incoming.droit-ferme.group.id=" + GROUPE,
                    "-Dmp.messaging.incoming.contact-privilegie-designe.group.id=" + GROUPE));
    static final String AGENT_ORIENTEUR = Jetons.entete("agent", "ccas-pipriac");
    static final String AGENT_CAF = Jetons.entete("agent", "caf-35");

    static Process referral;
    static RecepteurWebhook recepteur;

    @BeforeAll
    static void demarrer() throws Exception {
        Suite.baseNeuve(REFERRAL.base(), "referral");
        recepteur = new RecepteurWebhook();
        referral = Suite.demarrer(REFERRAL);
        given().baseUri(REFERRAL.url()).header("Authorization", Jetons.entete("admin", "departement-35")).contentType(ContentType.JSON)
                .body("{\"code\":\"caf-35\",\"nom\":\"CAF\",\"type\":\"CAF\"}").post("/structures").then().statusCode(201);
        String secret = given().baseUri(REFERRAL.url()).header("Authorization", AGENT_CAF).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(Map.of("url", recepteur.url("caf"), "types", List.of("orientation-faite"), "contact", "tech@caf.example.fr"))
                .post("/abonnements-webhook").then().statusCode(201).extract().path("secret");
        recepteur.secret("caf", secret);
    }

    @AfterAll
    static void arreter() throws InterruptedException {
        if (referral != null) {
            referral.destroy();
            referral.waitFor();
        }
        if (recepteur != null) {
            recepteur.close();
        }
    }

    static String orienter() {
        String ben = given().baseUri(REFERRAL.url()).header("Authorization", AGENT_ORIENTEUR).contentType(ContentType.JSON)
                .body("""
                        {"nom":"Exemple","prenom":"Camille","dateNaissance":"1985-04-12","commune":"35220","quartier":"Bourg",
                         "canalContact":"TELEPHONE","contact":"02 99 00 00 00"}""")
                .post("/beneficiaires").then().statusCode(201).extract().path("reference");
        return given().baseUri(REFERRAL.url()).header("Authorization", AGENT_ORIENTEUR).contentType(ContentType.JSON)
                .body("{\"beneficiaire\":\"%s\",\"structure\":\"caf-35\",\"commune\":\"35220\",\"motif\":\"RSA\",\"droitsVises\":[\"RSA\"]}".formatted(ben))
                .post("/orientations").then().statusCode(201).extract().path("id");
    }

    static Map<String, Long> acceptesParOrientation(List<String> orientations) {
        return recepteur.recus("caf").stream().filter(RecepteurWebhook.Recu::accepte)
                .map(r -> r.corps().path("data").path("orientationId").asText()).filter(orientations::contains)
                .collect(Collectors.groupingBy(o -> o, Collectors.counting()));
    }

    @Test
    void ceQuiEstEcritAvantUnSigkillArriveApresLeRedemarrageUneFoisParEvenement() throws Exception {
        // 1. killed between the write and any delivery: the sender is held off, orientations are written, SIGKILL
        Suite.tuer(referral);
        referral = Suite.demarrer(REFERRAL, "-Dwebhooks.actif=false");
        List<String> avant = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            avant.add(orienter());
        }
        Suite.tuer(referral);
        assertEquals(0, recepteur.recus("caf").size());
        referral = Suite.demarrer(REFERRAL);
        long fin = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (acceptesParOrientation(avant).size() < 5 && System.nanoTime() < fin) {
            Thread.sleep(100);
        }
        assertEquals(avant.stream().collect(Collectors.toMap(o -> o, o -> 1L)), acceptesParOrientation(avant));

        // 2. killed while the receiver fails and deliveries are being retried, then the receiver heals
        recepteur.echouer("caf", 1_000_000);
        List<String> pendant = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            pendant.add(orienter());
        }
        fin = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (recepteur.recus("caf").stream().filter(r -> !r.accepte()).count() < 10 && System.nanoTime() < fin) {
            Thread.sleep(100);
        }
        assertTrue(recepteur.recus("caf").stream().filter(r -> !r.accepte()).count() >= 5, "des tentatives ont échoué avant le crash");
        Suite.tuer(referral);
        recepteur.echouer("caf", 0);
        referral = Suite.demarrer(REFERRAL);
        fin = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (acceptesParOrientation(pendant).size() < 5 && System.nanoTime() < fin) {
            Thread.sleep(100);
        }
        Thread.sleep(1000);
        assertEquals(pendant.stream().collect(Collectors.toMap(o -> o, o -> 1L)), acceptesParOrientation(pendant));
        // every delivery of every event carried one webhook-id per event, and what the receiver keeps is one per event
        assertEquals(10, recepteur.uniques("caf").size());
        assertTrue(recepteur.recus("caf").stream().allMatch(RecepteurWebhook.Recu::signatureValide));
        assertEquals(0L, Suite.compter(REFERRAL.base(), "select count(*) from livraison_webhook where statut <> 'LIVREE'"));
    }
}
