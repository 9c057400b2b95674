package fr.actionsociale.budget.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import fr.actionsociale.budget.service.FinancementService;
import fr.actionsociale.commons.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** convention-signee → the funded programme's envelope and expected tranches, each signature applied once. */
@ApplicationScoped
public class ConventionSigneeConsumer {

    static final String CANAL = "convention-signee";
    static final String CONSOMMATEUR = "enveloppes";

    private final Inbox inbox;
    private final FinancementService financements;

    ConventionSigneeConsumer(Inbox inbox, FinancementService financements) {
        this.inbox = inbox;
        this.financements = financements;
    }

    @Incoming(CANAL)
    @Blocking
    public void consommer(ConsumerRecords<String, String> records) {
        inbox.appliquer(CANAL, CONSOMMATEUR, records, financements::conventionSignee);
    }
}
