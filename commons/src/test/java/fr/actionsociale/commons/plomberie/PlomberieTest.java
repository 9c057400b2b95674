package fr.actionsociale.commons.plomberie;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.evenement.CloudEvents;
import fr.actionsociale.commons.inbox.Inbox;
import fr.actionsociale.commons.outbox.Outbox;
import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SondeKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** commons' outbox, inbox and idempotency, in a small application of their own on the real PostgreSQL and Kafka. */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
@QuarkusTestResource(TopicsEssai.class)
class PlomberieTest {

    @Inject
    Outbox outbox;

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    static ValidatableResponse creer(String institution, String cle, String nom) {
        return given().header("Authorization", Jetons.entete("agent", institution)).header("Idempotency-Key", cle)
                .contentType(ContentType.JSON).body("{\"nom\":\"" + nom + "\"}").post("/essais").then();
    }

    long essais(String nom) {
        return QuarkusTransaction.requiringNew().call(() -> (Long) em.createQuery("select count(e) from Essai e where e.nom = :n")
                .setParameter("n", nom).getSingleResult());
    }

    @Test
    void uneCreationRejoueeRendLaPremiereReponseEtNeCreeRienDePlus() {
        String cle = UUID.randomUUID().toString();
        String nom = "essai-" + cle;
        String id = creer("ccas-pipriac", cle, nom).statusCode(201).extract().path("id");
        creer("ccas-pipriac", cle, nom).statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        assertEquals(1, essais(nom));

        // the same key with another body is refused, nothing written
        creer("ccas-pipriac", cle, nom + "-autre").statusCode(422).contentType("application/problem+json")
                .body("erreurs[0].champ", equalTo("Idempotency-Key"));
        assertEquals(0, essais(nom + "-autre"));

        // the same key from another institution is another key
        String autre = creer("caf-35", cle, nom).statusCode(201).extract().path("id");
        assertNotEquals(id, autre);
        assertEquals(2, essais(nom));
    }

    @Test
    void unEvenementPartAuCommitUneFoisEtJamaisApresUnRetourArriere() {
        try (SondeKafka sonde = SondeKafka.aLaFinDe("commons-essai")) {
            String cle = "retour-" + UUID.randomUUID();
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    outbox.publier("commons-essai", cle, Map.of("nom", cle));
                    throw new IllegalStateException("annulé");
                });
            } catch (IllegalStateException attendue) {
                // rolled back with the event
            }
            String valide = "commit-" + UUID.randomUUID();
            UUID id = QuarkusTransaction.requiringNew().call(() -> outbox.publier("commons-essai", valide, Map.of("nom", valide)));

            List<ConsumerRecord<String, String>> recus = sonde.toutPendant(r -> r.key().equals(cle) || r.key().equals(valide), Duration.ofSeconds(3));
            assertEquals(1, recus.size(), "seul l'événement validé part, une fois");
            assertEquals(valide, recus.get(0).key());
            assertEquals(id.toString(), SondeKafka.entete(recus.get(0), CloudEvents.ID));
            assertEquals("commons-essai", SondeKafka.entete(recus.get(0), CloudEvents.TYPE));
            assertEquals("/commons-essais", SondeKafka.entete(recus.get(0), CloudEvents.SOURCE));
        }
    }

    @Test
    void laBoiteDeReceptionAppliqueChaqueEvenementUneFoisEtGareLIllisible() {
        String e1 = UUID.randomUUID().toString();
        String e2 = UUID.randomUUID().toString();
        Map<String, AtomicInteger> appliques = new ConcurrentHashMap<>();
        var effet = (java.util.function.Consumer<fr.actionsociale.commons.evenement.EvenementRecu>) e ->
                appliques.computeIfAbsent(e.id(), k -> new AtomicInteger()).incrementAndGet();

        // the same event twice in a batch, then again in a later one
        inbox.appliquer("commons-essai", "essai", List.of(record(e1, 1), record(e1, 2), record(e2, 3)), effet);
        inbox.appliquer("commons-essai", "essai", List.of(record(e1, 4)), effet);
        assertEquals(1, appliques.get(e1).get());
        assertEquals(1, appliques.get(e2).get());

        // an unreadable record is parked with its reason; the good one next to it is applied
        String e3 = UUID.randomUUID().toString();
        try (SondeKafka dlq = SondeKafka.aLaFinDe("commons-essai.dlq")) {
            ConsumerRecord<String, String> illisible = new ConsumerRecord<>(SondeKafka.topic("commons-essai"), 0, 5L, "illisible-" + e3, "pas du json");
            inbox.appliquer("commons-essai", "essai", List.of(illisible, record(e3, 6)), effet);
            assertEquals(1, appliques.get(e3).get());
            List<ConsumerRecord<String, String>> gares = dlq.attendre(r -> r.key().equals("illisible-" + e3), 1, Duration.ofSeconds(10));
            assertEquals(1, gares.size());
            assertEquals("pas du json", gares.get(0).value());
            assertEquals("enregistrement illisible : en-tête ce_specversion absent ou différent de 1.0", SondeKafka.entete(gares.get(0), "dead-letter-reason"));
        }
    }

    /** Through the broker: an event delivered twice (a partner's retry, a producer's resend) is applied once by the consumer. */
    @Test
    void unEvenementLivreDeuxFoisParLeCourtierNEstAppliqueQuUneFois() {
        String e1 = UUID.randomUUID().toString();
        String e2 = UUID.randomUUID().toString();
        for (String id : List.of(e1, e1, e2)) {
            SondeKafka.publier("commons-essai", id, SondeKafka.entetesCloudEvent(id, "commons-essai", id), "{\"nom\":\"x\"}");
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> EssaiConsumer.APPLIQUES.containsKey(e2));
        // e2 was sent after both copies of e1: by the time it is applied, both copies were read
        assertEquals(1, EssaiConsumer.APPLIQUES.get(e1).get());
        assertEquals(1, EssaiConsumer.APPLIQUES.get(e2).get());
    }

    /** A poll's events reach the effect together, once each and in order; its ids are recorded by one statement. */
    @Test
    void unLotPasseEnUneFoisALEffetChaqueEvenementUneFoisDansLOrdre() {
        String deja = UUID.randomUUID().toString();
        String e1 = UUID.randomUUID().toString();
        String e2 = UUID.randomUUID().toString();
        List<List<String>> lots = new java.util.ArrayList<>();
        fr.actionsociale.commons.inbox.EffetParLot<String> effet = new fr.actionsociale.commons.inbox.EffetParLot<>() {
            @Override
            public String lire(fr.actionsociale.commons.evenement.EvenementRecu evenement) {
                return evenement.id();
            }

            @Override
            public void ecrire(List<String> valeurs) {
                lots.add(List.copyOf(valeurs));
            }
        };
        inbox.appliquerParLot("commons-essai", "essai-lot", List.of(record(deja, 1)), effet);
        lots.clear();

        // already applied, new, the same new one again, another new one: one call, the two new ones, in the order received
        inbox.appliquerParLot("commons-essai", "essai-lot", List.of(record(deja, 2), record(e2, 3), record(e2, 4), record(e1, 5)), effet);
        assertEquals(List.of(List.of(e2, e1)), lots);
        long lignes = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from inbox_evenement where consommateur = 'essai-lot' and evenement_id in (?1, ?2, ?3)")
                .setParameter(1, deja).setParameter(2, e1).setParameter(3, e2).getSingleResult()).longValue());
        assertEquals(3, lignes);

        // nothing new: the effect is not called at all
        lots.clear();
        inbox.appliquerParLot("commons-essai", "essai-lot", List.of(record(e1, 6), record(e2, 7)), effet);
        assertEquals(List.of(), lots);
    }

    static ConsumerRecord<String, String> record(String id, long offset) {
        ConsumerRecord<String, String> r = new ConsumerRecord<>(SondeKafka.topic("commons-essai"), 0, offset, id, "{\"nom\":\"x\"}");
        SondeKafka.entetesCloudEvent(id, "commons-essai", id).forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return r;
    }
}
