package fr.actionsociale.conventions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A parameter of the wrong type, out of range or unknown is a 400 that names it, never the framework's 404. */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class ParametresTest {

    static final String ADMIN = Jetons.entete("admin", "departement-35");

    @Test
    void unNombreMalFormeDansLaRequeteEstUn400QuiLeNomme() {
        given().header("Authorization", ADMIN).get("/conventions?taille=abc")
                .then().statusCode(400).contentType("application/problem+json")
                .body("erreurs[0].champ", equalTo("taille"))
                .body("erreurs[0].raison", containsString("nombre entier"));
    }

    @Test
    void unParametreInconnuEstRefuseEtLesAdmisSontCites() {
        given().header("Authorization", ADMIN).get("/conventions?size=10")
                .then().statusCode(400).contentType("application/problem+json")
                .body("erreurs[0].champ", equalTo("size"))
                .body("erreurs[0].raison", containsString("paramètre inconnu"))
                .body("erreurs[0].raison", containsString("taille"));
    }

    @Test
    void unNumeroDeVersionHorsDesEntiersEstUn400() {
        given().header("Authorization", ADMIN).get("/conventions/" + UUID.randomUUID() + "/versions/2147483648")
                .then().statusCode(400).contentType("application/problem+json")
                .body("erreurs[0].champ", equalTo("numero"));
    }

    @Test
    void unIdentifiantQuiNestPasUnUuidEstUn400QuiLeNomme() {
        given().header("Authorization", ADMIN).get("/conventions/pas-un-uuid")
                .then().statusCode(400).contentType("application/problem+json")
                .body("erreurs[0].champ", equalTo("id"))
                .body("erreurs[0].raison", equalTo("doit être un identifiant UUID"));
    }

    /** The contract check of every test verifies that this 404 is one the document lists for the operation. */
    @Test
    void unIdentifiantInconnuEstUn404Documente() {
        given().header("Authorization", ADMIN).get("/conventions/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unCorpsAbsentEstNommeCommeTel() {
        given().header("Authorization", ADMIN).contentType("application/json").post("/conventions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("erreurs[0].champ", equalTo("corps"))
                .body("erreurs[0].raison", equalTo("le corps de la requête est obligatoire"));
    }
}
