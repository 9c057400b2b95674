package fr.actionsociale.budget.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SchemasEvenements;
import fr.actionsociale.commons.test.SondeKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(Jetons.class)
class ReferralConsumerTest {

    static void publier(String topic, String cle, String source, String corps) {
        Map<String, String> entetes = new HashMap<>(SondeKafka.entetesCloudEvent(UUID.randomUUID().toString(), topic, cle));
        entetes.put("ce_source", source);
        SondeKafka.publier(topic, cle, entetes, corps);
    }

    @Test
    void lesDroitsOuvertsEtLeParcoursRsaArriventSurLeTableauDeBord() {
        String commune = "22" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        String p = ImportResourceTest.programme(",\"territoire\":[\"" + commune + "\"]");
        LocalDate aujourdHui = LocalDate.now(ZoneId.of("Europe/Paris"));
        String ben = "ben-" + String.format("%012x", ThreadLocalRandom.current().nextLong(1L << 40));
        String ouvert = """
                {"droitId":"%s","beneficiaire":"%s","droit":"RSA","institution":"caf-35","etat":"OUVERT","date":"%s","commune":"%s","orientationId":null}"""
                .formatted(UUID.randomUUID(), ben, aujourdHui, commune);
        assertEquals(Set.of(), SchemasEvenements.violations("droit-ouvert", ouvert));
        publier("droit-ouvert", ben, "/referral-service", ouvert);
        // the same opening told again under another event id, and the institution's own report (no commune): still one
        publier("droit-ouvert", ben, "/referral-service", ouvert);
        publier("droit-ouvert", ben, "/caf-35", """
                {"beneficiaire":"%s","droit":"RSA","institution":"caf-35","etat":"OUVERT","date":"%s"}""".formatted(ben, aujourdHui));
        String mois = YearMonth.from(aujourdHui).minusMonths(1).toString();
        String parcours = """
                {"commune":"%s","mois":"%s","nouveauxEntrants":12,"nouveauxEntrantsOrientesEnUnMoisEtMoins":7,"premiersRendezVousFixes":5,
                 "premiersRendezVousFixesEnDeuxSemainesEtMoins":3,"premiersContratsEngagementsReciproques":2,"premiersContratsDansLesDeuxMois":1,
                 "droitsOuvertsApresUnRdvDesDroits":4,"orientationsParStructure":{"caf-35":7}}""".formatted(commune, mois);
        assertEquals(Set.of(), SchemasEvenements.violations("indicateurs-parcours", parcours));
        publier("indicateurs-parcours", commune + "/" + mois, "/referral-service", parcours);

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", Jetons.entete("coordinateur", "departement-35"))
                .get("/tableau-de-bord/programmes/" + p).then().statusCode(200)
                .body("droitsOuverts.total", equalTo(1)).body("droitsOuverts.parDroit.RSA", equalTo(1))
                .body("moisParcoursRsa", equalTo(mois)).body("parcoursRsa.nouveauxEntrants", equalTo(12))
                .body("parcoursRsa.premiersContratsDansLesDeuxMois", equalTo(1)));
    }
}
