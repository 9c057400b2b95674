package fr.actionsociale.banc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Personal data stays in referral-service: reads every topic of the suite from its beginning and every service log, and
 * fails on any name, phone number, e-mail address or social-security number of the people referral-service knows (demo
 * and generated), and on any e-mail address or valid social-security number at all. Run by `deploy/local/suite pii`, with
 * kafka-clients and pgjdbc on the class path.
 */
public class DonneesPersonnelles {

    static final Pattern COURRIEL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
    /** NIR: sex, year, month, department (2A/2B for Corsica), commune, order, then the key (97 - n mod 97). */
    static final Pattern NIR = Pattern.compile("(?<![0-9])([12])[ ]?([0-9]{2})[ ]?(0[1-9]|1[0-2]|[2-9][0-9])[ ]?([0-9]{2}|2[AB])[ ]?([0-9]{3})[ ]?([0-9]{3})[ ]?([0-9]{2})(?![0-9])");
    static final Pattern TELEPHONE = Pattern.compile("(?<![0-9])(?:\\+33[ .]?|0)[1-9](?:[ .-]?[0-9]{2}){4}(?![0-9])");
    static final Pattern MOTS = Pattern.compile("[\\p{L}][\\p{L}'-]+");
    static final Pattern CHIFFRES = Pattern.compile("(?<![0-9])[0-9]{7,13}(?![0-9])");

    record Fuite(String ou, String nature, String valeur) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Banc.options(args);
        Path etat = Path.of(a.getOrDefault("--etat", ".suite"));
        String bootstrap = a.getOrDefault("--kafka", "localhost:9092");
        String pg = a.getOrDefault("--pg-referral", "jdbc:postgresql://localhost:55432/referral");

        // what referral-service knows of each person: the values that must never leave it
        Set<String> noms = new HashSet<>();
        Set<String> telephones = new HashSet<>();
        Set<String> courriels = new HashSet<>();
        Set<String> allocataires = new HashSet<>();
        int personnes = 0;
        try (Connection cx = DriverManager.getConnection(pg, "postgres", ""); Statement st = cx.createStatement();
                ResultSet rs = st.executeQuery("select nom, prenom, contact, numero_allocataire from beneficiaire")) {
            while (rs.next()) {
                personnes++;
                for (String n : new String[] { rs.getString(1), rs.getString(2) }) {
                    // the fuzzer's placeholder values ("fuzz-123") fill every text field, codes included: not a name
                    if (n != null && !n.matches("fuzz-[0-9]+")) {
                        Matcher m = MOTS.matcher(n);
                        while (m.find()) {
                            if (m.group().length() >= 3) {
                                noms.add(m.group().toLowerCase(Locale.ROOT));
                            }
                        }
                    }
                }
                String contact = rs.getString(3);
                if (contact != null) {
                    if (contact.contains("@")) {
                        courriels.add(contact.toLowerCase(Locale.ROOT));
                    } else {
                        telephones.add(chiffres(contact));
                    }
                }
                if (rs.getString(4) != null) {
                    allocataires.add(rs.getString(4));
                }
            }
        }
        System.out.printf("personnes connues    %d (%d noms et prénoms distincts, %d téléphones, %d courriels, %d numéros d'allocataire)%n",
                personnes, noms.size(), telephones.size(), courriels.size(), allocataires.size());

        Detecteur d = new Detecteur(noms, telephones, courriels, allocataires);
        List<Fuite> fuites = new ArrayList<>();

        // the detector must see a leak before its silence means anything: one line made of each kind of value
        List<Fuite> preuve = new ArrayList<>();
        String nir = "1850435236123";
        String faux = "{\"nom\":\"" + (noms.isEmpty() ? "" : noms.iterator().next()) + "\",\"tel\":\"" + (telephones.isEmpty() ? "" : telephones.iterator().next())
                + "\",\"alloc\":\"" + (allocataires.isEmpty() ? "" : allocataires.iterator().next()) + "\",\"mail\":\"camille@example.org\",\"nir\":\""
                + nir + String.format("%02d", 97 - Long.parseLong(nir) % 97) + "\"}";
        d.examiner("preuve", faux, preuve);
        Set<String> natures = new HashSet<>();
        preuve.forEach(f -> natures.add(f.nature()));
        int attendues = 2 + (noms.isEmpty() ? 0 : 1) + (telephones.isEmpty() ? 0 : 1) + (allocataires.isEmpty() ? 0 : 1);
        System.out.printf("contrôle du détecteur une fuite factice de chaque sorte : %d sortes vues sur %d %s%n", natures.size(), attendues, natures);
        if (natures.size() != attendues) {
            System.out.println("le détecteur ne voit pas une fuite qu'il doit voir : son silence ne prouverait rien");
            System.exit(2);
        }

        // every topic, from its beginning: keys, values and headers
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        Map<String, Long> parTopic = new TreeMap<>();
        try (Admin admin = Admin.create(p); KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p)) {
            Set<String> topics = new TreeMap<String, Object>(admin.listTopics().namesToListings().get()).keySet();
            for (String topic : topics) {
                List<TopicPartition> partitions = c.partitionsFor(topic).stream().map(i -> new TopicPartition(topic, i.partition())).toList();
                c.assign(partitions);
                c.seekToBeginning(partitions);
                Map<TopicPartition, Long> fins = c.endOffsets(partitions);
                long lus = 0;
                while (partitions.stream().anyMatch(tp -> c.position(tp) < fins.get(tp))) {
                    for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(500))) {
                        lus++;
                        StringBuilder tout = new StringBuilder(texte(r.key())).append('\n').append(texte(r.value()));
                        for (Header h : r.headers()) {
                            tout.append('\n').append(h.key()).append(": ").append(texte(h.value()));
                        }
                        d.examiner(topic + "-" + r.partition() + "@" + r.offset(), tout.toString(), fuites);
                    }
                }
                parTopic.put(topic, lus);
                if (lus > 0) {
                    System.out.printf("  %-42s %,d enregistrements%n", topic, lus);
                }
            }
        }
        long enregistrements = parTopic.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("topics               %d topics, %d enregistrements lus depuis le début%n", parTopic.size(), enregistrements);

        // every service log
        Map<String, Long> parJournal = new TreeMap<>();
        try (Stream<Path> journaux = Files.list(etat.resolve("logs"))) {
            for (Path j : journaux.filter(f -> f.getFileName().toString().endsWith("-service.log")).toList()) {
                long lignes = 0;
                for (String ligne : Files.readAllLines(j, StandardCharsets.UTF_8)) {
                    lignes++;
                    d.examiner(j.getFileName() + ":" + lignes, ligne, fuites);
                }
                parJournal.put(j.getFileName().toString(), lignes);
            }
        }
        System.out.printf("journaux             %s%n", parJournal);

        Map<String, Integer> parNature = new TreeMap<>();
        fuites.forEach(f -> parNature.merge(f.nature(), 1, Integer::sum));
        System.out.printf("données personnelles %d trouvée(s) %s%n", fuites.size(), parNature);
        fuites.stream().limit(30).forEach(f -> System.out.printf("  %s : %s « %s »%n", f.ou(), f.nature(), masquer(f.valeur())));
        System.exit(fuites.isEmpty() ? 0 : 1);
    }

    static String texte(byte[] b) {
        return b == null ? "" : new String(b, StandardCharsets.UTF_8);
    }

    static String chiffres(String s) {
        String c = s.replaceAll("[^0-9+]", "");
        return c.startsWith("+33") ? "0" + c.substring(3) : c;
    }

    /** The report shows where a value leaked, not the value itself. */
    static String masquer(String v) {
        return v.length() <= 2 ? "**" : v.charAt(0) + "*".repeat(v.length() - 2) + v.charAt(v.length() - 1);
    }

    static final class Detecteur {
        final Set<String> noms;
        final Set<String> telephones;
        final Set<String> courriels;
        final Set<String> allocataires;

        Detecteur(Set<String> noms, Set<String> telephones, Set<String> courriels, Set<String> allocataires) {
            this.noms = noms;
            this.telephones = telephones;
            this.courriels = courriels;
            this.allocataires = allocataires;
        }

        void examiner(String ou, String texte, List<Fuite> fuites) {
            if (texte.isEmpty()) {
                return;
            }
            Matcher m = COURRIEL.matcher(texte);
            while (m.find()) {
                // any e-mail address: the suite's events and logs carry none (staff are named by institution code)
                fuites.add(new Fuite(ou, courriels.contains(m.group().toLowerCase(Locale.ROOT)) ? "courriel d'une personne suivie" : "courriel", m.group()));
            }
            m = NIR.matcher(texte);
            while (m.find()) {
                String nir = m.group().replace(" ", "");
                if (cleNirValide(nir)) {
                    fuites.add(new Fuite(ou, "numéro de sécurité sociale", nir));
                }
            }
            m = TELEPHONE.matcher(texte);
            while (m.find()) {
                if (telephones.contains(chiffres(m.group()))) {
                    fuites.add(new Fuite(ou, "téléphone d'une personne suivie", m.group()));
                }
            }
            m = CHIFFRES.matcher(texte);
            while (m.find()) {
                if (allocataires.contains(m.group())) {
                    fuites.add(new Fuite(ou, "numéro d'allocataire", m.group()));
                }
            }
            String minuscules = texte.toLowerCase(Locale.ROOT);
            for (String nom : noms) {
                for (int i = minuscules.indexOf(nom); i >= 0; i = minuscules.indexOf(nom, i + 1)) {
                    int fin = i + nom.length();
                    boolean debutDeMot = i == 0 || !Character.isLetter(minuscules.charAt(i - 1));
                    boolean finDeMot = fin == minuscules.length() || !Character.isLetter(minuscules.charAt(fin));
                    if (debutDeMot && finDeMot) {
                        fuites.add(new Fuite(ou, "nom ou prénom d'une personne suivie", texte.substring(i, fin)));
                    }
                }
            }
        }

        static boolean cleNirValide(String nir) {
            String corps = nir.substring(0, 13).replace("2A", "19").replace("2B", "18");
            try {
                long n = Long.parseLong(corps);
                return 97 - (n % 97) == Integer.parseInt(nir.substring(13));
            } catch (NumberFormatException e) {
                return false;
            }
        }
    }
}
