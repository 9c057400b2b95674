package fr.actionsociale.banc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;

/**
 * How the suite comes back after each fault of `suite chaos`: the time from the fault (a kill, a restart) to the moment
 * the events flow again (every event written after it applied by every consumer within {@link #SEUIL_MS} of its commit),
 * the worst request latency around it, and the consumer-group rebalances it caused (the group epoch's increments, sampled
 * from the broker twice a second).
 */
final class Reprise {

    /** "Back to normal": an event applied within one second of its commit. */
    static final long SEUIL_MS = 1000;

    record Panne(long ms, String libelle) {
    }

    /** One event written during the run: when it was committed, and its worst delay to any consumer (-1: never applied). */
    record Delai(long creeMs, long lagMs) {
    }

    private Reprise() {
    }

    /** The faults `suite chaos` wrote, one a line: "epoch-milliseconds label". */
    static List<Panne> lire(Path fichier) throws Exception {
        List<Panne> pannes = new ArrayList<>();
        if (fichier == null || !Files.exists(fichier)) {
            return pannes;
        }
        for (String ligne : Files.readAllLines(fichier)) {
            String[] p = ligne.trim().split(" ", 2);
            if (p.length == 2) {
                pannes.add(new Panne(Long.parseLong(p[0]), p[1]));
            }
        }
        return pannes;
    }

    /**
     * Milliseconds from {@code debut} until the last event committed in [debut, fin) that waited {@link #SEUIL_MS} or more
     * was applied: after that moment, every event of the window flowed within the threshold. 0 if none waited; -1 if one
     * was never applied.
     */
    static long retour(long debut, long fin, List<Delai> delais) {
        long retour = 0;
        for (Delai d : delais) {
            if (d.creeMs() < debut || d.creeMs() >= fin) {
                continue;
            }
            if (d.lagMs() < 0) {
                return -1;
            }
            if (d.lagMs() >= SEUIL_MS) {
                retour = Math.max(retour, d.creeMs() + d.lagMs() - debut);
            }
        }
        return retour;
    }

    /** How many times a group's epoch moved between samples taken in [debut, fin), the sample just before included. */
    static int reequilibrages(List<long[]> echantillons, long debut, long fin) {
        int n = 0;
        long precedent = Long.MIN_VALUE;
        for (long[] e : echantillons) {
            if (e[0] >= fin) {
                break;
            }
            if (e[0] >= debut && precedent != Long.MIN_VALUE && e[1] != precedent) {
                n++;
            }
            precedent = e[1];
        }
        return n;
    }

    /** Samples each consumer group's epoch (KIP-848 groups) twice a second until closed; a broker down gives no sample. */
    static final class Groupes implements AutoCloseable {
        private final Admin admin;
        private final List<String> groupes;
        final Map<String, List<long[]>> epoques = new ConcurrentHashMap<>();
        private final Thread fil;
        private volatile boolean actif = true;

        Groupes(String kafka, List<String> groupes) {
            Properties p = new Properties();
            p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
            p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
            p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000);
            this.admin = Admin.create(p);
            this.groupes = groupes;
            groupes.forEach(g -> epoques.put(g, new CopyOnWriteArrayList<>()));
            this.fil = new Thread(this::boucle, "groupes");
            fil.setDaemon(true);
            fil.start();
        }

        private void boucle() {
            while (actif) {
                try {
                    Map<String, ConsumerGroupDescription> d = admin.describeConsumerGroups(groupes).all().get(2, TimeUnit.SECONDS);
                    long maintenant = System.currentTimeMillis();
                    d.forEach((g, desc) -> desc.groupEpoch().ifPresent(e -> epoques.get(g).add(new long[] { maintenant, e })));
                } catch (Exception indisponible) {
                    // the broker restarting: no sample for this moment
                }
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public void close() {
            actif = false;
            fil.interrupt();
            admin.close();
        }
    }

    /** The table `suite chaos` prints after the accounting. */
    static void imprimer(List<Panne> pannes, long finCharge, List<Delai> delais, List<Melange.Resultat> requetes, Groupes groupes) {
        if (pannes.isEmpty()) {
            return;
        }
        System.out.printf("%-38s %16s %14s   %s%n", "panne", "retour < 1 s", "pire requête", "rééquilibrages par groupe");
        for (int i = 0; i < pannes.size(); i++) {
            Panne p = pannes.get(i);
            long fin = i + 1 < pannes.size() ? pannes.get(i + 1).ms() : finCharge;
            long retour = retour(p.ms(), fin, delais);
            long pire = requetes.stream().filter(r -> r.debutMs() >= p.ms() - 1000 && r.debutMs() < fin).mapToLong(Melange.Resultat::latenceNs).max().orElse(0);
            Map<String, Integer> r = new TreeMap<>();
            groupes.epoques.forEach((g, e) -> r.put(g, reequilibrages(e, p.ms(), fin)));
            System.out.printf("%-38s %16s %11.0f ms   %s%n", p.libelle(), retour < 0 ? "jamais" : String.format("%.1f s", retour / 1e3), pire / 1e6, r);
        }
    }
}
