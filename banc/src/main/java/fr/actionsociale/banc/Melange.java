package fr.actionsociale.banc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole suite's working day at a chosen rate: outreach contacts, RDV des droits, orientations, rights opened by partners,
 * expenses and signatures, mixed by weight, each request sent at its planned time (open loop) by C clients. Then, once the
 * suite has caught up, what every client was told (each 2xx) is compared with what every service stores, every event
 * published and applied, and every indicator counts. Used by `suite bench` (figures) and `suite chaos` (the same under faults).
 * Prints throughput and p50/p99/p99.9 per operation, outbox and event-to-indicator lags, then the accounting; exits 1 on any
 * loss, double count, refused-but-written request or error that is not problem+json. Run with pgjdbc on the class path.
 */
public class Melange {

    /** The suite's port offset (SUITE_PORT_OFFSET, a second suite beside the first): the services' ports are shifted by it. */
    static final int DECALAGE = Banc.DECALAGE;

    enum Op {
        CONTACT("contact aller-vers", 8083), RDV("RDV des droits", 8083), ORIENTATION("orientation", 8083), DROIT("droit ouvert (partenaire)", 8083),
        DEPENSE("dépense", 8082), SIGNATURE("signature", 8081);

        final String libelle;
        final int port;

        Op(String libelle, int port) {
            this.libelle = libelle;
            this.port = port;
        }
    }

    /** What one request was told; statut -1: no answer (connection refused or cut: the service was killed or restarting). */
    record Resultat(int statut, String id, boolean probleme, long debutMs, long latenceNs) {
    }

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern CONSOMMATION = Pattern.compile("\"consommation\"\\s*:\\s*([0-9.]+)");

    static String pg;
    static boolean ok = true;

    public static void main(String[] a) throws Exception {
        Map<String, String> o = Banc.options(a);
        double debit = Double.parseDouble(o.getOrDefault("--debit", "30"));
        int duree = Integer.parseInt(o.getOrDefault("--duree", "60"));
        int clients = Integer.parseInt(o.getOrDefault("--clients", "32"));
        int n = (int) (debit * duree);
        pg = o.getOrDefault("--pg", "jdbc:postgresql://127.0.0.1:55432/");
        String agent = o.get("--jeton-agent"), partenaire = o.get("--jeton-partenaire"), gestion = o.get("--jeton-gestion");
        // a gestionnaire signs only for their own institution: the CAF's signs the CAF's part
        String gestionCaf = o.get("--jeton-gestion-caf");
        Map<Op, Integer> poids = new LinkedHashMap<>();
        for (String p : o.getOrDefault("--poids", "contact=25,rdv=15,orientation=25,droit=15,depense=15,signature=5").split(",")) {
            poids.put(Op.valueOf(p.split("=")[0].toUpperCase()), Integer.parseInt(p.split("=")[1]));
        }

        // this run's marks: a foreign-country commune (99xxx, never a demo one), a programme and convention prefix
        Random alea = new Random();
        String commune = "99" + String.format("%03d", alea.nextInt(1000));
        String marque = "BANC-" + Long.toHexString(alea.nextLong() & 0xffffffffffL).toUpperCase();
        long base = alea.nextLong() & ((1L << 40) - 1);
        LocalDate aujourdhui = LocalDate.now();
        // 99xxx communes come back from run to run: what this run wrote is also told by its people and its start
        java.time.Instant debutRun = java.time.Instant.now().minusSeconds(1);

        Op[] ops = new Op[n];
        int total = poids.values().stream().mapToInt(Integer::intValue).sum();
        Random tirage = new Random(42);
        int[] rang = new int[n]; // the request's rank among those of its operation
        Map<Op, Integer> compte = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            int t = tirage.nextInt(total);
            for (Map.Entry<Op, Integer> e : poids.entrySet()) {
                if ((t -= e.getValue()) < 0) {
                    ops[i] = e.getKey();
                    break;
                }
            }
            rang[i] = compte.merge(ops[i], 1, Integer::sum) - 1;
        }

        // ---- setup through the APIs (not measured): one convention counting orientations to caf-35 in the run's commune,
        // the conventions waiting for the signatures, a programme with a line to spend on, a campaign, and one person per request
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String deliberation = "{\"instance\":\"Commission permanente\",\"date\":\"" + aujourdhui.minusMonths(1) + "\"}";
        String parties = "[{\"institution\":\"departement-35\",\"role\":\"PORTEUR\",\"deliberation\":" + deliberation + "},"
                + "{\"institution\":\"caf-35\",\"role\":\"PARTENAIRE\",\"deliberation\":" + deliberation + "}]";
        String engagementConv = id(poster(http, 8081, "/conventions", gestion, marque + "-E", convention(marque + "-E", commune, parties, aujourdhui)));
        String engagement = id(poster(http, 8081, "/conventions/" + engagementConv + "/engagements", gestion, marque + "-eng",
                "{\"institution\":\"caf-35\",\"article\":\"Article 1\",\"nature\":\"AUTRE\",\"libelle\":\"Orientations vers la CAF\",\"quantite\":100000,"
                        + "\"unite\":\"orientation\",\"rythme\":\"SUR_LA_DUREE\",\"multiplicateur\":1,\"dateDebut\":\"" + aujourdhui.minusDays(30)
                        + "\",\"dateFin\":\"" + aujourdhui.plusYears(1) + "\",\"compteEvenement\":\"ORIENTATION_FAITE\"}"));
        int nbConventions = (compte.getOrDefault(Op.SIGNATURE, 0) + 1) / 2;
        String[] conventions = new String[nbConventions];
        for (int k = 0; k < nbConventions; k++) {
            conventions[k] = id(poster(http, 8081, "/conventions", gestion, marque + "-" + k, convention(marque + "-" + k, commune, parties, aujourdhui)));
            poster(http, 8081, "/conventions/" + conventions[k] + "/soumission", gestion, null, "");
        }
        String annee = String.valueOf(aujourdhui.getYear());
        poster(http, 8082, "/programmes", gestion, marque, "{\"code\":\"" + marque + "\",\"libelle\":\"Banc d'essai\",\"dateDebut\":\"" + annee
                + "-01-01\",\"dateFin\":\"" + annee + "-12-31\",\"territoire\":[\"" + commune + "\"]}");
        poster(http, 8082, "/programmes/" + marque + "/actions", gestion, marque + "-a", "{\"code\":\"1.1\",\"libelle\":\"Accompagnement\"}");
        poster(http, 8082, "/programmes/" + marque + "/actions/1.1/lignes", gestion, marque + "-l",
                "{\"periode\":\"" + annee + "\",\"valorisationDepartement\":100000000.00,\"participationEtat\":100000000.00}");
        String campagne = id(poster(http, 8083, "/campagnes", agent, marque + "-c", "{\"nom\":\"Banc d'essai " + marque + "\",\"communes\":[\"" + commune
                + "\"],\"debut\":\"" + aujourdhui.minusDays(1) + "\",\"fin\":\"" + aujourdhui.plusDays(30) + "\"}"));
        try (Connection cx = DriverManager.getConnection(pg + "referral", "postgres", "");
                PreparedStatement ps = cx.prepareStatement("insert into beneficiaire (id, reference, commune, cree_par) select gen_random_uuid(), "
                        + "'ben-' || lpad(to_hex(? + g), 12, '0'), ?, 'ccas-pipriac' from generate_series(0, ?) g")) {
            ps.setLong(1, base);
            ps.setString(2, commune);
            ps.setInt(3, n);
            ps.executeUpdate();
        }
        String premier = "ben-" + String.format("%012x", base), dernier = "ben-" + String.format("%012x", base + n);
        long[] montants = new long[n]; // cents
        for (int i = 0; i < n; i++) {
            montants[i] = 100 + alea.nextInt(500_000);
        }

        // ---- the faults of `suite chaos` (if any) and the consumer groups' epochs, sampled during the whole run
        java.nio.file.Path fichierPannes = o.containsKey("--pannes") ? java.nio.file.Path.of(o.get("--pannes")) : null;
        Reprise.Groupes groupes = fichierPannes == null ? null
                : new Reprise.Groupes(o.getOrDefault("--kafka", "127.0.0.1:9092"), List.of("budget-service", "conventions-service", "referral-service"));

        // ---- the load
        Resultat[] res = new Resultat[n];
        AtomicInteger suivant = new AtomicInteger();
        CountDownLatch fini = new CountDownLatch(clients);
        long t0 = System.nanoTime();
        long t0ms = System.currentTimeMillis();
        for (int w = 0; w < clients; w++) {
            new Thread(() -> {
                Map<Integer, Banc.Connexion> cxs = new HashMap<>();
                int i;
                while ((i = suivant.getAndIncrement()) < n) {
                    long prevu = t0 + (long) (i * 1e9 / debit);
                    long attente = prevu - System.nanoTime();
                    if (attente > 0) {
                        try {
                            Thread.sleep(attente / 1_000_000, (int) (attente % 1_000_000));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    Op op = ops[i];
                    String ref = "ben-" + String.format("%012x", base + i);
                    int k = rang[i];
                    String[] req = switch (op) {
                        case CONTACT -> new String[] { "/campagnes/" + campagne + "/contacts", agent, "{\"beneficiaire\":\"" + ref + "\",\"commune\":\""
                                + commune + "\",\"canal\":\"PORTE_A_PORTE\",\"issue\":\"INFORME\",\"date\":\"" + aujourdhui + "\"}" };
                        case RDV -> new String[] { "/beneficiaires/" + ref + "/rdv-des-droits", agent, "{\"date\":\"" + aujourdhui
                                + "\",\"droitsExamines\":[\"AAH\",\"RSA\"],\"droitsPotentiels\":[\"AAH\"]}" };
                        case ORIENTATION -> new String[] { "/orientations", agent, "{\"beneficiaire\":\"" + ref + "\",\"structure\":\"caf-35\",\"commune\":\""
                                + commune + "\",\"motif\":\"banc d'essai\",\"droitsVises\":[\"RSA\"]}" };
                        case DROIT -> new String[] { "/droits/signalements", partenaire, "{\"beneficiaire\":\"" + ref
                                + "\",\"droit\":\"RSA\",\"etat\":\"OUVERT\",\"date\":\"" + aujourdhui + "\"}" };
                        case DEPENSE -> new String[] { "/programmes/" + marque + "/depenses", gestion, "{\"action\":\"1.1\",\"montant\":"
                                + BigDecimal.valueOf(montants[i], 2) + ",\"date\":\"" + aujourdhui + "\",\"categorie\":\"SUBVENTION_PARTENAIRE\","
                                + "\"beneficiaire\":\"Paie\",\"pieceJustificative\":\"" + marque + "-" + i + "\"}" };
                        case SIGNATURE -> new String[] { "/conventions/" + conventions[k / 2] + "/signatures", k % 2 == 0 ? gestion : gestionCaf, "{\"institution\":\""
                                + (k % 2 == 0 ? "departement-35" : "caf-35") + "\",\"date\":\"" + aujourdhui + "\"}" };
                    };
                    long avant = System.nanoTime();
                    long debutMs = t0ms + (avant - t0) / 1_000_000;
                    Banc.Connexion cx = cxs.get(op.port);
                    try {
                        if (cx == null) {
                            cx = new Banc.Connexion(op.port + DECALAGE);
                            cxs.put(op.port, cx);
                        }
                        Banc.Reponse r = cx.post(req[0], req[1], marque + "-" + i, req[2].getBytes(StandardCharsets.UTF_8));
                        Matcher m = ID.matcher(r.corps());
                        // latency from the planned start, so that a stall is not hidden (coordinated omission)
                        res[i] = new Resultat(r.statut(), r.statut() < 300 && m.find() ? m.group(1) : null,
                                r.type().startsWith("application/problem+json"), debutMs, System.nanoTime() - Math.min(prevu, avant));
                    } catch (IOException e) {
                        // no retry: the request may or may not have been applied, which is what is checked for unanswered requests
                        if (cx != null) {
                            cx.close();
                        }
                        cxs.remove(op.port);
                        res[i] = new Resultat(-1, null, false, debutMs, 0);
                    }
                }
                cxs.values().forEach(Banc.Connexion::close);
                fini.countDown();
            }).start();
        }
        fini.await();
        double secondes = (System.nanoTime() - t0) / 1e9;
        long finCharge = System.currentTimeMillis();

        System.out.printf("charge             %d requêtes en %.1f s (cadence visée %.0f/s, %d clients), commune %s, marque %s%n", n, secondes, debit, clients,
                commune, marque);
        System.out.printf("%-26s %7s %8s %9s %9s %9s %9s  %s%n", "opération", "envoyées", "acceptées", "p50 ms", "p99 ms", "p99.9 ms", "max ms",
                "statuts (-1 = sans réponse)");
        int erreursHorsProbleme = 0, erreursServeur = 0;
        for (Op op : Op.values()) {
            Map<Integer, Integer> statuts = new TreeMap<>();
            List<Long> lat = new ArrayList<>();
            int acc = 0, envoyees = 0;
            for (int i = 0; i < n; i++) {
                if (ops[i] != op) {
                    continue;
                }
                envoyees++;
                statuts.merge(res[i].statut(), 1, Integer::sum);
                if (res[i].statut() > 0) {
                    lat.add(res[i].latenceNs());
                }
                if (res[i].statut() >= 200 && res[i].statut() < 300) {
                    acc++;
                }
                if (res[i].statut() >= 400 && !res[i].probleme()) {
                    erreursHorsProbleme++;
                }
                if (res[i].statut() >= 500 && res[i].statut() != 503) {
                    erreursServeur++;
                }
            }
            long[] l = lat.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf("%-26s %7d %8d %9.1f %9.1f %9.1f %9.1f  %s%n", op.libelle, envoyees, acc, Banc.quantile(l, 0.5) / 1e6, Banc.quantile(l, 0.99) / 1e6,
                    Banc.quantile(l, 0.999) / 1e6, l.length == 0 ? 0 : l[l.length - 1] / 1e6, statuts);
        }
        long acceptees = Arrays.stream(res).filter(r -> r.statut() >= 200 && r.statut() < 300).count();
        System.out.printf("débit accepté      %.1f requêtes/s%n", acceptees / secondes);

        // ---- catch-up: every event of the run published and applied by its consumers, or five minutes
        Map<String, String[]> consommateurs = Map.of("orientation-faite", new String[] { "budget", "indicateurs-orientations", "conventions", "engagements-orientations" },
                "droit-ouvert", new String[] { "budget", "indicateurs-droits" }, "convention-signee", new String[] { "budget", "enveloppes" });
        List<Evenement> evenements;
        Map<String, Map<String, Long>> appliques; // consumer → event id → applied at (ms)
        long limite = System.currentTimeMillis() + 300_000;
        while (true) {
            evenements = new ArrayList<>();
            evenements.addAll(outbox("referral", "donnees->>'commune' = ? and cree_le >= ?::timestamptz", commune, debutRun.toString()));
            evenements.addAll(outbox("budget", "donnees->>'programme' = ?", marque));
            evenements.addAll(outbox("conventions", "donnees->>'reference' like ?", marque + "-%"));
            appliques = new HashMap<>();
            for (String base_ : List.of("budget", "conventions")) {
                appliques.putAll(inbox(base_, evenements.stream().map(Evenement::id).toArray(String[]::new)));
            }
            boolean rattrape = evenements.stream().allMatch(e -> e.publieMs() > 0);
            for (Evenement e : evenements) {
                String[] c = consommateurs.get(e.topic());
                for (int j = 1; c != null && j < c.length; j += 2) {
                    rattrape &= appliques.getOrDefault(c[j], Map.of()).containsKey(e.id());
                }
            }
            if (rattrape || System.currentTimeMillis() > limite) {
                break;
            }
            Thread.sleep(1000);
        }
        System.out.printf("rattrapage         %.1f s après la dernière réponse%n", (System.currentTimeMillis() - finCharge) / 1e3);

        // ---- events: published (outbox stamped), lag in the outbox, applied by each consumer, lag to the indicator
        System.out.printf("%-20s %8s %8s %10s %10s   %s%n", "événement", "écrits", "publiés", "outbox p50", "outbox p99", "appliqués par (délai écrit → appliqué p50 / p99)");
        Map<String, List<Evenement>> parTopic = new TreeMap<>();
        evenements.forEach(e -> parTopic.computeIfAbsent(e.topic(), t -> new ArrayList<>()).add(e));
        long evenementsPerdus = 0;
        for (Map.Entry<String, List<Evenement>> t : parTopic.entrySet()) {
            List<Evenement> es = t.getValue();
            long publies = es.stream().filter(e -> e.publieMs() > 0).count();
            evenementsPerdus += es.size() - publies;
            long[] lagOutbox = es.stream().filter(e -> e.publieMs() > 0).mapToLong(e -> e.publieMs() - e.creeMs()).sorted().toArray();
            StringBuilder par = new StringBuilder();
            String[] c = consommateurs.get(t.getKey());
            for (int j = 1; c != null && j < c.length; j += 2) {
                Map<String, Long> ap = appliques.getOrDefault(c[j], Map.of());
                long[] lag = es.stream().filter(e -> ap.containsKey(e.id())).mapToLong(e -> ap.get(e.id()) - e.creeMs()).sorted().toArray();
                long manquants = es.size() - lag.length;
                evenementsPerdus += manquants;
                par.append(String.format("%s %s %d (%d / %d ms)%s  ", c[j - 1], c[j], lag.length, (long) Banc.quantile(lag, 0.5), (long) Banc.quantile(lag, 0.99),
                        manquants > 0 ? " MANQUANTS " + manquants : ""));
            }
            System.out.printf("%-20s %8d %8d %7d ms %7d ms   %s%n", t.getKey(), es.size(), publies, (long) Banc.quantile(lagOutbox, 0.5), (long) Banc.quantile(lagOutbox, 0.99),
                    c == null ? "(aucun consommateur dans la suite)" : par);
        }

        Map<String, Map<String, Long>> appliquesFinal = appliques;

        // ---- recovery after each fault (suite chaos): when the events flowed again, the worst request, the rebalances
        if (groupes != null) {
            groupes.close();
            List<Reprise.Delai> delais = new ArrayList<>();
            for (Evenement e : evenements) {
                String[] c = consommateurs.get(e.topic());
                if (c == null) {
                    continue;
                }
                long lag = e.publieMs() > 0 ? e.publieMs() - e.creeMs() : -1;
                long relais = lag;
                for (int j = 1; lag >= 0 && j < c.length; j += 2) {
                    Long applique = appliquesFinal.getOrDefault(c[j], Map.of()).get(e.id());
                    lag = applique == null ? -1 : Math.max(lag, applique - e.creeMs());
                }
                delais.add(new Reprise.Delai(e.creeMs(), lag, relais));
            }
            Reprise.imprimer(Reprise.lire(fichierPannes), finCharge, delais, Arrays.asList(res), groupes);
        }

        // ---- what each service holds and each indicator counts, for each request
        System.out.printf("%-34s %9s %9s %7s %12s %13s %12s%n", "ce que tient chaque service", "acceptées", "tenues", "perdues", "deux fois",
                "refusées+écrites", "sans réponse+écrites");
        verifier("referral : contacts", Op.CONTACT, ops, res, parIndex(base, lignes("referral",
                "select b.reference from contact_campagne c join beneficiaire b on b.id = c.beneficiaire_id where c.campagne_id = ?::uuid", campagne)));
        verifier("referral : droits trouvés au RDV", Op.RDV, ops, res, parIndex(base, lignes("referral",
                "select b.reference from droit d join beneficiaire b on b.id = d.beneficiaire_id where b.commune = ? and d.type = 'AAH' and d.source = 'RDV_DES_DROITS'"
                        + " and b.reference between ? and ?", commune, premier, dernier)));
        // this run's orientations read once: by id for what is counted downstream, by person for what the clients were told
        Map<String, Long> orientations = new HashMap<>(), orientationsParPersonne = new HashMap<>();
        lignes("referral", "select id::text || ' ' || beneficiaire from orientation where commune = ? and beneficiaire between ? and ?", commune, premier,
                dernier).forEach((l, v) -> {
                    orientations.merge(l.split(" ")[0], v, Long::sum);
                    orientationsParPersonne.merge(l.split(" ")[1], v, Long::sum);
                });
        verifier("referral : orientations", Op.ORIENTATION, ops, res, parIndex(base, orientationsParPersonne));
        verifierIds("budget : orientations comptées", Op.ORIENTATION, ops, res, orientations, lignes("budget",
                "select orientation_id::text from orientation_comptee where commune = ? and applique_le >= ?::timestamptz", commune, debutRun.toString()));
        verifierIds("conventions : réalisations comptées", Op.ORIENTATION, ops, res, orientations, lignes("conventions",
                "select substr(evenement, length('orientation-faite:') + 1) from realisation where engagement_id = ?::uuid", engagement));
        verifier("referral : droits RSA ouverts", Op.DROIT, ops, res, parIndex(base, lignes("referral",
                "select b.reference from droit d join beneficiaire b on b.id = d.beneficiaire_id where b.commune = ? and d.type = 'RSA' and d.etat = 'OUVERT'"
                        + " and b.reference between ? and ?", commune, premier, dernier)));
        verifier("budget : droits ouverts comptés", Op.DROIT, ops, res, parIndex(base, lignes("budget",
                "select split_part(cle, '/', 1) from droit_ouvert_compte where commune = ? and droit = 'RSA' and split_part(cle, '/', 1) between ? and ?",
                commune, premier, dernier)));
        Map<String, Long> depenses = lignes("budget", "select substr(piece_justificative, length(?) + 2) from depense where piece_justificative like ? || '-%'",
                marque, marque);
        Map<Integer, Long> depensesParIndex = new HashMap<>();
        depenses.forEach((k, v) -> depensesParIndex.put(Integer.parseInt(k), v));
        verifier("budget : dépenses", Op.DEPENSE, ops, res, depensesParIndex);
        // signatures: request index → the party's signature held
        Map<String, Long> signees = lignes("conventions", "select c.reference || '/' || p.institution from partie p join convention c on c.id = p.convention_id "
                + "where c.reference like ? || '-%' and p.date_signature is not null", marque);
        Map<Integer, Long> signaturesParIndex = new HashMap<>();
        Map<String, Long> conventionsComptees = lignes("budget", "select reference from convention_financement where reference like ? || '-%'", marque);
        int signeesEnEntier = 0;
        for (int i = 0; i < n; i++) {
            if (ops[i] == Op.SIGNATURE) {
                int k = rang[i];
                String cle = marque + "-" + k / 2 + "/" + (k % 2 == 0 ? "departement-35" : "caf-35");
                if (signees.containsKey(cle)) {
                    signaturesParIndex.put(i, signees.get(cle));
                }
            }
        }
        verifier("conventions : signatures", Op.SIGNATURE, ops, res, signaturesParIndex);
        for (int k = 0; k < nbConventions; k++) {
            if (signees.containsKey(marque + "-" + k + "/departement-35") && signees.containsKey(marque + "-" + k + "/caf-35")) {
                signeesEnEntier++;
            }
        }
        long enveloppesEnTrop = conventionsComptees.values().stream().filter(v -> v > 1).count();
        boolean enveloppesOk = conventionsComptees.size() == signeesEnEntier && enveloppesEnTrop == 0;
        System.out.printf("%-34s %9d %9d %s%n", "budget : enveloppes des conventions", signeesEnEntier, conventionsComptees.size(),
                enveloppesOk ? "(une par convention signée par ses deux parties)" : "ÉCART");
        ok &= enveloppesOk;

        // money: the line's consumption (the indicator) equals the sum of the eligible expenses held, to the cent
        BigDecimal accepteesEuros = BigDecimal.ZERO, tenuesEuros = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            if (ops[i] == Op.DEPENSE) {
                if (res[i].statut() == 201) {
                    accepteesEuros = accepteesEuros.add(BigDecimal.valueOf(montants[i], 2));
                }
                if (depensesParIndex.containsKey(i)) {
                    tenuesEuros = tenuesEuros.add(BigDecimal.valueOf(montants[i], 2));
                }
            }
        }
        HttpResponse<String> actions = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (8082 + DECALAGE) + "/programmes/" + marque + "/actions?date=" + aujourdhui))
                .header("Authorization", "Bearer " + gestion).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = CONSOMMATION.matcher(actions.body());
        BigDecimal consommation = m.find() ? new BigDecimal(m.group(1)) : BigDecimal.ZERO;
        boolean argentOk = consommation.compareTo(tenuesEuros) == 0;
        System.out.printf("%-34s acceptées %s €, tenues %s €, consommation de la ligne %s € %s%n", "budget : argent", accepteesEuros, tenuesEuros,
                consommation, argentOk ? "(au centime)" : "ÉCART");
        ok &= argentOk;

        // for `suite bench`: the figures it compares with the raw ceilings measured in the same run
        long[] lagOrientations = evenements.stream().filter(e -> e.topic().equals("orientation-faite"))
                .filter(e -> appliquesFinal.getOrDefault("indicateurs-orientations", Map.of()).containsKey(e.id()))
                .mapToLong(e -> appliquesFinal.get("indicateurs-orientations").get(e.id()) - e.creeMs()).sorted().toArray();
        System.out.printf("RESULTAT debit=%.1f evenements=%.1f lag50=%d lag99=%d%n", acceptees / secondes, evenements.size() / secondes,
                (long) Banc.quantile(lagOrientations, 0.5), (long) Banc.quantile(lagOrientations, 0.99));
        System.out.printf("événements perdus  %d (écrits mais jamais publiés, ou publiés mais jamais appliqués)%n", evenementsPerdus);
        System.out.printf("erreurs hors problem+json %d%n", erreursHorsProbleme);
        // 503 (database restarting, with Retry-After) is the one server answer a fault may cause; any other 5xx is a bug
        System.out.printf("erreurs 5xx autres que 503 %d%n", erreursServeur);
        ok &= evenementsPerdus == 0 && erreursHorsProbleme == 0 && erreursServeur == 0;
        System.out.println(ok ? "bilan              rien de perdu, rien de compté deux fois, aucune erreur écrite à moitié" : "bilan              ÉCHEC");
        System.exit(ok ? 0 : 1);
    }

    /**
     * One line of the accounting: every accepted request held once; a refused one held nowhere; one left unanswered may be held
     * (its client would retry it, with its idempotency key where the API takes one).
     */
    static void verifier(String libelle, Op op, Op[] ops, Resultat[] res, Map<Integer, Long> tenues) {
        int acceptees = 0, perdues = 0, refuseesEcrites = 0, sansReponseEcrites = 0, total = 0;
        long deuxFois = tenues.values().stream().filter(v -> v > 1).count();
        for (int i = 0; i < ops.length; i++) {
            if (ops[i] != op) {
                continue;
            }
            boolean tenue = tenues.containsKey(i);
            total += tenue ? 1 : 0;
            int s = res[i].statut();
            if (s >= 200 && s < 300) {
                acceptees++;
                perdues += tenue ? 0 : 1;
            } else if (s >= 400 && tenue) {
                refuseesEcrites++;
            } else if (s == -1 && tenue) {
                sansReponseEcrites++;
            }
        }
        System.out.printf("%-34s %9d %9d %7d %12d %13d %12d%n", libelle, acceptees, total, perdues, deuxFois, refuseesEcrites, sansReponseEcrites);
        ok &= perdues == 0 && deuxFois == 0 && refuseesEcrites == 0;
    }

    /** The same for an effect identified by the id the client was given (orientations counted downstream). */
    static void verifierIds(String libelle, Op op, Op[] ops, Resultat[] res, Map<String, Long> tenuesEnAmont, Map<String, Long> comptees) {
        int acceptees = 0, perdues = 0;
        for (int i = 0; i < ops.length; i++) {
            if (ops[i] == op && res[i].id() != null) {
                acceptees++;
                perdues += comptees.containsKey(res[i].id()) ? 0 : 1;
            }
        }
        long deuxFois = comptees.values().stream().filter(v -> v > 1).count();
        // counted but never held upstream: an event from nowhere
        long sansOrigine = comptees.keySet().stream().filter(id -> !tenuesEnAmont.containsKey(id)).count();
        System.out.printf("%-34s %9d %9d %7d %12d %13s %12s%s%n", libelle, acceptees, comptees.size(), perdues, deuxFois, "-", "-",
                sansOrigine > 0 ? "  " + sansOrigine + " SANS ORIGINE" : "");
        ok &= perdues == 0 && deuxFois == 0 && sansOrigine == 0 && comptees.size() == tenuesEnAmont.size();
    }

    static Map<Integer, Long> parIndex(long base, Map<String, Long> parReference) {
        Map<Integer, Long> m = new HashMap<>();
        parReference.forEach((ref, v) -> m.put((int) (Long.parseLong(ref.substring(4), 16) - base), v));
        return m;
    }

    record Evenement(String topic, String id, long creeMs, long publieMs) {
    }

    static List<Evenement> outbox(String base, String condition, String... valeurs) throws Exception {
        List<Evenement> l = new ArrayList<>();
        try (Connection cx = DriverManager.getConnection(pg + base, "postgres", "");
                PreparedStatement ps = cx.prepareStatement("select topic, id::text, (extract(epoch from cree_le) * 1000)::bigint, "
                        + "coalesce((extract(epoch from publie_le) * 1000)::bigint, 0) from outbox_evenement where " + condition)) {
            for (int i = 0; i < valeurs.length; i++) {
                ps.setString(i + 1, valeurs[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    l.add(new Evenement(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
                }
            }
        }
        return l;
    }

    static Map<String, Map<String, Long>> inbox(String base, String[] ids) throws Exception {
        Map<String, Map<String, Long>> m = new HashMap<>();
        try (Connection cx = DriverManager.getConnection(pg + base, "postgres", "");
                PreparedStatement ps = cx.prepareStatement("select consommateur, evenement_id, (extract(epoch from traite_le) * 1000)::bigint "
                        + "from inbox_evenement where evenement_id = any(?)")) {
            Array tableau = cx.createArrayOf("text", ids);
            ps.setArray(1, tableau);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.computeIfAbsent(rs.getString(1), c -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                }
            }
        }
        return m;
    }

    /** Each row's value and how many times it appears. */
    static Map<String, Long> lignes(String base, String sql, String... parametres) throws Exception {
        Map<String, Long> m = new HashMap<>();
        try (Connection cx = DriverManager.getConnection(pg + base, "postgres", ""); PreparedStatement ps = cx.prepareStatement(sql)) {
            for (int i = 0; i < parametres.length; i++) {
                ps.setString(i + 1, parametres[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.merge(rs.getString(1), 1L, Long::sum);
                }
            }
        }
        return m;
    }

    static String convention(String reference, String commune, String parties, LocalDate aujourdhui) {
        return "{\"reference\":\"" + reference + "\",\"objet\":\"Banc d'essai\",\"type\":\"PARTENARIAT\",\"porteur\":\"departement-35\",\"territoire\":[\""
                + commune + "\"],\"dateDebut\":\"" + aujourdhui.withDayOfYear(1) + "\",\"dateFin\":\"" + aujourdhui.plusYears(2) + "\",\"parties\":" + parties + "}";
    }

    static String poster(HttpClient http, int port, String chemin, String jeton, String cle, String corps) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + (port + DECALAGE) + chemin)).header("Authorization", "Bearer " + jeton)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(corps));
        if (cle != null) {
            b.header("Idempotency-Key", cle);
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("préparation : POST " + chemin + " a répondu " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    static String id(String corps) {
        Matcher m = ID.matcher(corps);
        if (!m.find()) {
            throw new IllegalStateException("préparation : pas d'identifiant dans " + corps);
        }
        return m.group(1);
    }
}
