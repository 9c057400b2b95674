package fr.actionsociale.commons.inbox;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
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
                    int appliques = 0;
                    for (EvenementRecu e : lisibles) {
                        if (premiereFois(consommateur, e)) {
                            effet.accept(e);
                            appliques++;
                        }
                    }
                    return new int[] { appliques, lisibles.size() - appliques };
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
     * Applies a poll's records with one statement per table: the poll's event ids go into the inbox in one statement, which
     * answers those seen for the first time, and the effect writes their values at once. Unreadable and refused events are parked
     * before the transaction, so that one bad event never sends the others one by one. A transaction that fails on the
     * database's side is retried whole; any other failure falls back to one record at a time, as {@link #appliquer} does.
     */
    public <T> void appliquerParLot(String canal, String consommateur, Iterable<ConsumerRecord<String, String>> records, EffetParLot<T> effet) {
        List<ConsumerRecord<String, String>> retenus = new ArrayList<>();
        List<EvenementRecu> evenements = new ArrayList<>();
        List<T> valeurs = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            EvenementRecu e;
            try {
                e = EvenementRecu.lire(r, json);
            } catch (EvenementIllisibleException ex) {
                garer(canal, consommateur, r, "enregistrement illisible : " + ex.getMessage());
                continue;
            }
            try {
                valeurs.add(effet.lire(e));
            } catch (EvenementInvalideException ex) {
                garer(canal, consommateur, r, "événement " + e.id() + " refusé : " + ex.getMessage());
                continue;
            }
            retenus.add(r);
            evenements.add(e);
        }
        if (retenus.isEmpty()) {
            return;
        }
        for (int tentative = 1;; tentative++) {
            try {
                int appliques = QuarkusTransaction.requiringNew().call(() -> {
                    effet.ouvrir();
                    return appliquerDansLaTransaction(consommateur, evenements, valeurs, effet);
                });
                compter(consommateur, retenus.get(0).topic(), "applique", appliques);
                compter(consommateur, retenus.get(0).topic(), "doublon", retenus.size() - appliques);
                return;
            } catch (RuntimeException e) {
                if (arret) {
                    retenirJusquALaFin(consommateur, retenus.get(0), e);
                }
                if (Transitoire.cause(e) || Transitoire.baseAbsente(e)) {
                    LOG.warnf("%s : lot de %d événements en attente de la base (tentative %d) : %s", consommateur, retenus.size(), tentative, e.toString());
                    pause(Math.min(tentative, 10));
                    continue;
                }
                LOG.warnf("%s : lot de %d événements en échec (%s), reprise un par un", consommateur, retenus.size(), e.toString());
                for (ConsumerRecord<String, String> r : retenus) {
                    appliquerUn(canal, consommateur, r, effet::ouvrir, ev -> {
                        T v = effet.lire(ev);
                        if (v != null) {
                            effet.ecrire(List.of(v));
                        }
                    });
                }
                return;
            }
        }
    }

    /**
     * The set-based step inside the caller's transaction, for the live consumer and for a replay (which passes its own inbox
     * table): the events' ids in one insert, the values of those seen for the first time in one call of the effect.
     *
     * @param valeurs what {@link EffetParLot#lire} gave for each event, in the same order
     * @return the number of events applied for the first time
     */
    public <T> int appliquerDansLaTransaction(String consommateur, List<EvenementRecu> evenements, List<T> valeurs, EffetParLot<T> effet) {
        return appliquerDansLaTransaction("inbox_evenement", consommateur, evenements, valeurs, effet);
    }

    /** @param tableInbox a table shaped like inbox_evenement (a rebuild fills its own, merged at its swap) */
    public <T> int appliquerDansLaTransaction(String tableInbox, String consommateur, List<EvenementRecu> evenements, List<T> valeurs,
            EffetParLot<T> effet) {
        Set<String> nouveaux = premieresFois(tableInbox, consommateur, evenements);
        List<T> aEcrire = new ArrayList<>(nouveaux.size());
        int appliques = 0;
        for (int i = 0; i < evenements.size(); i++) {
            // remove: an id twice in the same poll is applied at its first occurrence only
            if (nouveaux.remove(evenements.get(i).id())) {
                appliques++;
                if (valeurs.get(i) != null) {
                    aEcrire.add(valeurs.get(i));
                }
            }
        }
        if (!aEcrire.isEmpty()) {
            effet.ecrire(aEcrire);
        }
        return appliques;
    }

    private Set<String> premieresFois(String tableInbox, String consommateur, List<EvenementRecu> evenements) {
        String[] ids = evenements.stream().map(EvenementRecu::id).distinct().toArray(String[]::new);
        String[] topics = new String[ids.length];
        java.util.Arrays.fill(topics, evenements.get(0).topic());
        return em.unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into " + tableInbox + " (consommateur, evenement_id, topic) "
                    + "select ?, i, t from unnest(?::text[], ?::text[]) as x(i, t) on conflict do nothing returning evenement_id")) {
                ps.setString(1, consommateur);
                ps.setArray(2, c.createArrayOf("text", ids));
                ps.setArray(3, c.createArrayOf("text", topics));
                Set<String> nouveaux = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        nouveaux.add(rs.getString(1));
                    }
                }
                return nouveaux;
            }
        });
    }

    private void appliquerUn(String canal, String consommateur, ConsumerRecord<String, String> record,
            Consumer<EvenementRecu> effet) {
        appliquerUn(canal, consommateur, record, () -> {
        }, effet);
    }

    private void appliquerUn(String canal, String consommateur, ConsumerRecord<String, String> record, Runnable ouvrir,
            Consumer<EvenementRecu> effet) {
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
                    ouvrir.run();
                    if (!premiereFois(consommateur, evenement)) {
                        return false;
                    }
                    effet.accept(evenement);
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
                if (Transitoire.cause(e) || Transitoire.baseAbsente(e)) {
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
