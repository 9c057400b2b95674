package fr.actionsociale.commons.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class LettresMortesTest {

    /** In Kubernetes the broker authenticates every client: parking a dead letter must carry the same credentials as the rest. */
    @Test
    void leProducteurDesLettresMortesSAuthentifieCommeLesAutres() {
        Properties p = LettresMortes.proprietes(Map.of(
                "bootstrap.servers", "suite-kafka-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "ssl.truststore.location", "/etc/suite/kafka-ca/ca.crt",
                "group.id", "budget-service"));

        assertEquals("suite-kafka-kafka-bootstrap:9093", p.get("bootstrap.servers"));
        assertEquals("SASL_SSL", p.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", p.get("sasl.mechanism"));
        assertEquals("/etc/suite/kafka-ca/ca.crt", p.get("ssl.truststore.location"));
        assertEquals("all", p.get("acks"));
        assertEquals(true, p.get("enable.idempotence"));
        assertEquals(null, p.get("group.id"));
    }
}
