package fr.actionsociale.budget.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(Jetons.class)
class DocumentResourceTest {

    static final String GESTIONNAIRE = ImportResourceTest.GESTIONNAIRE;

    @Test
    void leTableauConsolideExporteSeReimporteSansEcart() throws IOException {
        String p = ImportResourceTest.programme("");
        ImportResourceTest.importer(p, "2022", ImportResourceTest.seed003()).statusCode(201);
        String csv = given().header("Authorization", GESTIONNAIRE).queryParam("date", "2023-06-30").get("/programmes/" + p + "/tableau-consolide.csv")
                .then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.contains("Consommation crédits au 30/06/2023"), csv);
        assertTrue(csv.contains("Action 4.1 - Orientation et parcours des allocataires du rsa;138 500,00 €;temps ETP équipe projet service RSA +DSN;"
                + "86 775,39 €;60 000,00 €;146 775,39 €;postes: 2ETP service RSA: 106000 €;82 000,00 €;64 775,39 €"), csv);
        // the carry-over is recomputed (action 5.1: 319,380 € left, not the table's 253,380 €), so the totals add up
        assertTrue(csv.contains("TOTAL;1 459 218,00 €;;437 888,39 €;1 459 218,00 €;1 897 106,39 €;;1 454 282,00 €;442 824,39 €"), csv);
        assertTrue(csv.contains("\"Participations Emmaüs Pays de Rennes (45000€) ; Le relais"), "a field holding the separator is quoted");

        String copie = ImportResourceTest.programme("");
        ImportResourceTest.importer(copie, "2022", csv).statusCode(201).body("actions", equalTo(25)).body("nombreEcarts", equalTo(0));
        given().header("Authorization", GESTIONNAIRE).queryParam("date", "2023-06-30").get("/programmes/" + copie + "/execution").then()
                .body("total.recettes", equalTo(1897106.39f)).body("total.consommation", equalTo(1454282.00f));
    }

    @Test
    void leTableauConsolideEnXlsxPorteDesMontantsNumeriques() throws IOException {
        String p = ImportResourceTest.programme("");
        ImportResourceTest.importer(p, "2022", ImportResourceTest.seed003()).statusCode(201);
        byte[] xlsx = given().header("Authorization", GESTIONNAIRE).queryParam("date", "2023-06-30").get("/programmes/" + p + "/tableau-consolide.xlsx")
                .then().statusCode(200).contentType(DocumentResource.XLSX).extract().asByteArray();
        Map<String, String> parties = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                parties.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(parties.keySet().containsAll(java.util.List.of("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/styles.xml",
                "xl/worksheets/sheet1.xml")), parties.keySet().toString());
        String feuille = parties.get("xl/worksheets/sheet1.xml");
        assertTrue(feuille.contains("<v>1897106.39</v>"), "the total receipts as a number");
        assertTrue(feuille.contains("Action 8.4bis - Création santé mentale"));
        assertEquals(1, feuille.split("<t xml:space=\"preserve\">TOTAL</t>").length - 1);
    }

    @Test
    void laFicheActionReprendLeBudgetDuRapportDExecution() throws IOException {
        String p = ImportResourceTest.programme("");
        ImportResourceTest.importer(p, "2022", ImportResourceTest.seed003()).statusCode(201);
        // seed 003, action 4.1: "Part Etat = 146 775,39€ dont 86 775,39€ de reports 2021 ; Part Département = 138 500€ ;
        // Budget global = 285 275,39€ ; Budget exécuté au 30/06/2023 : 220 500€ ; Reports sur 2023 : 64 775,39€"
        given().header("Authorization", GESTIONNAIRE).queryParam("date", "2023-06-30").get("/programmes/" + p + "/actions/4.1/fiche").then()
                .statusCode(200)
                .body("partEtat", equalTo(146775.39f)).body("dontReports", equalTo(86775.39f)).body("partDepartement", equalTo(138500.00f))
                .body("budgetGlobal", equalTo(285275.39f)).body("budgetExecute", equalTo(220500.00f)).body("executeEtat", equalTo(82000.00f))
                .body("reportPeriodeSuivante", equalTo(64775.39f))
                .body("texte", containsString("Budget global = 285 275,39 €"));
        given().header("Authorization", GESTIONNAIRE).get("/programmes/" + p + "/actions/99.9/fiche").then().statusCode(404);
    }

    @Test
    void lEtatDesDepensesTotaliseEligiblesEtRefusees() {
        String p = DepenseResourceTest.experimentation();
        DepenseResourceTest.depenser(p, DepenseResourceTest.depense("PERSONNEL_ACCOMPAGNEMENT", "1000.10", "2022-03-31", "1")).statusCode(201);
        DepenseResourceTest.depenser(p, DepenseResourceTest.depense("FRAIS_GENERAUX", "99.90", "2022-04-30", null)).statusCode(201);
        String csv = given().header("Authorization", GESTIONNAIRE).get("/programmes/" + p + "/etat-des-depenses.csv").then().statusCode(200)
                .extract().asString();
        assertTrue(csv.contains(";Total des dépenses éligibles;;;;;;1 000,10 €;;"), csv);
        assertTrue(csv.contains(";Total des dépenses non éligibles;;;;;;99,90 €;;"), csv);
        assertTrue(csv.contains("frais généraux;Prestataire;"), csv);
        given().header("Authorization", GESTIONNAIRE).queryParam("date", "30/06/2023").get("/programmes/" + p + "/etat-des-depenses.csv").then()
                .statusCode(400).body("erreurs[0].champ", equalTo("date"));
    }
}
