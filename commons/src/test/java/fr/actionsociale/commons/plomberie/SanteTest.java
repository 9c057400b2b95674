package fr.actionsociale.commons.plomberie;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Readiness waits for the consumers (ConsommateursCheck); liveness says how the outbox relay fares. */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
@QuarkusTestResource(TopicsEssai.class)
class SanteTest {

    static Map<String, Object> check(JsonPath sante, String nom) {
        List<Map<String, Object>> checks = sante.getList("checks");
        return checks.stream().filter(c -> nom.equals(c.get("name"))).findFirst().orElseThrow(() -> new AssertionError(nom + " absent : " + checks));
    }

    @Test
    @SuppressWarnings("unchecked")
    void laDisponibiliteAttendQueLeConsommateurAitSesPartitionsEtSoitAJour() throws Exception {
        // the consumer joins its group at start: ready within the patience (30 s) at the latest
        JsonPath sante = null;
        for (long fin = System.nanoTime() + 45_000_000_000L; System.nanoTime() < fin;) {
            sante = given().get("/q/health/ready").then().extract().jsonPath();
            if ("UP".equals(check(sante, "consommateurs").get("status"))) {
                break;
            }
            Thread.sleep(250);
        }
        Map<String, Object> c = check(sante, "consommateurs");
        assertEquals("UP", c.get("status"), c.toString());
        Map<String, Object> donnees = (Map<String, Object>) c.get("data");
        assertTrue(String.valueOf(donnees.get("commons-essai")).contains("partitions"), donnees.toString());
        assertEquals(1000, ((Number) donnees.get("retard-max")).intValue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void laVivaciteDitSiLeRelaisEstEnEchec() {
        JsonPath sante = given().get("/q/health/live").then().statusCode(200).extract().jsonPath();
        Map<String, Object> donnees = (Map<String, Object>) check(sante, "outbox-relay").get("data");
        assertEquals(true, donnees.get("actif"));
        assertEquals("-", donnees.get("en-echec-depuis"), "the broker is up: no failure in progress");
    }
}
