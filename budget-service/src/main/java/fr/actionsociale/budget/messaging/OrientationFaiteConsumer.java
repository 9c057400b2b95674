package fr.actionsociale.budget.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import fr.actionsociale.budget.service.IndicateurOrientationService;
import fr.actionsociale.budget.service.ReconstructionService;
import fr.actionsociale.commons.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** orientation-faite → the orientation indicators, each event applied once, a poll at a time. */
@ApplicationScoped
public class OrientationFaiteConsumer {

    static final String CANAL = "orientation-faite";
    static final String CONSOMMATEUR = ReconstructionService.CONSOMMATEUR_ORIENTATIONS;

    private final Inbox inbox;
    private final IndicateurOrientationService indicateurs;

    OrientationFaiteConsumer(Inbox inbox, IndicateurOrientationService indicateurs) {
        this.inbox = inbox;
        this.indicateurs = indicateurs;
    }

    /** A whole poll at once: one transaction and one statement per table for the batch, one by one only if the batch fails. */
    @Incoming(CANAL)
    @Blocking
    public void consommer(ConsumerRecords<String, String> records) {
        inbox.appliquerParLot(CANAL, CONSOMMATEUR, records, indicateurs.faites());
    }
}
