package fr.actionsociale.conventions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.RecepteurWebhook;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * conventions-service's outgoing webhooks against a real receiver checking signatures: a convention's events reach its parties,
 * not an institution outside it; the refusals. Retries, suspension and crashes are proved in referral-service (same commons code).
 */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class WebhookConventionTest {

    static RecepteurWebhook recepteur;

    @BeforeAll
    static void demarrer() throws Exception {
        recepteur = new RecepteurWebhook();
    }

    @AfterAll
    static void arreter() {
        recepteur.close();
    }

    static String abonner(String institution, String point, List<String> types) {
        JsonPath r = given().header("Authorization", Jetons.entete("gestionnaire", institution)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(Map.of("url", recepteur.url(point), "types", types, "contact", "tech@" + institution + ".example.fr"))
                .post("/abonnements-webhook").then().statusCode(201).extract().jsonPath();
        recepteur.secret(point, r.getString("secret"));
        return r.getString("id");
    }

    @Test
    void laSignatureDUneConventionArriveChezSesPartiesEtPasAilleurs() throws Exception {
        ConventionResourceTest.Trio t = ConventionResourceTest.institutions(true);
        String tiers = "ccas-tiers-" + UUID.randomUUID().toString().substring(0, 6);
        String partie = abonner(t.b(), "c-partie-" + t.b(), List.of("convention-signee", "convention-resiliee"));
        String dehors = abonner(tiers, "c-tiers-" + tiers, List.of("convention-signee"));

        String id = ConventionResourceTest.enVigueur(t);
        List<RecepteurWebhook.Recu> recus = recepteur.attendre("c-partie-" + t.b(), r -> true, 1, Duration.ofSeconds(15));
        assertEquals(1, recus.size());
        RecepteurWebhook.Recu r = recus.get(0);
        assertTrue(r.signatureValide() && r.accepte());
        assertEquals("convention-signee", r.corps().path("type").asText());
        assertEquals(id, r.corps().path("subject").asText());
        assertEquals("/conventions-service", r.corps().path("source").asText());
        assertEquals(id, r.corps().path("data").path("conventionId").asText(), r.corps().toString());
        Thread.sleep(1000);
        assertEquals(List.of(), recepteur.recus("c-tiers-" + tiers), "une institution hors de la convention ne reçoit rien");

        given().header("Authorization", Jetons.entete("gestionnaire", t.b())).get("/abonnements-webhook/" + partie + "/livraisons").then()
                .statusCode(200).body("[0].statut", equalTo("LIVREE")).body("[0].evenementId", equalTo(r.id()));
        given().header("Authorization", Jetons.entete("gestionnaire", t.c())).get("/abonnements-webhook/" + partie + "/livraisons").then()
                .statusCode(404);
        given().header("Authorization", Jetons.entete("gestionnaire", tiers)).get("/abonnements-webhook/" + dehors + "/livraisons").then()
                .statusCode(200).body("size()", equalTo(0));
        given().header("Authorization", Jetons.entete("gestionnaire", t.b())).delete("/abonnements-webhook/" + partie).then().statusCode(204);
        given().header("Authorization", Jetons.entete("gestionnaire", tiers)).delete("/abonnements-webhook/" + dehors).then().statusCode(204);
    }

    @Test
    void unTypeInvisibleOuUneAdressePriveeEstRefuse() {
        String g = Jetons.entete("gestionnaire", "departement-35");
        given().header("Authorization", g).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body("{\"url\":\"https://93.184.215.14/w\",\"types\":[\"orientation-faite\"],\"contact\":\"t@d35.example.fr\"}")
                .post("/abonnements-webhook").then().statusCode(400).contentType("application/problem+json").body("erreurs.champ", hasItem("types"));
        given().header("Authorization", g).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body("{\"url\":\"https://[::ffff:10.0.0.1]/w\",\"types\":[\"convention-signee\"],\"contact\":\"t@d35.example.fr\"}")
                .post("/abonnements-webhook").then().statusCode(400).body("erreurs.champ", hasItem("url"));
        given().header("Authorization", g).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body("{\"url\":\"https://172.20.0.1/w\",\"types\":[\"contact-privilegie-designe\"],\"contact\":\"t@d35.example.fr\"}")
                .post("/abonnements-webhook").then().statusCode(400).body("erreurs.champ", hasItem("url")).body("erreurs.champ", hasItem("types"));
        given().header("Authorization", g).get("/abonnements-webhook").then().statusCode(200).body("size()", equalTo(0));
    }
}
