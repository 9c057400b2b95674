package fr.actionsociale.conventions.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import fr.actionsociale.commons.evenement.EvenementRecu;
import fr.actionsociale.commons.inbox.EffetParLot;
import fr.actionsociale.commons.inbox.EvenementInvalideException;
import fr.actionsociale.commons.inbox.Inbox;
import fr.actionsociale.conventions.service.EngagementService;
import io.smallrye.reactive.messaging.annotations.Blocking;

/** orientation-faite → the réalisations of the commitments that count orientations, each event once, a poll at a time. */
@ApplicationScoped
public class OrientationFaiteConsumer {

    static final String CANAL = "orientation-faite";
    static final String CONSOMMATEUR = "engagements-orientations";

    private final Inbox inbox;
    private final EffetParLot<EvenementRecu> effet;

    OrientationFaiteConsumer(Inbox inbox, EngagementService engagements) {
        this.inbox = inbox;
        this.effet = new EffetParLot<>() {
            /** An event whose day cannot be read is refused (parked) before the poll's transaction, the others still count. */
            @Override
            public EvenementRecu lire(EvenementRecu evenement) {
                try {
                    Instant.parse(evenement.texte("dateOrientation"));
                } catch (DateTimeParseException | NullPointerException e) {
                    throw new EvenementInvalideException("dateOrientation illisible");
                }
                return evenement;
            }

            @Override
            public void ecrire(List<EvenementRecu> evenements) {
                engagements.compterOrientations(evenements);
            }
        };
    }

    @Incoming(CANAL)
    @Blocking
    public void consommer(ConsumerRecords<String, String> records) {
        inbox.appliquerParLot(CANAL, CONSOMMATEUR, records, effet);
    }
}
