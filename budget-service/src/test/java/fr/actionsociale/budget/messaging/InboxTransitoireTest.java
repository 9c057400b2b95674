package fr.actionsociale.budget.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.evenement.CloudEvents;
import fr.actionsociale.commons.inbox.Inbox;
import fr.actionsociale.commons.test.SondeKafka;
import io.quarkus.test.junit.QuarkusTest;

/**
 * An effect that fails because the database went away or gave up on the transaction is tried again until it works, well past
 * the attempts after which a failing event is parked: its count is not lost to the dead-letter topic. Before, a rebuild
 * holding a lock beyond the transaction timeout sent live events there.
 */
@QuarkusTest
class InboxTransitoireTest {

    /** Deadlock, statement cancelled by the transaction timeout, connection lost, restart, serialization, too many connections. */
    static final List<String> ETATS = List.of("40P01", "57014", "08006", "57P01", "40001", "53300");

    @Inject
    Inbox inbox;

    static ConsumerRecord<String, String> evenement(String id) {
        ConsumerRecord<String, String> r = new ConsumerRecord<>("test.orientation-faite", 0, 0L, "cle", "{\"commune\":\"35220\"}");
        Map.of(CloudEvents.SPECVERSION, "1.0", CloudEvents.ID, id, CloudEvents.SOURCE, "/referral-service", CloudEvents.TYPE,
                "orientation-faite", CloudEvents.TIME, "2026-11-22T10:00:00Z").forEach((k, v) -> r.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        return r;
    }

    @Test
    void uneBaseQuiAbandonneLaTransactionEstReessayeeSansLettreMorte() {
        String id = UUID.randomUUID().toString();
        AtomicInteger essais = new AtomicInteger();
        try (SondeKafka lettresMortes = SondeKafka.aLaFinDe(OrientationFaiteConsumerTest.DLQ)) {
            // 7 failures, more than twice the attempts after which a failing event is parked
            inbox.appliquer("orientation-faite", "essai-transitoire", List.of(evenement(id)), e -> {
                int n = essais.getAndIncrement();
                if (n <= ETATS.size()) { // the first call is the whole poll's transaction, then one by one
                    throw new RuntimeException("JDBC exception executing SQL", new SQLException("refus", ETATS.get(Math.min(n, ETATS.size() - 1))));
                }
            });
            assertEquals(ETATS.size() + 2, essais.get(), "tried until it worked");
            assertEquals(List.of(), lettresMortes.toutPendant(r -> id.equals(SondeKafka.entete(r, CloudEvents.ID)), Duration.ofSeconds(2)));
        }
        // applied once: delivered again, it is a duplicate
        inbox.appliquer("orientation-faite", "essai-transitoire", List.of(evenement(id)), e -> essais.incrementAndGet());
        assertEquals(ETATS.size() + 2, essais.get());
    }
}
