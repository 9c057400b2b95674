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
 * the same from the moment the restarted process was ready again (a killed service takes up to 20 s to start on two busy
 * cores, a broker 10 to 40 s: that part is the restart's, not the recovery's), the same for the outbox relays alone
 * (published within a second of the commit), the worst request latency around it, and the consumer-group rebalances it
 * caused (the group epoch's increments, sampled from the broker twice a second).
 */
final class Reprise {

    /** "Back to normal": an event applied within one second of its commit. */
    static final long SEUIL_MS = 1000;

    /** A fault, and when what it stopped was ready again (its ms when nothing was restarted or the ready line is missing). */
    record Panne(long ms, String libelle, long pretMs) {
        Panne(long ms, String libelle) {
            this(ms, libelle, ms);
        }
    }

    /**
     * One event written during the run: when it was committed, its worst delay to any consumer (-1: never applied), and its
     * delay to Kafka through the outbox (-1: never published).
     */
    record Delai(long creeMs, long lagMs, long relaisMs) {
        Delai(long creeMs, long lagMs) {
            this(creeMs, lagMs, lagMs);
        }
    }

    private Reprise() {
    }

    /**
     * The faults `suite chaos` wrote, one a line: "epoch-milliseconds label", each followed by "epoch-milliseconds +prêt"
     * once what it stopped was ready again.
     */
    static List<Panne> lire(Path fichier) throws Exception {
        List<Panne> pannes = new ArrayList<>();
        if (fichier == null || !Files.exists(fichier)) {
            return pannes;
        }
        for (String ligne : Files.readAllLines(fichier)) {
            String[] p = ligne.trim().split(" ", 2);
            if (p.length != 2) {
                continue;
            }
            long ms = Long.parseLong(p[0]);
            if (p[1].startsWith("+")) {
                if (!pannes.isEmpty()) {
                    Panne derniere = pannes.remove(pannes.size() - 1);
                    pannes.add(new Panne(derniere.ms(), derniere.libelle(), Math.max(derniere.ms(), ms)));
                }
            } else {
                pannes.add(new Panne(ms, p[1]));
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
        return retour(debut, fin, delais, false);
    }

    /** The same, counting only the delay from the commit to Kafka (the outbox relays) when {@code relais}. */
    static long retour(long debut, long fin, List<Delai> delais, boolean relais) {
        long retour = 0;
        for (Delai d : delais) {
            if (d.creeMs() < debut || d.creeMs() >= fin) {
                continue;
            }
            long lag = relais ? d.relaisMs() : d.lagMs();
            if (lag < 0) {
                return -1;
            }
            if (lag >= SEUIL_MS) {
                retour = Math.max(retour, d.creeMs() + lag - debut);
            }
        }
        return retour;
    }

    /**
     * The events of the fault's window back under the threshold, counted from the moment what it stopped was ready again
     * (0 if they were already back by then, -1 if one never arrived).
     */
    static long retourApresRedemarrage(Panne p, long fin, List<Delai> delais, boolean relais) {
        long retour = retour(p.ms(), fin, delais, relais);
        return retour < 0 ? -1 : Math.max(0, p.ms() + retour - p.pretMs());
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

    private static String secondes(long ms) {
        return ms < 0 ? "jamais" : String.format("%.1f s", ms / 1e3);
    }

    /** The table `suite chaos` prints after the accounting. */
    static void imprimer(List<Panne> pannes, long finCharge, List<Delai> delais, List<Melange.Resultat> requetes, Groupes groupes) {
        if (pannes.isEmpty()) {
            return;
        }
        System.out.printf("%-38s %10s %12s %12s %12s %14s   %s%n", "panne", "prêt après", "retour < 1 s", "après prêt",
                "relais prêt", "pire requête", "rééquilibrages par groupe");
        for (int i = 0; i < pannes.size(); i++) {
            Panne p = pannes.get(i);
            long fin = i + 1 < pannes.size() ? pannes.get(i + 1).ms() : finCharge;
            long retour = retour(p.ms(), fin, delais);
            long apres = retourApresRedemarrage(p, fin, delais, false);
            long relais = retourApresRedemarrage(p, fin, delais, true);
            long pire = requetes.stream().filter(r -> r.debutMs() >= p.ms() - 1000 && r.debutMs() < fin).mapToLong(Melange.Resultat::latenceNs).max().orElse(0);
            Map<String, Integer> r = new TreeMap<>();
            groupes.epoques.forEach((g, e) -> r.put(g, reequilibrages(e, p.ms(), fin)));
            System.out.printf("%-38s %10s %12s %12s %12s %11.0f ms   %s%n", p.libelle(), secondes(p.pretMs() - p.ms()), secondes(retour),
                    secondes(apres), secondes(relais), pire / 1e6, r);
        }
    }
}
