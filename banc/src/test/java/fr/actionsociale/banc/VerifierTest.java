package fr.actionsociale.banc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The verifier against the real PostgreSQL and Kafka of the suite: topics of this run only (a unique prefix), a database of its own
 * made from budget-service's real migrations, rows written as budget-service's consumers write them. A clean state passes (exit 0);
 * each planted gap is named and the command exits 1.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerifierTest {

    static final String KAFKA = System.getProperty("suite.kafka", "127.0.0.1:9092");
    static final String PG = System.getProperty("suite.pg", "jdbc:postgresql://127.0.0.1:55432/");
    static final String BASE = "banc_verifier_" + Long.toHexString(System.nanoTime() & 0xffffff);
    static final String PREFIXE = "verif-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    static final List<String> TOPICS = List.of("orientation-faite", "orientation-corrigee", "droit-ouvert", "indicateurs-parcours", "convention-signee",
            "budget-service.dlq.orientation-faite", "budget-service.dlq.orientation-corrigee", "budget-service.dlq.referral",
            "budget-service.dlq.convention-signee");

    static final String[] EVENEMENTS = new String[5];
    static final String[] ORIENTATIONS = new String[5];
    static final String CORRECTION = UUID.randomUUID().toString();
    static final String DROIT = UUID.randomUUID().toString();
    static final String PARCOURS = UUID.randomUUID().toString();

    @BeforeAll
    static void preparer() throws Exception {
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute("create database " + BASE);
        }
        // the real schema: commons' and budget-service's migrations, in version order
        Path racine = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
        List<Path> migrations = new ArrayList<>();
        for (String d : List.of("commons/src/main/resources/db/commons", "budget-service/src/main/resources/db/migration")) {
            try (Stream<Path> f = Files.list(racine.resolve(d))) {
                f.filter(p -> p.toString().endsWith(".sql")).forEach(migrations::add);
            }
        }
        migrations.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        try (Connection c = base(); Statement s = c.createStatement()) {
            for (Path m : migrations) {
                s.execute(Files.readString(m));
            }
        }
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        try (Admin a = Admin.create(p)) {
            a.createTopics(TOPICS.stream().map(t -> new NewTopic(PREFIXE + t, t.contains(".dlq.") ? 1 : 3, (short) 1)).toList()).all()
                    .get(30, TimeUnit.SECONDS);
        }
        // five orientations, one corrected, one opened right, one RSA-path publication; the fifth orientation is parked
        try (KafkaProducer<String, String> prod = producteur(); Connection c = base(); Statement s = c.createStatement()) {
            for (int i = 0; i < 5; i++) {
                EVENEMENTS[i] = UUID.randomUUID().toString();
                ORIENTATIONS[i] = UUID.randomUUID().toString();
                String donnees = """
                        {"orientationId":"%s","commune":"35001","structure":"caf-35","droitsVises":["RSA"],"dateOrientation":"2026-11-0%dT10:00:00Z"}"""
                        .formatted(ORIENTATIONS[i], i + 1);
                envoyer(prod, i == 4 ? "budget-service.dlq.orientation-faite" : "orientation-faite", EVENEMENTS[i], "/referral-service", donnees);
                if (i < 4) {
                    s.execute("insert into inbox_evenement (consommateur, evenement_id, topic) values ('indicateurs-orientations', '%s', '%s')"
                            .formatted(EVENEMENTS[i], PREFIXE + "orientation-faite"));
                    s.execute(("insert into orientation_comptee (orientation_id, evenement_id, commune, structure, droits_vises, date_orientation, mois) "
                            + "values ('%s', '%s', '35001', 'caf-35', 'RSA', '2026-11-0%dT10:00:00Z', '2026-11')").formatted(ORIENTATIONS[i], EVENEMENTS[i], i + 1));
                }
            }
            // the parked one was on the topic too: parking keeps ce_id
            envoyer(prod, "orientation-faite", EVENEMENTS[4], "/referral-service", "{\"orientationId\":\"" + ORIENTATIONS[4] + "\"}");
            envoyer(prod, "orientation-corrigee", CORRECTION, "/referral-service", """
                    {"orientationId":"%s","commune":"35001","structure":"caf-35","droitsVises":["RSA"],"dateOrientation":"2026-10-30T10:00:00Z","version":1}"""
                    .formatted(ORIENTATIONS[1]));
            s.execute("insert into inbox_evenement (consommateur, evenement_id, topic) values ('indicateurs-orientations-corrections', '%s', '%s')"
                    .formatted(CORRECTION, PREFIXE + "orientation-corrigee"));
            s.execute("update orientation_comptee set evenement_id = '%s', mois = '2026-10', version = 1 where orientation_id = '%s'"
                    .formatted(CORRECTION, ORIENTATIONS[1]));
            envoyer(prod, "droit-ouvert", DROIT, "/referral-service", """
                    {"beneficiaire":"ben-1","droit":"RSA","institution":"caf-35","commune":"35001","date":"2026-11-02"}""");
            s.execute("insert into inbox_evenement (consommateur, evenement_id, topic) values ('indicateurs-droits', '%s', 'x')".formatted(DROIT));
            s.execute(("insert into droit_ouvert_compte (cle, evenement_id, droit, institution, commune, date_ouverture, mois) values "
                    + "('ben-1/RSA/2026-11-02', '%s', 'RSA', 'caf-35', '35001', '2026-11-02', '2026-11')").formatted(DROIT));
            envoyer(prod, "indicateurs-parcours", PARCOURS, "/referral-service", "{\"commune\":\"35001\",\"mois\":\"2026-11\",\"entrants\":3}");
            s.execute("insert into inbox_evenement (consommateur, evenement_id, topic) values ('indicateurs-parcours', '%s', 'x')".formatted(PARCOURS));
            s.execute("insert into indicateur_parcours (commune, mois, valeurs) values ('35001', '2026-11', '{\"commune\":\"35001\",\"mois\":\"2026-11\",\"entrants\":3}')");
        }
    }

    @AfterAll
    static void nettoyer() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        try (Admin a = Admin.create(p)) {
            a.deleteTopics(TOPICS.stream().map(t -> PREFIXE + t).toList()).all().get(30, TimeUnit.SECONDS);
        }
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + BASE + " with (force)");
        }
    }

    @Test
    @Order(1)
    void unEtatPropreEstProuveEtLaCommandeSortAvecZero() throws Exception {
        ByteArrayOutputStream sortie = new ByteArrayOutputStream();
        Verifier.Rapport r = Verifier.verifier(options(), new PrintStream(sortie, true, StandardCharsets.UTF_8));
        assertEquals(List.of(), r.constats(), sortie.toString(StandardCharsets.UTF_8));
        Verifier.Bilan orientations = r.bilans().stream().filter(b -> b.consommateur().equals("indicateurs-orientations")).findFirst().orElseThrow();
        assertEquals(5, orientations.surLeTopic());
        assertEquals(4, orientations.appliques());
        assertEquals(1, orientations.gares(), "the fifth orientation is parked, not missing");
        assertEquals(0, commande(), "exit code of a clean state");
    }

    @Test
    @Order(2)
    void chaqueEcartPlanteEstNommeEtLaCommandeSortAvecUn() throws Exception {
        String inconnu = UUID.randomUUID().toString();
        try (Connection c = base(); Statement s = c.createStatement()) {
            // an event lost: neither its inbox row nor its count
            s.execute("delete from inbox_evenement where evenement_id = '" + EVENEMENTS[2] + "'");
            s.execute("delete from orientation_comptee where evenement_id = '" + EVENEMENTS[2] + "'");
            // an event counted twice: a second row carrying the same event
            s.execute(("insert into orientation_comptee (orientation_id, evenement_id, commune, structure, droits_vises, date_orientation, mois) "
                    + "values (gen_random_uuid(), '%s', '35001', 'caf-35', 'RSA', '2026-11-04T10:00:00Z', '2026-11')").formatted(EVENEMENTS[3]));
            // an inbox row that no event explains
            s.execute("insert into inbox_evenement (consommateur, evenement_id, topic) values ('indicateurs-droits', '" + inconnu + "', 'x')");
            // an inbox row whose effect is gone
            s.execute("delete from droit_ouvert_compte where evenement_id = '" + DROIT + "'");
        }
        ByteArrayOutputStream sortie = new ByteArrayOutputStream();
        Verifier.Rapport r = Verifier.verifier(options(), new PrintStream(sortie, true, StandardCharsets.UTF_8));
        String texte = sortie.toString(StandardCharsets.UTF_8);
        assertTrue(a(r, "indicateurs-orientations", "MANQUANT", EVENEMENTS[2]), texte);
        assertTrue(a(r, "indicateurs-orientations", "DEUX_FOIS", EVENEMENTS[3]), texte);
        assertTrue(a(r, "indicateurs-droits", "SANS_EVENEMENT", inconnu), texte);
        assertTrue(a(r, "indicateurs-droits", "MANQUANT", DROIT), texte);
        assertTrue(texte.contains(EVENEMENTS[2]) && texte.contains(EVENEMENTS[3]) && texte.contains(inconnu), "each bad event named: " + texte);
        assertTrue(r.constats().stream().noneMatch(c -> c.evenement().equals(EVENEMENTS[4])), "the parked event is not a finding");
        Verifier.Bilan orientations = r.bilans().stream().filter(b -> b.consommateur().equals("indicateurs-orientations")).findFirst().orElseThrow();
        assertEquals(1, orientations.manquants());
        assertEquals(1, orientations.deuxFois());
        assertEquals(1, commande(), "exit code when anything is found");
    }

    static boolean a(Verifier.Rapport r, String consommateur, String genre, String id) {
        return r.constats().stream().anyMatch(c -> c.consommateur().equals(consommateur) && c.genre().equals(genre) && c.evenement().equals(id));
    }

    static Verifier.Options options() {
        return new Verifier.Options(KAFKA, PG, Map.of("budget", BASE), Map.of(), PREFIXE, Set.of("budget"), null, Duration.ZERO, 50);
    }

    /** The command as the suite runs it, in a JVM of its own: its exit code. */
    static int commande() throws Exception {
        Process p = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java", "-cp",
                System.getProperty("java.class.path"), Verifier.class.getName(), "--kafka", KAFKA, "--pg", PG, "--bases", "budget=" + BASE,
                "--groupes", "", "--prefixe", PREFIXE, "--services", "budget", "--attente", "0").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the verifier ends");
        return p.exitValue();
    }

    static Connection base() throws Exception {
        return DriverManager.getConnection(PG + BASE, "postgres", "");
    }

    static KafkaProducer<String, String> producteur() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(p);
    }

    static void envoyer(KafkaProducer<String, String> p, String topic, String id, String source, String donnees) throws Exception {
        ProducerRecord<String, String> r = new ProducerRecord<>(PREFIXE + topic, id, donnees);
        r.headers().add("ce_id", id.getBytes(StandardCharsets.UTF_8)).add("ce_source", source.getBytes(StandardCharsets.UTF_8))
                .add("ce_type", topic.getBytes(StandardCharsets.UTF_8)).add("ce_specversion", "1.0".getBytes(StandardCharsets.UTF_8));
        p.send(r).get(10, TimeUnit.SECONDS);
    }
}
