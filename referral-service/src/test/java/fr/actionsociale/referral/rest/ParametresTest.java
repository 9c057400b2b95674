package fr.actionsociale.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Query parameters: a malformed number is a 400 naming it, a missing one keeps its documented default. */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class ParametresTest {

    static final String ADMIN = Jetons.entete("admin", "departement-35");

    @Test
    void lesJoursDeLaListeDeTravailDoiventEtreUnNombre() {
        given().header("Authorization", ADMIN).get("/suivi/a-traiter?structure=caf-35&jours=abc")
                .then().statusCode(400).contentType("application/problem+json")
                .body("erreurs[0].champ", equalTo("jours"))
                .body("erreurs[0].raison", containsString("nombre entier"));
    }

    @Test
    void unParametreMalOrthographieNeDonnePasSilencieusementLeDefaut() {
        given().header("Authorization", ADMIN).get("/suivi/a-traiter?structure=caf-35&jour=30")
                .then().statusCode(400).contentType("application/problem+json")
                .body("erreurs[0].champ", equalTo("jour"))
                .body("erreurs[0].raison", equalTo("paramètre inconnu ; paramètres admis : apres, jours, structure, taille"));
    }

    @Test
    void unIdentifiantDOrientationMalFormeEstUn400() {
        given().header("Authorization", ADMIN).get("/orientations/123")
                .then().statusCode(400).contentType("application/problem+json")
                .body("erreurs[0].champ", equalTo("id"));
    }
}
