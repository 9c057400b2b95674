package fr.actionsociale.conventions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.actionsociale.commons.evenement.CloudEvents;
import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SchemasEvenements;
import fr.actionsociale.commons.test.SondeKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.path.json.JsonPath;

/**
 * Seed 004's yearly recharge on the real PostgreSQL and Kafka: the budget voted and revised, expenses proposed with their invoice,
 * validated by the comité de pilotage's meeting, paid by the advancing party, contributions in kind valued, and the year-end call
 * for repayment: shares exact to the cent, adding up, each party's PDF read back, appel-regularisation-emis on Kafka, each refusal.
 */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class RechargeAnnuelleResourceTest {

    static final String ADMIN = Jetons.entete("admin", "departement-35");

    static String gestionnaire(String institution) {
        return Jetons.entete("gestionnaire", institution);
    }

    static ValidatableResponse post(String jeton, String chemin, String corps) {
        return given().header("Authorization", jeton).contentType(ContentType.JSON).body(corps).post(chemin).then();
    }

    /** A body of the convention that met once: the meeting's id, as the governance API answers it. */
    static String reunion(String c, String type, String membres, String date) {
        String instance = post(ADMIN, c + "/gouvernance", "{\"type\":\"%s\",\"nom\":\"%s\",\"membres\":%s,\"reunionsParAn\":4}"
                .formatted(type, type, membres)).statusCode(201).extract().path("id");
        return post(ADMIN, c + "/gouvernance/" + instance + "/reunions", "{\"date\":\"%s\",\"objet\":\"Dépenses de la journée annuelle\"}"
                .formatted(date)).statusCode(201).body("seances[0].date", equalTo(date)).extract().path("seances[0].id");
    }

    static String depense(String c, int annee, String montant, String date, String facture, String partie) {
        return post(gestionnaire(partie), c + "/budgets-annuels/" + annee + "/depenses", """
                {"objet":"Journée annuelle : %s","montant":%s,"dateFacture":"%s","numeroFacture":"%s","proposeePar":"%s","proposeeLe":"%s"}"""
                .formatted(facture, montant, date, facture, partie, date)).statusCode(201).body("etat", equalTo("PROPOSEE"))
                .extract().path("id");
    }

    static BigDecimal somme(List<BigDecimal> montants) {
        return montants.stream().reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    static List<BigDecimal> euros(String... montants) {
        return java.util.Arrays.stream(montants).map(BigDecimal::new).toList();
    }

    @Test
    void proposerValiderPayerPuisAppelerLaRegularisationAuCentimePres() throws IOException {
        // a porteur (a) who advances the funds and two partners; populations of the 2012 vintage: 9 944, 3 142, 1 913
        ConventionResourceTest.Trio t = ConventionResourceTest.institutions(true);
        String id = ConventionResourceTest.rediger(ConventionResourceTest.convention(t, "2014-01-01", "2016-12-31", "4000.00"))
                .statusCode(201).extract().path("id");
        String c = "/conventions/" + id;
        String membres = "[\"%s\",\"%s\",\"%s\"]".formatted(t.a(), t.b(), t.c());
        String reunionCopil = reunion(c, "COMITE_PILOTAGE", membres, "2015-11-26");
        String reunionSuivi = reunion(c, "COMITE_SUIVI", membres, "2015-11-26");
        // deploy/local/demo/charger finds the committee and its meeting with these patterns
        String gouvernance = given().header("Authorization", ADMIN).get(c + "/gouvernance").then().statusCode(200).extract().asString();
        assertTrue(java.util.regex.Pattern.compile("\"id\":\"[0-9a-f-]*\",\"type\":\"COMITE_PILOTAGE\"").matcher(gouvernance).find(), gouvernance);
        assertTrue(gouvernance.contains("\"id\":\"" + reunionCopil + "\",\"date\":\"2015-11-26\""), gouvernance);

        // the budget: voted, the same again changes nothing, revised with a reason
        given().header("Authorization", gestionnaire(t.a())).contentType(ContentType.JSON)
                .body("{\"montant\":4000.00,\"avancePar\":\"%s\",\"decideLe\":\"2015-01-15\"}".formatted(t.a())).put(c + "/budgets-annuels/2015").then()
                .statusCode(201).body("montant", equalTo(4000.00f)).body("revisions.size()", equalTo(1));
        given().header("Authorization", gestionnaire(t.a())).contentType(ContentType.JSON)
                .body("{\"montant\":4000,\"avancePar\":\"%s\"}".formatted(t.a())).put(c + "/budgets-annuels/2015").then().statusCode(200)
                .body("revisions.size()", equalTo(1));
        given().header("Authorization", gestionnaire(t.a())).contentType(ContentType.JSON)
                .body("{\"montant\":3800.00,\"avancePar\":\"%s\",\"decideLe\":\"2015-06-11\"}".formatted(t.a())).put(c + "/budgets-annuels/2015")
                .then().statusCode(400).contentType("application/problem+json").body("erreurs[0].champ", equalTo("motif"));
        given().header("Authorization", gestionnaire(t.a())).contentType(ContentType.JSON)
                .body("{\"montant\":3800.00,\"avancePar\":\"%s\",\"decideLe\":\"2015-06-11\",\"motif\":\"Budget prévisionnel révisé\"}".formatted(t.a()))
                .put(c + "/budgets-annuels/2015").then().statusCode(200).body("montant", equalTo(3800.00f))
                .body("revisions.montant", equalTo(List.of(4000.00f, 3800.00f))).body("revisions[1].motif", equalTo("Budget prévisionnel révisé"));
        given().header("Authorization", gestionnaire(t.a())).contentType(ContentType.JSON)
                .body("{\"montant\":4000.00,\"avancePar\":\"%s\"}".formatted(t.a())).put(c + "/budgets-annuels/2014").then().statusCode(201);

        String d1 = depense(c, 2015, "1250.00", "2015-10-08", "F-2015-031", t.a());
        String d2 = depense(c, 2015, "487.32", "2015-10-20", "F-2015-047", t.b());
        String d3 = depense(c, 2015, "963.51", "2015-11-05", "F-2015-052", t.a());
        String d4 = depense(c, 2015, "1200.00", "2015-11-10", "F-2015-058", t.c());

        // invalid invoices: refused with the field named, nothing written
        String facture = "{\"objet\":\"Buffet\",%s,\"numeroFacture\":\"F-X\",\"proposeePar\":\"%s\"}";
        for (String[] cas : new String[][] {
                { "\"dateFacture\":\"2015-10-08\"", "montant" },
                { "\"montant\":10.00", "dateFacture" },
                { "\"montant\":10.00,\"dateFacture\":\"2016-01-04\"", "dateFacture" },
                { "\"montant\":10.00,\"dateFacture\":\"2014-12-31\"", "dateFacture" },
                { "\"montant\":10.005,\"dateFacture\":\"2015-10-08\"", "montant" },
                { "\"montant\":-10.00,\"dateFacture\":\"2015-10-08\"", "montant" } }) {
            post(gestionnaire(t.a()), c + "/budgets-annuels/2015/depenses", facture.formatted(cas[0], t.a())).statusCode(400)
                    .contentType("application/problem+json").body("erreurs[0].champ", equalTo(cas[1]));
        }
        // an institution that is not a party writes nothing into the convention
        String etrangere = ConventionResourceTest.institutions(true).a();
        post(gestionnaire(etrangere), c + "/budgets-annuels/2015/depenses", facture.formatted("\"montant\":10.00,\"dateFacture\":\"2015-10-08\"",
                t.a())).statusCode(403);
        given().header("Authorization", gestionnaire(etrangere)).contentType(ContentType.JSON)
                .body("{\"montant\":9000.00,\"avancePar\":\"%s\",\"motif\":\"Intrusion\"}".formatted(t.a())).put(c + "/budgets-annuels/2015")
                .then().statusCode(403);
        post(gestionnaire(t.a()), c + "/budgets-annuels/2016/depenses", facture.formatted("\"montant\":10.00,\"dateFacture\":\"2016-01-04\"", t.a()))
                .statusCode(400).body("erreurs[0].champ", equalTo("annee")).body("erreurs[0].raison", containsString("aucun budget annuel"));

        // validation: only by a meeting of this convention's comité de pilotage, within the budget
        post(gestionnaire(t.b()), c + "/depenses/" + d1 + "/validation", "{\"reunionId\":\"%s\",\"decision\":\"Validée\"}".formatted(reunionSuivi))
                .statusCode(400).body("erreurs[0].champ", equalTo("reunionId")).body("erreurs[0].raison", containsString("comité de pilotage"));
        for (String d : List.of(d1, d2, d3)) {
            post(gestionnaire(t.b()), c + "/depenses/" + d + "/validation",
                    "{\"reunionId\":\"%s\",\"decision\":\"Relevé de décisions du 26 novembre 2015, point 2\"}".formatted(reunionCopil))
                    .statusCode(200).body("etat", equalTo("VALIDEE")).body("valideeLe", equalTo("2015-11-26")).body("reunionId", equalTo(reunionCopil));
        }
        // 1 250,00 + 487,32 + 963,51 = 2 700,83 € validated: 1 200 € more would pass the 3 800 € budget
        post(gestionnaire(t.b()), c + "/depenses/" + d4 + "/validation", "{\"reunionId\":\"%s\",\"decision\":\"Validée\"}".formatted(reunionCopil))
                .statusCode(400).body("erreurs[0].champ", equalTo("montant")).body("erreurs[0].raison", containsString("dépasse le budget annuel"));
        post(gestionnaire(t.b()), c + "/depenses/" + d1 + "/validation", "{\"reunionId\":\"%s\",\"decision\":\"Encore\"}".formatted(reunionCopil))
                .statusCode(409);
        // the budget cannot fall below what is validated
        given().header("Authorization", gestionnaire(t.a())).contentType(ContentType.JSON)
                .body("{\"montant\":2000.00,\"avancePar\":\"%s\",\"motif\":\"Réduction\"}".formatted(t.a())).put(c + "/budgets-annuels/2015")
                .then().statusCode(400).body("erreurs[0].champ", equalTo("montant"));

        // payment: by the advancing party only, after validation
        post(gestionnaire(t.a()), c + "/depenses/" + d4 + "/paiement", "{\"date\":\"2015-12-02\"}").statusCode(409);
        post(gestionnaire(t.b()), c + "/depenses/" + d1 + "/paiement", "{\"date\":\"2015-12-02\"}").statusCode(403);
        post(gestionnaire(t.a()), c + "/depenses/" + d3 + "/paiement", "{\"date\":\"2015-11-20\"}").statusCode(400)
                .body("erreurs[0].champ", equalTo("date"));
        post(gestionnaire(t.a()), c + "/depenses/" + d1 + "/paiement", "{\"date\":\"2015-12-02\"}").statusCode(200)
                .body("etat", equalTo("PAYEE")).body("payeeLe", equalTo("2015-12-02"));
        post(gestionnaire(t.a()), c + "/depenses/" + d1 + "/paiement", "{\"date\":\"2015-12-03\"}").statusCode(409);
        post(gestionnaire(t.a()), c + "/depenses/" + d2 + "/paiement", "{\"date\":\"2015-12-03\"}").statusCode(200);
        post(gestionnaire(t.a()), c + "/depenses/" + d3 + "/paiement", "{\"date\":\"2015-12-04\"}").statusCode(200);

        // contributions in kind, each valued by the party that provides it
        String mise = "{\"fournisseur\":\"%s\",\"nature\":\"%s\",\"libelle\":\"%s\",\"montant\":%s}";
        post(gestionnaire(t.b()), c + "/budgets-annuels/2015/mises-a-disposition", mise.formatted(t.c(), "LOCAUX", "Salle", "240.00")).statusCode(403);
        post(gestionnaire(t.a()), c + "/budgets-annuels/2015/mises-a-disposition",
                mise.formatted(t.a(), "PERSONNEL", "Concours technique et administratif", "1800.00")).statusCode(201);
        post(gestionnaire(t.c()), c + "/budgets-annuels/2015/mises-a-disposition",
                mise.formatted(t.c(), "LOCAUX", "Salle de réunion du comité de pilotage", "240.00")).statusCode(201);
        post(gestionnaire(t.c()), c + "/budgets-annuels/2015/mises-a-disposition", mise.formatted(t.c(), "LOCAUX", "Salle", "0")).statusCode(400)
                .body("erreurs[0].champ", equalTo("montant"));

        given().header("Authorization", gestionnaire(t.c())).get(c + "/budgets-annuels/2015").then().statusCode(200)
                .body("depenses.size()", equalTo(4)).body("montant", equalTo(3800.00f)).body("totalValide", equalTo(2700.83f)).body("totalPaye", equalTo(2700.83f))
                .body("disponible", equalTo(1099.17f)).body("totalMisesADisposition", equalTo(2040.00f)).body("appelEmis", equalTo(false));

        // the call: a year without validated expense, or by a party that did not advance the funds, is refused
        post(gestionnaire(t.a()), c + "/appels-regularisation/2014", "{\"date\":\"2014-12-15\"}").statusCode(400)
                .body("erreurs[0].champ", equalTo("annee")).body("erreurs[0].raison", containsString("aucune dépense"));
        post(gestionnaire(t.b()), c + "/appels-regularisation/2015", "{\"date\":\"2015-12-15\"}").statusCode(403);

        JsonPath appel;
        List<ConsumerRecord<String, String>> recus;
        try (SondeKafka sonde = SondeKafka.aLaFinDe("appel-regularisation-emis")) {
            appel = post(gestionnaire(t.a()), c + "/appels-regularisation/2015", "{\"date\":\"2015-12-15\"}").statusCode(201)
                    .body("millesime", equalTo(2012)).body("creancier", equalTo(t.a()))
                    .body("totalDepenses", equalTo(2700.83f)).body("totalMisesADisposition", equalTo(2040.00f)).extract().jsonPath()
                    .using(new io.restassured.path.json.config.JsonPathConfig(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.BIG_DECIMAL));
            recus = sonde.attendre(r -> id.equals(r.key()), 2, Duration.ofSeconds(15));
            // one per party called, not one more
            assertEquals(2, sonde.toutPendant(r -> id.equals(r.key()), Duration.ofSeconds(1)).size());
        }
        // shares of 2 700,83 € and 2 040,00 € pro rata of 9 944 / 3 142 / 1 913 inhabitants, minus what each brought
        // the parties' lines in the convention's order of parties (by code)
        Map<String, List<BigDecimal>> lignes = new java.util.HashMap<>();
        for (int i = 0; i < 3; i++) {
            lignes.put(appel.getString("lignes[" + i + "].institution"), List.of(appel.getObject("lignes[" + i + "].partDepenses", BigDecimal.class),
                    appel.getObject("lignes[" + i + "].partMisesADisposition", BigDecimal.class), appel.getObject("lignes[" + i + "].apports", BigDecimal.class),
                    appel.getObject("lignes[" + i + "].solde", BigDecimal.class)));
        }
        assertEquals(Map.of(t.a(), euros("1790.59", "1352.47", "4500.83", "-1357.77"), t.b(), euros("565.77", "427.34", "0.00", "993.11"),
                t.c(), euros("344.47", "260.19", "240.00", "364.66")), lignes);
        assertEquals(new BigDecimal("2700.83"), somme(appel.getList("lignes.partDepenses", BigDecimal.class)));
        assertEquals(new BigDecimal("2040.00"), somme(appel.getList("lignes.partMisesADisposition", BigDecimal.class)));
        assertEquals(new BigDecimal("0.00"), somme(appel.getList("lignes.solde", BigDecimal.class)));
        assertEquals(c + "/appels-regularisation/2015/" + t.b() + ".pdf", appel.getString("lignes.find { it.institution == '" + t.b() + "' }.pdf"));
        assertEquals(null, appel.getString("lignes.find { it.institution == '" + t.a() + "' }.pdf"));

        // the events: schema, envelope, the amounts, no personal data (the representatives' names stay here)
        Map<String, String> montants = new java.util.HashMap<>();
        ObjectMapper json = new ObjectMapper();
        for (ConsumerRecord<String, String> r : recus) {
            assertEquals("appel-regularisation-emis", SondeKafka.entete(r, CloudEvents.TYPE));
            assertEquals(Set.of(), SchemasEvenements.violations("appel-regularisation-emis", r.value()));
            assertFalse(r.value().contains("Jeanne Martin"), r.value());
            JsonNode e = json.readTree(r.value());
            assertEquals(t.a(), e.get("creancier").asText());
            assertEquals("2015-12-15", e.get("dateAppel").asText());
            assertEquals(2012, e.get("millesime").asInt());
            montants.put(e.get("institution").asText(), e.get("montant").asText());
        }
        assertEquals(Map.of(t.b(), "993.11", t.c(), "364.66"), montants);

        // each party's document, read back from the PDF
        for (String[] cas : new String[][] { { t.b(), "3 142", "565,77 €", "427,34 €", "0,00 €", "993,11 €" },
                { t.c(), "1 913", "344,47 €", "260,19 €", "240,00 €", "364,66 €" } }) {
            byte[] pdf = given().header("Authorization", gestionnaire(cas[0])).get(c + "/appels-regularisation/2015/" + cas[0] + ".pdf").then()
                    .statusCode(200).contentType("application/pdf").extract().asByteArray();
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "appel-regularisation-2015-" + cas[0] + ".pdf"), pdf);
            try (PDDocument d = Loader.loadPDF(pdf)) {
                // table cells wrap their text on several lines: compared with every run of white space as one space
                String texte = new PDFTextStripper().getText(d).replaceAll("\\s+", " ");
                assertTrue(texte.contains("Appel à régularisation 2015"), texte);
                assertTrue(texte.contains("Émis le 15 décembre 2015 par " + t.a()), texte);
                assertTrue(texte.contains("F-2015-031 08/10/2015 Journée annuelle : F-2015-031 26/11/2015 02/12/2015 1 250,00 €"), texte);
                assertTrue(texte.contains("Total des dépenses 2 700,83 €"), texte);
                assertFalse(texte.contains("F-2015-058"), "la dépense non validée n'est pas reprise");
                assertTrue(texte.contains("Total valorisé 2 040,00 €"), texte);
                assertTrue(texte.contains("millésime 2012"), texte);
                assertTrue(texte.contains(cas[0] + " " + cas[1] + " " + cas[2] + " " + cas[3] + " " + cas[4] + " " + cas[5]), texte);
                assertTrue(texte.contains("Total 14 999 2 700,83 € 2 040,00 € 4 740,83 € 0,00 €"), texte);
                assertTrue(texte.contains(cas[0] + " est appelé à verser " + cas[5] + " à " + t.a() + "."), texte);
                assertFalse(texte.contains("Jeanne Martin"), texte);
            }
        }
        given().header("Authorization", ADMIN).get(c + "/appels-regularisation/2015/" + t.b() + ".html").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("993,11 €")).body(containsString("est appelé à verser"));
        // the advancing party is not called
        given().header("Authorization", ADMIN).get(c + "/appels-regularisation/2015/" + t.a() + ".pdf").then().statusCode(404);

        // the year is closed: no second call, no new expense, no revision
        post(gestionnaire(t.a()), c + "/appels-regularisation/2015", "{\"date\":\"2015-12-16\"}").statusCode(409);
        post(gestionnaire(t.a()), c + "/budgets-annuels/2015/depenses", facture.formatted("\"montant\":10.00,\"dateFacture\":\"2015-12-20\"", t.a()))
                .statusCode(409);
        given().header("Authorization", ADMIN).get(c + "/budgets-annuels/2015").then().statusCode(200).body("appelEmis", equalTo(true))
                .body("depenses.find { it.id == '" + d4 + "' }.appelId", nullValue())
                .body("depenses.find { it.id == '" + d1 + "' }.appelId", equalTo(appel.getString("id")));
    }
}
