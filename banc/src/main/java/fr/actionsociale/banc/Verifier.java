package fr.actionsociale.banc;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code suite verifier}: every count proven against the event log. For each consumer of each service, the events on its topic
 * (by ce_id, read from the beginning to the end offsets) are compared with the consumer's inbox rows, the records parked on its
 * dead-letter topic and the rows of the projection it fills. Names each event missing (on the topic, neither applied nor parked),
 * applied twice (two projection rows for one event), or counted without an event (an inbox or projection row that no event on the
 * topic explains); exits 1 on any. Only ids are printed: referral-service's projections hold personal data.
 */
public final class Verifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The data fields the projections' keys are made of: read once per event, the rest of the data is not kept. */
    static final Set<String> CHAMPS = Set.of("orientationId", "beneficiaire", "droit", "date", "commune", "mois", "conventionId");

    /**
     * One event read from a topic: its id, where it is, its source, the fields of {@link #CHAMPS} it carries, and its whole data only
     * where an aggregate is compared with it (millions of events are held at once).
     */
    record Evenement(String id, String topic, int partition, long offset, long horodatage, String source, Map<String, String> champs,
            String valeur) {
        String ou() {
            return topic + "-" + partition + "@" + offset;
        }

        JsonNode donnees() {
            try {
                return JSON.readTree(valeur);
            } catch (Exception e) {
                return JSON.createObjectNode();
            }
        }

        String texte(String champ) {
            return champs.get(champ);
        }

        static Map<String, String> champs(String valeur) {
            Map<String, String> m = new HashMap<>(4);
            try {
                JsonNode d = JSON.readTree(valeur);
                if (d != null) {
                    for (String c : CHAMPS) {
                        JsonNode n = d.get(c);
                        if (n != null && !n.isNull()) {
                            m.put(c, n.asText());
                        }
                    }
                }
            } catch (Exception e) {
                // unreadable data: no key, the consumer parked it or will be told about it as missing
            }
            return m;
        }
    }

    /**
     * A projection tied to events: {@code sql} returns (cle, unicite) per row. {@code cle} must be the key some event on {@code topics}
     * gives ({@code cleDeLEvenement}), else the row is counted without an event; two rows with the same {@code unicite} are one event
     * applied twice (null: not checked); when {@code exigee}, each applied event's key must be in the projection.
     */
    record Projection(String nom, String sql, List<String> topics, Function<Evenement, String> cleDeLEvenement, boolean exigee,
            String agregat) {
    }

    /** One consumer: its service (database and group), name in the inbox, topic, dead-letter topic, what it skips by design. */
    record Consommateur(String service, String nom, List<String> topics, String lettresMortes, Predicate<Evenement> ignoreParConception,
            List<Projection> projections) {
    }

    /** What the verifier found, by kind: MANQUANT, DEUX_FOIS, SANS_EVENEMENT. */
    public record Constat(String service, String consommateur, String genre, String evenement, String detail) {
        @Override
        public String toString() {
            return "%-12s %-38s %-15s %s  %s".formatted(service, consommateur, genre, evenement, detail);
        }
    }

    public record Bilan(String service, String consommateur, String topic, long surLeTopic, long ignores, long appliques, long gares,
            long horsFenetre, long manquants, long deuxFois, long sansEvenement) {
    }

    public record Rapport(List<Bilan> bilans, List<Constat> constats, List<String> remarques) {
        public boolean propre() {
            return constats.isEmpty();
        }
    }

    /** Options: bootstrap, JDBC prefix (database name appended), database and group per service, topic prefix, window, limit. */
    public record Options(String kafka, String pg, Map<String, String> bases, Map<String, String> groupes, String prefixe, Set<String> services,
            Instant depuis, Duration attente, int limite) {
    }

    static final String REFERRAL = "/referral-service";

    /** The suite's consumers and their projections (keep in step with every {@code @Incoming}). */
    static List<Consommateur> consommateurs(String prefixe) {
        String p = prefixe;
        Function<Evenement, String> parId = Evenement::id;
        Function<Evenement, String> parOrientation = e -> e.texte("orientationId");
        List<Consommateur> c = new ArrayList<>();
        // budget-service: orientation_comptee holds one row per orientation, with the event it was counted from (faite or corrigee)
        List<String> orientations = List.of(p + "orientation-faite", p + "orientation-corrigee");
        c.add(new Consommateur("budget", "indicateurs-orientations", List.of(p + "orientation-faite"), p + "budget-service.dlq.orientation-faite",
                e -> false, List.of(
                        new Projection("orientation_comptee.evenement_id", "select evenement_id, evenement_id from orientation_comptee", orientations,
                                parId, false, null),
                        new Projection("orientation_comptee.orientation_id", "select orientation_id::text, null from orientation_comptee", orientations,
                                parOrientation, true, null))));
        c.add(new Consommateur("budget", "indicateurs-orientations-corrections", List.of(p + "orientation-corrigee"),
                p + "budget-service.dlq.orientation-corrigee", e -> false, List.of(
                        new Projection("orientation_comptee.orientation_id", "select orientation_id::text, null from orientation_comptee",
                                orientations, parOrientation, true, null))));
        // droit-ouvert: only referral-service's own publications count (institutions' reports are told again by it)
        Function<Evenement, String> cleDroit = e -> REFERRAL.equals(e.source())
                ? e.texte("beneficiaire") + "/" + e.texte("droit") + "/" + e.texte("date") : null;
        c.add(new Consommateur("budget", "indicateurs-droits", List.of(p + "droit-ouvert"), p + "budget-service.dlq.referral", e -> false, List.of(
                new Projection("droit_ouvert_compte.evenement_id", "select evenement_id, evenement_id from droit_ouvert_compte",
                        List.of(p + "droit-ouvert"), parId, false, null),
                new Projection("droit_ouvert_compte.cle", "select cle, null from droit_ouvert_compte", List.of(p + "droit-ouvert"), cleDroit, true,
                        null))));
        // indicateur_parcours is an aggregate (the last publication per commune and month): its keys, and its values against the last
        // event of each key on the topic
        c.add(new Consommateur("budget", "indicateurs-parcours", List.of(p + "indicateurs-parcours"), p + "budget-service.dlq.referral",
                e -> false, List.of(new Projection("indicateur_parcours (commune/mois)", "select commune || '/' || mois, valeurs from indicateur_parcours",
                        List.of(p + "indicateurs-parcours"), e -> e.texte("commune") + "/" + e.texte("mois"), true, "dernier"))));
        c.add(new Consommateur("budget", "enveloppes", List.of(p + "convention-signee"), p + "budget-service.dlq.convention-signee", e -> false,
                List.of(new Projection("convention_financement.convention_id", "select convention_id::text, convention_id::text from convention_financement",
                        List.of(p + "convention-signee"), e -> e.texte("conventionId"), true, null))));
        // conventions-service: a realisation per (commitment, orientation) when the orientation matches a commitment (not every one does)
        c.add(new Consommateur("conventions", "engagements-orientations", List.of(p + "orientation-faite"),
                p + "conventions-service.dlq.orientation-faite", e -> false, List.of(new Projection("realisation.evenement",
                        "select evenement, engagement_id::text || ' ' || evenement from realisation where evenement like 'orientation-faite:%'",
                        List.of(p + "orientation-faite"), e -> "orientation-faite:" + e.texte("orientationId"), false, null))));
        c.add(new Consommateur("conventions", "echeances-rapports", List.of(p + "rapport-produit"), p + "conventions-service.dlq.rapport-produit",
                e -> false, List.of()));
        // referral-service: the latest designation per institution; its own re-publications of rights are dropped before the inbox
        c.add(new Consommateur("referral", "contacts-privilegies", List.of(p + "contact-privilegie-designe"),
                p + "referral-service.dlq.contact-privilegie-designe", e -> false, List.of(new Projection("designation_contact.evenement_id",
                        "select evenement_id, evenement_id from designation_contact", List.of(p + "contact-privilegie-designe"), parId, false, null))));
        c.add(new Consommateur("referral", "signalements-droits", List.of(p + "droit-ouvert", p + "droit-refuse", p + "droit-ferme"),
                p + "referral-service.dlq.droits", e -> REFERRAL.equals(e.source()), List.of()));
        return c;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Options o = new Options(a.getOrDefault("kafka", "127.0.0.1:9092"), a.getOrDefault("pg", "jdbc:postgresql://127.0.0.1:55432/"),
                paires(a.getOrDefault("bases", "budget=budget,conventions=conventions,referral=referral")),
                paires(a.getOrDefault("groupes", "budget=budget-service,conventions=conventions-service,referral=referral-service")),
                a.getOrDefault("prefixe", ""), Set.of(a.getOrDefault("services", "budget,conventions,referral").split(",")),
                a.containsKey("depuis") ? Instant.parse(a.get("depuis")) : null, Duration.ofSeconds(Long.parseLong(a.getOrDefault("attente", "60"))),
                Integer.parseInt(a.getOrDefault("limite", "20")));
        try {
            Rapport r = verifier(o, System.out);
            System.exit(r.propre() ? 0 : 1);
        } catch (java.sql.SQLException | org.apache.kafka.common.KafkaException e) {
            // nothing proven: not a clean state either
            System.err.println("vérification impossible : " + e.getMessage());
            System.exit(2);
        }
    }

    static Map<String, String> paires(String s) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : s.split(",")) {
            String[] kv = p.split("=", 2);
            if (kv.length == 2) {
                m.put(kv[0].strip(), kv[1].strip());
            }
        }
        return m;
    }

    /** Reads, compares (waiting up to {@code attente} for the consumers to catch up), prints and returns what it found. */
    public static Rapport verifier(Options o, PrintStream out) throws Exception {
        List<Consommateur> cs = consommateurs(o.prefixe()).stream().filter(c -> o.services().contains(c.service())).toList();
        Map<String, List<Evenement>> topics = new HashMap<>();
        List<String> remarques = new ArrayList<>();
        Set<String> aLire = new HashSet<>();
        cs.forEach(c -> {
            aLire.addAll(c.topics());
            aLire.add(c.lettresMortes());
            c.projections().forEach(p -> aLire.addAll(p.topics()));
        });
        Set<String> tronques = new HashSet<>();
        topics.putAll(lire(o.kafka(), aLire, tronques));
        tronques.forEach(t -> remarques.add("topic " + t + " ne commence plus à l'offset 0 (rétention) : une ligne sans événement n'y est pas prouvable"));
        long fin = System.nanoTime() + o.attente().toNanos();
        Rapport r;
        while (true) {
            r = comparer(o, cs, topics, tronques, remarques);
            if (r.propre() || System.nanoTime() > fin) {
                break;
            }
            // a consumer still catching up: its missing events are lag, not loss, until the wait is over; the events checked stay
            // those up to the end offsets of the first read, only the databases are read again
            Thread.sleep(1000);
        }
        retards(o, cs, r, remarques);
        imprimer(r, o.limite(), out);
        return r;
    }

    private static Rapport comparer(Options o, List<Consommateur> cs, Map<String, List<Evenement>> topics, Set<String> tronques,
            List<String> remarques) throws Exception {
        List<Bilan> bilans = new ArrayList<>();
        List<Constat> constats = new ArrayList<>();
        for (Consommateur c : cs) {
            String base = o.bases().getOrDefault(c.service(), c.service());
            Map<String, Evenement> surLeTopic = new LinkedHashMap<>();
            for (String t : c.topics()) {
                for (Evenement e : topics.get(t)) {
                    surLeTopic.putIfAbsent(e.id(), e); // the relay may publish an outbox row twice under one id: one event
                }
            }
            Set<String> gares = new HashSet<>();
            for (Evenement e : topics.get(c.lettresMortes())) {
                gares.add(e.id());
            }
            Set<String> inbox = new HashSet<>();
            try (Connection cx = DriverManager.getConnection(o.pg() + base, "postgres", "");
                    var ps = cx.prepareStatement("select evenement_id, topic from inbox_evenement where consommateur = ?")) {
                ps.setString(1, c.nom());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inbox.add(rs.getString(1));
                        if (!surLeTopic.containsKey(rs.getString(1)) && !c.topics().stream().anyMatch(tronques::contains)) {
                            constats.add(new Constat(c.service(), c.nom(), "SANS_EVENEMENT", rs.getString(1), "inbox : aucun événement de ce id sur "
                                    + String.join(", ", c.topics())));
                        }
                    }
                }
                long ignores = 0, appliques = 0, nGares = 0, horsFenetre = 0, manquants = 0;
                for (Evenement e : surLeTopic.values()) {
                    if (c.ignoreParConception().test(e)) {
                        ignores++;
                    } else if (inbox.contains(e.id())) {
                        appliques++;
                    } else if (gares.contains(e.id())) {
                        nGares++;
                    } else if (o.depuis() != null && e.horodatage() < o.depuis().toEpochMilli()) {
                        horsFenetre++;
                    } else {
                        manquants++;
                        constats.add(new Constat(c.service(), c.nom(), "MANQUANT", e.id(), e.ou() + " : ni dans l'inbox ni en lettre morte"));
                    }
                }
                long deuxFois = 0, sansEvenement = 0;
                for (Projection p : c.projections()) {
                    long[] n = projection(cx, c, p, topics, inbox, o.depuis(), tronques, constats);
                    deuxFois += n[0];
                    sansEvenement += n[1];
                }
                bilans.add(new Bilan(c.service(), c.nom(), String.join("+", c.topics()), surLeTopic.size(), ignores, appliques, nGares, horsFenetre,
                        manquants, deuxFois, sansEvenement + constats.stream().filter(k -> k.consommateur().equals(c.nom())
                                && k.genre().equals("SANS_EVENEMENT") && k.detail().startsWith("inbox")).count()));
            }
        }
        return new Rapport(bilans, constats, remarques);
    }

    /** @return {applied twice, counted without an event} for one projection; adds its findings */
    private static long[] projection(Connection cx, Consommateur c, Projection p, Map<String, List<Evenement>> topics, Set<String> inbox,
            Instant depuis, Set<String> tronques, List<Constat> constats) throws Exception {
        Map<String, Evenement> parCle = new HashMap<>();
        Map<String, Evenement> dernier = new HashMap<>();
        for (String t : p.topics()) {
            for (Evenement e : topics.get(t)) {
                String cle = p.cleDeLEvenement().apply(e);
                if (cle != null) {
                    parCle.putIfAbsent(cle, e);
                    Evenement d = dernier.get(cle);
                    // one key's publications share a partition (the record key): the offset orders them; across partitions, the time
                    boolean apres = d == null || (e.partition() == d.partition() ? e.offset() > d.offset() : e.horodatage() > d.horodatage());
                    if (inbox.contains(e.id()) && apres) {
                        dernier.put(cle, e);
                    }
                }
            }
        }
        Map<String, Integer> unicite = new HashMap<>();
        Map<String, String> valeurs = new HashMap<>();
        long deuxFois = 0, sans = 0;
        boolean prouvable = p.topics().stream().noneMatch(tronques::contains);
        try (Statement st = cx.createStatement(); ResultSet rs = st.executeQuery(p.sql())) {
            while (rs.next()) {
                String cle = rs.getString(1);
                String u = rs.getString(2);
                if (p.agregat() != null) {
                    valeurs.put(cle, u);
                } else if (u != null && unicite.merge(u, 1, Integer::sum) == 2) {
                    deuxFois++;
                    constats.add(new Constat(c.service(), c.nom(), "DEUX_FOIS", u, p.nom() + " : deux lignes pour un même événement"));
                }
                if (!parCle.containsKey(cle) && prouvable) {
                    sans++;
                    constats.add(new Constat(c.service(), c.nom(), "SANS_EVENEMENT", cle, p.nom() + " : aucun événement ne la donne"));
                }
                valeurs.putIfAbsent(cle, u);
            }
        }
        if (p.exigee()) {
            // each event this consumer applied (in its inbox) must have left its key in the projection
            for (String t : c.topics()) {
                for (Evenement e : topics.get(t)) {
                    String cle = p.cleDeLEvenement().apply(e);
                    if (cle != null && inbox.contains(e.id()) && !valeurs.containsKey(cle) && (depuis == null || e.horodatage() >= depuis.toEpochMilli())) {
                        constats.add(new Constat(c.service(), c.nom(), "MANQUANT", e.id(), e.ou() + " : dans l'inbox, absent de " + p.nom()));
                        valeurs.put(cle, null); // once per key
                    }
                }
            }
        }
        if ("dernier".equals(p.agregat())) {
            // an aggregate that stores no event id: its value per key recomputed from the topic (the last applied publication)
            for (Map.Entry<String, Evenement> d : dernier.entrySet()) {
                String v = valeurs.get(d.getKey());
                if (v != null && !JSON.readTree(v).equals(d.getValue().donnees())) {
                    constats.add(new Constat(c.service(), c.nom(), "SANS_EVENEMENT", d.getKey(), p.nom()
                            + " : la valeur n'est pas celle de la dernière publication " + d.getValue().id()));
                }
            }
        }
        return new long[] { deuxFois, sans };
    }

    /**
     * Reads whole topics with one consumer, from their beginning to the end offsets they have now; notes a topic whose beginning
     * retention removed. A parked record is read as the event it carries (its ce_id), where it came from in its place.
     */
    static Map<String, List<Evenement>> lire(String kafka, Set<String> topics, Set<String> tronques) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        Map<String, List<Evenement>> lus = new HashMap<>();
        topics.forEach(t -> lus.put(t, new ArrayList<>()));
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p)) {
            Map<String, List<org.apache.kafka.common.PartitionInfo>> existants = c.listTopics(Duration.ofSeconds(10));
            List<TopicPartition> parts = new ArrayList<>();
            for (String t : topics) {
                if (existants.containsKey(t)) {
                    existants.get(t).forEach(i -> parts.add(new TopicPartition(t, i.partition())));
                }
            }
            if (parts.isEmpty()) {
                return lus;
            }
            c.assign(parts);
            c.beginningOffsets(parts, Duration.ofSeconds(10)).forEach((tp, d) -> {
                if (d > 0) {
                    tronques.add(tp.topic());
                }
            });
            c.seekToBeginning(parts);
            Map<TopicPartition, Long> fins = c.endOffsets(parts, Duration.ofSeconds(10));
            long limite = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (parts.stream().anyMatch(tp -> c.position(tp, Duration.ofSeconds(10)) < fins.get(tp))) {
                if (System.nanoTime() > limite) {
                    throw new IllegalStateException("lecture des topics bloquée : fin non atteinte en 30 min");
                }
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(500))) {
                    if (r.offset() < fins.get(new TopicPartition(r.topic(), r.partition()))) {
                        String id = entete(r, "ce_id");
                        boolean gare = r.topic().contains(".dlq.");
                        lus.get(r.topic()).add(new Evenement(id == null ? "(sans ce_id)" : id, gare ? entete(r, "dead-letter-topic") : r.topic(),
                                gare ? Integer.parseInt(entete(r, "dead-letter-partition", "-1")) : r.partition(),
                                gare ? Long.parseLong(entete(r, "dead-letter-offset", "-1")) : r.offset(), r.timestamp(), entete(r, "ce_source"),
                                gare ? Map.of() : Evenement.champs(r.value()), gare || !r.topic().endsWith("indicateurs-parcours") ? null : r.value()));
                    }
                }
            }
        }
        return lus;
    }

    private static String entete(ConsumerRecord<String, String> r, String nom) {
        Header h = r.headers().lastHeader(nom);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static String entete(ConsumerRecord<String, String> r, String nom, String defaut) {
        String v = entete(r, nom);
        return v == null || v.isBlank() ? defaut : v;
    }

    /** The consumer groups' lag, printed beside the findings: a missing event behind a lag is not yet a loss. */
    private static void retards(Options o, List<Consommateur> cs, Rapport r, List<String> remarques) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, o.kafka());
        try (Admin admin = Admin.create(p); KafkaConsumer<String, String> c = consommateurFins(o.kafka())) {
            for (String service : o.services()) {
                String groupe = o.groupes().get(service);
                if (groupe == null) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> engages = admin.listConsumerGroupOffsets(groupe).partitionsToOffsetAndMetadata()
                        .get(java.util.concurrent.TimeUnit.SECONDS.toMillis(10), java.util.concurrent.TimeUnit.MILLISECONDS);
                Set<String> siens = new HashSet<>();
                cs.stream().filter(k -> k.service().equals(service)).forEach(k -> siens.addAll(k.topics()));
                Map<TopicPartition, Long> fins = c.endOffsets(engages.keySet().stream().filter(tp -> siens.contains(tp.topic())).toList());
                long retard = 0;
                for (Map.Entry<TopicPartition, Long> f : fins.entrySet()) {
                    OffsetAndMetadata e = engages.get(f.getKey());
                    retard += Math.max(0, f.getValue() - (e == null ? 0 : e.offset()));
                }
                remarques.add("groupe " + groupe + " (" + service + ") : retard " + retard + " enregistrements sur ses topics vérifiés");
            }
        } catch (Exception e) {
            remarques.add("retard des groupes illisible : " + e);
        }
    }

    private static KafkaConsumer<String, String> consommateurFins(String kafka) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }

    private static void imprimer(Rapport r, int limite, PrintStream out) {
        out.println("== vérification : chaque compte contre le journal d'événements");
        out.printf("%-12s %-38s %9s %8s %9s %7s %8s %9s %7s %7s%n", "service", "consommateur", "topic", "ignorés", "appliqués", "garés",
                "fenêtre-", "manquants", "2 fois", "sans év.");
        for (Bilan b : r.bilans()) {
            out.printf("%-12s %-38s %9d %8d %9d %7d %8d %9d %7d %7d%n", b.service(), b.consommateur(), b.surLeTopic(), b.ignores(), b.appliques(),
                    b.gares(), b.horsFenetre(), b.manquants(), b.deuxFois(), b.sansEvenement());
        }
        r.remarques().forEach(m -> out.println("remarque : " + m));
        Map<String, Integer> parGenre = new LinkedHashMap<>();
        int imprimes = 0;
        for (Constat c : r.constats()) {
            parGenre.merge(c.genre(), 1, Integer::sum);
            if (imprimes++ < limite) {
                out.println(c);
            }
        }
        if (r.constats().size() > limite) {
            out.println("... et " + (r.constats().size() - limite) + " autres");
        }
        out.println(r.propre() ? "RESULTAT verifier=propre" : "RESULTAT verifier=ECART " + parGenre);
    }

    private Verifier() {
    }
}
