package fr.actionsociale.conventions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(Jetons.class)
class InstitutionResourceTest {

    static final String GESTIONNAIRE = Jetons.entete("gestionnaire", "departement-35");

    static String code() {
        return "ccas-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    ValidatableResponse poster(String corps) {
        return given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body(corps).post("/institutions").then();
    }

    @Test
    void uneCommuneEstEnregistreeAvecSonCodeInseeEtSaPopulation() {
        String code = code();
        poster("""
                {"code":"%s","nom":"Commune de Pipriac","type":"COMMUNE","codeInsee":"35220","population":3779,"populationAnnee":2021}"""
                .formatted(code)).statusCode(201).body("code", equalTo(code)).body("population", equalTo(3779));
        given().header("Authorization", Jetons.entete("agent", "ccas-pipriac")).get("/institutions/" + code).then()
                .statusCode(200).body("codeInsee", equalTo("35220")).body("populationAnnee", equalTo(2021));
        given().header("Authorization", GESTIONNAIRE).queryParam("taille", 500).get("/institutions").then()
                .statusCode(200).body("elements.code", hasItem(code)).body("total", greaterThanOrEqualTo(1));
    }

    @Test
    void lesReglesDuReferentielSontAppliquees() {
        poster("{\"code\":\"%s\",\"nom\":\"X\",\"type\":\"CCAS\",\"siret\":\"73282932000075\"}".formatted(code()))
                .statusCode(400).body("erreurs[0].champ", equalTo("siret"));
        poster("{\"code\":\"%s\",\"nom\":\"X\",\"type\":\"COMMUNE\"}".formatted(code()))
                .statusCode(400).body("erreurs[0].champ", equalTo("codeInsee"));
        poster("{\"code\":\"Pas Un Code\",\"nom\":\"X\",\"type\":\"PREFECTURE\"}").statusCode(400)
                .body("erreurs[0].champ", equalTo("type"));
        poster("{\"code\":\"Pas Un Code\",\"nom\":\"X\",\"type\":\"CCAS\"}").statusCode(400)
                .body("erreurs[0].champ", equalTo("code"));
        String code = code();
        poster("{\"code\":\"%s\",\"nom\":\"X\",\"type\":\"CCAS\"}".formatted(code)).statusCode(201);
        poster("{\"code\":\"%s\",\"nom\":\"X\",\"type\":\"CCAS\"}".formatted(code)).statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("/problemes/conflit"));
        given().header("Authorization", GESTIONNAIRE).get("/institutions/inconnue-" + code).then().statusCode(404);
        given().header("Authorization", GESTIONNAIRE).queryParam("taille", 0).get("/institutions").then().statusCode(400)
                .body("erreurs[0].champ", equalTo("taille"));
    }

    @Test
    void uneRequeteRejoueeSansSesChampsAbsentsGardeSonEmpreinte() {
        String code = code();
        String cle = java.util.UUID.randomUUID().toString();
        given().header("Authorization", GESTIONNAIRE).header("Idempotency-Key", cle).contentType(ContentType.JSON)
                .body("{\"code\":\"%s\",\"nom\":\"X\",\"type\":\"CCAS\"}".formatted(code)).post("/institutions").then().statusCode(201);
        // an optional field sent as null (or a field added to the API since) is the same request
        given().header("Authorization", GESTIONNAIRE).header("Idempotency-Key", cle).contentType(ContentType.JSON)
                .body("{\"type\":\"CCAS\",\"siret\":null,\"nom\":\"X\",\"code\":\"%s\"}".formatted(code)).post("/institutions").then()
                .statusCode(201).header("Idempotent-Replayed", "true");
        given().header("Authorization", GESTIONNAIRE).header("Idempotency-Key", cle).contentType(ContentType.JSON)
                .body("{\"code\":\"%s\",\"nom\":\"Y\",\"type\":\"CCAS\"}".formatted(code)).post("/institutions").then().statusCode(422);
    }

    @Test
    void seulsLesGestionnairesEtAdministrateursEnregistrent() {
        given().header("Authorization", Jetons.entete("agent", "ccas-pipriac")).contentType(ContentType.JSON)
                .body("{\"code\":\"%s\",\"nom\":\"X\",\"type\":\"CCAS\"}".formatted(code())).post("/institutions").then()
                .statusCode(403).contentType("application/problem+json");
        given().get("/institutions").then().statusCode(401).contentType("application/problem+json");
    }
}
