package fr.actionsociale.commons.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class ConnexionKafkaTest {

    @Test
    void garde_le_courtier_et_l_authentification_et_rien_d_autre() {
        Properties p = ConnexionKafka.proprietes(Map.of(
                "bootstrap.servers", "suite-kafka-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.type", "PEM",
                "group.id", "budget-service",
                "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer"));

        assertEquals(Map.of(
                "bootstrap.servers", "suite-kafka-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.type", "PEM"), Map.copyOf(p));
    }

    @Test
    void sans_configuration_le_courtier_local() {
        assertEquals("localhost:9092", ConnexionKafka.proprietes(Map.of()).get("bootstrap.servers"));
    }
}
