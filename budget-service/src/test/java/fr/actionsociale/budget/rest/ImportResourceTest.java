package fr.actionsociale.budget.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(Jetons.class)
class ImportResourceTest {

    static final String GESTIONNAIRE = Jetons.entete("gestionnaire", "departement-35");

    static String seed003() throws IOException {
        return Files.readString(Path.of("../deploy/local/demo/calpae-2022-tableau-consolide.tsv"));
    }

    static String programme(String corpsSupplementaire) {
        String code = "P-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("""
                {"code":"%s","libelle":"CALPAE 2022","dateDebut":"2022-01-01","dateFin":"2023-06-30"%s}""".formatted(code, corpsSupplementaire))
                .post("/programmes").then().statusCode(201);
        return code;
    }

    static io.restassured.response.ValidatableResponse importer(String programme, String periode, String texte) {
        return given().header("Authorization", GESTIONNAIRE).contentType("text/plain; charset=UTF-8").body(texte)
                .queryParam("programme", programme).queryParam("periode", periode).post("/imports/tableau-consolide").then();
    }

    @Test
    void leTableauDuSeed003EstChargeEtSonRapportListeChaqueEcart() throws IOException {
        String p = programme("");
        String id = importer(p, "2022", seed003()).statusCode(201)
                .body("actions", equalTo(25)).body("nombreEcarts", equalTo(6)).body("dateConsommation", equalTo("2023-06-30"))
                .body("ecarts[0].ligne", equalTo(18)).body("ecarts[0].libelle", equalTo("Action 5.1 - Garantie d'activité"))
                .body("ecarts[0].colonne", equalTo("Reports de crédits sur la période suivante"))
                .body("ecarts[0].montantTrouve", equalTo(253380.00f)).body("ecarts[0].montantAttendu", equalTo(319380.00f))
                .body("ecarts[0].difference", equalTo(-66000.00f))
                .body("ecarts[1].libelle", equalTo("Sous-total 4 et 5")).body("ecarts[1].difference", equalTo(21064.00f))
                .body("regleCouverture", containsString("TOTAL"))
                .extract().path("id");

        // the lines hold the table's inputs; receipts and carry-over are recomputed, the table's own figures kept beside
        given().header("Authorization", GESTIONNAIRE).queryParam("date", "2023-06-30").get("/programmes/" + p + "/actions").then().statusCode(200)
                .body("", hasSize(25))
                .body("find { it.code == '5.1' }.lignes[0].recettes", equalTo(319380.00f))
                .body("find { it.code == '5.1' }.lignes[0].reportSortant", equalTo(319380.00f))
                .body("find { it.code == '5.1' }.lignes[0].reportSortantImporte", equalTo(253380.00f))
                .body("find { it.code == '4.1' }.lignes[0].consommation", equalTo(82000.00f))
                .body("find { it.code == '4.1' }.axe", equalTo("4.5"));
        given().header("Authorization", GESTIONNAIRE).queryParam("date", "2023-06-30").get("/programmes/" + p + "/execution").then().statusCode(200)
                .body("total.valorisationDepartement", equalTo(1459218.00f))
                .body("total.reportEntrant", equalTo(437888.39f))
                .body("total.recettes", equalTo(1897106.39f))
                .body("total.consommation", equalTo(1454282.00f))
                .body("total.reportSortant", equalTo(442824.39f));

        // the report is kept, and a second import of the same table updates the lines instead of duplicating them
        given().header("Authorization", GESTIONNAIRE).get("/imports/" + id).then().statusCode(200).body("nombreEcarts", equalTo(6));
        importer(p, "2022", seed003()).statusCode(201).body("actions", equalTo(25));
        given().header("Authorization", GESTIONNAIRE).get("/programmes/" + p + "/actions").then().body("", hasSize(25))
                .body("find { it.code == '4.1' }.lignes", hasSize(1));
        given().header("Authorization", GESTIONNAIRE).queryParam("programme", p).get("/imports").then().body("", hasSize(2));
    }

    @Test
    void unTableauIllisibleEstRefuseEnEntierAvecSaLigneEtSaColonne() {
        String p = programme("");
        importer(p, "2022", """
                ;Montant valorisation;Report crédits 2021;Participation Etat 2022;RECETTES;Nature Dépenses;Consommation crédits au 30/06/2023;Reports crédits sur 2023
                Action 1.1 - A;1 000,00 €;;1 000,00 €;1 000,00 €;;0,00 €;1 000,00 €
                Action 1.2 - B;1 000,00 €;;1 000,00 €;mille euros;;0,00 €;- €
                """).statusCode(400).contentType("application/problem+json")
                .body("erreurs[0].champ", equalTo("ligne 3, colonne « Recettes État + reports »"))
                .body("erreurs[0].raison", containsString("mille euros"));
        importer(p, "2022", "a;b\n1;2\n").statusCode(400).body("erreurs[0].champ", equalTo("ligne 1"));
        importer(p, "22", "x").statusCode(400).body("erreurs[0].champ", equalTo("periode"));
        importer("INCONNU", "2022", "x").statusCode(404);
        // nothing of the refused tables was written
        given().header("Authorization", GESTIONNAIRE).get("/programmes/" + p + "/actions").then().body("", hasSize(0));
        given().header("Authorization", GESTIONNAIRE).queryParam("programme", p).get("/imports").then().body("", hasSize(0));
    }

    @Test
    void leReportDunePeriodeOuvreLaSuivante() throws IOException {
        String p = programme("");
        importer(p, "2022", seed003()).statusCode(201);
        // 2023's line of action 4.1 opens with 2022's carry-over: 146,775.39 − 82,000.00
        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("""
                {"periode":"2023","valorisationDepartement":138500,"participationEtat":60000}""")
                .post("/programmes/" + p + "/actions/4.1/lignes").then().statusCode(201)
                .body("reportEntrant", equalTo(64775.39f)).body("recettes", equalTo(124775.39f));
        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("""
                {"periode":"2023","participationEtat":-5}""")
                .post("/programmes/" + p + "/actions/4.1/lignes").then().statusCode(400).body("erreurs[0].champ", equalTo("participationEtat"));
        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("""
                {"periode":"2023","participationEtat":5}""")
                .post("/programmes/" + p + "/actions/4.1/lignes").then().statusCode(409);
    }
}
