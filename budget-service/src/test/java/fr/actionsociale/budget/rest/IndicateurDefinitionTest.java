package fr.actionsociale.budget.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(Jetons.class)
class IndicateurDefinitionTest {

    static final String GESTIONNAIRE = ImportResourceTest.GESTIONNAIRE;

    static ValidatableResponse saisir(String code, String periode, String valeur) {
        return given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("{\"valeur\":" + valeur + "}")
                .put("/indicateurs/definitions/" + code + "/valeurs/" + periode).then();
    }

    @Test
    void unIndicateurDuTableauDuSeed003EstSaisiParPeriodeAvecSaTendance() {
        String p = ImportResourceTest.programme("");
        String code = "IND-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("""
                {"code":"%s","libelle":"Nombre de nouveaux entrants orientés en 1 mois et moins","unite":"nombre",
                 "definition":"Date d'entrée = date de transmission CAF quotidienne.","mesure":"3.1. Orienter et accompagner les allocataires du RSA",
                 "programme":"%s","action":"4.1"}""".formatted(code, p)).post("/indicateurs/definitions").then().statusCode(201)
                .body("valeurs", hasSize(0));
        saisir(code, "2020", "1632").statusCode(200);
        saisir(code, "2021", "1109").statusCode(200);
        saisir(code, "2022-S1", "1691").statusCode(200);
        saisir(code, "2022", "1183").statusCode(200)
                .body("valeurs.periode", equalTo(java.util.List.of("2020", "2021", "2022-S1", "2022")))
                .body("tendance", equalTo("HAUSSE"));
        saisir(code, "2022", "1000").statusCode(200).body("tendance", equalTo("BAISSE")).body("valeurs", hasSize(4));
        given().header("Authorization", GESTIONNAIRE).queryParam("programme", p).get("/indicateurs/definitions").then().statusCode(200)
                .body("", hasSize(1)).body("[0].valeurs.find { it.periode == '2022-S1' }.fin", equalTo("2022-06-30"));

        saisir(code, "2022-S3", "1").statusCode(400).body("erreurs[0].champ", equalTo("periode"));
        saisir(code, "2022", "-1").statusCode(400).body("erreurs[0].champ", equalTo("valeur"));
        saisir(code, "2022", "12.5").statusCode(400).body("erreurs[0].raison", equalTo("un nombre de personnes ou d'actes est entier"));
        saisir("INCONNU", "2022", "1").statusCode(404);
        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("""
                {"code":"%s-2","libelle":"Taux","unite":"pourcent","mesure":"2.1"}""".formatted(code)).post("/indicateurs/definitions").then()
                .statusCode(400).body("erreurs[0].champ", equalTo("unite"));
        String taux = code + "-3";
        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("""
                {"code":"%s","libelle":"Taux de couverture","unite":"%%","mesure":"2.1"}""".formatted(taux)).post("/indicateurs/definitions").then()
                .statusCode(201);
        saisir(taux, "2018-12-31", "60").statusCode(200);
        saisir(taux, "2019", "100.5").statusCode(400).body("erreurs[0].raison", equalTo("un pourcentage ne dépasse pas 100"));
    }
}
