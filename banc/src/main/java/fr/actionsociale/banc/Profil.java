package fr.actionsociale.banc;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a JVM's CPU goes, from a JFR recording (jcmd PID JFR.start …, then JFR.stop filename=…): the execution samples
 * aggregated by their top frame (self time), and by each frame anywhere in the stack (inclusive time), the suite's own
 * methods apart. {@code java -cp banc.jar fr.actionsociale.banc.Profil FILE.jfr [N]}
 */
public final class Profil {

    private Profil() {
    }

    public static void main(String[] a) throws Exception {
        int n = a.length > 1 ? Integer.parseInt(a[1]) : 15;
        Map<String, Integer> propre = new HashMap<>();
        Map<String, Integer> inclus = new HashMap<>();
        Map<String, Integer> suite = new HashMap<>();
        int total = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(a[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample")) {
                continue;
            }
            RecordedStackTrace pile = e.getStackTrace();
            if (pile == null || pile.getFrames().isEmpty()) {
                continue;
            }
            total++;
            List<RecordedFrame> frames = pile.getFrames();
            propre.merge(nom(frames.get(0)), 1, Integer::sum);
            // a recursive method counts once per sample
            Set<String> vus = new HashSet<>();
            for (RecordedFrame f : frames) {
                String m = nom(f);
                if (vus.add(m)) {
                    inclus.merge(m, 1, Integer::sum);
                    if (m.startsWith("fr.actionsociale.")) {
                        suite.merge(m, 1, Integer::sum);
                    }
                }
            }
        }
        System.out.printf("%d échantillons d'exécution%n", total);
        imprimer("cadres du haut de la pile (temps propre)", propre, total, n);
        imprimer("méthodes présentes dans la pile (temps inclus)", inclus, total, n);
        imprimer("méthodes de la suite (temps inclus)", suite, total, n);
    }

    static String nom(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    static void imprimer(String titre, Map<String, Integer> m, int total, int n) {
        System.out.println();
        System.out.println(titre);
        m.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
                .forEach(x -> System.out.printf("  %5.1f %%  %s%n", 100.0 * x.getValue() / Math.max(1, total), x.getKey()));
    }
}
