package fr.actionsociale.budget.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SondeKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(Jetons.class)
class OrientationFaiteConsumerTest {

    static final String TOPIC = "orientation-faite";
    static final String DLQ = "budget-service.dlq.orientation-faite";
    static final String COORDINATEUR = Jetons.entete("coordinateur", "departement-35");
    /** Each test counts in its own month, so that tests never see each other's orientations. */
    /**
     * Months no earlier run used: the rebuild test replays the whole test topic, where a month drawn again among 500 brought
     * back an earlier run's orientations. One slot per minute among 10,800 (years 1000 to 1899) only comes back after a week.
     */
    // a random start: two runs minutes apart (events of earlier runs can be read again by a new consumer group) rarely share a month
    static final AtomicInteger MOIS = new AtomicInteger(new java.security.SecureRandom().nextInt(10_800));

    static String moisUnique() {
        int n = MOIS.incrementAndGet();
        return "%04d-%02d".formatted(1000 + (n / 12) % 900, n % 12 + 1);
    }

    static String orientation(String id, String commune, String structure, String mois, String... droits) {
        return """
                {"orientationId":"%s","beneficiaire":"ben-test","structure":"%s","commune":"%s","droitsVises":[%s],
                 "orientePar":"ccas-redon","dateOrientation":"%s-15T10:00:00Z","statut":"PROPOSEE"}"""
                .formatted(id, structure, commune, String.join(",", List.of(droits).stream().map(d -> "\"" + d + "\"").toList()), mois);
    }

    static void publier(String evenementId, String orientationId, String corps) {
        SondeKafka.publier(TOPIC, orientationId, SondeKafka.entetesCloudEvent(evenementId, TOPIC, orientationId), corps);
    }

    static void attendreTotal(String commune, String mois, int total) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                given().header("Authorization", COORDINATEUR).queryParam("commune", commune).queryParam("mois", mois)
                        .get("/indicateurs/orientations").then().statusCode(200).body("total", equalTo(total)));
    }

    @Test
    void lesOrientationsSontCompteesParStructureEtParDroitVise() {
        String mois = moisUnique();
        publier(UUID.randomUUID().toString(), UUID.randomUUID().toString(), orientation(UUID.randomUUID().toString(), "35236", "caf-35", mois, "RSA", "C2S"));
        String o2 = UUID.randomUUID().toString();
        publier(UUID.randomUUID().toString(), o2, orientation(o2, "35236", "caf-35", mois, "RSA"));
        String o3 = UUID.randomUUID().toString();
        publier(UUID.randomUUID().toString(), o3, orientation(o3, "35236", "mission-locale-redon", mois, "AIDE_LOGEMENT"));
        String ailleurs = UUID.randomUUID().toString();
        publier(UUID.randomUUID().toString(), ailleurs, orientation(ailleurs, "35220", "caf-35", mois, "RSA"));

        attendreTotal("35236", mois, 3);
        given().header("Authorization", COORDINATEUR).queryParam("commune", "35236").queryParam("mois", mois)
                .get("/indicateurs/orientations").then()
                .body("commune", equalTo("35236"))
                .body("mois", equalTo(mois))
                .body("parStructure.caf-35", equalTo(2))
                .body("parStructure.mission-locale-redon", equalTo(1))
                .body("parDroitVise.RSA", equalTo(2))
                .body("parDroitVise.C2S", equalTo(1))
                .body("parDroitVise.AIDE_LOGEMENT", equalTo(1));
        attendreTotal("35220", mois, 1);
    }

    @Test
    void leMemeEvenementLivreDeuxFoisNestCompteQuUneFois() throws InterruptedException {
        String mois = moisUnique();
        String evenement = UUID.randomUUID().toString();
        String o = UUID.randomUUID().toString();
        publier(evenement, o, orientation(o, "35236", "ccas-redon", mois, "RSA"));
        publier(evenement, o, orientation(o, "35236", "ccas-redon", mois, "RSA"));
        // the same orientation re-emitted under a new event id is still one orientation
        publier(UUID.randomUUID().toString(), o, orientation(o, "35236", "ccas-redon", mois, "RSA"));
        // a witness published after the duplicates: once it is counted, the duplicates have been consumed
        String temoin = UUID.randomUUID().toString();
        publier(UUID.randomUUID().toString(), o, orientation(temoin, "35236", "ccas-redon", mois, "C2S"));
        attendreTotal("35236", mois, 2);
        given().header("Authorization", COORDINATEUR).queryParam("commune", "35236").queryParam("mois", mois)
                .get("/indicateurs/orientations").then().body("parDroitVise.RSA", equalTo(1)).body("parDroitVise.C2S", equalTo(1));
    }

    @Test
    void unMessageEmpoisonneVaEnLettreMorteEtLeSuivantEstTraite() {
        String mois = moisUnique();
        try (SondeKafka lettresMortes = SondeKafka.aLaFinDe(DLQ)) {
            String poison = UUID.randomUUID().toString();
            String o = UUID.randomUUID().toString();
            // same key as the good one: same partition, so the good one can only be applied after the poison
            publier(poison, o, "ceci n'est pas du JSON {");
            String invalide = UUID.randomUUID().toString();
            publier(invalide, o, orientation(UUID.randomUUID().toString(), "pas-une-commune", "ccas-redon", mois, "RSA"));
            SondeKafka.publier(TOPIC, o, java.util.Map.of(), "{\"sans\":\"en-têtes\"}");
            publier(UUID.randomUUID().toString(), o, orientation(o, "35236", "ccas-redon", mois, "RSA"));

            attendreTotal("35236", mois, 1);
            List<ConsumerRecord<String, String>> morts = lettresMortes.attendre(r -> o.equals(r.key()), 3, Duration.ofSeconds(20));
            assertEquals(3, morts.size());
            assertEquals(poison, SondeKafka.entete(morts.get(0), "ce_id"));
            assertEquals("ceci n'est pas du JSON {", morts.get(0).value());
            assertEquals(invalide, SondeKafka.entete(morts.get(1), "ce_id"));
            morts.forEach(m -> assertTrue(SondeKafka.entete(m, "dead-letter-reason") != null, "raison de la lettre morte"));
        }
    }

    @Test
    void lIndicateurRefuseLesParametresInvalides() {
        given().header("Authorization", COORDINATEUR).queryParam("mois", "2026-11").get("/indicateurs/orientations").then()
                .statusCode(400).contentType("application/problem+json").body("erreurs[0].champ", equalTo("commune"))
                .body("erreurs[0].raison", equalTo("est obligatoire"));
        given().header("Authorization", COORDINATEUR).queryParam("commune", "35236").queryParam("mois", "2026-13")
                .get("/indicateurs/orientations").then()
                .statusCode(400).body("erreurs[0].champ", equalTo("mois"));
        given().queryParam("commune", "35236").queryParam("mois", "2026-11").get("/indicateurs/orientations").then()
                .statusCode(401).contentType("application/problem+json");
        given().header("Authorization", Jetons.entete("partenaire", "caf-35")).queryParam("commune", "35236")
                .queryParam("mois", "2026-11").get("/indicateurs/orientations").then().statusCode(403);
    }
}
