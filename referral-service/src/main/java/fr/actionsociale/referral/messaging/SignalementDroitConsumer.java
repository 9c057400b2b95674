package fr.actionsociale.referral.messaging;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import fr.actionsociale.commons.evenement.CloudEvents;
import fr.actionsociale.commons.evenement.EvenementRecu;
import fr.actionsociale.commons.inbox.EvenementInvalideException;
import fr.actionsociale.commons.inbox.Inbox;
import fr.actionsociale.commons.outbox.OutboxConfig;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.referral.domain.DroitVise;
import fr.actionsociale.referral.domain.EtatDroit;
import fr.actionsociale.referral.service.DroitService;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Rights reported by the institutions as CloudEvents on droit-ouvert, droit-refuse and droit-ferme: applied once each, like a
 * report over REST. This service re-publishes on the same topics for the others; its own events are recognised by their source
 * and skipped.
 */
@ApplicationScoped
public class SignalementDroitConsumer {

    private final Inbox inbox;
    private final DroitService droits;
    private final String source;

    SignalementDroitConsumer(Inbox inbox, DroitService droits, OutboxConfig outbox) {
        this.inbox = inbox;
        this.droits = droits;
        this.source = outbox.source();
    }

    @Incoming("droit-ouvert")
    @Blocking
    public void ouverts(ConsumerRecords<String, String> records) {
        inbox.appliquer("droit-ouvert", "signalements-droits", desPartenaires(records), this::appliquer);
    }

    @Incoming("droit-refuse")
    @Blocking
    public void refuses(ConsumerRecords<String, String> records) {
        inbox.appliquer("droit-refuse", "signalements-droits", desPartenaires(records), this::appliquer);
    }

    @Incoming("droit-ferme")
    @Blocking
    public void fermes(ConsumerRecords<String, String> records) {
        inbox.appliquer("droit-ferme", "signalements-droits", desPartenaires(records), this::appliquer);
    }

    /** Our own re-publications are dropped before the inbox: a bulk import publishes one per entrant, with nothing to apply. */
    private List<ConsumerRecord<String, String>> desPartenaires(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> retenus = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> r : records) {
            if (!source.equals(EvenementRecu.entete(r, CloudEvents.SOURCE))) {
                retenus.add(r);
            }
        }
        return retenus;
    }

    void appliquer(EvenementRecu e) {
        if (source.equals(e.source())) {
            return; // our own re-publication
        }
        try {
            droits.signaler(e.texte("beneficiaire"), DroitVise.valueOf(e.texte("droit")), EtatDroit.valueOf(e.texte("etat")),
                    LocalDate.parse(e.texte("date")), e.texte("institution"));
        } catch (RegleMetierException ex) {
            throw new EvenementInvalideException(ex.champ() + " : " + ex.raison());
        } catch (ProblemeException ex) {
            throw new EvenementInvalideException(ex.probleme().detail());
        } catch (IllegalArgumentException | NullPointerException | DateTimeParseException ex) {
            throw new EvenementInvalideException("signalement illisible : " + ex.getMessage());
        }
    }
}
