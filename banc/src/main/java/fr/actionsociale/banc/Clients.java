package fr.actionsociale.banc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A pool of HTTP/1.1 keep-alive clients (one connection per thread and port) for the volume tools, with a phase's counters: what
 * was accepted, what was refused (4xx, a few bodies kept to print), how long it took.
 */
public final class Clients implements AutoCloseable {

    private final ExecutorService pool;
    private final int decalage;
    private final ThreadLocal<Map<Integer, Banc.Connexion>> connexions = ThreadLocal.withInitial(HashMap::new);
    private final List<Banc.Connexion> toutes = java.util.Collections.synchronizedList(new ArrayList<>());

    public Clients(int threads, int decalage) {
        this.pool = Executors.newFixedThreadPool(threads);
        this.decalage = decalage;
    }

    /** A phase of the load: its requests, the refused ones and a sample of why. */
    public static final class Phase {
        final String nom;
        final long debut = System.nanoTime();
        final AtomicLong acceptees = new AtomicLong();
        final AtomicLong refusees = new AtomicLong();
        final List<String> exemples = java.util.Collections.synchronizedList(new ArrayList<>());
        long fin;

        public Phase(String nom) {
            this.nom = nom;
        }

        public double secondes() {
            return ((fin == 0 ? System.nanoTime() : fin) - debut) / 1e9;
        }

        public long acceptees() {
            return acceptees.get();
        }

        public long refusees() {
            return refusees.get();
        }

        public String ligne() {
            double s = secondes();
            return String.format("%-34s %9d requêtes acceptées, %6d refusées, %8.1f s, %7.0f requêtes/s", nom, acceptees.get(), refusees.get(), s,
                    (acceptees.get() + refusees.get()) / Math.max(s, 0.001));
        }

        public void imprimerRefus() {
            synchronized (exemples) {
                for (String e : exemples) {
                    System.out.println("    refus : " + e);
                }
            }
        }
    }

    /**
     * One request; a cut connection is reopened and the request sent again (with its idempotency key where the API takes one), a 503
     * waits and tries again. A 4xx is counted as refused and returned; a 5xx other than 503 after the tries stops the tool.
     */
    public Banc.Reponse appel(Phase phase, int port, String methode, String chemin, String jeton, String cle, String type, String corps,
            String entetes) {
        Map<Integer, Banc.Connexion> cxs = connexions.get();
        byte[] octets = corps == null ? null : corps.getBytes(StandardCharsets.UTF_8);
        IOException derniere = null;
        for (int essai = 0; essai < 20; essai++) {
            try {
                Banc.Connexion cx = cxs.get(port + decalage);
                if (cx == null) {
                    cx = new Banc.Connexion(port + decalage);
                    cxs.put(port + decalage, cx);
                    toutes.add(cx);
                }
                Banc.Reponse r = cx.envoyer(methode, chemin, jeton, cle, type, octets, entetes);
                if (r.statut() == 503 || r.statut() == 502) {
                    Thread.sleep(1000);
                    continue;
                }
                if (r.statut() >= 500) {
                    throw new IllegalStateException(methode + " " + chemin + " a répondu " + r.statut() + " : " + r.corps());
                }
                if (phase != null) {
                    if (r.statut() >= 400) {
                        phase.refusees.incrementAndGet();
                        if (phase.exemples.size() < 5) {
                            phase.exemples.add(methode + " " + chemin + " " + r.statut() + " " + abreger(r.corps()));
                        }
                    } else {
                        phase.acceptees.incrementAndGet();
                    }
                }
                return r;
            } catch (IOException e) {
                derniere = e;
                Banc.Connexion cx = cxs.remove(port + decalage);
                if (cx != null) {
                    cx.close();
                }
                try {
                    Thread.sleep(200L * (essai + 1));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(ie);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(methode + " " + chemin + " : pas de réponse après 20 essais (" + derniere + ")");
    }

    /**
     * A request sent once on its own connection, that may wait up to an hour for its answer: starting a job is not repeated when
     * the answer is slow (a second start would find the first one running).
     */
    public Banc.Reponse unique(int port, String methode, String chemin, String jeton, String type, String corps) throws IOException {
        try (Banc.Connexion cx = new Banc.Connexion(port + decalage)) {
            cx.delai(3_600_000);
            return cx.envoyer(methode, chemin, jeton, null, type, corps == null ? null : corps.getBytes(StandardCharsets.UTF_8), "");
        }
    }

    public Banc.Reponse post(Phase phase, int port, String chemin, String jeton, String cle, String json) {
        return appel(phase, port, "POST", chemin, jeton, cle, "application/json", json, "");
    }

    static String abreger(String s) {
        String t = s.replaceAll("\\s+", " ");
        return t.length() > 300 ? t.substring(0, 300) + "…" : t;
    }

    /** Runs each task on the pool and waits for all; the first failure stops the tool with its message. */
    public void tous(List<Runnable> taches) throws Exception {
        List<Future<?>> f = new ArrayList<>(taches.size());
        for (Runnable t : taches) {
            f.add(pool.submit(t));
        }
        for (Future<?> x : f) {
            try {
                x.get();
            } catch (java.util.concurrent.ExecutionException e) {
                pool.shutdownNow();
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
        synchronized (toutes) {
            toutes.forEach(Banc.Connexion::close);
        }
    }
}
