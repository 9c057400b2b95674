package fr.actionsociale.commons.inbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.actionsociale.commons.evenement.EvenementIllisibleException;
import fr.actionsociale.commons.evenement.EvenementRecu;
import fr.actionsociale.commons.jdbc.Ecriture;
import fr.actionsociale.commons.jdbc.Transitoire;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Applies consumed events exactly once: each event id is recorded in the same transaction as its effect,
 * and an id already recorded is skipped.
 * <p>
 * A poll's records are applied in one transaction (one commit for hundreds of events). If that fails, the
 * records are applied one by one, in order, each in its own transaction with a few retries; a record that
 * still fails, or that is not a readable CloudEvent, is parked on the channel's dead-letter topic and the
 * channel goes on.
 * <p>
 * A failure that is not the event's own is never parked: the database going away or giving up on the transaction (a
 * restart, a lock held by a rebuild beyond the timeout) is retried until it works, and while the service shuts down the
 * record is held unacknowledged until the process ends, so that it is delivered again after the restart. Both were parked
 * before, and their counts lost (found by `suite bench` and the fuzzing's rebuild: "EntityManagerFactory is closed").
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager em;
    private final ObjectMapper json;
    private final InboxConfig config;
    private final MeterRegistry metriques;
    private final LettresMortes lettresMortes;
    private volatile boolean arret;

    Inbox(EntityManager em, ObjectMapper json, InboxConfig config, MeterRegistry metriques, LettresMortes lettresMortes) {
        this.em = em;
        this.json = json;
        this.config = config;
        this.metriques = metriques;
        this.lettresMortes = lettresMortes;
    }

    void arret(@Observes ShutdownEvent e) {
        arret = true;
    }

    /**
     * @param canal the incoming channel, whose dead-letter topic receives what cannot be applied
     * @param consommateur the name of this effect (one service may apply the same event to several effects)
     */
    public void appliquer(String canal, String consommateur, Iterable<ConsumerRecord<String, String>> records,
            Consumer<EvenementRecu> effet) {
        appliquerParLot(canal, consommateur, records, lot -> lot.forEach(effet));
    }

    /**
     * As {@link #appliquer}, the effect taking a poll's new events at once (in the order received, each id once, those already
     * applied left out), so that it writes them with one statement per table. When the poll's transaction fails, each record
     * is retried alone: the effect then receives a list of one.
     */
    public void appliquerParLot(String canal, String consommateur, Iterable<ConsumerRecord<String, String>> records,
            Consumer<List<EvenementRecu>> effet) {
        List<ConsumerRecord<String, String>> tous = new ArrayList<>();
        List<EvenementRecu> lisibles = new ArrayList<>();
        boolean illisible = false;
        for (ConsumerRecord<String, String> r : records) {
            tous.add(r);
            try {
                lisibles.add(EvenementRecu.lire(r, json));
            } catch (EvenementIllisibleException e) {
                illisible = true;
            }
        }
        if (tous.isEmpty()) {
            return;
        }
        if (!illisible) {
            try {
                int[] issues = QuarkusTransaction.requiringNew().call(() -> {
                    List<EvenementRecu> nouveaux = premieresFois(consommateur, lisibles);
                    if (!nouveaux.isEmpty()) {
                        effet.accept(nouveaux);
                    }
                    return new int[] { nouveaux.size(), lisibles.size() - nouveaux.size() };
                });
                compter(consommateur, tous.get(0).topic(), "applique", issues[0]);
                compter(consommateur, tous.get(0).topic(), "doublon", issues[1]);
                return;
            } catch (RuntimeException e) {
                LOG.warnf("%s : lot de %d événements en échec (%s), reprise un par un", consommateur, tous.size(), e.toString());
            }
        }
        for (ConsumerRecord<String, String> r : tous) {
            appliquerUn(canal, consommateur, r, effet);
        }
    }

    /**
     * Applies one record inside the caller's transaction, once: for a replay that rebuilds a projection.
     *
     * @return true when applied, false when already applied, unreadable or refused (the live consumer parked those)
     */
    public boolean appliquerDansLaTransaction(String consommateur, ConsumerRecord<String, String> record, Consumer<EvenementRecu> effet) {
        EvenementRecu evenement;
        try {
            evenement = EvenementRecu.lire(record, json);
        } catch (EvenementIllisibleException e) {
            return false;
        }
        if (!premiereFois(consommateur, evenement)) {
            return false;
        }
        try {
            effet.accept(evenement);
            return true;
        } catch (EvenementInvalideException e) {
            // effects validate before they write: only the inbox row needs undoing
            em.createNativeQuery("delete from inbox_evenement where consommateur = ?1 and evenement_id = ?2")
                    .setParameter(1, consommateur).setParameter(2, evenement.id()).executeUpdate();
            return false;
        }
    }

    private void appliquerUn(String canal, String consommateur, ConsumerRecord<String, String> record,
            Consumer<List<EvenementRecu>> effet) {
        EvenementRecu evenement;
        try {
            evenement = EvenementRecu.lire(record, json);
        } catch (EvenementIllisibleException e) {
            garer(canal, consommateur, record, "enregistrement illisible : " + e.getMessage());
            return;
        }
        int tentatives = Math.max(1, config.tentatives());
        for (int tentative = 1;; tentative++) {
            try {
                boolean applique = QuarkusTransaction.requiringNew().call(() -> {
                    if (!premiereFois(consommateur, evenement)) {
                        return false;
                    }
                    effet.accept(List.of(evenement));
                    return true;
                });
                compter(consommateur, record.topic(), applique ? "applique" : "doublon", 1);
                return;
            } catch (EvenementIllisibleException | EvenementInvalideException e) {
                garer(canal, consommateur, record, "événement " + evenement.id() + " refusé : " + e.getMessage());
                return;
            } catch (RuntimeException e) {
                if (arret) {
                    retenirJusquALaFin(consommateur, record, e);
                }
                if (Transitoire.cause(e)) {
                    LOG.warnf("%s : événement %s en attente de la base (tentative %d) : %s", consommateur, evenement.id(), tentative, e.toString());
                    pause(Math.min(tentative, 10));
                    continue;
                }
                if (tentative >= tentatives) {
                    garer(canal, consommateur, record,
                            "événement " + evenement.id() + " en échec après " + tentative + " tentatives : " + e);
                    return;
                }
                LOG.warnf("%s : événement %s en échec (tentative %d/%d) : %s", consommateur, evenement.id(), tentative,
                        tentatives, e.toString());
                pause(tentative);
            }
        }
    }

    /**
     * Returning would acknowledge the record, throwing would send the poll to the dead-letter topic: neither, the process is
     * ending and the record, unacknowledged, comes back after the restart.
     */
    private void retenirJusquALaFin(String consommateur, ConsumerRecord<String, String> record, RuntimeException e) {
        LOG.infof("%s : %s-%d@%d retenu pendant l'arrêt, relivré au redémarrage (%s)", consommateur, record.topic(), record.partition(),
                record.offset(), e.toString());
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException ie) {
                // still not acknowledged: the process ends around this thread
            }
        }
    }

    private void garer(String canal, String consommateur, ConsumerRecord<String, String> record, String raison) {
        LOG.warnf("%s : %s-%d@%d envoyé en lettre morte (%s)", consommateur, record.topic(), record.partition(),
                record.offset(), raison);
        lettresMortes.garer(canal, record, raison);
        compter(consommateur, record.topic(), "lettre-morte", 1);
    }

    /**
     * Records a poll's event ids in one statement: the events whose id was not yet recorded, first occurrence of each, in order.
     * One INSERT per event cost a round trip and a statement each (suite bench, issue 18).
     */
    private List<EvenementRecu> premieresFois(String consommateur, List<EvenementRecu> evenements) {
        if (evenements.size() == 1) {
            return premiereFois(consommateur, evenements.get(0)) ? evenements : List.of();
        }
        Set<String> nouveaux = em.unwrap(Session.class).doReturningWork(c -> {
            Set<String> ids = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("insert into inbox_evenement (consommateur, evenement_id, topic) "
                    + "select ?, e.id, e.topic from unnest(?::text[], ?::text[]) as e(id, topic) on conflict do nothing returning evenement_id")) {
                ps.setString(1, consommateur);
                ps.setArray(2, c.createArrayOf("text", evenements.stream().map(EvenementRecu::id).toArray()));
                ps.setArray(3, c.createArrayOf("text", evenements.stream().map(EvenementRecu::topic).toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            return ids;
        });
        List<EvenementRecu> r = new ArrayList<>();
        for (EvenementRecu e : evenements) {
            // an id twice in one poll was inserted once: the first occurrence applies, the second is a duplicate
            if (nouveaux.remove(e.id())) {
                r.add(e);
            }
        }
        return r;
    }

    private boolean premiereFois(String consommateur, EvenementRecu evenement) {
        return Ecriture.executer(em, "insert into inbox_evenement (consommateur, evenement_id, topic) values (?, ?, ?) on conflict do nothing",
                consommateur, evenement.id(), evenement.topic()) == 1;
    }

    private void compter(String consommateur, String topic, String issue, int n) {
        if (n > 0) {
            metriques.counter("inbox.evenements", "consommateur", consommateur, "topic", topic, "issue", issue).increment(n);
        }
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
