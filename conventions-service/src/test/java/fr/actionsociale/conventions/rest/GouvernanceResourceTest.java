package fr.actionsociale.conventions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(Jetons.class)
class GouvernanceResourceTest {

    static final String ADMIN = Jetons.entete("admin", "departement-35");

    @Test
    void unComiteTrimestrielQuiNeSestPasReuniEstSignale() {
        ConventionResourceTest.Trio t = ConventionResourceTest.institutions(true);
        // a convention of 2014-03-01 .. 2016-12-31, all of it in the past: 11 whole quarters
        String id = ConventionResourceTest.rediger(ConventionResourceTest.convention(t, "2014-03-01", "2016-12-31", "4000.00"))
                .statusCode(201).extract().path("id");
        String comite = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"type\":\"COMITE_PILOTAGE\",\"nom\":\"Comité de pilotage\",\"membres\":[\"%s\",\"%s\"],\"reunionsParAn\":4}"
                        .formatted(t.a(), t.b()))
                .post("/conventions/" + id + "/gouvernance").then().statusCode(201)
                .body("rythmeManque", equalTo(true)).body("periodesSansReunion.size()", equalTo(11)).extract().path("id");
        for (String date : List.of("2014-04-10", "2014-07-03", "2014-10-02", "2015-01-15", "2015-04-09", "2015-07-02",
                "2015-10-01", "2016-01-14", "2016-04-07", "2016-07-07")) {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"date\":\"%s\"}".formatted(date))
                    .post("/conventions/" + id + "/gouvernance/" + comite + "/reunions").then().statusCode(201);
        }
        // the quarter from 2016-09-01 to 2016-11-30 went by without a meeting
        given().header("Authorization", ADMIN).get("/conventions/" + id + "/gouvernance").then().statusCode(200)
                .body("[0].rythmeManque", equalTo(true)).body("[0].periodesSansReunion", equalTo(List.of("2016-09-01")));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"date\":\"2016-10-06\"}")
                .post("/conventions/" + id + "/gouvernance/" + comite + "/reunions").then().statusCode(201)
                .body("rythmeManque", equalTo(false));
    }

    @Test
    void lesInstancesIncoherentesSontRefusees() {
        ConventionResourceTest.Trio t = ConventionResourceTest.institutions(true);
        String id = ConventionResourceTest.rediger(ConventionResourceTest.convention(t, "2014-03-01", "2016-12-31", "4000.00"))
                .statusCode(201).extract().path("id");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"type\":\"COMITE_SUIVI\",\"nom\":\"Comité\",\"membres\":[\"%s\",\"caf-35\"],\"reunionsParAn\":4}".formatted(t.a()))
                .post("/conventions/" + id + "/gouvernance").then().statusCode(400).body("erreurs[0].champ", equalTo("membres[1]"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"type\":\"COMITE_SUIVI\",\"nom\":\"Comité\",\"membres\":[],\"reunionsParAn\":5}")
                .post("/conventions/" + id + "/gouvernance").then().statusCode(400).body("erreurs[0].champ", equalTo("reunionsParAn"));
        String comite = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"type\":\"EQUIPE_PROJET\",\"nom\":\"Équipe projet\",\"membres\":[],\"reunionsParAn\":12}")
                .post("/conventions/" + id + "/gouvernance").then().statusCode(201).extract().path("id");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"date\":\"2020-01-01\"}")
                .post("/conventions/" + id + "/gouvernance/" + comite + "/reunions").then().statusCode(400)
                .body("erreurs[0].champ", equalTo("date"));
    }

    static final List<String> AUTRES_MEMBRES = List.of("services de l'État", "France Travail", "organismes de protection sociale",
            "Mission locale", "Néotoa", "habitants", "associations du territoire, en particulier celles des quartiers");
    static final String PRESIDENCE = "Co-présidé par la Vice-Présidente déléguée à la Petite Enfance Santé Autonomie de REDON Agglomération, "
            + "le maire de Pipriac et un élu de la Ville de Redon";
    static final List<String> MISSIONS = List.of("Décider et débattre autour des enjeux stratégiques identifiés",
            "Valider les orientations stratégiques et techniques");

    static String json(List<String> textes) {
        return textes.stream().map(t -> "\"" + t + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    @Test
    void unComiteDeSuiviGardeSesAutresMembresSaPresidenceEtSesMissions() {
        ConventionResourceTest.Trio t = ConventionResourceTest.institutions(true);
        String id = ConventionResourceTest.rediger(ConventionResourceTest.convention(t, "2024-01-01", "2026-12-31", "4000.00"))
                .statusCode(201).extract().path("id");
        // seed 000 art. 3: the comité de suivi local, once a quarter, with members who are not parties
        String comite = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
                {"type":"COMITE_SUIVI","nom":"Comité de suivi local","membres":["%s","%s","%s"],"autresMembres":%s,
                 "presidence":"%s","missions":%s,"reunionsParAn":4}""".formatted(t.a(), t.b(), t.c(), json(AUTRES_MEMBRES), PRESIDENCE,
                json(MISSIONS)))
                .post("/conventions/" + id + "/gouvernance").then().statusCode(201)
                .body("autresMembres", equalTo(AUTRES_MEMBRES)).body("presidence", equalTo(PRESIDENCE))
                .body("missions", equalTo(MISSIONS)).body("reunionsParAn", equalTo(4)).extract().path("id");
        // read back from the database by another request
        String trouve = "find { it.id == '" + comite + "' }.";
        given().header("Authorization", ADMIN).get("/conventions/" + id + "/gouvernance").then().statusCode(200)
                .body(trouve + "type", equalTo("COMITE_SUIVI"))
                .body(trouve + "membres", equalTo(List.of(t.a(), t.b(), t.c())))
                .body(trouve + "autresMembres", equalTo(AUTRES_MEMBRES))
                .body(trouve + "presidence", equalTo(PRESIDENCE))
                .body(trouve + "missions", equalTo(MISSIONS))
                .body(trouve + "reunionsParAn", equalTo(4));
        // without them: empty lists, and a presidence answered null
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"type\":\"COMITE_PILOTAGE\",\"nom\":\"Comité de pilotage\",\"membres\":[\"%s\"],\"reunionsParAn\":4}".formatted(t.a()))
                .post("/conventions/" + id + "/gouvernance").then().statusCode(201)
                .body("autresMembres", equalTo(List.of())).body("missions", equalTo(List.of()))
                .body("$", hasKey("presidence")).body("presidence", nullValue());
    }

    @Test
    void uneInstanceSansRythmeNeSignaleJamaisDePeriodeManquee() {
        ConventionResourceTest.Trio t = ConventionResourceTest.institutions(true);
        // 2014-03-01 .. 2016-12-31, all of it in the past: 11 whole quarters
        String id = ConventionResourceTest.rediger(ConventionResourceTest.convention(t, "2014-03-01", "2016-12-31", "4000.00"))
                .statusCode(201).extract().path("id");
        // seed 000 art. 3 gives the équipe projet and the groupe de travail no rhythm
        String equipe = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
                {"type":"EQUIPE_PROJET","nom":"Équipe projet","membres":["%s","%s"],"autresMembres":["CAF 35"],
                 "missions":["Identifier les enjeux stratégiques à débattre en COPIL et opérationnels en Groupe de travail",
                             "Proposer des orientations techniques"]}""".formatted(t.a(), t.b()))
                .post("/conventions/" + id + "/gouvernance").then().statusCode(201)
                .body("$", hasKey("reunionsParAn")).body("reunionsParAn", nullValue())
                .body("periodesSansReunion", equalTo(List.of())).body("rythmeManque", equalTo(false)).extract().path("id");
        String groupe = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
                {"type":"GROUPE_TRAVAIL","nom":"Groupe de travail","membres":[],"autresMembres":["associations du territoire","habitants"],
                 "reunionsParAn":null}""")
                .post("/conventions/" + id + "/gouvernance").then().statusCode(201)
                .body("reunionsParAn", nullValue()).body("rythmeManque", equalTo(false)).extract().path("id");
        String comite = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"type\":\"COMITE_SUIVI\",\"nom\":\"Comité de suivi local\",\"membres\":[\"%s\"],\"reunionsParAn\":4}".formatted(t.a()))
                .post("/conventions/" + id + "/gouvernance").then().statusCode(201)
                .body("rythmeManque", equalTo(true)).body("periodesSansReunion.size()", equalTo(11)).extract().path("id");
        // a meeting of a body without rhythm is recorded and changes nothing of it
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"date\":\"2015-06-04\"}")
                .post("/conventions/" + id + "/gouvernance/" + equipe + "/reunions").then().statusCode(201)
                .body("reunions", equalTo(List.of("2015-06-04"))).body("rythmeManque", equalTo(false));
        given().header("Authorization", ADMIN).get("/conventions/" + id + "/gouvernance").then().statusCode(200)
                .body("find { it.id == '" + equipe + "' }.reunionsParAn", nullValue())
                .body("find { it.id == '" + equipe + "' }.periodesSansReunion", equalTo(List.of()))
                .body("find { it.id == '" + equipe + "' }.rythmeManque", equalTo(false))
                .body("find { it.id == '" + groupe + "' }.periodesSansReunion", equalTo(List.of()))
                .body("find { it.id == '" + groupe + "' }.rythmeManque", equalTo(false))
                .body("find { it.id == '" + comite + "' }.rythmeManque", equalTo(true))
                .body("find { it.id == '" + comite + "' }.periodesSansReunion.size()", equalTo(11));
    }

    @Test
    void lesAutresMembresLaPresidenceEtLesMissionsIncoherentsSontRefuses() {
        ConventionResourceTest.Trio t = ConventionResourceTest.institutions(true);
        String id = ConventionResourceTest.rediger(ConventionResourceTest.convention(t, "2024-01-01", "2026-12-31", "4000.00"))
                .statusCode(201).extract().path("id");
        String corps = "{\"type\":\"COMITE_SUIVI\",\"nom\":\"Comité\",\"membres\":[],%s}";
        for (String[] cas : new String[][] {
                { "\"autresMembres\":[\"habitants\",\" \"]", "autresMembres[1]" },
                { "\"autresMembres\":[\"" + "x".repeat(201) + "\"]", "autresMembres[0]" },
                { "\"autresMembres\":" + json(java.util.Collections.nCopies(51, "habitants")), "autresMembres" },
                { "\"presidence\":\"  \"", "presidence" },
                { "\"presidence\":\"" + "x".repeat(501) + "\"", "presidence" },
                { "\"missions\":[\"" + "x".repeat(501) + "\"]", "missions[0]" },
                { "\"missions\":" + json(java.util.Collections.nCopies(21, "Valider")), "missions" },
                { "\"reunionsParAn\":0", "reunionsParAn" } }) {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(corps.formatted(cas[0]))
                    .post("/conventions/" + id + "/gouvernance").then().statusCode(400).body("erreurs[0].champ", equalTo(cas[1]));
        }
        given().header("Authorization", ADMIN).get("/conventions/" + id + "/gouvernance").then().statusCode(200).body("size()", equalTo(0));
    }
}
