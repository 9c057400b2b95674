package fr.actionsociale.budget.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SchemasEvenements;
import fr.actionsociale.commons.test.SondeKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Seed 002's reports produced from the suite's data, on the real PostgreSQL and Kafka: the interim report of 2023 and the final
 * report, each read back from its PDF, CSV and XLSX with the expenses by category, the payments, the overpayment exact to the
 * cent and the RSA path's indicators of its period; rapport-produit as its schema says; the refusals, with nothing written.
 */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class RapportResourceTest {

    static final String GESTIONNAIRE = ImportResourceTest.GESTIONNAIRE;

    @Inject
    EntityManager em;

    record Experimentation(String code, String commune) {
    }

    /** Seed 002's programme (31 May 2023 – 31 December 2024, art. 4.2's rules), its convention signed, with 2023's and 2024's lines. */
    Experimentation experimentation() {
        String commune = "23" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        String reference = "FIN-" + UUID.randomUUID();
        String code = "EXPE-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("""
                {"code":"%s","libelle":"Expérimentation RSA 2023-2024","dateDebut":"2023-05-31","dateFin":"2024-12-31","referenceConvention":"%s",
                 "territoire":["%s"]%s}""".formatted(code, reference, commune, DepenseResourceTest.REGLES_SEED_002))
                .post("/programmes").then().statusCode(201);
        String conventionId = UUID.randomUUID().toString();
        String signee = """
                {"conventionId":"%s","reference":"%s","type":"FINANCEMENT","porteur":"departement-35",
                 "parties":[{"institution":"departement-35","role":"PORTEUR","dateSignature":"2023-07-03"},
                            {"institution":"prefecture-35","role":"FINANCEUR","dateSignature":"2023-07-03"}],
                 "dateDebut":"2023-05-31","dateFin":"2024-12-31","dateSignature":"2023-07-03","montantTotal":"719689.00","territoire":["%s"],
                 "versements":[{"rang":1,"libelle":"Versement 1 (60 %%)","payeur":"prefecture-35","montant":"431813.40","dateLimite":"2023-07-18"},
                               {"rang":2,"libelle":"Versement 2 (40 %%)","payeur":"prefecture-35","montant":"287875.60","dateLimite":null}]}"""
                .formatted(conventionId, reference, commune);
        assertEquals(Set.of(), SchemasEvenements.violations("convention-signee", signee));
        SondeKafka.publier("convention-signee", conventionId, SondeKafka.entetesCloudEvent(UUID.randomUUID().toString(), "convention-signee",
                conventionId), signee);
        // the RSA path's counts of two months of 2023 and one of 2024, and a right opened in October 2023, on the programme's commune
        parcours(commune, "2023-09", 12, 7);
        parcours(commune, "2023-10", 8, 5);
        parcours(commune, "2024-02", 5, 4);
        String ben = "ben-" + String.format("%012x", ThreadLocalRandom.current().nextLong(1L << 40));
        String ouvert = """
                {"droitId":"%s","beneficiaire":"%s","droit":"RSA","institution":"caf-35","etat":"OUVERT","date":"2023-10-05","commune":"%s","orientationId":null}"""
                .formatted(UUID.randomUUID(), ben, commune);
        assertEquals(Set.of(), SchemasEvenements.violations("droit-ouvert", ouvert));
        ReferralConsumerTest.publier("droit-ouvert", ben, "/referral-service", ouvert);

        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("""
                {"code":"1","libelle":"Accompagnement rénové","axe":"1","axeLibelle":"Expérimentation RSA"}""")
                .post("/programmes/" + code + "/actions").then().statusCode(201);
        for (String periode : List.of("2023", "2024")) {
            given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("{\"periode\":\"" + periode + "\",\"participationEtat\":"
                    + (periode.equals("2023") ? "719689" : "0") + "}").post("/programmes/" + code + "/actions/1/lignes").then().statusCode(201);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().header("Authorization", GESTIONNAIRE).get("/programmes/" + code).then().body("enveloppe.statut", equalTo("OUVERTE"));
            assertEquals(3L, compter("indicateur_parcours", commune));
            assertEquals(1L, compter("droit_ouvert_compte", commune));
        });
        return new Experimentation(code, commune);
    }

    /** What the consumers applied for a commune, read in a transaction of its own. */
    long compter(String table, String commune) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from " + table + " where commune = ?1")
                .setParameter(1, commune).getSingleResult()).longValue());
    }

    static void parcours(String commune, String mois, int entrants, int orientes) {
        String corps = """
                {"commune":"%s","mois":"%s","nouveauxEntrants":%d,"nouveauxEntrantsOrientesEnUnMoisEtMoins":%d,"premiersRendezVousFixes":3,
                 "premiersRendezVousFixesEnDeuxSemainesEtMoins":2,"premiersContratsEngagementsReciproques":1,"premiersContratsDansLesDeuxMois":1,
                 "droitsOuvertsApresUnRdvDesDroits":0,"orientationsParStructure":{"departement-35":%d}}""".formatted(commune, mois, entrants, orientes, orientes);
        assertEquals(Set.of(), SchemasEvenements.violations("indicateurs-parcours", corps));
        ReferralConsumerTest.publier("indicateurs-parcours", commune + "/" + mois, "/referral-service", corps);
    }

    static void depenser(String p, String categorie, String montant, String date, String etp) {
        DepenseResourceTest.depenser(p, DepenseResourceTest.depense(categorie, montant, date, etp)).statusCode(201);
    }

    static void verser(String p, String montant, String date, String libelle) {
        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON)
                .body("{\"montant\":" + montant + ",\"date\":\"" + date + "\",\"libelle\":\"" + libelle + "\"}")
                .post("/programmes/" + p + "/versements").then().statusCode(201);
    }

    static ValidatableResponse produire(String p, String corps) {
        return given().header("Authorization", GESTIONNAIRE).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                .body(corps).post("/programmes/" + p + "/rapports").then();
    }

    /** The PDF's text read back with PDFBox (not the library that wrote it); kept in target/ with its first page as an image, to look at. */
    static String texteDuPdf(String url, String nom) throws IOException {
        byte[] pdf = given().header("Authorization", GESTIONNAIRE).get(url).then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            Files.write(Path.of("target", nom + ".pdf"), pdf);
            ImageIO.write(new PDFRenderer(d).renderImageWithDPI(0, 72), "png", Path.of("target", nom + ".png").toFile());
            // a long label wraps inside its cell: the text is compared with its line breaks as spaces
            return new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
        }
    }

    static Map<String, String> classeur(String url) throws IOException {
        byte[] xlsx = given().header("Authorization", GESTIONNAIRE).get(url).then().statusCode(200).contentType(DocumentResource.XLSX).extract()
                .asByteArray();
        Map<String, String> parties = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                parties.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return parties;
    }

    @Test
    void leBilanIntermediaireEtLeBilanFinalSeProduisentEtSeRelisentAuCentime() throws IOException {
        Experimentation x = experimentation();
        String p = x.code();
        depenser(p, "PERSONNEL_ACCOMPAGNEMENT", "250000.00", "2023-09-30", "5");
        depenser(p, "PERSONNEL_INGENIERIE", "60000.50", "2023-10-31", "2");
        depenser(p, "SOLUTION_EXTERNALISEE", "40000.25", "2023-12-15", null);
        depenser(p, "FRAIS_GENERAUX", "1500.10", "2023-11-30", null);
        depenser(p, "PERSONNEL_ACCOMPAGNEMENT", "100000.00", "2024-02-29", "5");
        verser(p, "431813.40", "2023-07-18", "Versement 1 (60 %)");

        String interim;
        try (SondeKafka sonde = SondeKafka.aLaFinDe("rapport-produit")) {
            String cle = UUID.randomUUID().toString();
            String corps = """
                    {"type":"INTERMEDIAIRE","periode":"2023","date":"2024-03-29",
                     "hypotheses":["La date de production du bilan n'est pas dans le document : supposée le 29 mars 2024."]}""";
            interim = given().header("Authorization", GESTIONNAIRE).header("Idempotency-Key", cle).contentType(ContentType.JSON).body(corps)
                    .post("/programmes/" + p + "/rapports").then().statusCode(201)
                    .body("titre", equalTo("Bilan intermédiaire 2023")).body("dateDebut", equalTo("2023-05-31")).body("dateFin", equalTo("2023-12-31"))
                    .body("produitLe", equalTo("2024-03-29")).body("contenu.totalEligibles", equalTo(350000.75f))
                    .body("contenu.totalNonEligibles", equalTo(1500.10f)).body("contenu.totalVerse", equalTo(431813.40f))
                    .body("contenu.tropPercu", equalTo(81812.65f)).body("pdf", containsString("/rapports/"))
                    .extract().path("id");
            // the same request again: the same report, no second event
            given().header("Authorization", GESTIONNAIRE).header("Idempotency-Key", cle).contentType(ContentType.JSON).body(corps)
                    .post("/programmes/" + p + "/rapports").then().statusCode(201).body("id", equalTo(interim));
            List<ConsumerRecord<String, String>> evenements = sonde.attendre(r -> p.equals(r.key()), 1, Duration.ofSeconds(15));
            assertEquals(1, evenements.size());
            String e = evenements.get(0).value();
            assertEquals(Set.of(), SchemasEvenements.violations("rapport-produit", e));
            JsonPath j = JsonPath.from(e);
            assertEquals(interim, j.getString("rapportId"));
            assertEquals("INTERMEDIAIRE", j.getString("type"));
            assertEquals("2023", j.getString("periode"));
            assertEquals("2023-12-31", j.getString("dateFin"));
            assertEquals("2024-03-29", j.getString("produitLe"));
            assertEquals("350000.75", j.getString("totalDepensesEligibles"));
            assertEquals("431813.40", j.getString("totalVerse"));
            assertEquals("81812.65", j.getString("tropPercu"));
            assertFalse(e.contains("Prestataire") || e.contains("Mandat"), "no supplier nor voucher in the event: " + e);
            assertEquals(1, sonde.toutPendant(r -> p.equals(r.key()), Duration.ofSeconds(2)).size());
        }
        // produced once: a second one for the same year is a conflict
        produire(p, "{\"type\":\"INTERMEDIAIRE\",\"periode\":\"2023\",\"date\":\"2024-03-30\"}").statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("a déjà été produit le 29 mars 2024"));
        // an expense of 2023 recorded late does not rewrite the report already sent
        depenser(p, "PERSONNEL_ACCOMPAGNEMENT", "10000.00", "2023-12-20", "1");

        String base = "/programmes/" + p + "/rapports/" + interim;
        String pdf = texteDuPdf(base + ".pdf", "bilan-intermediaire-2023");
        for (String attendu : List.of("Bilan intermédiaire 2023", "Expérimentation RSA 2023-2024",
                "période couverte : année 2023 (du 31 mai 2023 au 31 décembre 2023)", "Produit le 29 mars 2024 ; à produire au plus tard le 31 mars 2024",
                "renfort de moyens en ETP d'accompagnement 250 000,00 € 0,00 €", "solution locale externalisée d'accompagnement 40 000,25 € 0,00 €",
                "frais généraux 0,00 € 1 500,10 €", "Total 350 000,75 € 1 500,10 €",
                "Crédits de l'État consommés sur la période : 350 000,75 €",
                "18/07/2023 Versement 1 (60 %) 431 813,40 €", "Total des versements reçus 431 813,40 €",
                "Versement 1 (60 %) 431 813,40 € 18 juillet 2023", "Versement 2 (40 %) 287 875,60 € après le bilan intermédiaire", "Total 719 689,00 €",
                "431 813,40 € 350 000,75 € 81 812,65 €", "le trop-perçu n'est arrêté et remboursé qu'à la production du bilan final",
                "Territoire : communes " + x.commune(), "Nouveaux entrants au RSA 20", "Nouveaux entrants orientés en un mois et moins 12",
                "Premiers rendez-vous d'accompagnement fixés 6", "Droits ouverts 1", "Orientations prononcées 0",
                "Hypothèse : La date de production du bilan n'est pas dans le document")) {
            assertTrue(pdf.contains(attendu), "« " + attendu + " » absent du PDF :\n" + pdf);
        }
        assertFalse(pdf.contains("10 000,00 €"), "the late expense is not in the report produced before it");

        String csv = given().header("Authorization", GESTIONNAIRE).get(base + ".csv").then().statusCode(200).contentType(containsString("text/csv"))
                .extract().asString();
        for (String attendu : List.of("\uFEFFBilan intermédiaire 2023;Expérimentation RSA 2023-2024\r\n", "Période;2023;31/05/2023;31/12/2023\r\n",
                "Produit le;29/03/2024\r\n", "renfort de moyens en ETP d'accompagnement;250 000,00 €;0,00 €\r\n",
                "ingénierie de projet (chefferie de projet, déploiement numérique, coordination);60 000,50 €;0,00 €\r\n",
                "frais généraux;0,00 €;1 500,10 €\r\n", "Total des dépenses;350 000,75 €;1 500,10 €\r\n",
                "Versement 1 (60 %);18/07/2023;431 813,40 €\r\n", "Total des versements reçus;;431 813,40 €\r\n",
                "Crédits consommés depuis le début;350 000,75 €\r\n", "Trop-perçu (indicatif);81 812,65 €\r\n", "Nouveaux entrants au RSA;20\r\n",
                "Droits ouverts;1\r\n")) {
            assertTrue(csv.contains(attendu), "« " + attendu.strip() + " » absent du CSV :\n" + csv);
        }

        Map<String, String> xlsx = classeur(base + ".xlsx");
        assertTrue(xlsx.get("xl/workbook.xml").contains("<sheet name=\"Dépenses\""), xlsx.get("xl/workbook.xml"));
        assertTrue(xlsx.get("xl/workbook.xml").contains("<sheet name=\"Indicateurs\""));
        String depenses = xlsx.get("xl/worksheets/sheet1.xml");
        assertTrue(depenses.contains("<v>250000.00</v>") && depenses.contains("<v>60000.50</v>") && depenses.contains("<v>1500.10</v>")
                && depenses.contains("<v>350000.75</v>"), depenses);
        String versements = xlsx.get("xl/worksheets/sheet2.xml");
        assertTrue(versements.contains("<v>431813.40</v>") && versements.contains("<v>81812.65</v>"), versements);
        String indicateurs = xlsx.get("xl/worksheets/sheet3.xml");
        assertTrue(indicateurs.contains("Nouveaux entrants au RSA") && indicateurs.contains("<v>20</v>"), indicateurs);

        given().header("Authorization", Jetons.entete("partenaire", "prefecture-35")).get(base + ".html").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("<td class=\"n\">350 000,75 €</td>"));

        // the final report: the whole programme, the balance received, the overpayment fixed and to be refunded
        verser(p, "287875.60", "2024-04-20", "Versement 2 (40 %)");
        produire(p, "{\"type\":\"FINAL\",\"date\":\"2025-03-20\"}").statusCode(400).body("erreurs[0].champ", equalTo("bilanMiseEnOeuvre"));
        String fin = produire(p, """
                {"type":"FINAL","date":"2025-03-20","bilanMiseEnOeuvre":"Les 1 396 allocataires du territoire ont été contactés ; 6 référents recrutés."}""")
                .statusCode(201).body("titre", equalTo("Bilan final d'exécution")).body("contenu.totalEligibles", equalTo(460000.75f))
                .body("contenu.tropPercu", equalTo(259688.25f)).extract().path("id");
        String pdfFinal = texteDuPdf("/programmes/" + p + "/rapports/" + fin + ".pdf", "bilan-final");
        for (String attendu : List.of("Bilan final d'exécution", "durée de la convention (du 31 mai 2023 au 31 décembre 2024)",
                "à produire au plus tard le 31 mars 2025", "Les 1 396 allocataires du territoire ont été contactés",
                "renfort de moyens en ETP d'accompagnement 360 000,00 € 0,00 €", "Total 460 000,75 € 1 500,10 €",
                "20/04/2024 Versement 2 (40 %) 287 875,60 €", "Total des versements reçus 719 689,00 €",
                "719 689,00 € 460 000,75 € 259 688,25 €", "Trop-perçu arrêté au 20 mars 2025 : 259 688,25 €, à rembourser à l'État.",
                "Nouveaux entrants au RSA 25", "Trop-perçu = versements reçus - crédits consommés")) {
            assertTrue(pdfFinal.contains(attendu), "« " + attendu + " » absent du PDF :\n" + pdfFinal);
        }
        String csvFinal = given().header("Authorization", GESTIONNAIRE).get("/programmes/" + p + "/rapports/" + fin + ".csv").then().statusCode(200)
                .extract().asString();
        assertTrue(csvFinal.contains("Trop-perçu à rembourser;259 688,25 €\r\n"), csvFinal);
        // the programme's overpayment is fixed as POST /bilan-final would, which now refuses to do it again
        given().header("Authorization", GESTIONNAIRE).get("/programmes/" + p + "/situation").then().body("bilanFinalLe", equalTo("2025-03-20"))
                .body("tropPercuArrete", equalTo(259688.25f));
        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("{\"date\":\"2025-03-21\"}")
                .post("/programmes/" + p + "/bilan-final").then().statusCode(409);
        given().header("Authorization", Jetons.entete("coordinateur", "departement-35")).get("/programmes/" + p + "/rapports").then().statusCode(200)
                .body("", hasSize(2)).body("[0].id", equalTo(interim)).body("[1].id", equalTo(fin));
    }

    @Test
    void unBilanDemandeAvantLaFinDeSaPeriodeOuMalFormeEstRefuseSansRienEcrire() {
        String p = experimentation().code();
        try (SondeKafka sonde = SondeKafka.aLaFinDe("rapport-produit")) {
            produire(p, "{\"type\":\"INTERMEDIAIRE\",\"periode\":\"2023\",\"date\":\"2023-12-31\"}").statusCode(400)
                    .contentType("application/problem+json").body("erreurs[0].champ", equalTo("periode"))
                    .body("erreurs[0].raison", equalTo("un bilan se produit une fois sa période finie : celle-ci se termine le 31 décembre 2023, "
                            + "le bilan ne peut pas être produit le 31 décembre 2023"));
            produire(p, "{\"type\":\"FINAL\",\"date\":\"2024-06-30\",\"bilanMiseEnOeuvre\":\"x\"}").statusCode(400)
                    .body("erreurs[0].champ", equalTo("periode")).body("erreurs[0].raison", containsString("se termine le 31 décembre 2024"));
            produire(p, "{\"type\":\"INTERMEDIAIRE\",\"periode\":\"2024\",\"date\":\"2025-01-15\"}").statusCode(400)
                    .body("erreurs[0].champ", equalTo("periode")).body("erreurs[0].raison", containsString("la dernière est couverte par le bilan final"));
            produire(p, "{\"type\":\"INTERMEDIAIRE\",\"periode\":\"2022\",\"date\":\"2023-03-15\"}").statusCode(400)
                    .body("erreurs[0].champ", equalTo("periode"));
            produire(p, "{\"type\":\"INTERMEDIAIRE\",\"date\":\"2024-03-15\"}").statusCode(400).body("erreurs[0].champ", equalTo("periode"));
            produire(p, "{\"type\":\"INTERMEDIAIRE\",\"periode\":\"23\",\"date\":\"2024-03-15\"}").statusCode(400)
                    .body("erreurs[0].champ", equalTo("periode")).body("erreurs[0].raison", equalTo("doit être une année, ex. 2023"));
            produire(p, "{\"type\":\"FINAL\",\"periode\":\"2024\",\"date\":\"2025-03-15\",\"bilanMiseEnOeuvre\":\"x\"}").statusCode(400)
                    .body("erreurs[0].champ", equalTo("periode"));
            produire(p, "{\"periode\":\"2023\",\"date\":\"2024-03-15\"}").statusCode(400).body("erreurs[0].champ", equalTo("type"));
            produire(p, "{\"type\":\"ANNUEL\",\"periode\":\"2023\",\"date\":\"2024-03-15\"}").statusCode(400).contentType("application/problem+json");
            produire(p, "{\"type\":\"INTERMEDIAIRE\",\"periode\":\"2023\",\"date\":\"2099-03-15\"}").statusCode(400)
                    .body("erreurs[0].champ", equalTo("date"));
            produire("INCONNU-" + UUID.randomUUID().toString().substring(0, 6), "{\"type\":\"INTERMEDIAIRE\",\"periode\":\"2023\",\"date\":\"2024-03-15\"}")
                    .statusCode(404);
            given().header("Authorization", Jetons.entete("partenaire", "caf-35")).contentType(ContentType.JSON)
                    .body("{\"type\":\"INTERMEDIAIRE\",\"periode\":\"2023\",\"date\":\"2024-03-15\"}").post("/programmes/" + p + "/rapports").then()
                    .statusCode(403);
            given().header("Authorization", GESTIONNAIRE).get("/programmes/" + p + "/rapports/" + UUID.randomUUID() + ".pdf").then().statusCode(404);
            // nothing written, nothing announced, the overpayment not fixed
            given().header("Authorization", GESTIONNAIRE).get("/programmes/" + p + "/rapports").then().statusCode(200).body("", hasSize(0));
            given().header("Authorization", GESTIONNAIRE).get("/programmes/" + p + "/situation").then().body("bilanFinalLe", equalTo(null));
            assertEquals(0, sonde.toutPendant(r -> p.equals(r.key()), Duration.ofSeconds(2)).size());
        }
    }
}
