package fr.actionsociale.budget.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import fr.actionsociale.budget.service.IndicateurOrientationService;
import fr.actionsociale.commons.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** orientation-faite → the orientation indicators, each event applied once. */
@ApplicationScoped
public class OrientationFaiteConsumer {

    static final String CONSOMMATEUR = "indicateurs-orientations";

    private final Inbox inbox;
    private final IndicateurOrientationService indicateurs;

    OrientationFaiteConsumer(Inbox inbox, IndicateurOrientationService indicateurs) {
        this.inbox = inbox;
        this.indicateurs = indicateurs;
    }

    @Incoming("orientation-faite")
    @Blocking
    public void consommer(ConsumerRecord<String, String> record) {
        inbox.appliquer(CONSOMMATEUR, record, indicateurs::compter);
    }
}
