package fr.actionsociale.budget.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import fr.actionsociale.budget.service.IndicateurOrientationService;
import fr.actionsociale.budget.service.ReconstructionService;
import fr.actionsociale.commons.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** orientation-corrigee → the orientation moves to its corrected month, each event applied once, the newest version kept. */
@ApplicationScoped
public class OrientationCorrigeeConsumer {

    static final String CANAL = "orientation-corrigee";
    static final String CONSOMMATEUR = ReconstructionService.CONSOMMATEUR_CORRECTIONS;

    private final Inbox inbox;
    private final IndicateurOrientationService indicateurs;

    OrientationCorrigeeConsumer(Inbox inbox, IndicateurOrientationService indicateurs) {
        this.inbox = inbox;
        this.indicateurs = indicateurs;
    }

    @Incoming(CANAL)
    @Blocking
    public void consommer(ConsumerRecords<String, String> records) {
        inbox.appliquerParLot(CANAL, CONSOMMATEUR, records, indicateurs.corrections());
    }
}
