package fr.actionsociale.budget.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.actionsociale.commons.test.Jetons;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Seed 003 loaded as the demo loads it (the consolidated table, annex 9, every action sheet of the execution report), on the real
 * PostgreSQL: the complete sheet of action 4.1 read back from its PDF and HTML, and the consistency check finding the seed's own
 * disagreements.
 */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class FicheActionTest {

    static final String GESTIONNAIRE = ImportResourceTest.GESTIONNAIRE;
    static final ObjectMapper JSON = new ObjectMapper();

    /** A programme holding seed 003 as the demo does; annex 9's codes carry the programme's code (they are unique across programmes). */
    static String seed003Complet() throws IOException {
        String p = ImportResourceTest.programme("");
        ImportResourceTest.importer(p, "2022", ImportResourceTest.seed003()).statusCode(201);
        for (String ligne : Files.readAllLines(Path.of("../deploy/local/demo/calpae-indicateurs.jsonl"), StandardCharsets.UTF_8)) {
            if (ligne.isBlank()) {
                continue;
            }
            ObjectNode d = (ObjectNode) JSON.readTree(ligne.replace("CALPAE-", p + "-").replace("\"programme\": \"" + p + "-2022\"",
                    "\"programme\": \"" + p + "\""));
            JsonNode valeurs = d.remove("valeurs");
            given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body(d.toString()).post("/indicateurs/definitions").then()
                    .statusCode(201);
            for (Map.Entry<String, JsonNode> v : valeurs.properties()) {
                given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("{\"valeur\":" + v.getValue().asText() + "}")
                        .put("/indicateurs/definitions/" + d.get("code").asText() + "/valeurs/" + v.getKey()).then().statusCode(200);
            }
        }
        for (String ligne : fiches()) {
            ObjectNode f = (ObjectNode) JSON.readTree(ligne.replace("CALPAE-", p + "-"));
            String action = f.remove("action").asText();
            saisir(p, action, f.toString()).statusCode(200);
        }
        return p;
    }

    static List<String> fiches() throws IOException {
        return Files.readAllLines(Path.of("../deploy/local/demo/calpae-fiches.jsonl"), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }

    static io.restassured.response.ValidatableResponse saisir(String p, String action, String corps) {
        return given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body(corps)
                .put("/programmes/" + p + "/actions/" + action + "/fiche/contenu").then().log().ifValidationFails();
    }

    @Test
    void laFicheDeLAction41EstCompleteEnJsonHtmlEtPdf() throws IOException {
        String p = seed003Complet();
        given().header("Authorization", GESTIONNAIRE).queryParam("date", "2023-06-30").get("/programmes/" + p + "/actions/4.1/fiche").then()
                .statusCode(200)
                .body("budgetGlobal", equalTo(285275.39f)).body("budgetExecute", equalTo(220500.00f))
                .body("partenaires", equalTo("CAF, MSA et Pôle emploi"))
                .body("contenu.miseEnPlace", containsString("Chantier 1 : L'orientation des BRSA en droits et devoirs"))
                .body("contenu.duree", equalTo("3 ans minimum."))
                .body("contenu.indicateurs", hasSize(6))
                .body("contenu.indicateurs[2].indicateur", equalTo(p + "-3.1-3"))
                .body("contenu.indicateurs[2].valeurs.find { it.periode == '2021' }.valeur", equalTo("1 095"))
                .body("contenu.indicateurs[2].valeurs.find { it.periode == '2021' }.libellePeriode", equalTo("Situation au 31 déc 2021"))
                .body("contenu.bilan", containsString("47 carnets de bord"))
                .body("contenu.perspectives", containsString("France Travail"))
                .body("incoherences.find { it.indicateur == '" + p + "-3.1-3' }.chiffreB", equalTo(1095));

        byte[] pdf = given().header("Authorization", GESTIONNAIRE).queryParam("date", "2023-06-30").get("/programmes/" + p + "/actions/4.1/fiche.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        Files.write(Path.of("target", "fiche-action-4.1.pdf"), pdf);
        String texte;
        try (PDDocument d = Loader.loadPDF(pdf)) {
            // OpenPDF writes tables in their own layer: their text comes after the paragraphs of the page when read back
            texte = new PDFTextStripper().getText(d).replaceAll("\\s+", " "); // lines wrap where the page ends them
            assertEquals("Action 4.1 : Orientation et parcours des allocataires du rsa", d.getDocumentInformation().getTitle());
        }
        // the eight sections in seed 003's order
        int avant = -1;
        for (String s : List.of("1. Description de l'action", "2. Date de mise en place de l'action", "3. Partenaires et co-financeurs",
                "4. Durée de l'action", "5. Budget", "6. Indicateurs", "7. Bilan d'exécution", "8. Perspectives futures de mise en œuvre de l'action")) {
            int i = texte.indexOf(s);
            assertTrue(i > avant, s + " après la section précédente :\n" + texte);
            avant = i;
        }
        assertTrue(texte.contains("budget exécuté au 30 juin 2023"), texte);
        assertTrue(texte.contains("Un deuxième chantier qui porte sur l'orientation des BRSA en droits et devoirs"), texte);
        assertTrue(texte.contains("CAF, MSA et Pôle emploi"), texte);
        assertTrue(texte.contains("3 ans minimum."), texte);
        assertTrue(texte.contains("Part État 146 775,39 €"), texte);
        assertTrue(texte.contains("dont reports de la période précédente 86 775,39 €"), texte);
        assertTrue(texte.contains("Part Département 138 500,00 €"), texte);
        assertTrue(texte.contains("Budget global 285 275,39 €"), texte);
        assertTrue(texte.contains("Budget exécuté au 30 juin 2023"), texte);
        assertTrue(texte.contains("Dont part État 82 000,00 €"), texte);
        assertTrue(texte.contains("Budget exécuté 220 500,00 €"), texte);
        assertTrue(texte.contains("Reports sur la période suivante sur la part financée par l'État : 64 775,39 €"), texte);
        assertTrue(texte.contains("Situation au 31 déc 2021"), texte);
        // the cell wraps its label ("rendez- vous"): the row's figures follow it
        assertTrue(texte.contains("d'accompagnement fixé 1 717 1 095 614"), texte);
        assertTrue(texte.contains("Expérimentation de l'outil carnet de bord"), texte);
        assertTrue(texte.contains("Incohérences relevées entre les documents"), texte);
        assertTrue(texte.contains("764 "), texte);

        String html = given().header("Authorization", GESTIONNAIRE).queryParam("date", "2023-06-30").get("/programmes/" + p + "/actions/4.1/fiche.html")
                .then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        assertTrue(html.contains("<h2>5. Budget</h2>") || html.contains(">5. Budget<"), html);
        assertTrue(html.contains("<td class=\"n\">285 275,39 €</td>"), html);
        assertTrue(html.contains("<td class=\"n\">1 095</td>"), html);
        assertTrue(html.contains("CAF, MSA et Pôle emploi"), html);

        // action 3.2: partners with their amounts, the date the sheet gives to the day
        byte[] pdf32 = given().header("Authorization", GESTIONNAIRE).queryParam("date", "2023-06-30").get("/programmes/" + p + "/actions/3.2/fiche.pdf")
                .then().statusCode(200).extract().asByteArray();
        try (PDDocument d = Loader.loadPDF(pdf32)) {
            String t = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
            assertTrue(t.contains("WE KER 20 000,00 €"), t);
            assertTrue(t.contains("Mission locale de Saint-Malo 5 000,00 €"), t);
            assertTrue(t.contains("Total des partenaires 40 000,00 €"), t);
            assertTrue(t.contains("Début : 1er janvier 2020"), t);
            assertTrue(t.contains("Mise en place de la délégation à compter du 1er janvier 2020"), t);
        }
    }

    @Test
    void leControleDeCoherenceTrouveLesDesaccordsDuSeed003() throws IOException {
        String p = seed003Complet();
        JsonPath r = given().header("Authorization", Jetons.entete("coordinateur", "departement-35")).get("/programmes/" + p + "/coherence").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> incoherences = r.getList("incoherences");
        StringBuilder liste = new StringBuilder();
        for (Map<String, Object> i : incoherences) {
            liste.append(String.join(" | ", String.valueOf(i.get("genre")), String.valueOf(i.get("action")), String.valueOf(i.get("indicateur"))
                    .replace(p + "-", "CALPAE-"), String.valueOf(i.get("periode")), String.valueOf(i.get("sourceA")).replace(p + "-", "CALPAE-"),
                    String.valueOf(i.get("chiffreA")), String.valueOf(i.get("sourceB")), String.valueOf(i.get("chiffreB")),
                    String.valueOf(i.get("difference")))).append('\n');
        }
        Files.writeString(Path.of("target", "coherence-seed-003.txt"), liste);

        // annex 9 gives 764 first accompaniment appointments for 2021, the sheet of action 4.1 1,095
        Map<String, Object> rdv = trouver(incoherences, "ANNEXE_9_FICHE", p + "-3.1-3", "2021");
        assertEquals("4.1", rdv.get("action"));
        assertEquals(764, ((Number) rdv.get("chiffreA")).intValue());
        assertEquals(1095, ((Number) rdv.get("chiffreB")).intValue());
        assertEquals(-331, ((Number) rdv.get("difference")).intValue());
        assertTrue(((String) rdv.get("sourceA")).startsWith("Annexe 9"));
        assertTrue(((String) rdv.get("sourceB")).startsWith("Fiche action 4.1"));
        // the table's nature of expenses of action 3.2 names 30,000 € of partners for a State share of 40,000 €
        Map<String, Object> partenaires = incoherences.stream().filter(i -> "PARTENAIRES_TOTAL".equals(i.get("genre")) && "3.2".equals(i.get("action")))
                .findFirst().orElseThrow(() -> new AssertionError(liste));
        assertEquals(new BigDecimal("30000.00"), new BigDecimal(partenaires.get("chiffreA").toString()).setScale(2));
        assertEquals(new BigDecimal("40000.00"), new BigDecimal(partenaires.get("chiffreB").toString()).setScale(2));
        assertEquals(new BigDecimal("-10000.00"), new BigDecimal(partenaires.get("difference").toString()).setScale(2));
        assertTrue(((String) partenaires.get("sourceA")).contains("nature des dépenses de l'action 3.2"), liste.toString());
        // the sheet's own split of 3.2 (20,000 € to WE KER, 4 × 5,000 €) adds up: no inconsistency for it
        assertTrue(incoherences.stream().noneMatch(i -> ((String) i.get("sourceA")).startsWith("Fiche action 3.2, partenaires")), liste.toString());
        // the other appointments' figure of 4.1, and the referents counted by annex 9 as 3.1 + 3.2
        assertEquals(-41, ((Number) trouver(incoherences, "ANNEXE_9_FICHE", p + "-3.1-4", "2021").get("difference")).intValue());
        Map<String, Object> referents = trouver(incoherences, "ANNEXE_9_FICHE", p + "-2.2-2", "2021");
        assertEquals("3.1, 3.2", referents.get("action"));
        assertEquals(2837, ((Number) referents.get("chiffreB")).intValue());
        // what agrees is not reported: new entrants, the sheets' 2020 referents (495 + 58 = 553), mobility's 633 and 895
        assertTrue(incoherences.stream().noneMatch(i -> (p + "-3.1-1").equals(i.get("indicateur")) || (p + "-5.1-1").equals(i.get("indicateur"))
                || ((p + "-2.2-1").equals(i.get("indicateur")))), liste.toString());
        assertEquals(incoherences.size(), r.getInt("nombre"));
        assertEquals(11, incoherences.size(), liste.toString());

        // the check also runs at import: the report of a new import of the same table lists the same inconsistencies
        ImportResourceTest.importer(p, "2022", ImportResourceTest.seed003()).statusCode(201)
                .body("incoherences", hasSize(11))
                .body("incoherences.find { it.indicateur == '" + p + "-3.1-3' && it.periode == '2021' }.difference", equalTo(-331.0f));
    }

    private static Map<String, Object> trouver(List<Map<String, Object>> incoherences, String genre, String indicateur, String periode) {
        return incoherences.stream().filter(i -> genre.equals(i.get("genre")) && indicateur.equals(i.get("indicateur")) && periode.equals(i.get("periode")))
                .findFirst().orElseThrow(() -> new AssertionError(genre + " " + indicateur + " " + periode + " absent de " + incoherences));
    }

    @Test
    void uneSaisieInvalideEstRefuseeSansRienEcrire() {
        String p = ImportResourceTest.programme("");
        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("""
                {"code":"1","libelle":"Accompagnement","axe":"1","axeLibelle":"Axe"}""").post("/programmes/" + p + "/actions").then().statusCode(201);
        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("""
                {"periode":"2022","participationEtat":40000}""").post("/programmes/" + p + "/actions/1/lignes").then().statusCode(201);
        String valide = """
                {"description":"Première version","duree":"Un an","partenaires":[{"nom":"WE KER","montant":30000},{"nom":"ML Redon","montant":10000}]}""";
        saisir(p, "1", valide).statusCode(200).body("contenu.description", equalTo("Première version"))
                .body("contenu.partenaires[0].montant", equalTo(30000.00f)).body("coherence.nombre", equalTo(0));
        // the same entry again changes nothing
        saisir(p, "1", valide).statusCode(200).body("contenu.partenaires", hasSize(2));

        saisir(p, "1", """
                {"description":"Seconde","partenaires":[{"nom":"WE KER","montant":-1}]}""").statusCode(400)
                .contentType(containsString("application/problem+json")).body("erreurs.champ", hasItem(containsString("montant")))
                .body("erreurs[0].raison", containsString("négatif"));
        saisir(p, "1", """
                {"description":"Seconde","indicateurs":[{"libelle":"Nombre","valeurs":[{"periode":"2021-13","valeur":"3"}]}]}""").statusCode(400)
                .contentType(containsString("application/problem+json")).body("erreurs.champ", hasItem(containsString("periode")));
        saisir(p, "1", """
                {"description":"Seconde","indicateurs":[{"libelle":"Nombre","indicateur":"INCONNU-1","valeurs":[]}]}""").statusCode(400)
                .body("erreurs[0].champ", equalTo("indicateurs[0].indicateur")).body("erreurs[0].raison", containsString("n'est pas un indicateur"));
        saisir(p, "1", """
                {"description":"Seconde","dateDebut":"2022-06-01","dateFin":"2022-01-01"}""").statusCode(400)
                .body("erreurs[0].champ", equalTo("dateFin"));
        saisir(p, "9.9", valide).statusCode(404);
        // nothing of the refused entries was written
        given().header("Authorization", GESTIONNAIRE).queryParam("date", "2022-12-31").get("/programmes/" + p + "/actions/1/fiche").then().statusCode(200)
                .body("contenu.description", equalTo("Première version")).body("contenu.indicateurs", hasSize(0)).body("dateDebut", nullValue())
                .body("partenaires", equalTo("WE KER, ML Redon"));

        // a split that does not exhaust the State share is named when entered
        saisir(p, "1", """
                {"partenaires":[{"nom":"WE KER","montant":20000},{"nom":"ML Redon","montant":10000.50}]}""").statusCode(200)
                .body("coherence.nombre", equalTo(1)).body("coherence.incoherences[0].genre", equalTo("PARTENAIRES_TOTAL"))
                .body("coherence.incoherences[0].chiffreA", equalTo(30000.50f)).body("coherence.incoherences[0].chiffreB", equalTo(40000.00f))
                .body("coherence.incoherences[0].difference", equalTo(-9999.50f));
        given().header("Authorization", Jetons.entete("agent", "ccas-pipriac")).contentType(ContentType.JSON).body(valide)
                .put("/programmes/" + p + "/actions/1/fiche/contenu").then().statusCode(403);
    }

    @Test
    void leTableauEstCompareAuxDepensesEnregistrees() throws IOException {
        String p = ImportResourceTest.programme("");
        ImportResourceTest.importer(p, "2022", ImportResourceTest.seed003()).statusCode(201);
        // an expense recorded on action 4.1 before the table's date: the table says 82,000 € consumed at 30/06/2023
        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("""
                {"action":"4.1","montant":1000.10,"date":"2023-03-31","categorie":"PERSONNEL_ACCOMPAGNEMENT","beneficiaire":"Service RSA",
                 "pieceJustificative":"Mandat 2023-114","etp":1}""").post("/programmes/" + p + "/depenses").then().log().ifValidationFails().statusCode(201);
        given().header("Authorization", GESTIONNAIRE).get("/programmes/" + p + "/coherence").then().statusCode(200)
                .body("incoherences.find { it.genre == 'TABLEAU_DEPENSES' }.action", equalTo("4.1"))
                .body("incoherences.find { it.genre == 'TABLEAU_DEPENSES' }.chiffreA", equalTo(82000.00f))
                .body("incoherences.find { it.genre == 'TABLEAU_DEPENSES' }.chiffreB", equalTo(1000.10f))
                .body("incoherences.find { it.genre == 'TABLEAU_DEPENSES' }.difference", equalTo(80999.90f))
                .body("incoherences.find { it.genre == 'TABLEAU_DEPENSES' }.sourceA", equalTo("Tableau consolidé, consommation au 30/06/2023"));
    }

    @Test
    void lesComptesEnDirectSontComparesAuxValeursSaisies() {
        String commune = "23" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        int annee = 1990 + ThreadLocalRandom.current().nextInt(25);
        String p = ImportResourceTest.programme(",\"territoire\":[\"" + commune + "\"]");
        String code = p + "-entrants";
        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("""
                {"code":"%s","libelle":"Nombre de nouveaux entrants","unite":"nombre","mesure":"3.1","programme":"%s"}""".formatted(code, p))
                .post("/indicateurs/definitions").then().statusCode(201);
        for (String[] v : new String[][] { { String.valueOf(annee), "25" }, { String.valueOf(annee - 1), "7" } }) {
            given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("{\"valeur\":" + v[1] + "}")
                    .put("/indicateurs/definitions/" + code + "/valeurs/" + v[0]).then().statusCode(200);
        }
        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("{\"source\":\"parcours:inconnu\"}")
                .put("/programmes/" + p + "/indicateurs/" + code + "/source-directe").then().statusCode(400).body("erreurs[0].champ", equalTo("source"));
        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("{\"source\":\"parcours:nouveauxEntrants\"}")
                .put("/programmes/" + p + "/indicateurs/" + p + "-inconnu/source-directe").then().statusCode(404);
        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("{\"source\":\"parcours:nouveauxEntrants\"}")
                .put("/programmes/" + p + "/indicateurs/" + code + "/source-directe").then().statusCode(200).body("source", equalTo("parcours:nouveauxEntrants"));
        List<String> mois = new ArrayList<>(List.of(annee + "-03", annee + "-04"));
        int[] entrants = { 12, 8 };
        for (int i = 0; i < 2; i++) {
            ReferralConsumerTest.publier("indicateurs-parcours", commune + "/" + mois.get(i), "/referral-service", """
                    {"commune":"%s","mois":"%s","nouveauxEntrants":%d,"nouveauxEntrantsOrientesEnUnMoisEtMoins":1,"premiersRendezVousFixes":1,
                     "premiersRendezVousFixesEnDeuxSemainesEtMoins":1,"premiersContratsEngagementsReciproques":1,"premiersContratsDansLesDeuxMois":1,
                     "droitsOuvertsApresUnRdvDesDroits":1,"orientationsParStructure":{}}""".formatted(commune, mois.get(i), entrants[i]));
        }
        // 25 entered for the year, 12 + 8 counted from the events; the year before has no event: not compared
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", GESTIONNAIRE)
                .get("/programmes/" + p + "/coherence").then().statusCode(200).body("nombre", equalTo(1))
                .body("incoherences[0].genre", equalTo("DIRECT_SAISIE")).body("incoherences[0].periode", equalTo(String.valueOf(annee)))
                .body("incoherences[0].chiffreA", equalTo(25.0f)).body("incoherences[0].chiffreB", equalTo(20))
                .body("incoherences[0].difference", equalTo(5.0f)));
    }
}
