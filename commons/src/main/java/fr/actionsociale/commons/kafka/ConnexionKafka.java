package fr.actionsociale.commons.kafka;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The connection part of the suite's {@code kafka.*} configuration, for the clients the suite builds itself (the outbox's
 * producer, the replay's consumer): where the brokers are and how to authenticate to them. In Kubernetes that is
 * SASL_SSL with the service's SCRAM credentials and the cluster's CA; without it those clients could not connect there
 * (the dead-letter producer once could not).
 * Serializers, groups and other client settings stay with each client.
 */
public final class ConnexionKafka {

    private ConnexionKafka() {
    }

    public static Properties proprietes(Map<String, Object> kafka) {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.getOrDefault("bootstrap.servers", "localhost:9092"));
        kafka.forEach((cle, valeur) -> {
            if (cle.equals(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG) || cle.startsWith("sasl.") || cle.startsWith("ssl.")) {
                p.put(cle, valeur);
            }
        });
        return p;
    }

    /**
     * A producer that loses nothing and writes nothing twice (idempotent, acknowledged by every in-sync replica) and never
     * blocks its caller for long, on the suite's connection: the base of every producer the suite builds itself.
     */
    public static Properties producteurFiable(Map<String, Object> kafka, String clientId) {
        Properties p = proprietes(kafka);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        return p;
    }
}
