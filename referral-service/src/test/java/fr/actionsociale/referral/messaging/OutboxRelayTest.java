package fr.actionsociale.referral.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.outbox.OutboxRelay;
import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.referral.Referentiel;
import fr.actionsociale.commons.test.SondeKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(Jetons.class)
class OutboxRelayTest {

    @Inject
    OutboxRelay relay;
    @Inject
    EntityManager em;

    @Test
    void lesEvenementsValidesPendantQueLeRelaisEstArretePartentASaRepriseUneSeuleFois() throws Exception {
        retenusPuisPubliesUneFois(() -> {
            relay.arreter();
            return relay::demarrer;
        });
    }

    /** What a bulk import does (ImportEntrantsService): the relay waits until the suspension ends, then publishes. */
    @Test
    void uneSuspensionRetientLesEvenementsQuiPartentUneFoisALaFin() throws Exception {
        retenusPuisPubliesUneFois(relay::suspendre);
    }

    /** @param retenir holds the relay and returns what releases it */
    void retenusPuisPubliesUneFois(Callable<AutoCloseable> retenir) throws Exception {
        String commune = "35220";
        List<String> ids = new ArrayList<>();
        try (SondeKafka sonde = SondeKafka.aLaFinDe("orientation-faite")) {
            List<String> personnes = List.of(Referentiel.beneficiaire(Jetons.entete("agent", "ccas-pipriac"), commune),
                    Referentiel.beneficiaire(Jetons.entete("agent", "ccas-pipriac"), commune),
                    Referentiel.beneficiaire(Jetons.entete("agent", "ccas-pipriac"), commune));
            try (AutoCloseable relacher = retenir.call()) {
                for (int i = 0; i < 3; i++) {
                    ids.add(given().header("Authorization", Jetons.entete("agent", "ccas-pipriac")).contentType(ContentType.JSON)
                            .body("""
                                    {"beneficiaire":"%s","structure":"france-travail-35","commune":"%s","motif":"emploi",
                                     "droitsVises":["RSA"]}""".formatted(personnes.get(i), commune))
                            .post("/orientations").then().statusCode(201).extract().path("id"));
                }
                // committed, not yet published
                assertEquals(3L, enAttente(ids));
                assertEquals(0, sonde.toutPendant(r -> ids.contains(r.key()), Duration.ofSeconds(1)).size());
                given().get("/q/metrics").then().statusCode(200).body(containsString("outbox_en_attente"));
            }
            sonde.attendre(r -> ids.contains(r.key()), 3, Duration.ofSeconds(15));
            List<ConsumerRecord<String, String>> recus = sonde.toutPendant(r -> ids.contains(r.key()), Duration.ofSeconds(1));
            Map<String, Long> parOrientation = recus.stream().collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
            assertEquals(ids.stream().collect(Collectors.toMap(Function.identity(), i -> 1L)), parOrientation);
            assertEquals(0L, enAttente(ids));
        }
    }

    long enAttente(List<String> ids) {
        return ((Number) em.createNativeQuery("select count(*) from outbox_evenement where publie_le is null and cle in (?1, ?2, ?3)")
                .setParameter(1, ids.get(0)).setParameter(2, ids.get(1)).setParameter(3, ids.get(2)).getSingleResult()).longValue();
    }
}
