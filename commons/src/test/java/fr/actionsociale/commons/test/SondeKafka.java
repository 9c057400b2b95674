package fr.actionsociale.commons.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

import fr.actionsociale.commons.evenement.CloudEvents;

/**
 * Reads and writes real Kafka topics from a test: a probe positioned at the end of a topic sees only what
 * is published after it was opened.
 */
public final class SondeKafka implements AutoCloseable {

    private final KafkaConsumer<String, String> consommateur;
    private final List<ConsumerRecord<String, String>> lus = new ArrayList<>();

    private SondeKafka(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "sonde-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        consommateur = new KafkaConsumer<>(p);
        List<TopicPartition> partitions = consommateur.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(i -> new TopicPartition(topic, i.partition())).toList();
        consommateur.assign(partitions);
        consommateur.seekToEnd(partitions);
        partitions.forEach(consommateur::position); // resolve the end now, not at the first poll
    }

    /** @param nom the topic's name without the environment's prefix, such as {@code orientation-faite} */
    public static SondeKafka aLaFinDe(String nom) {
        return new SondeKafka(topic(nom));
    }

    /** The topic's real name in this environment ({@code suite.topics.prefix}, {@code test.} in tests). */
    public static String topic(String nom) {
        return ConfigProvider.getConfig().getOptionalValue("suite.topics.prefix", String.class).orElse("") + nom;
    }

    /** Every record read so far that matches, polling until at least {@code combien} match or the time is up. */
    public List<ConsumerRecord<String, String>> attendre(Predicate<ConsumerRecord<String, String>> filtre, int combien,
            Duration delai) {
        long fin = System.nanoTime() + delai.toNanos();
        while (true) {
            List<ConsumerRecord<String, String>> trouves = lus.stream().filter(filtre).toList();
            if (trouves.size() >= combien || System.nanoTime() > fin) {
                return trouves;
            }
            consommateur.poll(Duration.ofMillis(200)).forEach(lus::add);
        }
    }

    /** Everything that arrives within the given time (to prove that something did not arrive twice). */
    public List<ConsumerRecord<String, String>> toutPendant(Predicate<ConsumerRecord<String, String>> filtre, Duration duree) {
        long fin = System.nanoTime() + duree.toNanos();
        while (System.nanoTime() < fin) {
            consommateur.poll(Duration.ofMillis(200)).forEach(lus::add);
        }
        return lus.stream().filter(filtre).toList();
    }

    @Override
    public void close() {
        consommateur.close();
    }

    public static String entete(ConsumerRecord<?, ?> r, String nom) {
        var h = r.headers().lastHeader(nom);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Publishes a CloudEvent in binary mode, as a partner or another service would. */
    public static void publier(String nom, String cle, Map<String, String> entetes, String corps) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producteur = new KafkaProducer<>(p)) {
            RecordHeaders h = new RecordHeaders();
            entetes.forEach((k, v) -> h.add(k, v.getBytes(StandardCharsets.UTF_8)));
            producteur.send(new ProducerRecord<>(topic(nom), null, cle, corps, h)).get();
        } catch (Exception e) {
            throw new IllegalStateException("publication de test impossible sur " + topic(nom), e);
        }
    }

    /** The headers of a well-formed CloudEvent of this type. */
    public static Map<String, String> entetesCloudEvent(String id, String type, String sujet) {
        return Map.of(CloudEvents.SPECVERSION, "1.0", CloudEvents.ID, id, CloudEvents.SOURCE, "/tests",
                CloudEvents.TYPE, type, CloudEvents.TIME, java.time.OffsetDateTime.now().toString(),
                CloudEvents.SUBJECT, sujet, CloudEvents.CONTENT_TYPE, CloudEvents.JSON);
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getOptionalValue("kafka.bootstrap.servers", String.class).orElse("localhost:9092");
    }
}
