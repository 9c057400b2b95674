package fr.actionsociale.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.referral.Referentiel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Retention counts a registration from the day it happened (inscrit_le), not from when it was recorded (cree_le). */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class RetentionInscriptionTest {

    @Test
    void uneInscriptionDateeDeTroisAnsSansRienDepuisEstAnonymisee() {
        LocalDate t = LocalDate.now(ZoneId.of("Europe/Paris"));
        Referentiel.structures();
        String agent = Jetons.entete("agent", "cdas-pays-de-redon");
        String ancien = given().header("Authorization", agent).contentType(ContentType.JSON).body("""
                {"nom":"Exemple","prenom":"Camille","commune":"35236","dateInscription":"%s"}""".formatted(t.minusYears(3)))
                .post("/beneficiaires").then().statusCode(201).extract().path("reference");
        String recent = given().header("Authorization", agent).contentType(ContentType.JSON).body("""
                {"nom":"Exemple","prenom":"Camille","commune":"35236","dateInscription":"%s"}""".formatted(t.minusYears(1)))
                .post("/beneficiaires").then().statusCode(201).extract().path("reference");
        Conservation.executerJusquAuBout();
        given().header("Authorization", Referentiel.ADMIN).get("/beneficiaires/" + ancien).then().statusCode(200)
                .body("beneficiaire.nom", nullValue()).body("beneficiaire.anonymiseLe", notNullValue());
        given().header("Authorization", Referentiel.ADMIN).get("/beneficiaires/" + recent).then().statusCode(200)
                .body("beneficiaire.nom", equalTo("Exemple"));
    }
}
