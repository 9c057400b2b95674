package fr.actionsociale.budget.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import fr.actionsociale.budget.service.IndicateurReferralService;
import fr.actionsociale.commons.inbox.Inbox;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** droit-ouvert and indicateurs-parcours → the live indicators of rights opened and of the RSA path, each event applied once. */
@ApplicationScoped
public class ReferralConsumer {

    static final String DROITS = "indicateurs-droits";
    static final String PARCOURS = "indicateurs-parcours";

    private final Inbox inbox;
    private final IndicateurReferralService indicateurs;

    ReferralConsumer(Inbox inbox, IndicateurReferralService indicateurs) {
        this.inbox = inbox;
        this.indicateurs = indicateurs;
    }

    @Incoming("droit-ouvert")
    @Blocking
    public void droits(ConsumerRecords<String, String> records) {
        inbox.appliquerParLot("droit-ouvert", DROITS, records, indicateurs.droits());
    }

    @Incoming("indicateurs-parcours")
    @Blocking
    public void parcours(ConsumerRecords<String, String> records) {
        inbox.appliquerParLot("indicateurs-parcours", PARCOURS, records, indicateurs.parcours());
    }
}
