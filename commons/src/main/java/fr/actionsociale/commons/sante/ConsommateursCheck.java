package fr.actionsociale.commons.sante;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

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
        boolean ok = true;
        HealthCheckResponseBuilder r = HealthCheckResponse.named("consommateurs");
        for (String canal : clients.getConsumerChannels().stream().sorted().toList()) {
            List<KafkaConsumer<Object, Object>> consommateurs = clients.getConsumers(canal);
            for (int i = 0; i < consommateurs.size(); i++) {
                Etat e = etat(canal, consommateurs.get(i));
                String nom = consommateurs.size() == 1 ? canal : canal + "-" + i;
                r.withData(nom, !e.repondu() ? "sans réponse" : e.partitions() + " partitions, retard " + (e.retard() < 0 ? "inconnu" : e.retard()));
                ok &= acceptable(e, retardMax, patience);
            }
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

    private static Etat etat(String canal, KafkaConsumer<Object, Object> consommateur) {
        try {
            long[] mesure = consommateur.<long[]> runOnPollingThread(c -> {
                Set<TopicPartition> affectees = c.assignment();
                long retard = 0;
                for (TopicPartition tp : affectees) {
                    var lag = c.currentLag(tp);
                    if (lag.isEmpty()) {
                        retard = -1;
                        break;
                    }
                    retard += lag.getAsLong();
                }
                return new long[] { affectees.size(), retard };
            }).await().atMost(Duration.ofSeconds(1));
            return new Etat(canal, (int) mesure[0], mesure[1], true);
        } catch (RuntimeException pasDeReponse) {
            return new Etat(canal, 0, -1, false);
        }
    }
}
