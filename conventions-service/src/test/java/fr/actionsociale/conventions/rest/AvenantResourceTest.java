package fr.actionsociale.conventions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SchemasEvenements;
import fr.actionsociale.commons.test.SondeKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(Jetons.class)
class AvenantResourceTest {

    static final String ADMIN = Jetons.entete("admin", "departement-35");

    /** A CCAS approves an avenant on a deliberation of its board (seed 004, article 9), recorded first. */
    static io.restassured.response.ValidatableResponse approuver(String id, int numero, String institution) {
        String deliberation = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
                {"institution":"%s","organe":"CONSEIL_ADMINISTRATION","dateSeance":"2020-01-15","objet":"Avenant n° %d",
                 "autorise":["APPROUVER_AVENANT"]}""".formatted(institution, numero)).post("/deliberations").then().statusCode(201)
                .extract().path("id");
        return given().header("Authorization", Jetons.entete("gestionnaire", institution)).contentType(ContentType.JSON)
                .body("{\"institution\":\"%s\",\"date\":\"2020-02-01\",\"deliberationId\":\"%s\"}".formatted(institution, deliberation))
                .post("/conventions/" + id + "/avenants/" + numero + "/approbations").then();
    }

    @Test
    void unCcasNApprouvePasUnAvenantSansDeliberationDeSonConseil() {
        ConventionResourceTest.Trio t = ConventionResourceTest.institutions(true);
        String id = ConventionResourceTest.enVigueur(t);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"objet\":\"Préavis porté à 4 mois\",\"nouveauPreavisMois\":4}").post("/conventions/" + id + "/avenants").then().statusCode(201);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"institution\":\"%s\",\"date\":\"2020-02-01\"}".formatted(t.b()))
                .post("/conventions/" + id + "/avenants/1/approbations").then().statusCode(400)
                .body("erreurs[0].champ", equalTo("deliberationId")).body("erreurs[0].raison", containsString("conseil d'administration"));
        String budget = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
                {"institution":"%s","organe":"CONSEIL_ADMINISTRATION","dateSeance":"2020-01-15","objet":"Budget","autorise":["VOTER_BUDGET"]}"""
                .formatted(t.b())).post("/deliberations").then().statusCode(201).extract().path("id");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"institution\":\"%s\",\"date\":\"2020-02-01\",\"deliberationId\":\"%s\"}".formatted(t.b(), budget))
                .post("/conventions/" + id + "/avenants/1/approbations").then().statusCode(400).body("erreurs[0].raison", containsString("n'autorise pas"));
        approuver(id, 1, t.b()).statusCode(200).body("approbations[0].deliberationId", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void unAvenantApprouveParToutesLesPartiesOuvreUneNouvelleVersion() {
        ConventionResourceTest.Trio t = ConventionResourceTest.institutions(true);
        String id = ConventionResourceTest.enVigueur(t);
        given().header("Authorization", ADMIN).get("/conventions/" + id + "/versions/1").then().statusCode(200)
                .body("dateFin", equalTo("2030-12-31")).body("montantTotal", equalTo("4000.00"));

        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"objet\":\"Prolongation et nouveau budget\",\"nouvelleDateFin\":\"2031-12-31\",\"nouveauMontantTotal\":4800.00}")
                .post("/conventions/" + id + "/avenants").then().statusCode(201).body("numero", equalTo(1)).body("statut", equalTo("EN_APPROBATION"));
        try (SondeKafka sonde = SondeKafka.aLaFinDe("avenant-signe")) {
            approuver(id, 1, t.a()).statusCode(200).body("statut", equalTo("EN_APPROBATION"));
            approuver(id, 1, t.a()).statusCode(409);
            approuver(id, 1, t.b()).statusCode(200);
            // nothing changes before the last approval
            given().header("Authorization", ADMIN).get("/conventions/" + id).then().body("dateFin", equalTo("2030-12-31"));
            approuver(id, 1, t.c()).statusCode(200).body("statut", equalTo("EN_VIGUEUR")).body("enVigueurLe", equalTo("2020-02-01"));
            List<ConsumerRecord<String, String>> recus = sonde.attendre(r -> id.equals(r.key()), 1, Duration.ofSeconds(15));
            assertEquals(1, recus.size());
            assertEquals(Set.of(), SchemasEvenements.violations("avenant-signe", recus.get(0).value()));
        }
        given().header("Authorization", ADMIN).get("/conventions/" + id).then().body("dateFin", equalTo("2031-12-31"))
                .body("montantTotal", equalTo(4800.00f));
        // every version stays readable
        given().header("Authorization", ADMIN).get("/conventions/" + java.util.UUID.randomUUID() + "/versions").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", ADMIN).get("/conventions/" + id + "/versions").then().body("numero", equalTo(List.of(1, 2)))
                .body("[1].avenant", equalTo(1));
        given().header("Authorization", ADMIN).get("/conventions/" + id + "/versions/1").then().body("dateFin", equalTo("2030-12-31"));
        given().header("Authorization", ADMIN).get("/conventions/" + id + "/versions/2").then().body("dateFin", equalTo("2031-12-31"))
                .body("montantTotal", equalTo("4800.00"));
        given().header("Authorization", ADMIN).get("/conventions/" + id + "/versions/3").then().statusCode(404);
    }

    @Test
    void unAvenantFaitEntrerEtSortirDesPartiesModifieUnEngagementEtRecalculeLesEcheances() {
        ConventionResourceTest.Trio t = ConventionResourceTest.institutions(true);
        String entrante = ConventionResourceTest.institutions(true).a();
        String id = ConventionResourceTest.enVigueur(t);
        String engagement = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
                {"institution":"%s","article":"Article 9","nature":"PERMANENCE","libelle":"Permanence","quantite":1,"unite":"demi-journée",
                 "rythme":"MENSUEL","dateDebut":"2014-03-01","dateFin":"2030-12-31"}""".formatted(t.b()))
                .post("/conventions/" + id + "/engagements").then().statusCode(201).extract().path("id");
        given().header("Authorization", ADMIN).queryParam("convention", id).get("/echeances").then()
                .body("find { it.type == 'RENEGOCIATION' }.dateDue", equalTo("2030-06-30"));

        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
                {"objet":"Entrée d'une partie, sortie d'une autre, permanence doublée, un an de plus","nouvelleDateFin":"2031-12-31",
                 "partiesAjoutees":[{"institution":"%s","role":"PARTENAIRE","representantQualite":"La Présidente"}],
                 "partiesRetirees":["%s"],
                 "engagementsModifies":[{"engagementId":"%s","nouvelleQuantite":2,"nouvelleDateFin":"2031-12-31"}]}"""
                .formatted(entrante, t.c(), engagement))
                .post("/conventions/" + id + "/avenants").then().statusCode(201).body("partiesAjoutees[0].institution", equalTo(entrante));
        try (SondeKafka sonde = SondeKafka.aLaFinDe("avenant-signe")) {
            approuver(id, 1, t.a()).statusCode(200);
            approuver(id, 1, t.b()).statusCode(200);
            // the leaving party approves too; the joining one's approval is still missing
            approuver(id, 1, t.c()).statusCode(200).body("statut", equalTo("EN_APPROBATION"));
            approuver(id, 1, entrante).statusCode(200).body("statut", equalTo("EN_VIGUEUR"));
            String evenement = sonde.attendre(r -> id.equals(r.key()), 1, Duration.ofSeconds(15)).get(0).value();
            assertEquals(Set.of(), SchemasEvenements.violations("avenant-signe", evenement));
            assertEquals(List.of(entrante), io.restassured.path.json.JsonPath.from(evenement).getList("partiesAjoutees"));
            assertEquals(List.of(t.c()), io.restassured.path.json.JsonPath.from(evenement).getList("partiesRetirees"));
        }
        given().header("Authorization", ADMIN).get("/conventions/" + id).then()
                .body("parties.institution", org.hamcrest.Matchers.containsInAnyOrder(t.a(), t.b(), entrante))
                .body("parties.find { it.institution == '%s' }.dateSignature".formatted(entrante), equalTo("2020-02-01"));
        given().header("Authorization", ADMIN).get("/conventions/" + id + "/engagements").then()
                .body("[0].quantite", equalTo(2.0f)).body("[0].dateFin", equalTo("2031-12-31"));
        // the renegotiation deadline moved with the end; version 1 still lists the party that left
        given().header("Authorization", ADMIN).queryParam("convention", id).get("/echeances").then()
                .body("findAll { it.type == 'RENEGOCIATION' }.dateDue", equalTo(List.of("2031-06-30")));
        given().header("Authorization", ADMIN).get("/conventions/" + id + "/versions/1").then()
                .body("parties.institution", org.hamcrest.Matchers.hasItem(t.c()));
    }

    @Test
    void lesAvenantsImpossiblesSontRefuses() {
        ConventionResourceTest.Trio t = ConventionResourceTest.institutions(true);
        String brouillon = ConventionResourceTest.rediger(ConventionResourceTest.convention(t, "2014-03-01", "2030-12-31", "10"))
                .statusCode(201).extract().path("id");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"objet\":\"x\",\"nouveauPreavisMois\":2}")
                .post("/conventions/" + brouillon + "/avenants").then().statusCode(409).contentType("application/problem+json");
        String id = ConventionResourceTest.enVigueur(ConventionResourceTest.institutions(true));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"objet\":\"rien\"}")
                .post("/conventions/" + id + "/avenants").then().statusCode(400).body("erreurs[0].champ", equalTo("modifications"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"objet\":\"x\",\"partiesRetirees\":[\"caf-35\"]}")
                .post("/conventions/" + id + "/avenants").then().statusCode(400).body("erreurs[0].champ", equalTo("partiesRetirees[0]"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"objet\":\"x\",\"partiesAjoutees\":[{\"institution\":\"inconnue-99\",\"role\":\"PARTENAIRE\"}]}")
                .post("/conventions/" + id + "/avenants").then().statusCode(400).body("erreurs[0].champ", equalTo("partiesAjoutees[0].institution"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"objet\":\"x\",\"engagementsModifies\":[{\"engagementId\":\"%s\",\"nouvelleQuantite\":2}]}".formatted(java.util.UUID.randomUUID()))
                .post("/conventions/" + id + "/avenants").then().statusCode(400).body("erreurs[0].champ", equalTo("engagementsModifies[0].engagementId"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"objet\":\"x\",\"nouveauMontantTotal\":-3}")
                .post("/conventions/" + id + "/avenants").then().statusCode(400).body("erreurs[0].champ", equalTo("nouveauMontantTotal"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"objet\":\"x\",\"nouveauPreavisMois\":2}")
                .post("/conventions/" + id + "/avenants").then().statusCode(201);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"institution\":\"caf-35\",\"date\":\"2020-02-01\"}")
                .post("/conventions/" + id + "/avenants/1/approbations").then().statusCode(400).body("erreurs[0].champ", equalTo("institution"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"institution\":\"caf-35\",\"date\":\"2020-02-01\"}")
                .post("/conventions/" + id + "/avenants/7/approbations").then().statusCode(404);
    }
}
