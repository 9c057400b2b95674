package fr.actionsociale.commons.kafka;

import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The connection part of the suite's {@code kafka.*} configuration, for the clients the suite builds itself (the outbox's
 * producer, the replay's consumer): where the brokers are and how to authenticate to them. In Kubernetes that is
 * SASL_SSL with the service's SCRAM credentials and the cluster's CA; without it those clients could not connect there.
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
}
