package fr.actionsociale.conventions.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import fr.actionsociale.commons.inbox.Inbox;
import fr.actionsociale.conventions.service.EngagementService;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** orientation-faite → the réalisations of the commitments that count orientations, each event once, a poll at a time. */
@ApplicationScoped
public class OrientationFaiteConsumer {

    static final String CANAL = "orientation-faite";
    static final String CONSOMMATEUR = "engagements-orientations";

    private final Inbox inbox;
    private final EngagementService engagements;

    OrientationFaiteConsumer(Inbox inbox, EngagementService engagements) {
        this.inbox = inbox;
        this.engagements = engagements;
    }

    @Incoming(CANAL)
    @Blocking
    public void consommer(ConsumerRecords<String, String> records) {
        inbox.appliquerParLot(CANAL, CONSOMMATEUR, records, engagements::compterOrientations);
    }
}
