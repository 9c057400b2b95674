package fr.actionsociale.conventions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

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
}
