package fr.actionsociale.commons.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import fr.actionsociale.commons.kafka.ConnexionKafka;
import io.smallrye.common.annotation.Identifier;

/**
 * Reads a topic from its beginning up to the end it has when the replay starts, outside any consumer group: the way to rebuild a
 * projection from the events that made it (records published during the replay are left to the live consumer).
 */
@ApplicationScoped
public class Rejeu {

    private final Map<String, Object> kafka;

    Rejeu(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.kafka = kafka;
    }

    /** @return the number of records read; each poll's records are handed over in partition order */
    public long relire(String topic, Consumer<List<ConsumerRecord<String, String>>> lot) {
        return relire(topic, Map.of(), lot).lus();
    }

    /**
     * What a replay read: how many records, and where it stopped on each partition (the topic's end when it started), from
     * where a later replay of the tail goes on.
     */
    public record Troncon(long lus, Map<Integer, Long> fins) {
    }

    /**
     * Reads a topic from given offsets (the beginning for a partition not given) up to its end at the time of the call.
     *
     * @param depuis partition → first offset to read
     */
    public Troncon relire(String topic, Map<Integer, Long> depuis, Consumer<List<ConsumerRecord<String, String>>> lot) {
        Properties p = ConnexionKafka.proprietes(kafka);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "rejeu-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        long lus = 0;
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            for (TopicPartition tp : partitions) {
                Long debut = depuis.get(tp.partition());
                if (debut != null) {
                    c.seek(tp, debut);
                }
            }
            Map<TopicPartition, Long> fins = c.endOffsets(partitions, Duration.ofSeconds(10));
            while (partitions.stream().anyMatch(tp -> c.position(tp, Duration.ofSeconds(10)) < fins.get(tp))) {
                List<ConsumerRecord<String, String>> recus = new ArrayList<>();
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    if (r.offset() < fins.get(new TopicPartition(r.topic(), r.partition()))) {
                        recus.add(r);
                    }
                }
                if (!recus.isEmpty()) {
                    lot.accept(recus);
                    lus += recus.size();
                }
            }
            Map<Integer, Long> atteintes = new java.util.TreeMap<>();
            fins.forEach((tp, fin) -> atteintes.put(tp.partition(), fin));
            return new Troncon(lus, atteintes);
        }
    }
}
