package fr.actionsociale.conventions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(Jetons.class)
class EngagementResourceTest {

    static final String ADMIN = Jetons.entete("admin", "departement-35");

    @Test
    void unEngagementSuitSesRealisationsEtSonRetard() {
        ConventionResourceTest.Trio t = ConventionResourceTest.institutions(true);
        String id = ConventionResourceTest.rediger(ConventionResourceTest.convention(t, "2014-03-01", "2030-12-31", "4000.00"))
                .statusCode(201).extract().path("id");
        // a half-day every two weeks in each of the two communes, for 52 weeks from 2015-01-05
        String engagement = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
                {"institution":"%s","article":"Article 9","nature":"PERMANENCE","libelle":"Permanence tous les 15 jours",
                 "quantite":1,"unite":"demi-journée","rythme":"QUINZAINE","multiplicateur":2,
                 "dateDebut":"2015-01-05","dateFin":"2016-01-03"}""".formatted(t.b()))
                .post("/conventions/" + id + "/engagements").then().statusCode(201)
                .body("totalAttendu", equalTo(52.00f)).body("enRetard", equalTo(true)).extract().path("id");

        // only the committed party records what it did
        given().header("Authorization", Jetons.entete("agent", t.c())).contentType(ContentType.JSON)
                .body("{\"date\":\"2015-01-12\",\"quantite\":2}")
                .post("/conventions/" + id + "/engagements/" + engagement + "/realisations").then().statusCode(403);
        given().header("Authorization", Jetons.entete("agent", t.b())).contentType(ContentType.JSON)
                .body("{\"date\":\"2015-01-12\",\"quantite\":26,\"commentaire\":\"permanences de l'année\"}")
                .post("/conventions/" + id + "/engagements/" + engagement + "/realisations").then().statusCode(201)
                .body("realise", equalTo(26.00f)).body("tauxRealisation", equalTo(50.0f)).body("enRetard", equalTo(true));
        given().header("Authorization", Jetons.entete("agent", t.b())).contentType(ContentType.JSON)
                .body("{\"date\":\"2015-12-20\",\"quantite\":26}")
                .post("/conventions/" + id + "/engagements/" + engagement + "/realisations").then().statusCode(201)
                .body("tauxRealisation", equalTo(100.0f)).body("enRetard", equalTo(false));

        given().header("Authorization", ADMIN).get("/conventions/" + id + "/engagements").then().statusCode(200)
                .body("[0].realisations.size()", equalTo(2)).body("[0].realisations[0].saisiePar", equalTo(t.b()));
    }

    static void orientation(String evenement, String orientation, String structure, String commune, String date) {
        fr.actionsociale.commons.test.SondeKafka.publier("orientation-faite", orientation,
                fr.actionsociale.commons.test.SondeKafka.entetesCloudEvent(evenement, "orientation-faite", orientation), """
                        {"orientationId":"%s","beneficiaire":"ben-conv","structure":"%s","commune":"%s","droitsVises":["RSA"],
                         "orientePar":"ccas-redon","dateOrientation":"%sT10:00:00Z","statut":"PROPOSEE"}""".formatted(orientation, structure, commune, date));
    }

    @Test
    void lesOrientationsVersLInstitutionEngageeSontCompteesUneFois() {
        ConventionResourceTest.Trio t = ConventionResourceTest.institutions(true);
        String id = ConventionResourceTest.rediger(ConventionResourceTest.convention(t, "2014-03-01", "2030-12-31", "4000.00"))
                .statusCode(201).extract().path("id");
        String engagement = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
                {"institution":"%s","article":"Article 2","nature":"AUTRE","libelle":"Orientations reçues","quantite":100,
                 "unite":"orientation","rythme":"SUR_LA_DUREE","dateDebut":"2015-01-01","dateFin":"2015-12-31",
                 "compteEvenement":"ORIENTATION_FAITE"}""".formatted(t.b()))
                .post("/conventions/" + id + "/engagements").then().statusCode(201).extract().path("id");
        String evenement = java.util.UUID.randomUUID().toString();
        String o1 = java.util.UUID.randomUUID().toString();
        orientation(evenement, o1, t.b(), "44015", "2015-03-10");
        orientation(evenement, o1, t.b(), "44015", "2015-03-10"); // delivered twice
        orientation(java.util.UUID.randomUUID().toString(), o1, t.b(), "44015", "2015-03-10"); // re-emitted under another id
        orientation(java.util.UUID.randomUUID().toString(), java.util.UUID.randomUUID().toString(), t.c(), "44015", "2015-03-11"); // other structure
        orientation(java.util.UUID.randomUUID().toString(), java.util.UUID.randomUUID().toString(), t.b(), "35236", "2015-03-12"); // outside the territory
        orientation(java.util.UUID.randomUUID().toString(), java.util.UUID.randomUUID().toString(), t.b(), "44015", "2016-02-01"); // after the period
        // an unreadable date in the same poll: the poll is applied event by event, that one parked, the others counted
        orientation(java.util.UUID.randomUUID().toString(), java.util.UUID.randomUUID().toString(), t.b(), "44015", "2015-99-99");
        String temoin = java.util.UUID.randomUUID().toString();
        orientation(java.util.UUID.randomUUID().toString(), temoin, t.b(), "44022", "2015-06-01");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() ->
                given().header("Authorization", ADMIN).get("/conventions/" + id + "/engagements").then()
                        .body("find { it.id == '" + engagement + "' }.realise", equalTo(2.00f)));
        given().header("Authorization", ADMIN).get("/conventions/" + id + "/engagements").then()
                .body("find { it.id == '" + engagement + "' }.realisations.saisiePar", equalTo(java.util.List.of("evenement", "evenement")))
                .body("find { it.id == '" + engagement + "' }.compteEvenement", equalTo("ORIENTATION_FAITE"));
    }

    @Test
    void lesEngagementsIncoherentsSontRefuses() {
        ConventionResourceTest.Trio t = ConventionResourceTest.institutions(true);
        String id = ConventionResourceTest.rediger(ConventionResourceTest.convention(t, "2014-03-01", "2016-12-31", "4000.00"))
                .statusCode(201).extract().path("id");
        String corps = """
                {"institution":"%s","article":"Art. 5","nature":"RECRUTEMENT","libelle":"1 ETP pendant 15 mois","quantite":%s,
                 "unite":"ETP-mois","rythme":"MENSUEL","dateDebut":"%s","dateFin":"2015-12-31"}""";
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(corps.formatted("caf-35", "1", "2014-10-01"))
                .post("/conventions/" + id + "/engagements").then().statusCode(400).body("erreurs[0].champ", equalTo("institution"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(corps.formatted(t.a(), "0", "2014-10-01"))
                .post("/conventions/" + id + "/engagements").then().statusCode(400).body("erreurs[0].champ", equalTo("quantite"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(corps.formatted(t.a(), "1", "2013-10-01"))
                .post("/conventions/" + id + "/engagements").then().statusCode(400).body("erreurs[0].champ", equalTo("dateDebut"));
        given().header("Authorization", ADMIN).get("/conventions/" + id + "/engagements").then().statusCode(200)
                .body("size()", equalTo(0));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"date\":\"2015-01-12\",\"quantite\":1}")
                .post("/conventions/" + id + "/engagements/" + java.util.UUID.randomUUID() + "/realisations").then().statusCode(404);
    }

    /** Amounts read as the BigDecimal the JSON carries (1500.00, not the float 1500.0): scale and cents checked exactly. */
    static RequestSpecification enEuros(String entete) {
        return given().config(RestAssuredConfig.config().jsonConfig(JsonConfig.jsonConfig()
                .numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL))).header("Authorization", entete);
    }

    static String engagementValorise(String institution, String valorisation) {
        return """
                {"institution":"%s","article":"Article 10","nature":"VALORISATION",
                 "libelle":"Frais de fonctionnement liés à l'embauche, valorisés à hauteur de 15%% des frais salariaux",
                 "quantite":5,"unite":"trimestre","rythme":"TRIMESTRIEL","dateDebut":"2015-01-01","dateFin":"2016-03-31",
                 "valorisation":%s}""".formatted(institution, valorisation);
    }

    @Test
    void uneRealisationDUnEngagementValoriseValoriseSonAssietteAuTaux() {
        ConventionResourceTest.Trio t = ConventionResourceTest.institutions(true);
        String id = ConventionResourceTest.rediger(ConventionResourceTest.convention(t, "2014-03-01", "2030-12-31", "4000.00"))
                .statusCode(201).extract().path("id");
        // seed 000 art. 10: the CCAS's operating costs, valued at 15 % of the salary costs; the amount is not given
        String engagement = enEuros(ADMIN).contentType(ContentType.JSON)
                .body(engagementValorise(t.b(), "{\"taux\":15,\"assiette\":\"frais salariaux du référent Accès aux droits\"}"))
                .post("/conventions/" + id + "/engagements").then().statusCode(201)
                .body("valorisation.taux", equalTo(new BigDecimal("15.00")))
                .body("valorisation.assiette", equalTo("frais salariaux du référent Accès aux droits"))
                .body("valorisation", hasKey("montantPrevu")).body("valorisation.montantPrevu", nullValue())
                .body("montantValorise", equalTo(new BigDecimal("0.00"))).extract().path("id");
        String realisations = "/conventions/" + id + "/engagements/" + engagement + "/realisations";
        // the first quarter's salary costs: 10,000.00 € valued at 15 %
        enEuros(Jetons.entete("agent", t.b())).contentType(ContentType.JSON)
                .body("{\"date\":\"2015-03-31\",\"quantite\":1,\"montantAssiette\":10000.00,\"commentaire\":\"T1 2015\"}")
                .post(realisations).then().statusCode(201)
                .body("realisations[0].montantAssiette", equalTo(new BigDecimal("10000.00")))
                .body("realisations[0].montantValorise", equalTo(new BigDecimal("1500.00")))
                .body("montantValorise", equalTo(new BigDecimal("1500.00")));
        // 333.33 × 15 % = 49.9995: half up to the cent
        enEuros(Jetons.entete("agent", t.b())).contentType(ContentType.JSON)
                .body("{\"date\":\"2015-06-30\",\"quantite\":1,\"montantAssiette\":333.33}")
                .post(realisations).then().statusCode(201)
                .body("realisations[1].montantValorise", equalTo(new BigDecimal("50.00")))
                .body("montantValorise", equalTo(new BigDecimal("1550.00")));
        // a réalisation without its basis values nothing
        enEuros(Jetons.entete("agent", t.b())).contentType(ContentType.JSON)
                .body("{\"date\":\"2015-09-30\",\"quantite\":1}")
                .post(realisations).then().statusCode(201)
                .body("realisations[2].montantAssiette", nullValue()).body("realisations[2].montantValorise", nullValue())
                .body("montantValorise", equalTo(new BigDecimal("1550.00")));

        // art. 8: half of the communication officer's time; 100.01 € at 33.33 % = 33.333333 → 33.33, with a planned amount
        String communication = enEuros(ADMIN).contentType(ContentType.JSON)
                .body(engagementValorise(t.c(), "{\"taux\":33.33,\"assiette\":\"temps du chargé de communication\",\"montantPrevu\":1200.5}"))
                .post("/conventions/" + id + "/engagements").then().statusCode(201)
                .body("valorisation.taux", equalTo(new BigDecimal("33.33")))
                .body("valorisation.montantPrevu", equalTo(new BigDecimal("1200.50"))).extract().path("id");
        enEuros(Jetons.entete("agent", t.c())).contentType(ContentType.JSON)
                .body("{\"date\":\"2015-02-10\",\"quantite\":1,\"montantAssiette\":100.01}")
                .post("/conventions/" + id + "/engagements/" + communication + "/realisations").then().statusCode(201)
                .body("realisations[0].montantValorise", equalTo(new BigDecimal("33.33")))
                .body("montantValorise", equalTo(new BigDecimal("33.33")));

        // read back from the database by another request
        String e = "find { it.id == '" + engagement + "' }.";
        String c = "find { it.id == '" + communication + "' }.";
        enEuros(ADMIN).get("/conventions/" + id + "/engagements").then().statusCode(200)
                .body(e + "valorisation.taux", equalTo(new BigDecimal("15.00")))
                .body(e + "valorisation.assiette", equalTo("frais salariaux du référent Accès aux droits"))
                .body(e + "valorisation.montantPrevu", nullValue())
                .body(e + "realisations.montantAssiette", equalTo(java.util.Arrays.asList(new BigDecimal("10000.00"), new BigDecimal("333.33"), null)))
                .body(e + "realisations.montantValorise", equalTo(java.util.Arrays.asList(new BigDecimal("1500.00"), new BigDecimal("50.00"), null)))
                .body(e + "montantValorise", equalTo(new BigDecimal("1550.00")))
                .body(c + "valorisation.taux", equalTo(new BigDecimal("33.33")))
                .body(c + "valorisation.montantPrevu", equalTo(new BigDecimal("1200.50")))
                .body(c + "montantValorise", equalTo(new BigDecimal("33.33")));
    }

    @Test
    void unEngagementNonValoriseNAPasDeMontantValorise() {
        ConventionResourceTest.Trio t = ConventionResourceTest.institutions(true);
        String id = ConventionResourceTest.rediger(ConventionResourceTest.convention(t, "2014-03-01", "2030-12-31", "4000.00"))
                .statusCode(201).extract().path("id");
        String engagement = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
                {"institution":"%s","article":"Article 7","nature":"IMPRESSION","libelle":"Impression de 9 400 flyers","quantite":9400,
                 "unite":"flyer","rythme":"PONCTUEL","dateDebut":"2015-01-01","dateFin":"2015-06-30"}""".formatted(t.b()))
                .post("/conventions/" + id + "/engagements").then().statusCode(201)
                .body("$", hasKey("valorisation")).body("valorisation", nullValue())
                .body("$", hasKey("montantValorise")).body("montantValorise", nullValue()).extract().path("id");
        String realisations = "/conventions/" + id + "/engagements/" + engagement + "/realisations";
        given().header("Authorization", Jetons.entete("agent", t.b())).contentType(ContentType.JSON)
                .body("{\"date\":\"2015-05-02\",\"quantite\":9400,\"montantAssiette\":1200.00}")
                .post(realisations).then().statusCode(400)
                .body("erreurs[0].champ", equalTo("montantAssiette")).body("erreurs[0].raison", equalTo("l'engagement n'est pas valorisé"));
        given().header("Authorization", Jetons.entete("agent", t.b())).contentType(ContentType.JSON)
                .body("{\"date\":\"2015-05-02\",\"quantite\":9400}")
                .post(realisations).then().statusCode(201)
                .body("realisations.size()", equalTo(1)).body("realisations[0].montantAssiette", nullValue())
                .body("realisations[0].montantValorise", nullValue()).body("montantValorise", nullValue());
    }

    @Test
    void lesValorisationsIncoherentesSontRefusees() {
        ConventionResourceTest.Trio t = ConventionResourceTest.institutions(true);
        String id = ConventionResourceTest.rediger(ConventionResourceTest.convention(t, "2014-03-01", "2030-12-31", "4000.00"))
                .statusCode(201).extract().path("id");
        for (String[] cas : new String[][] {
                { "{\"taux\":0,\"assiette\":\"frais salariaux\"}", "valorisation.taux" },
                { "{\"taux\":101,\"assiette\":\"frais salariaux\"}", "valorisation.taux" },
                { "{\"taux\":100.01,\"assiette\":\"frais salariaux\"}", "valorisation.taux" },
                { "{\"taux\":15.125,\"assiette\":\"frais salariaux\"}", "valorisation.taux" },
                { "{\"assiette\":\"frais salariaux\"}", "valorisation.taux" },
                { "{\"taux\":15,\"assiette\":\"  \"}", "valorisation.assiette" },
                { "{\"taux\":15}", "valorisation.assiette" },
                { "{\"taux\":15,\"assiette\":\"" + "x".repeat(301) + "\"}", "valorisation.assiette" },
                { "{\"taux\":15,\"assiette\":\"frais salariaux\",\"montantPrevu\":-1}", "valorisation.montantPrevu" },
                { "{\"taux\":15,\"assiette\":\"frais salariaux\",\"montantPrevu\":10.001}", "valorisation.montantPrevu" } }) {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(engagementValorise(t.b(), cas[0]))
                    .post("/conventions/" + id + "/engagements").then().statusCode(400).body("erreurs[0].champ", equalTo(cas[1]));
        }
        given().header("Authorization", ADMIN).get("/conventions/" + id + "/engagements").then().statusCode(200).body("size()", equalTo(0));

        String engagement = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(engagementValorise(t.b(), "{\"taux\":15,\"assiette\":\"frais salariaux\"}"))
                .post("/conventions/" + id + "/engagements").then().statusCode(201).extract().path("id");
        for (String montant : new String[] { "-0.01", "10.001" }) {
            given().header("Authorization", Jetons.entete("agent", t.b())).contentType(ContentType.JSON)
                    .body("{\"date\":\"2015-03-31\",\"quantite\":1,\"montantAssiette\":%s}".formatted(montant))
                    .post("/conventions/" + id + "/engagements/" + engagement + "/realisations").then().statusCode(400)
                    .body("erreurs[0].champ", equalTo("montantAssiette"));
        }
        given().header("Authorization", ADMIN).get("/conventions/" + id + "/engagements").then().statusCode(200)
                .body("[0].realisations.size()", equalTo(0));
    }
}
