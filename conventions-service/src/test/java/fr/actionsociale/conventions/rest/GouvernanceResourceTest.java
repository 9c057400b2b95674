package fr.actionsociale.conventions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

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
}
