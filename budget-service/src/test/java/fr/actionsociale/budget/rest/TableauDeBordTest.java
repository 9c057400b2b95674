package fr.actionsociale.budget.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SondeKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(Jetons.class)
class TableauDeBordTest {

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void leFluxPousseUnNouveauTableauQuandUneOrientationArrive() throws Exception {
        String commune = "29" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        String p = ImportResourceTest.programme(",\"territoire\":[\"" + commune + "\"]");
        ImportResourceTest.importer(p, "2022", ImportResourceTest.seed003()).statusCode(201);
        // the replay test re-reads every orientation ever published on the test topic: this commune may already have some
        JsonPath avant = given().header("Authorization", Jetons.entete("coordinateur", "departement-35")).get("/tableau-de-bord/programmes/" + p)
                .then().statusCode(200).body("actions.size()", equalTo(25)).body("total.recettes", equalTo(1897106.39f)).extract().jsonPath();
        int total = avant.getInt("orientations.total");
        java.util.Map<String, Object> parStructure = avant.getMap("orientations.parStructure");
        int caf = parStructure != null && parStructure.containsKey("caf-35") ? avant.getInt("orientations.parStructure.'caf-35'") : 0;
        given().get("/tableau-de-bord/programmes/" + p + "/flux").then().statusCode(401);
        given().header("Authorization", Jetons.entete("coordinateur", "departement-35")).get("/tableau-de-bord/programmes/INCONNU/flux").then()
                .statusCode(404);

        HttpRequest requete = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/tableau-de-bord/programmes/" + p + "/flux"))
                .header("Authorization", Jetons.entete("coordinateur", "departement-35")).header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> reponse = HttpClient.newHttpClient().send(requete, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, reponse.statusCode());
        try (BufferedReader flux = new BufferedReader(new InputStreamReader(reponse.body(), StandardCharsets.UTF_8))) {
            JsonPath premier = JsonPath.from(prochainEvenement(flux));
            assertEquals(total, premier.getInt("orientations.total"));

            String o = UUID.randomUUID().toString();
            String mois = YearMonth.now(ZoneId.of("Europe/Paris")).toString();
            String corps = """
                    {"orientationId":"%s","beneficiaire":"ben-test","structure":"caf-35","commune":"%s","droitsVises":["RSA"],
                     "orientePar":"ccas-redon","dateOrientation":"%s-01T10:00:00Z","statut":"PROPOSEE"}""".formatted(o, commune, mois);
            SondeKafka.publier("orientation-faite", o, SondeKafka.entetesCloudEvent(UUID.randomUUID().toString(), "orientation-faite", o), corps);

            JsonPath suivant = JsonPath.from(prochainEvenement(flux));
            assertEquals(total + 1, suivant.getInt("orientations.total"), "pushed without asking again");
            assertEquals(caf + 1, suivant.getInt("orientations.parStructure.'caf-35'"));
        }
    }

    /** Reads lines until a blank one ends an event; returns its data. */
    static String prochainEvenement(BufferedReader flux) throws IOException {
        StringBuilder donnees = new StringBuilder();
        long limite = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (String ligne; (ligne = flux.readLine()) != null;) {
            if (ligne.startsWith("data:")) {
                donnees.append(ligne.substring(5).strip());
            } else if (ligne.isEmpty() && !donnees.isEmpty()) {
                return donnees.toString();
            }
            assertTrue(System.nanoTime() < limite, "no event within 30 s");
        }
        throw new IOException("stream closed");
    }
}
