package fr.actionsociale.conventions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SchemasEvenements;
import fr.actionsociale.commons.test.SondeKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Seed 002: a delay in the action declared "sans délai" to the funder (art. 7) stands on the convention and leaves by retard-declare;
 * a report produced in budget-service (rapport-produit, through the real Kafka) marks its deadline done on the day it was produced
 * and dates the balance it triggers (art. 6: within a month of the interim report).
 */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class RetardEtRapportTest {

    static final String ADMIN = EcheanceResourceTest.ADMIN;

    record Signee(String id, String reference, ConventionResourceTest.Trio parties) {
    }

    /** Seed 002's funding convention, signed on 26 June 2023 (so expired today). */
    static Signee signee() {
        ConventionResourceTest.Trio t = ConventionResourceTest.institutions(true);
        JsonPath c = ConventionResourceTest.rediger(EcheanceResourceTest.financement(t)).statusCode(201).extract().jsonPath();
        String id = c.getString("id");
        given().header("Authorization", ADMIN).post("/conventions/" + id + "/soumission").then().statusCode(200);
        ConventionResourceTest.signer(id, t.a(), "admin", "2023-06-20").statusCode(200);
        ConventionResourceTest.signer(id, t.b(), "admin", "2023-06-26").statusCode(200);
        return new Signee(id, c.getString("reference"), t);
    }

    static JsonPath echeances(String id) {
        return given().header("Authorization", ADMIN).queryParam("convention", id).get("/echeances").then().statusCode(200).extract().jsonPath();
    }

    static ValidatableResponse declarer(String id, String institution, String corps) {
        return given().header("Authorization", Jetons.entete("gestionnaire", institution)).header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(corps).post("/conventions/" + id + "/retards").then();
    }

    @Test
    void unRetardDeclareResteSurLaConventionEtPartAuFinanceur() {
        Signee s = signee();
        String interim = echeances(s.id()).getString("find { it.type == 'RAPPORT_INTERMEDIAIRE' }.id");
        String corps = """
                {"echeance":"%s","objet":"Bilan intermédiaire 2023","motif":"Recrutement des référents achevé en décembre",
                 "nouvelleDate":"2024-04-30","declareLe":"2024-03-15"}""".formatted(interim);
        String cle = UUID.randomUUID().toString();
        String retard;
        try (SondeKafka sonde = SondeKafka.aLaFinDe("retard-declare")) {
            retard = given().header("Authorization", Jetons.entete("gestionnaire", s.parties().a())).header("Idempotency-Key", cle)
                    .contentType(ContentType.JSON).body(corps).post("/conventions/" + s.id() + "/retards").then().statusCode(201)
                    .body("ancienneDate", equalTo("2024-03-31")).body("nouvelleDate", equalTo("2024-04-30")).body("declareLe", equalTo("2024-03-15"))
                    .body("institution", equalTo(s.parties().a())).body("echeance", equalTo(interim)).extract().path("id");
            // the same request again (same key): the same answer, nothing more
            given().header("Authorization", Jetons.entete("gestionnaire", s.parties().a())).header("Idempotency-Key", cle)
                    .contentType(ContentType.JSON).body(corps).post("/conventions/" + s.id() + "/retards").then().statusCode(201)
                    .body("id", equalTo(retard));
            List<ConsumerRecord<String, String>> evenements = sonde.attendre(r -> s.id().equals(r.key()), 1, Duration.ofSeconds(15));
            assertEquals(1, evenements.size());
            String e = evenements.get(0).value();
            assertEquals(Set.of(), SchemasEvenements.violations("retard-declare", e));
            JsonPath j = JsonPath.from(e);
            assertEquals(retard, j.getString("retardId"));
            assertEquals(s.reference(), j.getString("reference"));
            assertEquals("2024-03-31", j.getString("ancienneDate"));
            assertEquals("2024-04-30", j.getString("nouvelleDate"));
            assertEquals("Recrutement des référents achevé en décembre", j.getString("motif"));
            assertEquals(1, sonde.toutPendant(r -> s.id().equals(r.key()), Duration.ofSeconds(2)).size(), "the replayed request published nothing more");
        }
        // a delay in an action the calendar does not hold: its old date given by hand
        declarer(s.id(), s.parties().a(), """
                {"objet":"Recrutement de 6 référents de parcours","motif":"Jury de recrutement reporté","ancienneDate":"2023-09-01",
                 "nouvelleDate":"2023-11-15","declareLe":"2023-08-28"}""").statusCode(201).body("echeance", nullValue());
        given().header("Authorization", Jetons.entete("agent", "ccas-pipriac")).get("/conventions/" + s.id() + "/retards").then().statusCode(200)
                .body("", hasSize(2)).body("[0].objet", equalTo("Recrutement de 6 référents de parcours"))
                .body("[1].id", equalTo(retard)).body("[1].motif", equalTo("Recrutement des référents achevé en décembre"));
        // the contractual deadline itself does not move: only an avenant moves it
        assertEquals("2024-03-31", echeances(s.id()).getString("find { it.type == 'RAPPORT_INTERMEDIAIRE' }.dateDue"));
    }

    @Test
    void unRetardMalDeclareEstRefuseSansRienEcrire() {
        Signee s = signee();
        String interim = echeances(s.id()).getString("find { it.type == 'RAPPORT_INTERMEDIAIRE' }.id");
        String a = s.parties().a();
        // a new date before the old one (the deadline's 31 March 2024), or the same day
        declarer(s.id(), a, """
                {"echeance":"%s","objet":"Bilan","motif":"Retard","nouvelleDate":"2024-03-01"}""".formatted(interim)).statusCode(400)
                .contentType("application/problem+json").body("erreurs[0].champ", equalTo("nouvelleDate"))
                .body("erreurs[0].raison", containsString("la nouvelle date doit suivre l'ancienne (31 mars 2024)"));
        declarer(s.id(), a, """
                {"objet":"Bilan","motif":"Retard","ancienneDate":"2024-05-01","nouvelleDate":"2024-05-01"}""").statusCode(400)
                .body("erreurs[0].champ", equalTo("nouvelleDate"));
        declarer(s.id(), a, """
                {"echeance":"%s","objet":"Bilan","motif":"Retard","ancienneDate":"2024-02-28","nouvelleDate":"2024-05-01"}""".formatted(interim))
                .statusCode(400).body("erreurs[0].champ", equalTo("ancienneDate"));
        declarer(s.id(), a, """
                {"objet":"Bilan","nouvelleDate":"2024-05-01"}""").statusCode(400).body("erreurs[0].champ", equalTo("motif"))
                .body("erreurs[0].raison", equalTo("est obligatoire"));
        declarer(s.id(), a, """
                {"objet":"Bilan","motif":"Retard"}""").statusCode(400).body("erreurs[0].champ", equalTo("nouvelleDate"));
        declarer(s.id(), a, """
                {"objet":"Bilan","motif":"Retard","nouvelleDate":"2099-05-01","declareLe":"2099-01-01"}""").statusCode(400)
                .body("erreurs[0].champ", equalTo("declareLe"));
        declarer(s.id(), a, """
                {"echeance":"%s","objet":"Bilan","motif":"Retard","nouvelleDate":"2024-05-01"}""".formatted(UUID.randomUUID())).statusCode(400)
                .body("erreurs[0].champ", equalTo("echeance"));
        // a party declares its own delays only; an institution outside the convention declares none
        declarer(s.id(), s.parties().b(), """
                {"institution":"%s","objet":"Bilan","motif":"Retard","nouvelleDate":"2024-05-01"}""".formatted(a)).statusCode(403);
        declarer(s.id(), s.parties().c(), """
                {"objet":"Bilan","motif":"Retard","nouvelleDate":"2024-05-01"}""").statusCode(400).body("erreurs[0].champ", equalTo("institution"));
        declarer(UUID.randomUUID().toString(), a, """
                {"objet":"Bilan","motif":"Retard","nouvelleDate":"2024-05-01"}""").statusCode(404);
        given().header("Authorization", ADMIN).get("/conventions/" + s.id() + "/retards").then().statusCode(200).body("", hasSize(0));

        // a convention still in draft is not executed yet
        ConventionResourceTest.Trio t = ConventionResourceTest.institutions(true);
        String brouillon = ConventionResourceTest.rediger(EcheanceResourceTest.financement(t)).statusCode(201).extract().path("id");
        declarer(brouillon, t.a(), """
                {"objet":"Bilan","motif":"Retard","nouvelleDate":"2024-05-01"}""").statusCode(409).contentType("application/problem+json");
    }

    static String rapportProduit(String reference, String type, String periode, String debut, String fin, String produitLe) {
        return """
                {"rapportId":"%s","programme":"EXPE-%s","referenceConvention":"%s","type":"%s","periode":"%s","dateDebut":"%s","dateFin":"%s",
                 "produitLe":"%s","totalDepensesEligibles":"400000.00","totalVerse":"431813.40","tropPercu":"31813.40"}"""
                .formatted(UUID.randomUUID(), reference, reference, type, periode, debut, fin, produitLe);
    }

    @Test
    void unBilanProduitMarqueSonEcheanceFaiteEtDateLeSolde() {
        Signee s = signee();
        String interim = rapportProduit(s.reference(), "INTERMEDIAIRE", "2023", "2023-06-01", "2023-12-31", "2024-03-29");
        assertEquals(Set.of(), SchemasEvenements.violations("rapport-produit", interim));
        String id = UUID.randomUUID().toString();
        // delivered twice: applied once
        SondeKafka.publier("rapport-produit", "EXPE", SondeKafka.entetesCloudEvent(id, "rapport-produit", "EXPE"), interim);
        SondeKafka.publier("rapport-produit", "EXPE", SondeKafka.entetesCloudEvent(id, "rapport-produit", "EXPE"), interim);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("2024-03-29",
                echeances(s.id()).getString("find { it.type == 'RAPPORT_INTERMEDIAIRE' }.faiteLe")));
        JsonPath e = echeances(s.id());
        assertEquals("FAITE", e.getString("find { it.type == 'RAPPORT_INTERMEDIAIRE' }.etat"));
        // the balance: at most one month after the interim report (30 days), its amount exact to the cent
        assertEquals("2024-04-28", e.getString("find { it.libelle == 'Versement 2 (40 %)' }.dateDue"));
        assertEquals(287875.60f, e.getFloat("find { it.libelle == 'Versement 2 (40 %)' }.montant"));
        assertEquals(null, e.getString("find { it.type == 'RAPPORT_FINAL' }.faiteLe"));

        String fin = rapportProduit(s.reference(), "FINAL", "FINAL", "2023-06-01", "2024-12-31", "2025-03-20");
        assertEquals(Set.of(), SchemasEvenements.violations("rapport-produit", fin));
        String idFin = UUID.randomUUID().toString();
        SondeKafka.publier("rapport-produit", "EXPE", SondeKafka.entetesCloudEvent(idFin, "rapport-produit", "EXPE"), fin);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertEquals("2025-03-20",
                echeances(s.id()).getString("find { it.type == 'RAPPORT_FINAL' }.faiteLe")));
        // the interim report stays done on its own day
        assertEquals("2024-03-29", echeances(s.id()).getString("find { it.type == 'RAPPORT_INTERMEDIAIRE' }.faiteLe"));
    }
}
