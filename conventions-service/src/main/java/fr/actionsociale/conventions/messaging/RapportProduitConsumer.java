package fr.actionsociale.conventions.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import fr.actionsociale.commons.inbox.Inbox;
import fr.actionsociale.conventions.service.EcheanceService;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** rapport-produit (budget-service) → the report's deadline done on the day it was produced, the payment it triggers dated; each event once. */
@ApplicationScoped
public class RapportProduitConsumer {

    static final String CANAL = "rapport-produit";
    static final String CONSOMMATEUR = "echeances-rapports";

    private final Inbox inbox;
    private final EcheanceService echeances;

    RapportProduitConsumer(Inbox inbox, EcheanceService echeances) {
        this.inbox = inbox;
        this.echeances = echeances;
    }

    @Incoming(CANAL)
    @Blocking
    public void consommer(ConsumerRecords<String, String> records) {
        inbox.appliquer(CANAL, CONSOMMATEUR, records, echeances::rapportProduit);
    }
}
