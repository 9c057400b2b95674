package fr.actionsociale.banc;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The rebuild's replay rate (issue 17), run by deploy/local/bench/reconstruction against a budget-service of its own whose
 * topics carry a prefix of their own: fills {@code <prefixe>orientation-faite} with N synthetic orientations (only what is
 * missing), waits for the live consumer to count them all (its rate is printed too), then asks for a rebuild and follows it
 * to its end. Prints figures; a step that stalls or fails stops with a message and prints no figure.
 * <p>
 * Options: --kafka host:port --prefixe test.reconstruction. --topics deploy/local/topics.txt --n 500000 --port 18082
 * --jeton JWT --pg jdbc:postgresql://127.0.0.1:55432/budget_bench_reconstruction?user=postgres
 */
public final class Reconstruction {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Reconstruction() {
    }

    public static void main(String[] a) throws Exception {
        Map<String, String> o = Banc.options(a);
        String kafka = o.getOrDefault("--kafka", "127.0.0.1:9092");
        String prefixe = o.getOrDefault("--prefixe", "test.reconstruction.");
        long n = Long.parseLong(o.getOrDefault("--n", "500000"));
        int port = Integer.parseInt(o.getOrDefault("--port", "18082"));
        String jeton = o.get("--jeton");
        String topic = prefixe + "orientation-faite";
        if (o.containsKey("--topics")) {
            creerLesTopics(kafka, prefixe, Path.of(o.get("--topics")));
            return;
        }
        long deja = taille(kafka, topic);
        if (deja < n) {
            long t0 = System.nanoTime();
            remplir(kafka, topic, n - deja);
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("topic %s rempli : %,d événements publiés en %.1f s (%,.0f/s)%n", topic, n - deja, s, (n - deja) / s);
        }
        long total = taille(kafka, topic);
        System.out.printf("topic %s : %,d événements%n", topic, total);

        {
            Http c = new Http(port, jeton);
            // the live consumer: set-based writes, one statement per table and per poll
            long t0 = System.nanoTime();
            long compte = 0;
            long dernier = -1;
            long immobileDepuis = System.nanoTime();
            while (compte < total) {
                compte = lignes(o.get("--pg"));
                if (compte != dernier) {
                    dernier = compte;
                    immobileDepuis = System.nanoTime();
                } else if (System.nanoTime() - immobileDepuis > TimeUnit.SECONDS.toNanos(120)) {
                    arreter("le consommateur en direct n'avance plus (" + compte + " orientations comptées sur " + total + ")");
                }
                Thread.sleep(500);
            }
            double direct = (System.nanoTime() - t0) / 1e9;
            System.out.printf("consommateur en direct : %,d orientations comptées (rattrapage mesuré depuis le démarrage de la mesure : %.1f s)%n",
                    compte, direct);

            Banc.Reponse r = c.envoyer("POST", "/indicateurs/reconstruction");
            if (r.statut() != 202) {
                arreter("POST /indicateurs/reconstruction a répondu " + r.statut() + " : " + r.corps());
            }
            String id = JSON.readTree(r.corps()).get("id").asText();
            long debut = System.nanoTime();
            JsonNode job;
            long lus = -1;
            long immobile = System.nanoTime();
            while (true) {
                Thread.sleep(1000);
                Banc.Reponse g = c.envoyer("GET", "/indicateurs/reconstructions/" + id);
                if (g.statut() != 200) {
                    arreter("GET de la reconstruction : " + g.statut() + " " + g.corps());
                }
                job = JSON.readTree(g.corps());
                String etat = job.get("etat").asText();
                if (etat.equals("TERMINEE")) {
                    break;
                }
                if (!etat.equals("EN_COURS") && !etat.equals("BASCULE")) {
                    arreter("reconstruction " + etat + " : " + job.path("raison").asText());
                }
                if (job.get("evenementsLus").asLong() != lus) {
                    lus = job.get("evenementsLus").asLong();
                    immobile = System.nanoTime();
                } else if (System.nanoTime() - immobile > TimeUnit.SECONDS.toNanos(120)) {
                    arreter("la reconstruction n'avance plus depuis 120 s (" + lus + " événements lus)");
                }
            }
            double secondes = (System.nanoTime() - debut) / 1e9;
            System.out.println("== reconstruction des indicateurs");
            for (JsonNode p : job.get("projections")) {
                System.out.printf("  %-22s %-40s lus %,10d  appliqués %,10d  ignorés %,8d  avant %,10d  après %,10d%n", p.get("table").asText(),
                        p.get("topic").asText(), p.get("evenementsLus").asLong(), p.get("appliques").asLong(), p.get("ignores").asLong(),
                        p.get("avant").asLong(), p.get("apres").asLong());
            }
            long total2 = job.get("evenementsLus").asLong();
            System.out.printf("  %,d événements rejoués en %.1f s (du POST à TERMINEE vu par le client) : %,.0f événements/s ; "
                    + "débit calculé par le service : %,.0f événements/s%n", total2, secondes, total2 / secondes,
                    job.get("evenementsParSeconde").asDouble());
            System.out.printf("  orientations : en direct %,d, reconstruites %,d%n", compte, lignes(o.get("--pg")));
        }
    }

    /** A few requests a second: java.net.http is light enough here. */
    private record Http(int port, String jeton) {
        private static final java.net.http.HttpClient CLIENT = java.net.http.HttpClient.newHttpClient();

        Banc.Reponse envoyer(String methode, String chemin) throws Exception {
            var r = CLIENT.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + chemin))
                    .header("Authorization", "Bearer " + jeton).method(methode, java.net.http.HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(30)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Banc.Reponse(r.statusCode(), r.headers().firstValue("content-type").orElse(""), r.body());
        }
    }

    private static void arreter(String raison) {
        System.err.println("ÉCHEC : " + raison + " ; aucun chiffre");
        System.exit(1);
    }

    private static long lignes(String pg) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(pg); var s = c.createStatement();
                var r = s.executeQuery("select count(*) from orientation_comptee")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static Properties proprietes(String kafka) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        return p;
    }

    /** Every topic of deploy/local/topics.txt under the prefix (this Kafka creates none by itself). */
    private static void creerLesTopics(String kafka, String prefixe, Path fichier) throws Exception {
        try (Admin admin = Admin.create(proprietes(kafka))) {
            Set<String> existants = admin.listTopics().names().get();
            List<NewTopic> nouveaux = new ArrayList<>();
            for (String ligne : Files.readAllLines(fichier)) {
                String[] c = ligne.trim().split("\\s+");
                if (ligne.isBlank() || ligne.startsWith("#") || c.length < 3 || existants.contains(prefixe + c[0])) {
                    continue;
                }
                nouveaux.add(new NewTopic(prefixe + c[0], Integer.parseInt(c[1]), (short) 1).configs(Map.of("retention.ms", c[2])));
            }
            admin.createTopics(nouveaux).all().get();
            System.out.printf("%d topics créés sous le préfixe %s%n", nouveaux.size(), prefixe);
        }
    }

    private static long taille(String kafka, String topic) throws Exception {
        try (Admin admin = Admin.create(proprietes(kafka))) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> fins = new java.util.HashMap<>();
            for (int i = 0; i < partitions; i++) {
                fins.put(new TopicPartition(topic, i), OffsetSpec.latest());
            }
            return admin.listOffsets(fins).all().get().values().stream().mapToLong(r -> r.offset()).sum();
        }
    }

    /** Synthetic orientations as referral-service publishes them (CloudEvents binary mode), spread over communes and months. */
    private static void remplir(String kafka, String topic, long n) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 131072);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        String[] communes = { "35236", "35220", "35001", "44015", "44056" };
        String[] structures = { "caf-35", "ccas-redon", "cdas-pays-de-redon", "france-travail-35", "mission-locale-redon" };
        try (KafkaProducer<String, String> producteur = new KafkaProducer<>(p)) {
            for (long i = 0; i < n; i++) {
                String o = UUID.randomUUID().toString();
                String corps = """
                        {"orientationId":"%s","beneficiaire":"ben-%012x","structure":"%s","commune":"%s","droitsVises":["RSA"],\
                        "orientePar":"ccas-redon","dateOrientation":"%s","statut":"PROPOSEE"}""".formatted(o, i, structures[(int) (i % 5)],
                        communes[(int) (i / 5 % 5)], Instant.parse("2024-01-15T10:00:00Z").plus(Duration.ofDays(i % 700)));
                ProducerRecord<String, String> r = new ProducerRecord<>(topic, o, corps);
                entete(r, "ce_specversion", "1.0");
                entete(r, "ce_id", UUID.randomUUID().toString());
                entete(r, "ce_source", "/referral-service");
                entete(r, "ce_type", "fr.actionsociale.referral.orientation-faite");
                entete(r, "ce_time", Instant.now().toString());
                entete(r, "ce_subject", o);
                entete(r, "content-type", "application/json");
                producteur.send(r);
            }
            producteur.flush();
        }
    }

    private static void entete(ProducerRecord<String, String> r, String nom, String valeur) {
        r.headers().add(new RecordHeader(nom, valeur.getBytes(StandardCharsets.UTF_8)));
    }
}
