package fr.actionsociale.banc;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts N orientations to referral-service with C concurrent clients (optionally paced at R per second),
 * then reads from budget-service's database when each one was counted, and prints throughput, latency and
 * lag. Run by `deploy/local/suite bench`, with pgjdbc on the class path.
 */
public class Bench {

    public static void main(String[] a) throws Exception {
        Map<String, String> o = Banc.options(a);
        int n = Integer.parseInt(o.getOrDefault("--n", "5000"));
        int c = Integer.parseInt(o.getOrDefault("--concurrence", "16"));
        double debit = Double.parseDouble(o.getOrDefault("--debit", "0"));
        String jeton = o.get("--jeton");
        URI url = URI.create(o.getOrDefault("--url", "http://localhost:" + (8083 + Banc.DECALAGE)) + "/orientations");
        String pgPort = System.getenv().getOrDefault("SUITE_PG_PORT", "55432");
        String pg = o.getOrDefault("--pg", "jdbc:postgresql://localhost:" + pgPort + "/budget");
        // the base URL of the three databases: with it, the run is measured for the floor (Plancher) and CPU per orientation
        String pgBase = o.get("--pg-base");
        // name:pid of each process whose CPU is counted; PostgreSQL's postmaster counts with its backends
        List<String[]> pids = new ArrayList<>();
        for (String p : o.getOrDefault("--pids", "").split(",")) {
            if (p.contains(":")) {
                pids.add(p.split(":", 2));
            }
        }
        // INSEE 99xxx codes are foreign countries, never a demo commune: bench rows cannot be mistaken for demo data
        String commune = "99" + String.format("%03d", (int) (Math.random() * 1000));
        int echauffement = Integer.parseInt(o.getOrDefault("--echauffement", "1"));
        // referral-service orients only people it knows: this run's people are registered first (not measured), straight into
        // its database, by the token's institution so that its agents may orient them
        base = (long) (Math.random() * (1L << 40));
        mesurees = n;
        try (Connection cx = DriverManager.getConnection(o.getOrDefault("--pg-referral", "jdbc:postgresql://localhost:" + pgPort + "/referral"), "postgres", "");
                PreparedStatement ps = cx.prepareStatement("insert into beneficiaire (id, reference, commune, cree_par) select gen_random_uuid(), "
                        + "'ben-' || lpad(to_hex(? + g), 12, '0'), ?, ? from generate_series(0, ?) g")) {
            ps.setLong(1, base);
            ps.setString(2, commune);
            ps.setString(3, o.getOrDefault("--institution", "cdas-pays-de-redon"));
            ps.setInt(4, n + echauffement + 1);
            ps.executeUpdate();
        }

        // warm-up: JIT and pools, not measured
        try (Banc.Connexion cx = new Banc.Connexion(url.getPort())) {
            for (int i = 0; i < Integer.parseInt(o.getOrDefault("--echauffement", "1")); i++) {
                poster(cx, url.getPath(), jeton, corps(commune, -1 - i));
            }
        }

        // the warm-up's events applied downstream before the measure starts: its work is not counted against the measured run
        if (pgBase != null) {
            attendreComptees(pg, commune, echauffement);
            attendreCalme(pgBase + "conventions", "select count(*) from inbox_evenement");
            Plancher.reinitialiser(pgBase);
        }
        long[] ticksAvant = new long[pids.size()];
        for (int k = 0; k < pids.size(); k++) {
            ticksAvant[k] = ticksDe(pids.get(k));
        }

        long[] debut = new long[n];
        long[] latence = new long[n];
        String[] ids = new String[n];
        AtomicInteger suivant = new AtomicInteger();
        AtomicInteger erreurs = new AtomicInteger();
        Map<Integer, Integer> statuts = new ConcurrentHashMap<>();
        CountDownLatch fini = new CountDownLatch(c);
        long t0 = System.nanoTime();
        long t0ms = System.currentTimeMillis();
        for (int w = 0; w < c; w++) {
            new Thread(() -> {
                try (Banc.Connexion cx = new Banc.Connexion(url.getPort())) {
                    int i;
                    while ((i = suivant.getAndIncrement()) < n) {
                        long prevu = debit > 0 ? t0 + (long) (i * 1e9 / debit) : System.nanoTime();
                        long attente = prevu - System.nanoTime();
                        if (attente > 0) {
                            Thread.sleep(attente / 1_000_000, (int) (attente % 1_000_000));
                        }
                        long avant = System.nanoTime();
                        debut[i] = t0ms + (avant - t0) / 1_000_000;
                        Banc.Reponse r = poster(cx, url.getPath(), jeton, corps(commune, i));
                        // paced: latency from the planned start, so that a stall is not hidden (coordinated omission)
                        latence[i] = System.nanoTime() - (debit > 0 ? Math.min(prevu, avant) : avant);
                        statuts.merge(r.statut(), 1, Integer::sum);
                        if (r.statut() == 201) {
                            Matcher m = ID.matcher(r.corps());
                            ids[i] = m.find() ? m.group(1) : null;
                        } else {
                            erreurs.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    erreurs.incrementAndGet();
                    System.err.println("client : " + e);
                } finally {
                    fini.countDown();
                }
            }).start();
        }
        fini.await();
        double secondes = (System.nanoTime() - t0) / 1e9;
        long acceptes = Arrays.stream(ids).filter(x -> x != null).count();

        // lag: from the POST's start to the moment budget-service counted it (same machine, same clock)
        Map<String, Long> applique = new HashMap<>();
        long limite = System.currentTimeMillis() + 120_000;
        try (Connection cx = DriverManager.getConnection(pg, "postgres", "")) {
            while (System.currentTimeMillis() < limite) {
                try (PreparedStatement ps = cx.prepareStatement(
                        "select orientation_id::text, (extract(epoch from applique_le) * 1000)::bigint from orientation_comptee where commune = ?")) {
                    ps.setString(1, commune);
                    applique.clear();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            applique.put(rs.getString(1), rs.getLong(2));
                        }
                    }
                }
                if (applique.size() >= acceptes + echauffement) {
                    break;
                }
                Thread.sleep(250);
            }
        }
        // measured work ends when both consumers are done: budget-service has counted them all (above), conventions-service's
        // inbox stops growing
        long[] ticksApres = new long[pids.size()];
        List<Plancher.Releve> releves = null;
        if (pgBase != null) {
            attendreCalme(pgBase + "conventions", "select count(*) from inbox_evenement");
            for (int k = 0; k < pids.size(); k++) {
                ticksApres[k] = ticksDe(pids.get(k));
            }
            releves = Plancher.lire(pgBase);
            Plancher.ecrire(releves, java.nio.file.Path.of(o.get("--releve")));
        }
        List<Long> lags = new ArrayList<>();
        long perdus = 0;
        for (int i = 0; i < n; i++) {
            if (ids[i] == null) {
                continue;
            }
            Long t = applique.get(ids[i]);
            if (t == null) {
                perdus++;
            } else {
                lags.add(t - debut[i]);
            }
        }
        long[] l = Arrays.stream(latence).filter(x -> x > 0).sorted().toArray();
        long[] g = lags.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("orientations       %d postées, %d acceptées (201), statuts %s, commune %s%n", n, acceptes, statuts, commune);
        System.out.printf("débit POST         %.0f orientations/s (concurrence %d%s, %.1f s)%n", acceptes / secondes, c,
                debit > 0 ? ", cadence visée " + (int) debit + "/s" : "", secondes);
        System.out.printf("latence POST       p50 %.1f ms   p99 %.1f ms   p99.9 %.1f ms   max %.1f ms%n", Banc.quantile(l, 0.50) / 1e6,
                Banc.quantile(l, 0.99) / 1e6, Banc.quantile(l, 0.999) / 1e6, l.length == 0 ? 0 : l[l.length - 1] / 1e6);
        System.out.printf("délai POST→indicateur p50 %d ms   p99 %d ms   max %d ms   (non comptées après 120 s : %d)%n",
                (long) Banc.quantile(g, 0.50), (long) Banc.quantile(g, 0.99), g.length == 0 ? 0 : g[g.length - 1], perdus);
        if (pgBase != null && acceptes > 0) {
            // CPU milliseconds per measured orientation, from its first POST until both consumers have applied the last one
            double hz = 100; // USER_HZ: 100 on Linux whatever the kernel's tick
            double total = 0;
            for (int k = 0; k < pids.size(); k++) {
                double ms = (ticksApres[k] - ticksAvant[k]) * 1000 / hz / acceptes;
                total += ms;
                System.out.printf("CPU/orientation    %-20s %.2f ms%n", pids.get(k)[0], ms);
            }
            System.out.printf("CPU/orientation    %-20s %.2f ms (cible ≤ 1,5 ms)%n", "total", total);
            System.out.printf("RESULTAT orientations=%d%n", acceptes);
        }
        System.out.printf("RESULTAT debit=%.1f%n", acceptes / secondes);
    }

    static long ticksDe(String[] processus) {
        long pid = Long.parseLong(processus[1].strip());
        return processus[0].equals("postgres") ? Plancher.ticksArbre(pid) : Plancher.ticks(pid);
    }

    /** Until budget-service has counted {@code n} orientations of this run's commune (120 s at most). */
    static void attendreComptees(String pg, String commune, int n) throws Exception {
        long limite = System.currentTimeMillis() + 120_000;
        try (Connection cx = DriverManager.getConnection(pg, "postgres", "");
                PreparedStatement ps = cx.prepareStatement("select count(*) from orientation_comptee where commune = ?")) {
            ps.setString(1, commune);
            while (System.currentTimeMillis() < limite) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) >= n) {
                        return;
                    }
                }
                Thread.sleep(200);
            }
        }
    }

    /** Until a count stays the same for a second (a consumer has nothing left to apply), 120 s at most. */
    static void attendreCalme(String url, String requete) throws Exception {
        long limite = System.currentTimeMillis() + 120_000;
        long avant = -1;
        try (Connection cx = DriverManager.getConnection(url, "postgres", ""); PreparedStatement ps = cx.prepareStatement(requete)) {
            while (System.currentTimeMillis() < limite) {
                long n;
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    n = rs.getLong(1);
                }
                if (n == avant) {
                    return;
                }
                avant = n;
                Thread.sleep(1000);
            }
        }
    }

    static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    /** The first of this run's registered people: person i is {@code ben-} and the hex of base + i. */
    static long base;
    static int mesurees;

    static byte[] corps(String commune, int i) {
        // warm-up requests (negative i) take the people after the measured ones
        long numero = base + (i >= 0 ? i : mesurees - (long) i);
        return ("{\"beneficiaire\":\"ben-" + String.format("%012x", numero) + "\",\"structure\":\""
                + (Math.floorMod(i, 3) == 0 ? "caf-35" : Math.floorMod(i, 3) == 1 ? "cpam-35" : "france-travail-35")
                + "\",\"commune\":\"" + commune + "\",\"motif\":\"banc d'essai\",\"droitsVises\":[\"RSA\"]}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Without an idempotency key, as an unmeasured client would; a connection the server closed while idle gets one more try. */
    static Banc.Reponse poster(Banc.Connexion cx, String chemin, String jeton, byte[] corps) throws IOException {
        try {
            return cx.post(chemin, jeton, null, corps);
        } catch (IOException e) {
            cx.reouvrir();
            return cx.post(chemin, jeton, null, corps);
        }
    }
}
