package fr.actionsociale.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import io.restassured.http.ContentType;

/**
 * The services against a broker that authenticates and authorises as production's Strimzi does: deploy/local/suite's
 * SASL_SSL listener (SCRAM-SHA-512 over TLS from a local CA, one user per KafkaUser of deploy/k8s, exactly its ACLs, applied
 * by Kafka's StandardAuthorizer). Each packaged service runs with the {@code kafka-sasl} profile, the very lines the
 * {@code kubernetes} profile inherits, its own user's JAAS line in SUITE_KAFKA_JAAS and the local CA in SUITE_KAFKA_CA;
 * its only bootstrap address is the SASL_SSL listener, so every Kafka client it has (outbox relay, consumers, replay,
 * dead-letter parking) works there or not at all.
 */
class KafkaSecuriseIT {

    static final Path ETAT = Path.of(System.getProperty("suite.state", Suite.RACINE.resolve(".suite").toString()));
    static final String SASL = System.getProperty("suite.kafka.sasl", "127.0.0.1:9094");
    /** the PLAINTEXT listener, whose ANONYMOUS principal is a super user: what a partner's or an operator's tool would be */
    static final String EN_CLAIR = System.getProperty("suite.kafka.en-clair", "127.0.0.1:9092");
    static final String PREFIXE = "e2e.";

    static final Suite.Service REFERRAL = new Suite.Service("referral-service", 18103, "referral_e2e_sasl", List.of("-Dsuite.topics.prefix=" + PREFIXE));
    static final Suite.Service BUDGET = new Suite.Service("budget-service", 18102, "budget_e2e_sasl",
            List.of("-Dsuite.topics.prefix=" + PREFIXE, "-Dmp.messaging.incoming.orientation-faite.group.id=budget-service-e2e"));
    static final String AGENT = Jetons.entete("agent", "cdas-pays-de-redon");
    static final String COORDINATEUR = Jetons.entete("coordinateur", "departement-35");

    static Process referral;
    static Process budget;

    @BeforeAll
    static void demarrer() throws Exception {
        Path ca = ETAT.resolve("keys/kafka-ca.crt");
        assertTrue(Files.exists(ca), ca + " absent : démarrer Kafka avec deploy/local/suite (écoute SASL_SSL)");
        Suite.baseNeuve(REFERRAL.base(), "referral");
        Suite.baseNeuve(BUDGET.base(), "budget");
        budget = Suite.demarrer(BUDGET, environnement("budget-service"), "-Dsuite.kafka.bootstrap=" + SASL);
        referral = Suite.demarrer(REFERRAL, environnement("referral-service"), "-Dsuite.kafka.bootstrap=" + SASL);
        for (String[] s : new String[][] { { "caf-35", "CAF" }, { "france-travail-35", "FRANCE_TRAVAIL" } }) {
            given().baseUri(REFERRAL.url()).header("Authorization", Jetons.entete("admin", "departement-35")).contentType(ContentType.JSON)
                    .body("{\"code\":\"%s\",\"nom\":\"%s\",\"type\":\"%s\"}".formatted(s[0], s[0], s[1])).post("/structures").then().statusCode(201);
        }
    }

    @AfterAll
    static void arreter() throws InterruptedException {
        for (Process p : new Process[] { referral, budget }) {
            if (p != null) {
                p.destroy();
                p.waitFor();
            }
        }
    }

    /** What Kubernetes gives a service: its profile, its KafkaUser's JAAS line, the cluster's CA. */
    static Map<String, String> environnement(String service) throws Exception {
        return Map.of("QUARKUS_PROFILE", "kafka-sasl", "SUITE_KAFKA_JAAS", jaas(service, motDePasse(service)),
                "SUITE_KAFKA_CA", ETAT.resolve("keys/kafka-ca.crt").toString());
    }

    static String motDePasse(String utilisateur) throws Exception {
        return Files.readString(ETAT.resolve("keys/kafka-" + utilisateur + ".password")).strip();
    }

    static String jaas(String utilisateur, String motDePasse) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"%s\" password=\"%s\";"
                .formatted(utilisateur, motDePasse);
    }

    /** A client of the SASL_SSL listener, with the settings of the kafka-sasl profile. */
    static Properties client(String utilisateur, String motDePasse) {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, SASL);
        p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        p.put("sasl.mechanism", "SCRAM-SHA-512");
        p.put("sasl.jaas.config", jaas(utilisateur, motDePasse));
        p.put("ssl.truststore.type", "PEM");
        p.put("ssl.truststore.location", ETAT.resolve("keys/kafka-ca.crt").toString());
        return p;
    }

    static String communeDeCeTest() {
        Random r = new Random();
        return "%02d%03d".formatted(10 + r.nextInt(90), r.nextInt(1000));
    }

    static String orienter(String commune, int n) {
        String personne = given().baseUri(REFERRAL.url()).header("Authorization", AGENT).contentType(ContentType.JSON)
                .body("{\"commune\":\"%s\",\"prenom\":\"Personne %d\"}".formatted(commune, n)).post("/beneficiaires").then().statusCode(201)
                .extract().path("reference");
        return given().baseUri(REFERRAL.url()).header("Authorization", AGENT).contentType(ContentType.JSON)
                .body("""
                        {"beneficiaire":"%s","structure":"caf-35","commune":"%s","motif":"bout en bout SASL","droitsVises":["RSA"]}"""
                        .formatted(personne, commune))
                .post("/orientations").then().statusCode(201).extract().path("id");
    }

    static int total(String commune) {
        Integer t = given().baseUri(BUDGET.url()).header("Authorization", COORDINATEUR)
                .queryParam("commune", commune).queryParam("mois", YearMonth.now(ZoneId.of("Europe/Paris")).toString())
                .get("/indicateurs/orientations").then().statusCode(200).extract().path("total");
        return t;
    }

    @Test
    void lesClientsKafkaDesServicesPassentParSaslSslAvecLeursAcl() throws Exception {
        // outbox relay (referral-service's user writes orientation-faite) and consumer (budget-service's user reads it in its group)
        String commune = communeDeCeTest();
        for (int i = 0; i < 3; i++) {
            orienter(commune, i);
        }
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> total(commune) == 3);
        assertEquals(0, Suite.compter(REFERRAL.base(), "select count(*) from outbox_evenement where publie_le is null"),
                "le relais de referral-service a tout publié");

        // replay: budget-service's rebuild reads the topics from the beginning, without a group, and finds the same count
        // (a job: 202 and its address, followed until it is over)
        String admin = Jetons.entete("admin", "departement-35");
        String travail = given().baseUri(BUDGET.url()).header("Authorization", admin).post("/indicateurs/reconstruction").then().statusCode(202)
                .extract().header("Location");
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> !"EN_COURS".equals(
                given().baseUri(BUDGET.url()).header("Authorization", admin).get(travail).then().statusCode(200).extract().path("etat"))
                && !"BASCULE".equals(given().baseUri(BUDGET.url()).header("Authorization", admin).get(travail).then().extract().path("etat")));
        io.restassured.path.json.JsonPath fin = given().baseUri(BUDGET.url()).header("Authorization", admin).get(travail).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("TERMINEE", fin.getString("etat"), "la reconstruction : " + fin.prettify());
        List<Map<String, Object>> projections = fin.getList("projections");
        Map<String, Object> orientations = projections.stream().filter(p -> (PREFIXE + "orientation-faite").equals(p.get("topic"))).findFirst()
                .orElseThrow(() -> new AssertionError("aucune projection relue de " + PREFIXE + "orientation-faite : " + projections));
        assertTrue(((Number) orientations.get("evenementsLus")).longValue() >= 3, "la reconstruction a relu le topic : " + orientations);
        assertEquals(3, total(commune));

        // dead-letter parking: an unreadable record on a consumed topic lands on budget-service's dead-letter topic, written by its user
        String cle = "illisible-" + UUID.randomUUID();
        Properties superUtilisateur = new Properties();
        superUtilisateur.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, EN_CLAIR);
        try (KafkaProducer<String, String> p = new KafkaProducer<>(superUtilisateur, new StringSerializer(), new StringSerializer())) {
            p.send(new ProducerRecord<>(PREFIXE + "orientation-faite", cle, "{pas un événement")).get(10, TimeUnit.SECONDS);
        }
        ConsumerRecord<String, String> garee = chercher(PREFIXE + "budget-service.dlq.orientation-faite", cle, Duration.ofSeconds(60));
        assertNotNull(garee, "l'enregistrement illisible est garé sur " + PREFIXE + "budget-service.dlq.orientation-faite");
        assertEquals("{pas un événement", garee.value());
        Header origine = garee.headers().lastHeader("dead-letter-topic");
        assertNotNull(origine);
        assertEquals(PREFIXE + "orientation-faite", new String(origine.value(), StandardCharsets.UTF_8));
        // the consumer went on after parking it
        String commune2 = communeDeCeTest();
        orienter(commune2, 9);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> total(commune2) == 1);
    }

    /** Reads the topic from its beginning as the super user until a record with this key shows up. */
    static ConsumerRecord<String, String> chercher(String topic, String cle, Duration delai) {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, EN_CLAIR);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = c.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(partitions);
            c.seekToBeginning(partitions);
            long fin = System.nanoTime() + delai.toNanos();
            while (System.nanoTime() < fin) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    if (cle.equals(r.key())) {
                        return r;
                    }
                }
            }
        }
        return null;
    }

    @Test
    void unServiceQuiEcritHorsDeSesAclEstRefuse() throws Exception {
        Properties p = client("conventions-service", motDePasse("conventions-service"));
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producteur = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            // its own dead-letter topic: authenticated and allowed, so what follows is the ACL's refusal, nothing else
            producteur.send(new ProducerRecord<>(PREFIXE + "conventions-service.dlq.orientation-faite", "controle", "{}")).get(15, TimeUnit.SECONDS);
            // orientation-faite is referral-service's: conventions-service may only read it
            ExecutionException e = assertThrows(ExecutionException.class, () -> producteur
                    .send(new ProducerRecord<>(PREFIXE + "orientation-faite", "intrus", "{}")).get(15, TimeUnit.SECONDS));
            TopicAuthorizationException refus = assertInstanceOf(TopicAuthorizationException.class, e.getCause());
            assertEquals(java.util.Set.of(PREFIXE + "orientation-faite"), refus.unauthorizedTopics());
        }
    }

    @Test
    void unMauvaisMotDePasseEstRefuse() {
        try (Admin admin = Admin.create(client("conventions-service", "pas-le-bon-" + UUID.randomUUID()))) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> admin.describeCluster().clusterId().get(15, TimeUnit.SECONDS));
            assertInstanceOf(SaslAuthenticationException.class, e.getCause());
        }
    }
}
