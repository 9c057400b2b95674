package fr.actionsociale.commons.sante;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;

/**
 * Not ready until every Kafka consumer of the service has its partitions and is caught up within
 * {@code suite.sante.consommateurs.retard-max} events, so that a pod that just started (or restarted after a kill) is not
 * given requests whose effects its consumers would apply late. Read from the consumers themselves, on their polling
 * threads: the assignment and the lag their last fetch saw (no request to the broker).
 * <p>
 * Only at start: once ready, it stays UP and reports the lag. A burst of events (a CAF file of 100,000 rows) would
 * otherwise take every replica out of the Service at once, while their HTTP side works. A member that gets no partition
 * (more members than partitions) or a lag not yet known does not hold it beyond {@code attente-affectation}.
 */
@Readiness
@ApplicationScoped
public class ConsommateursCheck implements HealthCheck {

    private final KafkaClientService clients;
    private final long retardMax;
    private final Duration attenteAffectation;
    private final Instant debut = Instant.now();
    private volatile boolean pret;

    ConsommateursCheck(KafkaClientService clients,
            @ConfigProperty(name = "suite.sante.consommateurs.retard-max", defaultValue = "1000") long retardMax,
            @ConfigProperty(name = "suite.sante.consommateurs.attente-affectation", defaultValue = "30s") Duration attenteAffectation) {
        this.clients = clients;
        this.retardMax = retardMax;
        this.attenteAffectation = attenteAffectation;
    }

    /** What one consumer said: its partitions, its total lag (-1: not known yet), or that it did not answer. */
    record Etat(String canal, int partitions, long retard, boolean repondu) {
    }

    @Override
    public HealthCheckResponse call() {
        boolean patience = Duration.between(debut, Instant.now()).compareTo(attenteAffectation) < 0;
        // every consumer asked at once, one second for all of them: the probe's own timeout is 2 s (deploy/k8s)
        Map<String, CompletableFuture<long[]>> questions = new TreeMap<>();
        for (String canal : clients.getConsumerChannels()) {
            List<KafkaConsumer<Object, Object>> consommateurs = clients.getConsumers(canal);
            for (int i = 0; i < consommateurs.size(); i++) {
                questions.put(consommateurs.size() == 1 ? canal : canal + "-" + i, mesurer(consommateurs.get(i)));
            }
        }
        long limite = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        boolean ok = true;
        HealthCheckResponseBuilder r = HealthCheckResponse.named("consommateurs");
        for (Map.Entry<String, CompletableFuture<long[]>> q : questions.entrySet()) {
            Etat e;
            try {
                long[] m = q.getValue().get(Math.max(0, limite - System.nanoTime()), TimeUnit.NANOSECONDS);
                e = new Etat(q.getKey(), (int) m[0], m[1], true);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                e = new Etat(q.getKey(), 0, -1, false);
            } catch (ExecutionException | TimeoutException pasDeReponse) {
                e = new Etat(q.getKey(), 0, -1, false);
            }
            r.withData(q.getKey(), !e.repondu() ? "sans réponse"
                    : e.partitions() + " partitions, retard " + (e.retard() < 0 ? "inconnu" : e.retard()));
            ok &= acceptable(e, retardMax, patience);
        }
        if (ok) {
            pret = true;
        }
        return r.status(pret).withData("retard-max", retardMax).build();
    }

    /**
     * Caught up: partitions and a known lag within the bound. No partition, or a lag not known yet, is accepted once the
     * patience is over; a known lag above the bound never is (the consumer is catching up: it will be done).
     */
    static boolean acceptable(Etat e, long retardMax, boolean patience) {
        if (e.repondu() && e.partitions() > 0 && e.retard() >= 0) {
            return e.retard() <= retardMax;
        }
        return !patience;
    }

    /** Its partitions and their total lag (-1: not known yet), read on its polling thread. */
    private static CompletableFuture<long[]> mesurer(KafkaConsumer<Object, Object> consommateur) {
        return consommateur.<long[]> runOnPollingThread(c -> {
            Set<TopicPartition> affectees = c.assignment();
            long retard = 0;
            Set<TopicPartition> inconnues = new HashSet<>();
            for (TopicPartition tp : affectees) {
                OptionalLong lag = c.currentLag(tp);
                if (lag.isEmpty()) {
                    inconnues.add(tp);
                } else {
                    retard += lag.getAsLong();
                }
            }
            if (!inconnues.isEmpty()) {
                // no fetch has brought back a high watermark yet (an empty topic, such as rapport-produit before any report):
                // ask the broker once, briefly, rather than wait out the patience on every start
                try {
                    var fins = c.endOffsets(inconnues, Duration.ofMillis(300));
                    for (TopicPartition tp : inconnues) {
                        retard += Math.max(0, fins.get(tp) - c.position(tp, Duration.ofMillis(300)));
                    }
                } catch (KafkaException e) {
                    retard = -1;
                }
            }
            return new long[] { affectees.size(), retard };
        }).subscribeAsCompletionStage();
    }
}
