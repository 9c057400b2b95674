package fr.actionsociale.commons.inbox;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.actionsociale.commons.evenement.EvenementIllisibleException;
import fr.actionsociale.commons.evenement.EvenementRecu;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies a consumed event exactly once: the event id is recorded in the same transaction as its effect,
 * and an id already recorded is skipped. A failing effect is retried a few times, each attempt in a fresh
 * transaction; then the exception reaches the messaging layer, whose dead-letter strategy parks the
 * record and lets the channel go on.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager em;
    private final ObjectMapper json;
    private final InboxConfig config;
    private final MeterRegistry metriques;

    Inbox(EntityManager em, ObjectMapper json, InboxConfig config, MeterRegistry metriques) {
        this.em = em;
        this.json = json;
        this.config = config;
        this.metriques = metriques;
    }

    /**
     * @param consommateur the name of this effect (one service may apply the same event to several effects)
     * @return true when applied now, false when it had been applied before
     */
    public boolean appliquer(String consommateur, ConsumerRecord<?, String> record, Consumer<EvenementRecu> effet) {
        EvenementRecu evenement;
        try {
            evenement = EvenementRecu.lire(record, json);
        } catch (EvenementIllisibleException e) {
            compter(consommateur, record.topic(), "rejete");
            LOG.warnf("%s : enregistrement illisible %s-%d@%d (%s), envoyé en lettre morte", consommateur, record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            throw e;
        }
        int tentatives = Math.max(1, config.tentatives());
        for (int tentative = 1;; tentative++) {
            try {
                boolean applique = QuarkusTransaction.requiringNew().call(() -> {
                    if (!premiereFois(consommateur, evenement)) {
                        return false;
                    }
                    effet.accept(evenement);
                    return true;
                });
                compter(consommateur, record.topic(), applique ? "applique" : "doublon");
                return applique;
            } catch (EvenementIllisibleException | EvenementInvalideException e) {
                compter(consommateur, record.topic(), "rejete");
                LOG.warnf("%s : événement %s refusé (%s), envoyé en lettre morte", consommateur, evenement.id(), e.getMessage());
                throw e;
            } catch (RuntimeException e) {
                if (tentative >= tentatives) {
                    compter(consommateur, record.topic(), "rejete");
                    LOG.errorf("%s : événement %s en échec après %d tentatives (%s), envoyé en lettre morte", consommateur,
                            evenement.id(), tentative, e.toString());
                    throw e;
                }
                LOG.warnf("%s : événement %s en échec (tentative %d/%d) : %s", consommateur, evenement.id(), tentative,
                        tentatives, e.toString());
                pause(tentative);
            }
        }
    }

    private boolean premiereFois(String consommateur, EvenementRecu evenement) {
        return em.createNativeQuery("insert into inbox_evenement (consommateur, evenement_id, topic) values (?1, ?2, ?3) "
                + "on conflict do nothing")
                .setParameter(1, consommateur)
                .setParameter(2, evenement.id())
                .setParameter(3, evenement.topic())
                .executeUpdate() == 1;
    }

    private void compter(String consommateur, String topic, String issue) {
        metriques.counter("inbox.evenements", "consommateur", consommateur, "topic", topic, "issue", issue).increment();
    }

    private void pause(int tentative) {
        try {
            Thread.sleep(config.attente().toMillis() * tentative);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrompu pendant les nouvelles tentatives", ie);
        }
    }
}
