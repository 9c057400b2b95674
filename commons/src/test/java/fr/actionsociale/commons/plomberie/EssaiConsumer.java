package fr.actionsociale.commons.plomberie;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import fr.actionsociale.commons.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** A consumer as every service writes one: a batch through the inbox; here its effect counts each event it applies. */
@ApplicationScoped
public class EssaiConsumer {

    static final Map<String, AtomicInteger> APPLIQUES = new ConcurrentHashMap<>();

    private final Inbox inbox;

    EssaiConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("commons-essai")
    @Blocking
    public void consommer(ConsumerRecords<String, String> records) {
        inbox.appliquer("commons-essai", "essai-ecoute", records, e -> APPLIQUES.computeIfAbsent(e.id(), k -> new AtomicInteger()).incrementAndGet());
    }
}
