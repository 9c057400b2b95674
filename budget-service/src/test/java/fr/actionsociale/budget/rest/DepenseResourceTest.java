package fr.actionsociale.budget.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SchemasEvenements;
import fr.actionsociale.commons.test.SondeKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(Jetons.class)
class DepenseResourceTest {

    static final String GESTIONNAIRE = ImportResourceTest.GESTIONNAIRE;
    /** Seed 002, art. 4.2. */
    static final String REGLES_SEED_002 = """
            ,"categoriesNonEligibles":["FRAIS_GENERAUX","FRAIS_MISSION","PRESTATION_EVALUATION","PRESTATION_FORMATION",
             "PRESTATION_GESTION_PROJET","INVESTISSEMENT","LOGICIEL_CONCURRENT"],"plafondEtpIngenierie":3""";

    /** A programme of seed 002's rules with action 1 and its 2023 line (100,000 € from the State). */
    static String experimentation() {
        String p = ImportResourceTest.programme(REGLES_SEED_002);
        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("""
                {"code":"1","libelle":"Accompagnement rénové","axe":"1","axeLibelle":"Expérimentation RSA","partenaires":"France Travail"}""")
                .post("/programmes/" + p + "/actions").then().statusCode(201);
        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("""
                {"periode":"2022","participationEtat":100000}""").post("/programmes/" + p + "/actions/1/lignes").then().statusCode(201);
        return p;
    }

    static ValidatableResponse depenser(String p, String corps) {
        return given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body(corps).post("/programmes/" + p + "/depenses").then();
    }

    static String depense(String categorie, String montant, String date, String etp) {
        return """
                {"action":"1","montant":%s,"date":"%s","categorie":"%s","beneficiaire":"Prestataire","pieceJustificative":"Mandat %s"%s}"""
                .formatted(montant, date, categorie, UUID.randomUUID(), etp == null ? "" : ",\"etp\":" + etp);
    }

    @Test
    void chaqueDepenseEstJugeeEtSeuleLEligibleConsomme() {
        String p = experimentation();
        try (SondeKafka depenses = SondeKafka.aLaFinDe("depense-enregistree"); SondeKafka credits = SondeKafka.aLaFinDe("credits-consommes")) {
            String eligible = depenser(p, depense("PERSONNEL_ACCOMPAGNEMENT", "30000.50", "2022-03-31", "2")).statusCode(201)
                    .body("eligible", equalTo(true)).body("regleRefus", nullValue()).body("consommationLigne", equalTo(30000.50f))
                    .extract().path("id");
            String refusee = depenser(p, depense("FRAIS_MISSION", "1200.00", "2022-04-02", null)).statusCode(201)
                    .body("eligible", equalTo(false))
                    .body("regleRefus", equalTo("Convention de financement, art. 4.2 : les frais de mission (déplacements, hébergement, "
                            + "restauration du personnel) ne sont pas éligibles au financement de l'État."))
                    .body("consommationLigne", equalTo(30000.50f)).extract().path("id");
            depenser(p, depense("DEVELOPPEMENT_INFORMATIQUE", "9999.50", "2022-05-02", null)).statusCode(201).body("eligible", equalTo(true))
                    .body("consommationLigne", equalTo(40000.00f));

            List<ConsumerRecord<String, String>> d = depenses.attendre(r -> r.key().equals(eligible) || r.key().equals(refusee), 2, Duration.ofSeconds(15));
            for (ConsumerRecord<String, String> r : d) {
                assertEquals(Set.of(), SchemasEvenements.violations("depense-enregistree", r.value()));
                assertFalse(r.value().contains("Prestataire"), "ni bénéficiaire ni pièce dans l'événement");
            }
            List<ConsumerRecord<String, String>> c = credits.attendre(r -> r.key().startsWith(p + "/"), 2, Duration.ofSeconds(15));
            assertEquals(2, c.size(), "une publication par dépense éligible");
            assertEquals(Set.of(), SchemasEvenements.violations("credits-consommes", c.get(1).value()));
            assertEquals("40000.00", JsonPath.from(c.get(1).value()).getString("consommation"));
            assertEquals("60000.00", JsonPath.from(c.get(1).value()).getString("reportSortant"));
        }
        // consumption at a date counts the eligible expenses up to it
        given().header("Authorization", GESTIONNAIRE).queryParam("date", "2022-04-30").get("/programmes/" + p + "/execution").then()
                .body("total.consommation", equalTo(30000.50f)).body("total.reportSortant", equalTo(69999.50f));
        given().header("Authorization", GESTIONNAIRE).get("/programmes/" + p + "/depenses").then().body("", hasSize(3))
                .body("findAll { !it.eligible }.categorie", equalTo(List.of("FRAIS_MISSION")));
    }

    @Test
    void lingenierieAuDelaDeTroisEtpDansLeMoisEstRefusee() {
        String p = experimentation();
        depenser(p, depense("PERSONNEL_INGENIERIE", "5000", "2022-06-30", "2")).statusCode(201).body("eligible", equalTo(true));
        depenser(p, depense("PERSONNEL_INGENIERIE", "2500", "2022-06-30", "1")).statusCode(201).body("eligible", equalTo(true));
        depenser(p, depense("PERSONNEL_INGENIERIE", "1250", "2022-06-15", "0.5")).statusCode(201).body("eligible", equalTo(false))
                .body("regleRefus", containsString("dans la limite de 3 ETP ; ce mois-ci 3,5 ETP"));
        // another month starts afresh
        depenser(p, depense("PERSONNEL_INGENIERIE", "7500", "2022-07-31", "3")).statusCode(201).body("eligible", equalTo(true));
        depenser(p, depense("PERSONNEL_INGENIERIE", "7500", "2022-07-31", null)).statusCode(400).body("erreurs[0].champ", equalTo("etp"));
    }

    @Test
    void uneDepenseInvalideEstRefuseeSansRienEcrire() {
        String p = experimentation();
        depenser(p, depense("FRAIS_GENERAUX", "-10", "2022-03-01", null)).statusCode(400).contentType("application/problem+json")
                .body("erreurs[0].champ", equalTo("montant"));
        depenser(p, depense("FRAIS_GENERAUX", "10.001", "2022-03-01", null)).statusCode(400).body("erreurs[0].champ", equalTo("montant"));
        depenser(p, depense("FRAIS_GENERAUX", "\"dix euros\"", "2022-03-01", null)).statusCode(400);
        depenser(p, depense("FRAIS_GENERAUX", "10", "2022-02-30", null)).statusCode(400);
        depenser(p, depense("FRAIS_GENERAUX", "10", "2024-01-01", null)).statusCode(400).body("erreurs[0].champ", equalTo("date"))
                .body("erreurs[0].raison", containsString("hors de la période du programme"));
        depenser(p, depense("REPAS", "10", "2022-03-01", null)).statusCode(400);
        depenser(p, depense("FRAIS_GENERAUX", "10", "2022-03-01", null).replace("\"action\":\"1\"", "\"action\":\"9.9\"")).statusCode(400)
                .body("erreurs[0].champ", equalTo("action")).body("erreurs[0].raison", containsString("n'existe pas"));
        depenser("INCONNU", depense("FRAIS_GENERAUX", "10", "2022-03-01", null)).statusCode(404);
        given().header("Authorization", Jetons.entete("agent", "ccas-redon")).contentType(ContentType.JSON)
                .body(depense("FRAIS_GENERAUX", "10", "2022-03-01", null)).post("/programmes/" + p + "/depenses").then().statusCode(403);
        given().header("Authorization", GESTIONNAIRE).get("/programmes/" + p + "/depenses").then().body("", hasSize(0));
    }

    @Test
    void laSignatureDeLaConventionOuvreLEnveloppeEtLeBilanFinalArreteLeTropPercu() {
        String reference = "FIN-" + UUID.randomUUID();
        String p = ImportResourceTest.programme(REGLES_SEED_002 + ",\"referenceConvention\":\"" + reference + "\"");
        given().header("Authorization", GESTIONNAIRE).get("/programmes/" + p).then().body("enveloppe.statut", equalTo("EN_ATTENTE_DE_SIGNATURE"));
        String conventionId = UUID.randomUUID().toString();
        String evenement = """
                {"conventionId":"%s","reference":"%s","type":"FINANCEMENT","porteur":"departement-35",
                 "parties":[{"institution":"departement-35","role":"PORTEUR","dateSignature":"2023-06-20"},
                            {"institution":"prefecture-35","role":"FINANCEUR","dateSignature":"2023-06-26"}],
                 "dateDebut":"2023-06-01","dateFin":"2024-12-31","dateSignature":"2023-06-26","montantTotal":"719689.00","territoire":["35236"],
                 "versements":[{"rang":1,"libelle":"Versement 1 (60 %%)","payeur":"prefecture-35","montant":"431813.40","dateLimite":"2023-07-11"},
                               {"rang":2,"libelle":"Versement 2 (40 %%)","payeur":"prefecture-35","montant":"287875.60","dateLimite":null}]}"""
                .formatted(conventionId, reference);
        assertEquals(Set.of(), SchemasEvenements.violations("convention-signee", evenement));
        String id = UUID.randomUUID().toString();
        SondeKafka.publier("convention-signee", conventionId, SondeKafka.entetesCloudEvent(id, "convention-signee", conventionId), evenement);
        // delivered twice: applied once
        SondeKafka.publier("convention-signee", conventionId, SondeKafka.entetesCloudEvent(id, "convention-signee", conventionId), evenement);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", GESTIONNAIRE)
                .get("/programmes/" + p).then().body("enveloppe.statut", equalTo("OUVERTE")));
        given().header("Authorization", GESTIONNAIRE).get("/programmes/" + p).then().body("enveloppe.montant", equalTo(719689.00f))
                .body("enveloppe.tranches", hasSize(2)).body("enveloppe.tranches[0].montant", equalTo(431813.40f))
                .body("enveloppe.tranches[1].dateLimite", nullValue());

        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("{\"montant\":-5,\"date\":\"2023-07-10\",\"libelle\":\"x\"}")
                .post("/programmes/" + p + "/versements").then().statusCode(400).body("erreurs[0].champ", equalTo("montant"));
        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON)
                .body("{\"montant\":431813.40,\"date\":\"2022-07-10\",\"libelle\":\"Versement 1 (60 %)\"}")
                .post("/programmes/" + p + "/versements").then().statusCode(201);
        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("""
                {"code":"1","libelle":"Accompagnement rénové"}""").post("/programmes/" + p + "/actions").then().statusCode(201);
        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("""
                {"periode":"2022","participationEtat":719689}""").post("/programmes/" + p + "/actions/1/lignes").then().statusCode(201);
        depenser(p, depense("PERSONNEL_ACCOMPAGNEMENT", "400000.00", "2022-12-31", "8")).statusCode(201);
        depenser(p, depense("FRAIS_GENERAUX", "20000.00", "2022-12-31", null)).statusCode(201).body("eligible", equalTo(false));

        // 431,813.40 received, 400,000.00 consumed on eligible expenses: 31,813.40 to refund
        given().header("Authorization", GESTIONNAIRE).queryParam("date", "2023-03-31").get("/programmes/" + p + "/situation").then().statusCode(200)
                .body("totalVerse", equalTo(431813.40f)).body("consommation", equalTo(400000.00f)).body("tropPercu", equalTo(31813.40f))
                .body("bilanFinalLe", nullValue());
        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("{\"date\":\"2023-03-31\"}")
                .post("/programmes/" + p + "/bilan-final").then().statusCode(200).body("tropPercuArrete", equalTo(31813.40f));
        given().header("Authorization", GESTIONNAIRE).contentType(ContentType.JSON).body("{\"date\":\"2023-04-30\"}")
                .post("/programmes/" + p + "/bilan-final").then().statusCode(409);
    }
}
