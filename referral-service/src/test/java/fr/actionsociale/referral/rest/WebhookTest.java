package fr.actionsociale.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.RecepteurWebhook;
import fr.actionsociale.commons.webhook.DiffusionWebhook;
import fr.actionsociale.commons.webhook.EtapesWebhook;
import fr.actionsociale.referral.BoiteCourriel;
import fr.actionsociale.referral.Referentiel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Outgoing webhooks (issue 19) against a real HTTP receiver that checks the Standard Webhooks signatures by its own code:
 * who receives what, retries with growing delays, suspension and its e-mail, resumption, the log, the refusals, and nothing lost
 * when the sender stops between the write and the delivery or dies holding a lease. Each test subscribes its own structures and
 * ends its subscriptions, so that no other test's orientations reach them.
 */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class WebhookTest {

    static RecepteurWebhook recepteur;

    @Inject
    DiffusionWebhook diffusion;
    @Inject
    EtapesWebhook etapes;
    @Inject
    EntityManager em;

    @BeforeAll
    static void demarrer() throws Exception {
        recepteur = new RecepteurWebhook();
    }

    @AfterAll
    static void arreter() {
        recepteur.close();
    }

    static String agent(String institution) {
        return Jetons.entete("agent", institution);
    }

    /** Subscribes the institution's agent; returns the subscription's id, its secret registered on the receiver's endpoint. */
    static String abonner(String institution, String point, List<String> types, String contact) {
        JsonPath r = given().header("Authorization", agent(institution)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON)
                .body(Map.of("url", recepteur.url(point), "types", types, "contact", contact))
                .post("/abonnements-webhook").then().statusCode(201).body("statut", equalTo("ACTIF")).body("institution", equalTo(institution))
                .extract().jsonPath();
        recepteur.secret(point, r.getString("secret"));
        assertTrue(r.getString("secret").startsWith("whsec_"));
        return r.getString("id");
    }

    static void terminer(String institution, String id) {
        given().header("Authorization", agent(institution)).delete("/abonnements-webhook/" + id).then().statusCode(204);
    }

    static String orienter(String par, String vers) {
        String ben = Referentiel.beneficiaire(agent(par), "35236");
        return given().header("Authorization", agent(par)).contentType(ContentType.JSON)
                .body("""
                        {"beneficiaire":"%s","structure":"%s","commune":"35236","motif":"Camille Exemple, RSA repéré au RDV des droits","droitsVises":["RSA"]}"""
                        .formatted(ben, vers))
                .post("/orientations").then().statusCode(201).extract().path("id");
    }

    static boolean concerne(RecepteurWebhook.Recu r, String orientation) {
        return r.corps() != null && orientation.equals(r.corps().path("data").path("orientationId").asText());
    }

    @Test
    void uneOrientationArriveSigneeChezLaStructureEtCeluiQuiOrienteEtChezPersonneDAutre() throws Exception {
        Referentiel.structures();
        List<String> types = List.of("orientation-faite", "orientation-acceptee");
        String structure = abonner("cdas-pays-de-redon", "t1-structure", types, "tech@cdas.example.fr");
        String orienteur = abonner("ccas-redon", "t1-orienteur", types, "tech@ccas-redon.example.fr");
        String autre = abonner("caf-35", "t1-autre", types, "tech@caf.example.fr");
        try {
            String o = orienter("ccas-redon", "cdas-pays-de-redon");
            given().header("Authorization", agent("cdas-pays-de-redon")).contentType(ContentType.JSON)
                    .body("{\"referent\":\"Conseillère RSA\"}").post("/orientations/" + o + "/acceptation").then().statusCode(200);

            for (String point : List.of("t1-structure", "t1-orienteur")) {
                List<RecepteurWebhook.Recu> recus = recepteur.attendre(point, r -> concerne(r, o), 2, Duration.ofSeconds(15));
                assertEquals(List.of("orientation-faite", "orientation-acceptee"), recus.stream().map(r -> r.corps().path("type").asText()).toList(), point);
                for (RecepteurWebhook.Recu r : recus) {
                    assertTrue(r.signatureValide(), "signature vérifiée par le récepteur");
                    assertTrue(r.accepte());
                    assertEquals("application/cloudevents+json", r.typeContenu());
                    assertEquals(r.id(), r.corps().path("id").asText(), "webhook-id est l'id de l'événement");
                    assertEquals("1.0", r.corps().path("specversion").asText());
                    assertEquals("/referral-service", r.corps().path("source").asText());
                    assertEquals(o, r.corps().path("subject").asText());
                    assertEquals("cdas-pays-de-redon", r.corps().path("data").path("structure").asText());
                    // nothing of the person: the motive (free text, here with a name) and the identity stay in referral-service
                    String texte = r.corps().toString();
                    assertFalse(texte.contains("Camille") || texte.contains("Exemple") || texte.contains("motif"), texte);
                }
            }
            Thread.sleep(1000);
            assertEquals(List.of(), recepteur.recus("t1-autre").stream().filter(r -> concerne(r, o)).toList(),
                    "une institution qui ne voit pas l'orientation ne la reçoit pas");

            // the log: its owner reads it, another institution does not even see the subscription
            String evenement = recepteur.recus("t1-structure").stream().filter(r -> concerne(r, o)).findFirst().orElseThrow().id();
            given().header("Authorization", agent("cdas-pays-de-redon")).get("/abonnements-webhook/" + structure + "/livraisons").then().statusCode(200)
                    .body("find { it.evenementId == '%s' }.statut".formatted(evenement), equalTo("LIVREE"))
                    .body("find { it.evenementId == '%s' }.tentatives[0].statutHttp".formatted(evenement), equalTo(204))
                    .body("find { it.evenementId == '%s' }.tentatives.size()".formatted(evenement), equalTo(1));
            given().header("Authorization", agent("caf-35")).get("/abonnements-webhook/" + structure + "/livraisons").then().statusCode(404);
            given().header("Authorization", agent("caf-35")).get("/abonnements-webhook/" + structure).then().statusCode(404);
            given().header("Authorization", agent("caf-35")).post("/abonnements-webhook/" + structure + "/reprise").then().statusCode(404);
            given().header("Authorization", agent("caf-35")).delete("/abonnements-webhook/" + structure).then().statusCode(404);
            given().header("Authorization", agent("cdas-pays-de-redon")).get("/abonnements-webhook/" + structure).then().statusCode(200)
                    .body("secret", equalTo(null)).body("types", equalTo(types));
            given().header("Authorization", agent("cdas-pays-de-redon")).get("/abonnements-webhook").then().statusCode(200)
                    .body("id", hasItem(structure));
            given().header("Authorization", agent("caf-35")).get("/abonnements-webhook").then().statusCode(200)
                    .body("id", org.hamcrest.Matchers.not(hasItem(structure)));
        } finally {
            terminer("cdas-pays-de-redon", structure);
            terminer("ccas-redon", orienteur);
            terminer("caf-35", autre);
        }
    }

    @Test
    void unRecepteurEnPanneEstRelanceAvecDesDelaisCroissantsPuisLivreUneFois() throws Exception {
        Referentiel.structures();
        String id = abonner("mission-locale-redon", "t2", List.of("orientation-faite"), "tech@ml.example.fr");
        try {
            recepteur.echouer("t2", 3);
            String o = orienter("ccas-pipriac", "mission-locale-redon");
            List<RecepteurWebhook.Recu> recus = recepteur.attendre("t2", r -> concerne(r, o), 4, Duration.ofSeconds(20));
            assertEquals(List.of(false, false, false, true), recus.stream().map(RecepteurWebhook.Recu::accepte).toList());
            assertEquals(1, recus.stream().map(RecepteurWebhook.Recu::id).distinct().count(), "la même webhook-id à chaque tentative");
            assertTrue(recus.stream().allMatch(RecepteurWebhook.Recu::signatureValide));
            long e1 = Duration.between(recus.get(0).arrivee(), recus.get(1).arrivee()).toMillis();
            long e2 = Duration.between(recus.get(1).arrivee(), recus.get(2).arrivee()).toMillis();
            long e3 = Duration.between(recus.get(2).arrivee(), recus.get(3).arrivee()).toMillis();
            // %test: 300 ms, then twice as long each time, ±10 %: the sender never comes back before the wait it set (a loaded machine
            // may add to any of them, hence lower bounds only)
            assertTrue(e1 >= 270 && e2 >= 540 && e3 >= 1080, e1 + " ms, " + e2 + " ms, " + e3 + " ms");
            Thread.sleep(500);
            assertEquals(4, recepteur.recus("t2").stream().filter(r -> concerne(r, o)).count(), "rien de plus une fois livré");

            JsonPath journal = given().header("Authorization", agent("mission-locale-redon")).get("/abonnements-webhook/" + id + "/livraisons")
                    .then().statusCode(200).extract().jsonPath();
            Map<String, Object> livraison = journal.getMap("find { it.evenementId == '%s' }".formatted(recus.get(0).id()));
            assertEquals("LIVREE", livraison.get("statut"));
            assertEquals(List.of(500, 500, 500, 204), journal.getList("find { it.evenementId == '%s' }.tentatives.statutHttp".formatted(recus.get(0).id())));
            assertEquals(List.of(1, 2, 3, 4), journal.getList("find { it.evenementId == '%s' }.tentatives.numero".formatted(recus.get(0).id())));
            given().header("Authorization", agent("mission-locale-redon")).get("/abonnements-webhook/" + id).then().statusCode(200)
                    .body("echecsConsecutifs", equalTo(0)).body("statut", equalTo("ACTIF"));
        } finally {
            terminer("mission-locale-redon", id);
        }
    }

    @Test
    void unAbonnementQuiEchoueToujoursEstSuspenduSonContactAviseEtLaRepriseLivreCeQuiEstDu() throws Exception {
        Referentiel.structures();
        String contact = "webhooks-" + UUID.randomUUID().toString().substring(0, 8) + "@cpam.example.fr";
        String id = abonner("cpam-35", "t3", List.of("orientation-faite"), contact);
        try {
            recepteur.echouer("t3", 1000);
            String o1 = orienter("ccas-pipriac", "cpam-35");
            // %test: suspended after 4 failures in a row
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> "SUSPENDU".equals(
                    given().header("Authorization", agent("cpam-35")).get("/abonnements-webhook/" + id).then().statusCode(200).extract().path("statut")));
            given().header("Authorization", agent("cpam-35")).get("/abonnements-webhook/" + id).then()
                    .body("echecsConsecutifs", equalTo(4)).body("suspenduLe", org.hamcrest.Matchers.notNullValue());
            assertEquals(4, recepteur.recus("t3").stream().filter(r -> concerne(r, o1)).count());

            // 60 s: a first SMTP exchange that hangs takes the mailer's 30 s timeout before the notice is tried again
            List<BoiteCourriel.Message> courriels = BoiteCourriel.attendre(contact, 1, Duration.ofSeconds(60));
            assertEquals(1, courriels.size(), "le contact technique est avisé, une fois");
            assertTrue(courriels.get(0).sujet().contains("suspendu"), courriels.get(0).sujet());
            assertTrue(courriels.get(0).corps().contains(id) && courriels.get(0).corps().contains("/reprise"), courriels.get(0).corps());

            // suspended: a new event is kept for it, nothing is attempted
            String o2 = orienter("ccas-pipriac", "cpam-35");
            Thread.sleep(1500);
            assertEquals(0, recepteur.recus("t3").stream().filter(r -> concerne(r, o2)).count());
            assertEquals(4, recepteur.recus("t3").stream().filter(r -> concerne(r, o1)).count());

            recepteur.echouer("t3", 0);
            given().header("Authorization", agent("cpam-35")).post("/abonnements-webhook/" + id + "/reprise").then().statusCode(200)
                    .body("statut", equalTo("ACTIF")).body("echecsConsecutifs", equalTo(0));
            assertEquals(1, recepteur.attendre("t3", r -> concerne(r, o1) && r.accepte(), 1, Duration.ofSeconds(10)).size());
            assertEquals(1, recepteur.attendre("t3", r -> concerne(r, o2) && r.accepte(), 1, Duration.ofSeconds(10)).size());
            Thread.sleep(300);
            assertEquals(1, BoiteCourriel.messages(contact).size(), "pas de second avis");
        } finally {
            terminer("cpam-35", id);
        }
        // ended: no more deliveries, resumption refused, the log still readable
        String o3 = orienter("ccas-pipriac", "cpam-35");
        Thread.sleep(1000);
        assertEquals(0, recepteur.recus("t3").stream().filter(r -> concerne(r, o3)).count());
        given().header("Authorization", agent("cpam-35")).post("/abonnements-webhook/" + id + "/reprise").then().statusCode(409);
        given().header("Authorization", agent("cpam-35")).get("/abonnements-webhook/" + id + "/livraisons").then().statusCode(200);
    }

    long abonnements() {
        return ((Number) em.createNativeQuery("select count(*) from abonnement_webhook").getSingleResult()).longValue();
    }

    @Test
    void unTypeInvisibleOuUneAdresseNonPubliqueEstRefuseEnNommantLeChampSansRienEcrire() {
        long avant = abonnements();
        String[][] cas = {
                { "https://93.184.215.14/w", "[\"convention-signee\"]", "types" },
                { "https://93.184.215.14/w", "[\"orientation-faite\",\"droit-ouvert\"]", "types" },
                { "https://10.1.2.3/w", "[\"orientation-faite\"]", "url" },
                { "https://192.168.0.10/w", "[\"orientation-faite\"]", "url" },
                { "https://169.254.169.254/latest/meta-data", "[\"orientation-faite\"]", "url" },
                { "https://[fd12::1]/w", "[\"orientation-faite\"]", "url" },
                { "ftp://93.184.215.14/w", "[\"orientation-faite\"]", "url" },
                { "https://93.184.215.14/w", "[]", "types" },
        };
        for (String[] c : cas) {
            given().header("Authorization", agent("caf-35")).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                    .body("{\"url\":\"%s\",\"types\":%s,\"contact\":\"tech@caf.example.fr\"}".formatted(c[0], c[1]))
                    .post("/abonnements-webhook").then().statusCode(400).contentType("application/problem+json")
                    .body("erreurs.champ", hasItem(c[2]));
        }
        // a role that reads no orientation sees no event type here
        given().header("Authorization", Jetons.entete("gestionnaire", "caf-35")).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body("{\"url\":\"https://93.184.215.14/w\",\"types\":[\"orientation-faite\"],\"contact\":\"t@caf.example.fr\"}")
                .post("/abonnements-webhook").then().statusCode(400).body("erreurs.champ", hasItem("types"));
        given().header("Authorization", agent("caf-35")).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body("{\"url\":\"https://93.184.215.14/w\",\"types\":[\"orientation-faite\"],\"contact\":\"pas une adresse\"}")
                .post("/abonnements-webhook").then().statusCode(400).body("erreurs.champ", hasItem("contact"));
        given().header("Authorization", Jetons.entete("coordinateur", "departement-35")).get("/abonnements-webhook").then().statusCode(403);
        assertEquals(avant, abonnements(), "rien d'écrit");
    }

    long nonDiffuses(String orientation) {
        return ((Number) em.createNativeQuery("select count(*) from outbox_evenement where cle = ?1 and diffuse_le is null")
                .setParameter(1, orientation).getSingleResult()).longValue();
    }

    @Test
    void ceQuiEstEcritPendantQueLEnvoyeurEstArreteOuMeurtAvecUnBailArriveUneSeuleFois() throws Exception {
        Referentiel.structures();
        String id = abonner("msa-porte-de-bretagne", "t5", List.of("orientation-faite"), "tech@msa.example.fr");
        try {
            // stopped between the write and the fan-out: the outbox row is committed with the orientation, not yet fanned out
            diffusion.arreter();
            String o1;
            try {
                o1 = orienter("ccas-pipriac", "msa-porte-de-bretagne");
                assertEquals(1, nonDiffuses(o1));
                Thread.sleep(500);
                assertEquals(0, recepteur.recus("t5").size());
            } finally {
                diffusion.demarrer();
            }
            assertEquals(1, recepteur.attendre("t5", r -> concerne(r, o1) && r.accepte(), 1, Duration.ofSeconds(10)).size());
            assertEquals(0, nonDiffuses(o1));

            // a sender that took a delivery (lease) and died before posting it: another takes it once the lease (3 s) has expired
            diffusion.arreter();
            String o2;
            Instant loue;
            try {
                o2 = orienter("ccas-pipriac", "msa-porte-de-bretagne");
                while (etapes.diffuser(100) > 0) {
                    // fan-out done: the delivery row exists, committed
                }
                List<EtapesWebhook.Envoi> pris = etapes.louer(100);
                loue = Instant.now();
                assertTrue(pris.stream().anyMatch(e -> e.abonnement().toString().equals(id)), "la livraison due a été prise à bail");
            } finally {
                diffusion.demarrer();
            }
            List<RecepteurWebhook.Recu> recus = recepteur.attendre("t5", r -> concerne(r, o2), 1, Duration.ofSeconds(15));
            assertEquals(1, recus.size());
            assertTrue(Duration.between(loue, recus.get(0).arrivee()).toMillis() >= 2500, "pas avant l'expiration du bail");
            Thread.sleep(1000);
            assertEquals(2, recepteur.uniques("t5").size(), "chaque événement une fois");
            assertEquals(2, recepteur.recus("t5").size());
            assertNull(recus.get(0).corps().get("motif"));
        } finally {
            terminer("msa-porte-de-bretagne", id);
        }
    }
}
