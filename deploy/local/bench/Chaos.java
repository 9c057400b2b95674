import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client side of `deploy/local/suite chaos`: posts orientations at a steady rate while the script kills and restarts the
 * services, Kafka and PostgreSQL, remembers what each request was told, then waits for the suite to catch up and compares:
 * every orientation answered 201 must be stored by referral-service and counted once by budget-service; no request
 * refused with an error may have left an orientation behind. Prints the counts and exits 1 on any loss or double count.
 * Run with pgjdbc on the class path.
 */
public class Chaos {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    record Resultat(int statut, String id, String typeContenu) {
    }

    public static void main(String[] a) throws Exception {
        Map<String, String> o = new HashMap<>();
        for (int i = 0; i + 1 < a.length; i += 2) {
            o.put(a[i], a[i + 1]);
        }
        double debit = Double.parseDouble(o.getOrDefault("--debit", "40"));
        int duree = Integer.parseInt(o.getOrDefault("--duree", "90"));
        int n = (int) (debit * duree);
        String jeton = o.get("--jeton");
        String referral = o.getOrDefault("--pg-referral", "jdbc:postgresql://localhost:55432/referral");
        String budget = o.getOrDefault("--pg-budget", "jdbc:postgresql://localhost:55432/budget");
        URI url = URI.create(o.getOrDefault("--url", "http://localhost:8083") + "/orientations");
        String commune = "99" + String.format("%03d", (int) (Math.random() * 1000));
        long base = (long) (Math.random() * (1L << 40));

        // one person per request, registered straight into referral's database before the load (not measured)
        try (Connection cx = DriverManager.getConnection(referral, "postgres", "");
                PreparedStatement ps = cx.prepareStatement("insert into beneficiaire (id, reference, commune, cree_par) select gen_random_uuid(), "
                        + "'ben-' || lpad(to_hex(? + g), 12, '0'), ?, 'ccas-pipriac' from generate_series(0, ?) g")) {
            ps.setLong(1, base);
            ps.setString(2, commune);
            ps.setInt(3, n);
            ps.executeUpdate();
        }

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        Resultat[] resultats = new Resultat[n];
        ExecutorService pool = Executors.newFixedThreadPool(32);
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long prevu = t0 + (long) (i * 1e9 / debit);
            long attente = prevu - System.nanoTime();
            if (attente > 0) {
                Thread.sleep(attente / 1_000_000, (int) (attente % 1_000_000));
            }
            int k = i;
            pool.submit(() -> {
                String corps = """
                        {"beneficiaire":"%s","structure":"caf-35","commune":"%s","motif":"banc d'essai sous pannes","droitsVises":["RSA"]}"""
                        .formatted(reference(base, k), commune);
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + jeton).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(corps)).build(), HttpResponse.BodyHandlers.ofString());
                    Matcher m = ID.matcher(r.body());
                    resultats[k] = new Resultat(r.statusCode(), r.statusCode() == 201 && m.find() ? m.group(1) : null,
                            r.headers().firstValue("Content-Type").orElse(""));
                } catch (Exception e) {
                    resultats[k] = new Resultat(-1, null, "");
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        double secondes = (System.nanoTime() - t0) / 1e9;

        Map<Integer, Integer> statuts = new TreeMap<>();
        Set<String> acceptees = new HashSet<>();
        int erreursSansProbleme = 0;
        for (Resultat r : resultats) {
            statuts.merge(r.statut(), 1, Integer::sum);
            if (r.id() != null) {
                acceptees.add(r.id());
            }
            if (r.statut() >= 400 && !r.typeContenu().startsWith("application/problem+json")) {
                erreursSansProbleme++;
            }
        }

        // catch-up: every accepted orientation counted by budget-service, or five minutes
        long limite = System.currentTimeMillis() + 300_000;
        Map<String, Integer> compteesLues;
        Set<String> stockees = new HashSet<>();
        Map<String, Integer> stockeesParPersonne = new HashMap<>();
        while (true) {
            compteesLues = lignes(budget, "select orientation_id::text from orientation_comptee where commune = ?", commune);
            if (compteesLues.keySet().containsAll(acceptees) || System.currentTimeMillis() > limite) {
                break;
            }
            Thread.sleep(1000);
        }
        Map<String, Integer> comptees = compteesLues;
        Map<String, Integer> enregistrees = lignes(referral, "select id::text || ' ' || beneficiaire from orientation where commune = ?", commune);
        for (String l : enregistrees.keySet()) {
            stockees.add(l.split(" ")[0]);
            stockeesParPersonne.merge(l.split(" ")[1], 1, Integer::sum);
        }
        long perduesReferral = acceptees.stream().filter(id -> !stockees.contains(id)).count();
        long nonComptees = acceptees.stream().filter(id -> !comptees.containsKey(id)).count();
        long compteesDeuxFois = comptees.values().stream().filter(v -> v > 1).count();
        // a request refused with an error must not have left its orientation behind; one left without an answer may have
        int refuseesMaisEcrites = 0;
        int sansReponseEcrites = 0;
        for (int i = 0; i < n; i++) {
            boolean ecrite = stockeesParPersonne.containsKey(reference(base, i));
            if (resultats[i].statut() >= 400 && ecrite) {
                refuseesMaisEcrites++;
            }
            if (resultats[i].statut() == -1 && ecrite) {
                sansReponseEcrites++;
            }
        }
        long enTrop = comptees.keySet().stream().filter(id -> !acceptees.contains(id)).count();

        System.out.printf("charge             %d orientations à %.0f/s en %.1f s, commune %s%n", n, debit, secondes, commune);
        System.out.printf("réponses           %s (-1 = sans réponse : service tué ou redémarré pendant la requête)%n", statuts);
        System.out.printf("acceptées (201)    %d%n", acceptees.size());
        System.out.printf("enregistrées       %d dans referral-service, dont %d sans réponse au client (il réessaierait avec sa clé d'idempotence)%n",
                stockees.size(), sansReponseEcrites);
        System.out.printf("comptées           %d par budget-service (orientation-faite appliqués), %d en plus des acceptées%n", comptees.size(), enTrop);
        System.out.printf("perdues            %d (acceptées mais absentes de referral-service) + %d (acceptées mais jamais comptées)%n",
                perduesReferral, nonComptees);
        System.out.printf("comptées deux fois %d%n", compteesDeuxFois);
        System.out.printf("refusées mais écrites %d (une erreur ne laisse rien derrière elle)%n", refuseesMaisEcrites);
        System.out.printf("erreurs hors problem+json %d%n", erreursSansProbleme);
        boolean ok = perduesReferral == 0 && nonComptees == 0 && compteesDeuxFois == 0 && refuseesMaisEcrites == 0 && erreursSansProbleme == 0
                && enTrop == sansReponseEcrites;
        System.out.println(ok ? "chaos              rien de perdu, rien de compté deux fois" : "chaos              ÉCHEC");
        System.exit(ok ? 0 : 1);
    }

    static String reference(long base, int i) {
        return "ben-" + String.format("%12s", Long.toHexString(base + i)).replace(' ', '0');
    }

    /** Each row's value and how many times it appears. */
    static Map<String, Integer> lignes(String pg, String sql, String commune) throws Exception {
        Map<String, Integer> m = new HashMap<>();
        try (Connection cx = DriverManager.getConnection(pg, "postgres", ""); PreparedStatement ps = cx.prepareStatement(sql)) {
            ps.setString(1, commune);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.merge(rs.getString(1), 1, Integer::sum);
                }
            }
        }
        return m;
    }
}
