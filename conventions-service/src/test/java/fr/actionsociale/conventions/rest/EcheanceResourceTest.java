package fr.actionsociale.conventions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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

@QuarkusTest
@QuarkusTestResource(Jetons.class)
class EcheanceResourceTest {

    static final String ADMIN = Jetons.entete("admin", "departement-35");

    /** Seed 002: 719,689 € over 19 months, 60 % within 15 days of the signature, the balance a month after the interim report. */
    static String financement(ConventionResourceTest.Trio t) {
        return """
                {"reference":"FIN-%s","objet":"Accompagnement rénové des allocataires du RSA","type":"FINANCEMENT","porteur":"%s",
                 "territoire":["35236"],"dateDebut":"2023-06-01","dateFin":"2024-12-31","montantTotal":719689.00,"preavisMois":2,
                 "parties":[{"institution":"%s","role":"PORTEUR"},{"institution":"%s","role":"FINANCEUR"}],
                 "versements":[{"pourcentage":60,"declencheur":"SIGNATURE","delaiJours":15},
                               {"pourcentage":40,"declencheur":"RAPPORT_INTERMEDIAIRE","delaiJours":30}]}"""
                .formatted(UUID.randomUUID(), t.a(), t.a(), t.b());
    }

    @Test
    void lesEcheancesDuneConventionDeFinancementSuiventSesRegles() {
        ConventionResourceTest.Trio t = ConventionResourceTest.institutions(true);
        String id = ConventionResourceTest.rediger(financement(t)).statusCode(201).extract().path("id");
        given().header("Authorization", ADMIN).post("/conventions/" + id + "/soumission").then().statusCode(200);
        ConventionResourceTest.signer(id, t.a(), "admin", "2023-06-20").statusCode(200);
        try (SondeKafka sonde = SondeKafka.aLaFinDe("convention-signee")) {
            ConventionResourceTest.signer(id, t.b(), "admin", "2023-06-26").statusCode(200).body("statut", equalTo("EXPIREE"));
            // the expected tranches travel with the signature, exact to the cent, for budget-service
            String evenement = sonde.attendre(r -> id.equals(r.key()), 1, Duration.ofSeconds(15)).get(0).value();
            assertEquals(Set.of(), SchemasEvenements.violations("convention-signee", evenement));
            JsonPath e = JsonPath.from(evenement);
            assertEquals(List.of("431813.40", "287875.60"), e.getList("versements.montant"));
            assertEquals("2023-07-11", e.getString("versements[0].dateLimite"));
            assertNull(e.getString("versements[1].dateLimite"));
            assertEquals(t.b(), e.getString("versements[0].payeur"));
        }

        var liste = given().header("Authorization", ADMIN).queryParam("convention", id).get("/echeances").then().statusCode(200)
                .body("type", hasItems("RAPPORT_INTERMEDIAIRE", "RAPPORT_FINAL", "RENEGOCIATION", "PREAVIS", "VERSEMENT"))
                .body("find { it.type == 'RAPPORT_INTERMEDIAIRE' }.dateDue", equalTo("2024-03-31"))
                .body("find { it.type == 'RAPPORT_FINAL' }.dateDue", equalTo("2025-03-31"))
                .body("find { it.type == 'RENEGOCIATION' }.dateDue", equalTo("2024-06-30"))
                .body("find { it.type == 'PREAVIS' }.dateDue", equalTo("2024-10-31"))
                .body("find { it.libelle == 'Versement 1 (60 %)' }.dateDue", equalTo("2023-07-11"))
                .body("find { it.libelle == 'Versement 1 (60 %)' }.montant", equalTo(431813.40f))
                .body("find { it.libelle == 'Versement 1 (60 %)' }.institution", equalTo(t.b()))
                .body("find { it.libelle == 'Versement 2 (40 %)' }.montant", equalTo(287875.60f))
                .body("find { it.libelle == 'Versement 2 (40 %)' }.dateDue", nullValue())
                .extract().jsonPath();
        String rapport = liste.getString("find { it.type == 'RAPPORT_INTERMEDIAIRE' }.id");

        // only the institution that must act marks it done; the report then dates the balance
        given().header("Authorization", Jetons.entete("gestionnaire", t.b())).contentType(ContentType.JSON)
                .body("{\"date\":\"2024-03-20\"}").post("/echeances/" + rapport + "/faite").then().statusCode(403);
        given().header("Authorization", Jetons.entete("gestionnaire", t.a())).contentType(ContentType.JSON)
                .body("{\"date\":\"2024-03-20\"}").post("/echeances/" + rapport + "/faite").then().statusCode(200)
                .body("etat", equalTo("FAITE"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"date\":\"2024-03-21\"}")
                .post("/echeances/" + rapport + "/faite").then().statusCode(409);
        given().header("Authorization", ADMIN).queryParam("convention", id).get("/echeances").then()
                .body("find { it.libelle == 'Versement 2 (40 %)' }.dateDue", equalTo("2024-04-19"));

        // past and not done: announced once as missed, with an event that follows its schema
        try (SondeKafka sonde = SondeKafka.aLaFinDe("echeance-depassee")) {
            given().header("Authorization", ADMIN).post("/echeances/passe-quotidienne").then().statusCode(200);
            List<ConsumerRecord<String, String>> recus = sonde.attendre(r -> id.equals(r.key()), 5, Duration.ofSeconds(15));
            assertEquals(5, recus.size(), "rapport final, renégociation, préavis, deux versements, et pas le rapport fait");
            recus.forEach(r -> assertEquals(Set.of(), SchemasEvenements.violations("echeance-depassee", r.value())));
            given().header("Authorization", ADMIN).post("/echeances/passe-quotidienne").then().statusCode(200);
            assertEquals(5, sonde.toutPendant(r -> id.equals(r.key()), Duration.ofSeconds(1)).size(), "une seule annonce par échéance");
        }
        given().header("Authorization", ADMIN).queryParam("institution", t.b()).queryParam("etat", "EN_RETARD").get("/echeances").then()
                .body("libelle", hasItem("Versement 2 (40 %)"));
    }

    @Test
    void unEcheancierQuiNeFaitPasCentPourCentEstRefuse() {
        ConventionResourceTest.Trio t = ConventionResourceTest.institutions(true);
        ConventionResourceTest.rediger(financement(t).replace("\"pourcentage\":40", "\"pourcentage\":30")).statusCode(400)
                .body("erreurs[0].champ", equalTo("versements")).body("erreurs[0].raison", org.hamcrest.Matchers.containsString("90 %"));
        given().header("Authorization", ADMIN).queryParam("etat", "PERIME").get("/echeances").then().statusCode(400)
                .body("erreurs[0].champ", equalTo("etat"));
    }
}
