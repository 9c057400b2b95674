package fr.actionsociale.banc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the suite once a Département's volume is loaded (`suite donnees --mesurer`), and prints figures, never pass/fail:
 * retention, the indicators' rebuild under a live load, p50/p99 of the indicators, worklists and a person's journal with the query
 * plan of the slowest statement, the CAF import on top of the volume, and each service's time to ready after a restart. A step
 * that fails or stalls stops the tool with a message and prints no figure for it.
 */
public class DepartementMesure {

    static final Pattern ETAT = Pattern.compile("\"etat\"\\s*:\\s*\"([A-Z_]+)\"");
    static final Pattern EVENEMENTS_PAR_S = Pattern.compile("\"evenementsParSeconde\"\\s*:\\s*([0-9.]+)");

    final Map<String, String> o;
    final Jetons jetons;
    final Clients http;
    final String pg;
    final Path etat;
    final int decalage;
    final String suite;
    final Departement d;

    DepartementMesure(Map<String, String> o) throws Exception {
        this.o = o;
        etat = Path.of(o.get("--etat"));
        decalage = Integer.parseInt(o.getOrDefault("--decalage", "0"));
        pg = o.getOrDefault("--pg", "jdbc:postgresql://127.0.0.1:" + (55432 + decalage) + "/");
        jetons = new Jetons(etat);
        http = new Clients(8, decalage);
        suite = o.get("--suite");
        d = new Departement(o);
    }

    public static void main(String[] a) throws Exception {
        DepartementMesure m = new DepartementMesure(Banc.options(a));
        int code = 0;
        try {
            m.mesurer();
        } catch (Etape e) {
            System.out.println("ARRÊT : " + e.getMessage() + " ; pas de chiffre pour cette étape ni les suivantes");
            code = 1;
        } finally {
            m.http.close();
            m.d.http.close();
        }
        System.exit(code);
    }

    /** A step that failed or stalled: the message says which and why. */
    static final class Etape extends RuntimeException {
        Etape(String message) {
            super(message);
        }
    }

    void mesurer() throws Exception {
        System.out.println("== machine");
        System.out.printf("%d cœurs, %.0f Gio, Java %s, %s%n", Runtime.getRuntime().availableProcessors(), memoire(), System.getProperty("java.version"),
                java.time.OffsetDateTime.now());
        System.out.println("== volume en base");
        volume();
        List<String> etapes = List.of(o.getOrDefault("--etapes", "retention,reconstruction,requetes,import,demarrage").split(","));
        if (etapes.contains("retention")) {
            retention();
        }
        if (etapes.contains("reconstruction")) {
            reconstruction();
        }
        if (etapes.contains("requetes")) {
            requetes();
        }
        if (etapes.contains("import")) {
            importCaf();
        }
        if (etapes.contains("demarrage")) {
            demarrage();
        }
    }

    static double memoire() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal")) {
                    return Long.parseLong(l.replaceAll("\\D", "")) / 1048576.0;
                }
            }
        } catch (Exception e) {
            // not Linux: no figure
        }
        return 0;
    }

    void volume() throws Exception {
        String[][] comptes = { { "referral", "personnes", "select count(*) from beneficiaire" }, { "referral", "droits", "select count(*) from droit" },
                { "referral", "orientations", "select count(*) from orientation" }, { "referral", "étapes RSA", "select count(*) from etape_rsa" },
                { "referral", "contacts d'aller-vers", "select count(*) from contact_campagne" }, { "referral", "RDV des droits", "select count(*) from rdv_droits" },
                { "referral", "lectures de dossiers journalisées", "select count(*) from acces_dossier" },
                { "budget", "dépenses", "select count(*) from depense" }, { "budget", "orientations comptées", "select count(*) from orientation_comptee" },
                { "budget", "événements appliqués (inbox)", "select count(*) from inbox_evenement" } };
        for (String[] c : comptes) {
            System.out.printf("%-36s %,12d%n", c[1], un(c[0], c[2]));
        }
    }

    // ------------------------------------------------------------------ retention

    void retention() throws Exception {
        System.out.println();
        System.out.println("== rétention : POST /retention/execution (dossiers sans activité depuis deux ans)");
        long eligibles = un("referral", "select count(*) from beneficiaire where anonymise_le is null and inscrit_le < current_date - interval '2 years'");
        System.out.printf("dossiers inscrits il y a plus de deux ans et pas encore anonymisés : %,d%n", eligibles);
        Sonde sonde = new Sonde();
        sonde.demarrer();
        long t0 = System.nanoTime();
        Banc.Reponse r = http.unique(8083, "POST", "/retention/execution", jetons.jeton("admin", "departement-35"), "application/json", "");
        String corps = suivre(r, "rétention", "/retention/executions/", Integer.parseInt(o.getOrDefault("--delai-retention", "900")));
        double s = (System.nanoTime() - t0) / 1e9;
        sonde.arreter();
        System.out.printf("rétention          %.1f s ; %s%n", s, Clients.abreger(corps));
        sonde.imprimer("pendant la rétention");
    }

    /**
     * An asynchronous job: 202 and its Location, polled until TERMINEE. A synchronous 200 (the API before it became a job) is said
     * so and its answer returned as is.
     */
    String suivre(Banc.Reponse r, String quoi, String prefixe, int delaiSecondes) throws Exception {
        if (r.statut() == 200) {
            System.out.println(quoi + " : l'API asynchrone (202 + Location, puis GET " + prefixe + "{id}) est ABSENTE : réponse 200 synchrone");
            return r.corps();
        }
        if (r.statut() != 202) {
            throw new Etape(quoi + " : HTTP " + r.statut() + " " + Clients.abreger(r.corps()));
        }
        String location = entete(r, "location");
        if (location == null) {
            throw new Etape(quoi + " : 202 sans en-tête Location");
        }
        String chemin = location.replaceFirst("^https?://[^/]+", "");
        long limite = System.nanoTime() + delaiSecondes * 1_000_000_000L;
        String port = chemin.startsWith("/indicateurs") ? "8082" : "8083";
        while (System.nanoTime() < limite) {
            Banc.Reponse e = http.appel(null, Integer.parseInt(port), "GET", chemin, jetons.jeton("admin", "departement-35"), null, null, null, "");
            Matcher m = ETAT.matcher(e.corps());
            String etatJob = m.find() ? m.group(1) : "?";
            if (etatJob.equals("TERMINEE")) {
                return e.corps();
            }
            if (etatJob.equals("ECHOUEE") || etatJob.equals("ANNULEE") || e.statut() >= 400) {
                throw new Etape(quoi + " : le travail " + chemin + " a échoué : " + Clients.abreger(e.corps()));
            }
            Thread.sleep(500);
        }
        throw new Etape(quoi + " : pas TERMINEE après " + delaiSecondes + " s (" + chemin + ")");
    }

    static String entete(Banc.Reponse r, String nom) {
        return r.location();
    }

    // ------------------------------------------------------------------ rebuild

    void reconstruction() throws Exception {
        System.out.println();
        System.out.println("== reconstruction des indicateurs : POST /indicateurs/reconstruction, avec une charge vivante pendant");
        Charge charge = new Charge(Double.parseDouble(o.getOrDefault("--debit-vivant", "5")));
        charge.demarrer();
        Thread.sleep(2000);
        long t0 = System.nanoTime();
        Banc.Reponse r = http.unique(8082, "POST", "/indicateurs/reconstruction", jetons.jeton("admin", "departement-35"), "application/json", "");
        String corps;
        try {
            corps = suivre(r, "reconstruction", "/indicateurs/reconstructions/", Integer.parseInt(o.getOrDefault("--delai-reconstruction", "1800")));
        } finally {
            charge.arreter();
        }
        double s = (System.nanoTime() - t0) / 1e9;
        long evenements = 0;
        Matcher m = Pattern.compile("\"evenementsLus\"\\s*:\\s*(\\d+)").matcher(corps);
        while (m.find()) {
            evenements += Long.parseLong(m.group(1));
        }
        Matcher parS = EVENEMENTS_PAR_S.matcher(corps);
        System.out.printf("reconstruction     %.1f s, %,d événements rejoués, %s%n", s, evenements,
                parS.find() ? parS.group(1) + " événements/s (selon le travail)" : String.format("%,.0f événements/s (mesuré de l'extérieur)", evenements / s));
        System.out.println("réponse            " + Clients.abreger(corps));
        charge.imprimer();
    }

    /** Reads every 200 ms while a job runs: does the suite still answer? */
    final class Sonde {
        final List<Long> latences = java.util.Collections.synchronizedList(new ArrayList<>());
        final Map<Integer, Integer> statuts = new ConcurrentHashMap<>();
        final AtomicBoolean fin = new AtomicBoolean();
        Thread t;

        void demarrer() {
            t = new Thread(() -> {
                String jeton = jetons.jeton("coordinateur", "departement-35");
                int i = 0;
                while (!fin.get()) {
                    long a = System.nanoTime();
                    Banc.Reponse r = http.appel(null, 8082, "GET", "/indicateurs/orientations?commune=" + Departement.COMMUNES[i++ % 20] + "&mois="
                            + YearMonth.now().minusMonths(i % 24), jeton, null, null, null, "");
                    latences.add(System.nanoTime() - a);
                    statuts.merge(r.statut(), 1, Integer::sum);
                    dormir(200);
                }
            });
            t.start();
        }

        void arreter() throws InterruptedException {
            fin.set(true);
            t.join();
        }

        void imprimer(String quand) {
            long[] l = latences.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("la suite répond %s : %d lectures d'indicateur, p50 %.1f ms, p99 %.1f ms, max %.1f ms, statuts %s%n", quand, l.length,
                    Banc.quantile(l, 0.5) / 1e6, Banc.quantile(l, 0.99) / 1e6, l.length == 0 ? 0 : l[l.length - 1] / 1e6, new TreeMap<>(statuts));
        }
    }

    /**
     * A live load at a modest rate during the rebuild: orientations of the loaded people (their events reach budget-service while
     * it replays) and reads of the indicators, each at its planned time.
     */
    final class Charge {
        final double debit;
        final List<Long> ecritures = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<Long> lectures = java.util.Collections.synchronizedList(new ArrayList<>());
        final Map<Integer, Integer> statuts = new ConcurrentHashMap<>();
        final AtomicBoolean fin = new AtomicBoolean();
        final List<Thread> fils = new ArrayList<>();
        List<String> personnes;

        Charge(double debit) throws Exception {
            this.debit = debit;
            personnes = new ArrayList<>();
            try (Connection cx = DriverManager.getConnection(pg + "referral", "postgres", ""); Statement st = cx.createStatement();
                    ResultSet rs = st.executeQuery("select reference || ' ' || commune from beneficiaire where cree_par = 'departement-35' "
                            + "and anonymise_le is null order by reference limit 20000")) {
                while (rs.next()) {
                    personnes.add(rs.getString(1));
                }
            }
            if (personnes.isEmpty()) {
                throw new Etape("charge vivante : aucune personne chargée (lancez d'abord suite donnees --departement)");
            }
        }

        void demarrer() {
            long t0 = System.nanoTime();
            for (int w = 0; w < 4; w++) {
                int fil = w;
                Thread t = new Thread(() -> {
                    Random r = new Random(fil);
                    String agent = jetons.jeton("agent", "departement-35"), coord = jetons.jeton("coordinateur", "departement-35");
                    for (long i = fil; !fin.get(); i += 4) {
                        long prevu = t0 + (long) (i * 1e9 / debit);
                        long attente = prevu - System.nanoTime();
                        if (attente > 0) {
                            dormir(attente / 1_000_000);
                        }
                        long a = System.nanoTime();
                        Banc.Reponse rep;
                        if (i % 2 == 0) {
                            String[] p = personnes.get(r.nextInt(personnes.size())).split(" ");
                            rep = http.post(null, 8083, "/orientations", agent, null, "{\"beneficiaire\":\"" + p[0] + "\",\"structure\":\"ccas-redon\","
                                    + "\"commune\":\"" + p[1] + "\",\"motif\":\"charge vivante\",\"droitsVises\":[\"RSA\"]}");
                            ecritures.add(System.nanoTime() - Math.min(prevu, a));
                        } else {
                            rep = http.appel(null, 8082, "GET", "/indicateurs/orientations?commune=" + Departement.COMMUNES[r.nextInt(20)] + "&mois="
                                    + YearMonth.now().minusMonths(r.nextInt(60)), coord, null, null, null, "");
                            lectures.add(System.nanoTime() - Math.min(prevu, a));
                        }
                        statuts.merge(rep.statut(), 1, Integer::sum);
                    }
                });
                t.start();
                fils.add(t);
            }
        }

        void arreter() throws InterruptedException {
            fin.set(true);
            for (Thread t : fils) {
                t.join();
            }
        }

        void imprimer() {
            for (Object[] x : new Object[][] { { "orientations (POST)", ecritures }, { "indicateur (GET)", lectures } }) {
                @SuppressWarnings("unchecked")
                long[] l = ((List<Long>) x[1]).stream().mapToLong(Long::longValue).sorted().toArray();
                System.out.printf("charge vivante     %-20s %5d à %.0f/s en tout : p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", x[0], l.length, debit,
                        Banc.quantile(l, 0.5) / 1e6, Banc.quantile(l, 0.99) / 1e6, l.length == 0 ? 0 : l[l.length - 1] / 1e6);
            }
            System.out.println("charge vivante     statuts " + new TreeMap<>(statuts));
        }
    }

    static void dormir(long ms) {
        try {
            Thread.sleep(Math.max(0, ms));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ queries

    record Requete(String nom, int port, String chemin, String jeton, String entetes) {
    }

    void requetes() throws Exception {
        int n = Integer.parseInt(o.getOrDefault("--requetes", "300"));
        System.out.println();
        System.out.printf("== lectures : %d requêtes par point d'accès (après 30 non mesurées), une à la fois ; p50/p99 (cible p99 ≤ 50 ms)%n", n);
        List<String[]> personnes = new ArrayList<>();
        try (Connection cx = DriverManager.getConnection(pg + "referral", "postgres", ""); Statement st = cx.createStatement();
                ResultSet rs = st.executeQuery("select b.reference, o.oriente_par from orientation o join beneficiaire b on b.id = o.beneficiaire_id "
                        + "where o.oriente_par in ('departement-35', 'ccas-redon') and b.anonymise_le is null order by b.reference limit 5000")) {
            while (rs.next()) {
                personnes.add(new String[] { rs.getString(1), rs.getString(2) });
            }
        }
        if (personnes.isEmpty()) {
            throw new Etape("lectures : aucune personne orientée par departement-35 ou ccas-redon (lancez d'abord suite donnees --departement)");
        }
        Random r = new Random(7);
        String coord = jetons.jeton("coordinateur", "departement-35");
        LocalDate aujourdhui = LocalDate.now(Departement.PARIS);
        List<java.util.function.IntFunction<Requete>> familles = List.of(
                i -> new Requete("budget GET /indicateurs/orientations", 8082, "/indicateurs/orientations?commune=" + Departement.COMMUNES[i % 20] + "&mois="
                        + YearMonth.from(aujourdhui).minusMonths(i % 60), coord, ""),
                i -> {
                    YearMonth debut = YearMonth.from(aujourdhui).minusMonths(12 + i % 48);
                    return new Requete("referral GET /indicateurs (1 an)", 8083, "/indicateurs?communes=" + Departement.COMMUNES[i % 20] + "&debut="
                            + debut.atDay(1) + "&fin=" + debut.plusMonths(11).atEndOfMonth(), coord, "");
                },
                i -> new Requete("referral GET /indicateurs/entonnoir (6 mois)", 8083, "/indicateurs/entonnoir?du=" + YearMonth.from(aujourdhui).minusMonths(6 + i % 30)
                        + "&au=" + YearMonth.from(aujourdhui).minusMonths(1 + i % 30) + "&commune=" + Departement.COMMUNES[i % 20], coord, ""),
                i -> {
                    String s = Departement.STRUCTURES[i % Departement.STRUCTURES.length];
                    return new Requete("referral GET /suivi/a-traiter", 8083, "/suivi/a-traiter?structure=" + s + "&jours=7&taille=100", jetons.jeton("agent", s), "");
                },
                i -> {
                    String s = i % 2 == 0 ? "cdas-pays-de-redon" : "france-travail-35";
                    return new Requete("referral GET /suivi/ruptures", 8083, "/suivi/ruptures?structure=" + s + "&taille=100", jetons.jeton("agent", s), "");
                },
                i -> {
                    String[] p = personnes.get(r.nextInt(personnes.size()));
                    return new Requete("referral GET /beneficiaires/{ref}/journal", 8083, "/beneficiaires/" + p[0] + "/journal", jetons.jeton("agent", p[1]),
                            "X-Motif-Acces: suivi du parcours (mesure de volume)\r\n");
                });
        // every statement the services run is logged with its duration while the reads run, to find and explain the slowest
        journalDesRequetes(true);
        Path log = etat.resolve("logs/postgres.log");
        long depart = Files.exists(log) ? Files.size(log) : 0;
        try {
            for (var f : familles) {
                String nom = f.apply(0).nom();
                long[] l = new long[n];
                Map<Integer, Integer> statuts = new TreeMap<>();
                for (int i = -30; i < n; i++) {
                    Requete q = f.apply(Math.abs(i));
                    long a = System.nanoTime();
                    Banc.Reponse rep = http.appel(null, q.port(), "GET", q.chemin(), q.jeton(), null, null, null, q.entetes());
                    long t = System.nanoTime() - a;
                    if (rep.statut() != 200) {
                        throw new Etape(nom + " : HTTP " + rep.statut() + " " + Clients.abreger(rep.corps()) + " (" + q.chemin() + ")");
                    }
                    if (i >= 0) {
                        l[i] = t;
                        statuts.merge(rep.statut(), 1, Integer::sum);
                    }
                }
                Arrays.sort(l);
                System.out.printf("%-46s p50 %6.1f ms   p99 %6.1f ms   max %6.1f ms%n", nom, Banc.quantile(l, 0.5) / 1e6, Banc.quantile(l, 0.99) / 1e6,
                        l[l.length - 1] / 1e6);
            }
        } finally {
            journalDesRequetes(false);
        }
        expliquerLesPlusLentes(log, depart, Integer.parseInt(o.getOrDefault("--plans", "3")));
    }

    /** log_min_duration_statement = 0 for the whole server while the reads run (ALTER SYSTEM, reloaded), then back as it was. */
    void journalDesRequetes(boolean actif) throws Exception {
        try (Connection cx = DriverManager.getConnection(pg + "postgres", "postgres", ""); Statement st = cx.createStatement()) {
            if (actif) {
                st.execute("alter system set log_min_duration_statement = 0");
                st.execute("alter system set log_line_prefix = '%m [%p] db=%d '");
            } else {
                st.execute("alter system reset log_min_duration_statement");
                st.execute("alter system reset log_line_prefix");
            }
            st.execute("select pg_reload_conf()");
        }
        Thread.sleep(300);
    }

    static final Pattern DUREE = Pattern.compile("db=(\\w+) LOG:  duration: ([0-9.]+) ms  (?:execute [^:]*|statement): (.*)");
    static final Pattern PARAMETRE = Pattern.compile("\\$(\\d+) = ('(?:[^']|'')*'|NULL)");

    record Lente(String base, double ms, String sql) {
    }

    void expliquerLesPlusLentes(Path log, long depart, int combien) throws Exception {
        if (!Files.exists(log)) {
            System.out.println("plans : pas de journal PostgreSQL à " + log + " ; pas de plan");
            return;
        }
        List<Lente> lentes = new ArrayList<>();
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(log.toFile(), "r")) {
            f.seek(depart);
            byte[] b = new byte[(int) (f.length() - depart)];
            f.readFully(b);
            String[] lignes = new String(b, java.nio.charset.StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lignes.length; i++) {
                Matcher m = DUREE.matcher(lignes[i]);
                if (!m.find()) {
                    continue;
                }
                StringBuilder sql = new StringBuilder(m.group(3));
                // a statement continues on the lines that do not start a new log entry
                int j = i + 1;
                while (j < lignes.length && !lignes[j].matches("^\\d{4}-\\d\\d-\\d\\d .*")) {
                    sql.append('\n').append(lignes[j]);
                    j++;
                }
                String texte = sql.toString();
                if (j < lignes.length && lignes[j].contains("DETAIL:  parameters:")) {
                    List<String[]> ps = new ArrayList<>();
                    Matcher p = PARAMETRE.matcher(lignes[j]);
                    while (p.find()) {
                        ps.add(new String[] { p.group(1), p.group(2) });
                    }
                    ps.sort((x, y) -> Integer.parseInt(y[0]) - Integer.parseInt(x[0]));
                    for (String[] x : ps) {
                        texte = texte.replace("$" + x[0], x[1]);
                    }
                }
                String bas = texte.trim().toLowerCase();
                if (m.group(1).matches("referral|budget|conventions") && (bas.startsWith("select") || bas.startsWith("with"))) {
                    lentes.add(new Lente(m.group(1), Double.parseDouble(m.group(2)), texte));
                }
            }
        }
        lentes.sort((x, y) -> Double.compare(y.ms(), x.ms()));
        System.out.printf("%nplans : %d instructions SELECT journalisées pendant les lectures ; les %d plus lentes (sans doublon) :%n", lentes.size(), combien);
        List<String> vues = new ArrayList<>();
        for (Lente l : lentes) {
            // the statement's shape: literals, numbers and spacing aside
            String forme = l.sql().replaceAll("'(?:[^']|'')*'", "?").replaceAll("\\d+", "0").replaceAll("\\s+", " ");
            if (vues.contains(forme)) {
                continue;
            }
            vues.add(forme);
            System.out.printf("%n-- %s, %.1f ms :%n%s%n", l.base(), l.ms(), l.sql().trim());
            try (Connection cx = DriverManager.getConnection(pg + l.base(), "postgres", ""); Statement st = cx.createStatement();
                    ResultSet rs = st.executeQuery("explain (analyze, buffers) " + l.sql())) {
                while (rs.next()) {
                    System.out.println("   " + rs.getString(1));
                }
            } catch (java.sql.SQLException e) {
                System.out.println("   (EXPLAIN impossible : " + e.getMessage() + ")");
            }
            if (vues.size() >= combien) {
                break;
            }
        }
    }

    // ------------------------------------------------------------------ CAF import on top of the volume

    void importCaf() throws Exception {
        int n = Integer.parseInt(o.getOrDefault("--entrants", "100000"));
        System.out.println();
        System.out.printf("== import du fichier CAF sur le volume : %,d lignes en une requête (cible ≥ 3 000 lignes/s)%n", n);
        // 11-digit numbers, never the generator's (10) nor the bench's; unique to this run
        String prefixe = String.valueOf(1 + (System.currentTimeMillis() / 1000) % 9) + String.format("%03d", (System.nanoTime() / 1000) % 1000);
        StringBuilder csv = new StringBuilder("numero_allocataire;date_ouverture;date_naissance;commune;foyer\n");
        LocalDate aujourdhui = LocalDate.now(Departement.PARIS);
        Random r = new Random(3);
        for (int i = 0; i < n; i++) {
            csv.append(prefixe).append(String.format("%07d", i)).append(';').append(aujourdhui.minusDays(r.nextInt(28))).append(';')
                    .append(aujourdhui.minusYears(18 + r.nextInt(47)).minusDays(r.nextInt(360))).append(';').append(Departement.COMMUNES[r.nextInt(20)])
                    .append(';').append(Departement.FOYERS[r.nextInt(4)]).append('\n');
        }
        long t0 = System.nanoTime();
        Banc.Reponse rep = http.appel(null, 8083, "POST", "/imports/entrants-rsa", jetons.jeton("gestionnaire", "departement-35"), null, "text/csv",
                csv.toString(), "");
        double s = (System.nanoTime() - t0) / 1e9;
        if (rep.statut() != 200 && rep.statut() != 201) {
            throw new Etape("import CAF : HTTP " + rep.statut() + " " + Clients.abreger(rep.corps()));
        }
        System.out.printf("import CAF         %,d lignes en %.1f s : %,.0f lignes/s ; %s%n", n, s, n / s, Clients.abreger(rep.corps()));
    }

    // ------------------------------------------------------------------ startup

    void demarrage() throws Exception {
        System.out.println();
        System.out.println("== démarrage avec ces données : chaque service arrêté puis relancé seul, du lancement de java à /q/health/ready 200 (cible ≤ 2,5 s)");
        if (suite == null) {
            throw new Etape("démarrage : --suite (le script deploy/local/suite) manque");
        }
        for (String s : o.getOrDefault("--services", "conventions-service,budget-service,referral-service").split(",")) {
            executer(suite, "_stop", s);
            long t0 = System.nanoTime();
            executer(suite, "_start", s);
            double sec = (System.nanoTime() - t0) / 1e9;
            String quarkus = "?";
            Path journal = etat.resolve("logs/" + s + ".log");
            if (Files.exists(journal)) {
                Matcher m = Pattern.compile("started in ([0-9.]+)s").matcher(Files.readString(journal));
                while (m.find()) {
                    quarkus = m.group(1) + " s";
                }
            }
            System.out.printf("%-20s prêt en %.2f s (Quarkus : démarré en %s)%n", s, sec, quarkus);
        }
    }

    static void executer(String... commande) throws Exception {
        Process p = new ProcessBuilder(commande).redirectErrorStream(true).start();
        String sortie = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new Etape(String.join(" ", commande) + " en échec : " + Clients.abreger(sortie));
        }
    }

    long un(String base, String sql) throws Exception {
        try (Connection cx = DriverManager.getConnection(pg + base, "postgres", ""); Statement st = cx.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
