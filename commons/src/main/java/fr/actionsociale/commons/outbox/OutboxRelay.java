package fr.actionsociale.commons.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import fr.actionsociale.commons.evenement.CloudEvents;
import fr.actionsociale.commons.kafka.ConnexionKafka;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes the pending outbox rows to Kafka, oldest first, then stamps them published.
 * <p>
 * One relay at a time per database (a transaction-scoped advisory lock), so that several replicas keep
 * each aggregate's events in order. A crash between the send and the stamp re-sends the same rows with
 * the same ce_id: consumers' inboxes make that harmless. Nothing committed is ever skipped, since a row
 * stays pending until Kafka has acknowledged it ({@code acks=all}, idempotent producer).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Advisory lock key shared by every replica of a service (each service has its own database). */
    private static final long VERROU = 0x6f7574626f78L; // "outbox"

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final Map<String, Object> kafka;
    private final MeterRegistry metriques;
    private final Semaphore reveil = new Semaphore(0);
    private final AtomicInteger suspensions = new AtomicInteger();
    private volatile boolean actif;
    private volatile Thread fil;
    private KafkaProducer<String, byte[]> producteur;
    private Counter publies;
    private Instant dernierePurge = Instant.EPOCH;
    /** Since when publications fail (null: they succeed), and how long the last interruption lasted. */
    private volatile Instant enEchecDepuis;
    private volatile long derniereInterruptionMs = -1;

    OutboxRelay(AgroalDataSource dataSource, OutboxConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafka, MeterRegistry metriques) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafka = kafka;
        this.metriques = metriques;
    }

    void auDemarrage(@Observes StartupEvent e) {
        publies = Counter.builder("outbox.evenements.publies").description("Événements publiés sur Kafka par le relais")
                .register(metriques);
        Gauge.builder("outbox.en.attente", this, r -> r.mesurer("select count(*) from outbox_evenement where publie_le is null"))
                .description("Événements validés pas encore publiés").register(metriques);
        Gauge.builder("outbox.retard.secondes", this, r -> r.mesurer(
                "select coalesce(extract(epoch from now() - min(cree_le)), 0) from outbox_evenement where publie_le is null"))
                .description("Âge du plus ancien événement en attente de publication").register(metriques);
        if (config.relay().enabled()) {
            demarrer();
        } else {
            LOG.warn("Relais de l'outbox désactivé (outbox.relay.enabled=false) : les événements restent en attente");
        }
    }

    void aLArret(@Observes ShutdownEvent e) {
        arreter();
    }

    public synchronized void demarrer() {
        if (actif) {
            return;
        }
        producteur = new KafkaProducer<>(proprietesProducteur());
        actif = true;
        fil = new Thread(this::boucle, "outbox-relay");
        fil.setDaemon(true);
        fil.start();
    }

    public synchronized void arreter() {
        actif = false;
        Thread t = fil;
        if (t != null) {
            reveil.release();
            try {
                t.join(5000);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
            fil = null;
            // the last commits of requests that finished during the graceful stop: out now rather than at the next start
            // (one batch, and only while Kafka answers: a broker down would hold the stop for the delivery timeout)
            if (enEchecDepuis == null && suspensions.get() == 0 && producteur != null) {
                try {
                    publierUnLot();
                } catch (Exception ex) {
                    LOG.warnf("Dernière publication de l'outbox avant l'arrêt en échec, reprise au démarrage : %s", ex.toString());
                }
            }
        }
        if (producteur != null) {
            producteur.close(java.time.Duration.ofSeconds(5));
            producteur = null;
        }
    }

    public boolean enMarche() {
        Thread t = fil;
        return actif && t != null && t.isAlive();
    }

    /**
     * Holds this replica's relay while a bulk import writes, until the returned suspension is closed. The import's events
     * wait, committed, in the outbox and leave as soon as the last suspension ends: the import then does not share the
     * machine with its own publication and with the consumers downstream. Nothing is lost or delayed beyond the import.
     * Another replica holding the relay's lock is not held (the pause is this process's).
     */
    public Suspension suspendre() {
        suspensions.incrementAndGet();
        return new Suspension();
    }

    /** Closing it (once) releases the relay; the last one to close wakes it. */
    public final class Suspension implements AutoCloseable {
        private final AtomicBoolean fermee = new AtomicBoolean();

        private Suspension() {
        }

        @Override
        public void close() {
            if (fermee.compareAndSet(false, true) && suspensions.decrementAndGet() == 0) {
                reveiller();
            }
        }
    }

    /** Called after a commit that wrote outbox rows. */
    public void reveiller() {
        reveil.release();
    }

    private Properties proprietesProducteur() {
        Properties p = ConnexionKafka.producteurFiable(kafka, config.source().replace("/", "") + "-outbox");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000);
        // back within a second of the broker (the clients' defaults, said here because the relay's recovery counts on them)
        p.put(ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG, 50);
        p.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        p.put(ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 100);
        p.put(ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 1000);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return p;
    }

    /** Since when publications fail, if they do (broker down): the health checks say so. */
    public java.util.Optional<Instant> enEchecDepuis() {
        return java.util.Optional.ofNullable(enEchecDepuis);
    }

    /** How long the last interruption lasted, from the first failed publication to the next one that went through (-1: none). */
    public long derniereInterruptionMs() {
        return derniereInterruptionMs;
    }

    /** The wait after the n-th failure in a row (1, 2, ...): doubling from backoff-initial, bounded by backoff. */
    static long attente(int echecs, long initialeMs, long maxMs) {
        long attente = initialeMs << Math.min(echecs - 1, 20);
        return Math.max(1, Math.min(attente, maxMs));
    }

    private void boucle() {
        long intervalle = config.relay().interval().toMillis();
        int echecs = 0;
        while (actif) {
            try {
                if (reveil.tryAcquire(intervalle, TimeUnit.MILLISECONDS) && config.relay().linger().toMillis() > 0) {
                    Thread.sleep(config.relay().linger().toMillis());
                }
                reveil.drainPermits();
                if (suspensions.get() > 0) {
                    continue;
                }
                int n;
                do {
                    n = publierUnLot();
                    if (echecs > 0) {
                        retabli(echecs);
                        echecs = 0;
                    }
                } while (actif && n >= config.relay().batchSize());
                purgerDeTempsEnTemps();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception ex) {
                echecs++;
                if (enEchecDepuis == null) {
                    enEchecDepuis = Instant.now();
                }
                long attente = attente(echecs, config.relay().backoffInitial().toMillis(), config.relay().backoff().toMillis());
                LOG.warnf("Publication de l'outbox en échec (%d fois de suite), nouvel essai dans %d ms : %s", echecs, attente, ex.toString());
                try {
                    Thread.sleep(attente);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void retabli(int echecs) {
        Instant depuis = enEchecDepuis;
        enEchecDepuis = null;
        if (depuis != null) {
            derniereInterruptionMs = java.time.Duration.between(depuis, Instant.now()).toMillis();
            LOG.infof("Publication de l'outbox rétablie après %d ms et %d essais en échec", derniereInterruptionMs, echecs);
        }
    }

    /** @return how many rows were published */
    int publierUnLot() throws SQLException, InterruptedException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int n = publierUnLot(c);
                c.commit();
                return n;
            } catch (SQLException | RuntimeException | InterruptedException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private int publierUnLot(Connection c) throws SQLException, InterruptedException {
        try (PreparedStatement verrou = c.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            verrou.setLong(1, VERROU);
            try (ResultSet rs = verrou.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return 0; // another replica is relaying
                }
            }
        }
        List<Long> positions = new ArrayList<>();
        List<Future<RecordMetadata>> envois = new ArrayList<>();
        try (PreparedStatement lot = c.prepareStatement(
                "select position, id, topic, type, cle, donnees::text, cree_le from outbox_evenement "
                        + "where publie_le is null order by position limit ?")) {
            lot.setInt(1, config.relay().batchSize());
            try (ResultSet rs = lot.executeQuery()) {
                while (rs.next()) {
                    positions.add(rs.getLong(1));
                    envois.add(producteur.send(enregistrement(rs)));
                }
            }
        }
        if (positions.isEmpty()) {
            return 0;
        }
        producteur.flush();
        // stamp the acknowledged prefix only: what follows a failure is re-sent, in order, next time
        List<Long> acquittes = new ArrayList<>(positions.size());
        Exception echec = null;
        for (int i = 0; i < envois.size(); i++) {
            try {
                envois.get(i).get();
                acquittes.add(positions.get(i));
            } catch (ExecutionException e) {
                echec = e;
                break;
            }
        }
        if (!acquittes.isEmpty()) {
            try (PreparedStatement maj = c.prepareStatement("update outbox_evenement set publie_le = now() where position = any(?)")) {
                Array tableau = c.createArrayOf("bigint", acquittes.toArray());
                maj.setArray(1, tableau);
                maj.executeUpdate();
            }
            publies.increment(acquittes.size());
        }
        if (echec != null) {
            c.commit();
            throw new IllegalStateException("Kafka n'a pas acquitté l'événement " + positions.get(acquittes.size()), echec.getCause());
        }
        return acquittes.size();
    }

    private ProducerRecord<String, byte[]> enregistrement(ResultSet rs) throws SQLException {
        String type = rs.getString("type");
        String cle = rs.getString("cle");
        OffsetDateTime creeLe = rs.getObject("cree_le", OffsetDateTime.class);
        RecordHeaders entetes = new RecordHeaders();
        entetes.add(CloudEvents.SPECVERSION, octets(CloudEvents.VERSION_SPEC));
        entetes.add(CloudEvents.ID, octets(rs.getString("id")));
        entetes.add(CloudEvents.SOURCE, octets(config.source()));
        entetes.add(CloudEvents.TYPE, octets(type));
        entetes.add(CloudEvents.TIME, octets(creeLe.withOffsetSameInstant(ZoneOffset.UTC).toString()));
        entetes.add(CloudEvents.SUBJECT, octets(cle));
        entetes.add(CloudEvents.DATASCHEMA, octets(CloudEvents.schema(type)));
        entetes.add(CloudEvents.CONTENT_TYPE, octets(CloudEvents.JSON));
        return new ProducerRecord<>(rs.getString("topic"), null, cle, octets(rs.getString(6)), entetes);
    }

    private void purgerDeTempsEnTemps() throws SQLException {
        Instant maintenant = Instant.now();
        if (dernierePurge.plusSeconds(3600).isAfter(maintenant)) {
            return;
        }
        dernierePurge = maintenant;
        // with outgoing webhooks, a row leaves only once its deliveries exist (DiffusionWebhook stamps diffuse_le)
        boolean webhooks = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("suite.webhooks.enabled", Boolean.class).orElse(false);
        try (Connection c = dataSource.getConnection();
                PreparedStatement purge = c.prepareStatement(
                        "delete from outbox_evenement where publie_le < now() - make_interval(secs => ?)"
                                + (webhooks ? " and diffuse_le is not null" : ""))) {
            purge.setDouble(1, config.relay().retention().toSeconds());
            int n = purge.executeUpdate();
            if (n > 0) {
                LOG.infof("Outbox : %d événements publiés depuis plus de %s purgés", n, config.relay().retention());
            }
        }
    }

    private double mesurer(String sql) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getDouble(1) : Double.NaN;
        } catch (SQLException e) {
            return Double.NaN;
        }
    }

    private static byte[] octets(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
