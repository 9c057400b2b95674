package fr.actionsociale.commons.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;

import fr.actionsociale.commons.kafka.ConnexionKafka;
import io.smallrye.common.annotation.Identifier;

/**
 * Parks a record that cannot be applied on its channel's dead-letter topic (the one configured as
 * {@code mp.messaging.incoming.<channel>.dead-letter-queue.topic}), with the original key, value and
 * headers and the same {@code dead-letter-*} headers as SmallRye's own strategy. Used for batches, where
 * the messaging layer could only park the whole batch.
 */
@ApplicationScoped
public class LettresMortes {

    private final Config config;
    private final Map<String, Object> kafka;
    private volatile KafkaProducer<String, String> producteur;

    LettresMortes(Config config, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.config = config;
        this.kafka = kafka;
    }

    /** Sends and waits for the broker's acknowledgement: the record's offset may only be committed after. */
    public void garer(String canal, ConsumerRecord<?, String> record, String raison) {
        String topic = config.getOptionalValue("mp.messaging.incoming." + canal + ".dead-letter-queue.topic", String.class)
                .orElseThrow(() -> new IllegalStateException("aucun topic de lettres mortes configuré pour " + canal));
        RecordHeaders entetes = new RecordHeaders();
        for (Header h : record.headers()) {
            entetes.add(h);
        }
        entetes.add("dead-letter-reason", octets(raison));
        entetes.add("dead-letter-topic", octets(record.topic()));
        entetes.add("dead-letter-partition", octets(Integer.toString(record.partition())));
        entetes.add("dead-letter-offset", octets(Long.toString(record.offset())));
        try {
            producteur().send(new ProducerRecord<>(topic, null, record.key() == null ? null : record.key().toString(),
                    record.value(), entetes)).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrompu pendant l'envoi en lettre morte", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("envoi en lettre morte impossible sur " + topic, e);
        }
    }

    private KafkaProducer<String, String> producteur() {
        if (producteur == null) {
            synchronized (this) {
                if (producteur == null) {
                    producteur = new KafkaProducer<>(proprietes(kafka));
                }
            }
        }
        return producteur;
    }

    /** The suite's connection (with its SASL/TLS settings in Kubernetes) and a reliable producer's settings. */
    static Properties proprietes(Map<String, Object> kafka) {
        Properties p = ConnexionKafka.producteurFiable(kafka, "lettres-mortes");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }

    @PreDestroy
    void fermer() {
        if (producteur != null) {
            producteur.close(Duration.ofSeconds(5));
        }
    }

    private static byte[] octets(String s) {
        return (s == null ? "" : s).getBytes(StandardCharsets.UTF_8);
    }
}
