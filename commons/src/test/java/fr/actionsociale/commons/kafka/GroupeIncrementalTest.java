package fr.actionsociale.commons.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;


/**
 * The group protocol every service's consumers use (KIP-848, microprofile-config.properties), against the suite's broker:
 * a member that leaves its group does not stop the others. The one that stays keeps its partitions (none revoked) and
 * receives the leaver's; under the classic protocol, every member gave all its partitions back at each leave, which is
 * what made a service with several channels in one group take 8 s to stop.
 */
class GroupeIncrementalTest {

    static final String BOOTSTRAP = System.getProperty("suite.kafka.bootstrap", "localhost:9092");
    static final String TOPIC = "test.commons-groupes";

    static KafkaConsumer<String, String> consommateur(String groupe, String protocole, List<TopicPartition> revoquees) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupe);
        p.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, protocole);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p);
        c.subscribe(List.of(TOPIC), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                revoquees.addAll(partitions);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            }
        });
        return c;
    }

    static Set<TopicPartition> jusqua(List<KafkaConsumer<String, String>> consommateurs, KafkaConsumer<String, String> celuiCi, int combien) {
        long fin = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (celuiCi.assignment().size() != combien && System.nanoTime() < fin) {
            consommateurs.forEach(c -> c.poll(Duration.ofMillis(50)));
        }
        return Set.copyOf(celuiCi.assignment());
    }

    @Test
    void unMembreQuiPartNeRetireRienAuxAutres() throws Exception {
        int partitions = 3;
        try (var admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.<String, Object>of("bootstrap.servers", BOOTSTRAP))) {
            try {
                admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(TOPIC, partitions, (short) 1))).all().get();
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                    throw e;
                }
            }
        }
        String groupe = "test.incremental-" + UUID.randomUUID();
        List<TopicPartition> revoqueesA = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, String> a = consommateur(groupe, "consumer", revoqueesA)) {
            jusqua(List.of(a), a, partitions);
            KafkaConsumer<String, String> b = consommateur(groupe, "consumer", new CopyOnWriteArrayList<>());
            try {
                // b joins: a gives up some partitions to it (a revocation of those only), then b leaves
                long fin = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while ((b.assignment().isEmpty() || a.assignment().size() + b.assignment().size() != partitions) && System.nanoTime() < fin) {
                    a.poll(Duration.ofMillis(50));
                    b.poll(Duration.ofMillis(50));
                }
                assertFalse(b.assignment().isEmpty(), "the newcomer got partitions");
            } finally {
                Set<TopicPartition> gardees = Set.copyOf(a.assignment());
                revoqueesA.clear();
                b.close();
                assertEquals(partitions, jusqua(List.of(a), a, partitions).size(), "the leaver's partitions come back to the one that stays");
                assertTrue(revoqueesA.isEmpty(), "nothing is taken from the member that stays when another leaves: " + revoqueesA);
                assertTrue(a.assignment().containsAll(gardees));
            }
        }
    }
}
