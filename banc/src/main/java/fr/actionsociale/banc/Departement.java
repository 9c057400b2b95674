package fr.actionsociale.banc;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Département's data, reproducible from a seed (`suite donnees --departement [--graine S] [--echelle F]`): five years of RSA
 * entrants through the CAF's monthly files (100,000 a year at F = 1), their paths (orientations, acceptances, starts, first CERs,
 * rights opened and closed by the partners), people met by outreach (600,000 people in all at F = 1: registrations, contacts, RDV
 * des droits, orientations) and the programme's expenses. Everything goes through the services' own write paths (REST and the
 * bulk import), each fact with the date it happened; the database is only read (references the import gave, step ids, counts).
 * Same seed, same data: the Idempotency-Keys and allocataire numbers derive from it, and each finished phase is recorded in
 * {@code $STATE/departement-S-F.etat} so that a run started again goes on from the first unfinished phase.
 */
public class Departement {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Communes of Ille-et-Vilaine (INSEE codes), Redon and Pipriac first. */
    static final String[] COMMUNES = { "35236", "35220", "35238", "35288", "35115", "35360", "35047", "35051", "35093", "35281", "35206", "35024",
            "35210", "35240", "35068", "35352", "35066", "35055", "35176", "35196" };
    static final String[] STRUCTURES = { "cdas-pays-de-redon", "ccas-redon", "ccas-pipriac", "france-travail-35" };
    static final String[] FOYERS = { "isole", "couple", "couple_enfants", "isole_enfants" };
    static final String[] CATEGORIES = { "PERSONNEL_ACCOMPAGNEMENT", "SOLUTION_EXTERNALISEE", "SUBVENTION_PARTENAIRE", "DEVELOPPEMENT_INFORMATIQUE",
            "FRAIS_GENERAUX" };
    static final Pattern REFERENCE = Pattern.compile("\"reference\"\\s*:\\s*\"(ben-[0-9a-f]{12})\"");
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern IMPORTES = Pattern.compile("\"importes\"\\s*:\\s*(\\d+)");
    static final Pattern ORIENTES = Pattern.compile("\"orientes\"\\s*:\\s*(\\d+)");

    final long graine;
    final double echelle;
    final String pg;
    final Jetons jetons;
    final Clients http;
    final LocalDate aujourdhui = LocalDate.now(PARIS);
    final YearMonth premierMois;
    final String marque;
    final String prefixe;
    final Path fichierEtat;
    final Set<String> faites = new TreeSet<>();
    final List<Clients.Phase> phases = new ArrayList<>();
    final Map<String, Long> ecrits = new LinkedHashMap<>();

    Departement(Map<String, String> o) throws Exception {
        graine = Long.parseLong(o.getOrDefault("--graine", "35"));
        echelle = Double.parseDouble(o.getOrDefault("--echelle", "1"));
        Path etat = Path.of(o.get("--etat"));
        int decalage = Integer.parseInt(o.getOrDefault("--decalage", "0"));
        pg = o.getOrDefault("--pg", "jdbc:postgresql://127.0.0.1:" + (55432 + decalage) + "/");
        jetons = new Jetons(etat);
        http = new Clients(Integer.parseInt(o.getOrDefault("--clients", "12")), decalage);
        premierMois = YearMonth.from(aujourdhui).minusMonths(60);
        marque = "DEP35-" + graine;
        // allocataire numbers: 2 digits from the seed, then the entrant's rank (10 digits in all), never those of the bench (5 + 7 digits)
        prefixe = String.format("%02d", 10 + Math.floorMod(graine, 90));
        fichierEtat = etat.resolve("departement-" + graine + "-" + echelle + ".etat");
        if (Files.exists(fichierEtat)) {
            faites.addAll(Files.readAllLines(fichierEtat));
        }
    }

    public static void main(String[] a) throws Exception {
        Departement d = new Departement(Banc.options(a));
        try {
            d.charger();
        } finally {
            d.http.close();
        }
    }

    int entrantsParMois() {
        return (int) Math.round(100_000 * echelle / 12);
    }

    int autresPersonnes() {
        return (int) Math.round(600_000 * echelle) - entrantsParMois() * 60;
    }

    void charger() throws Exception {
        System.out.printf("== un Département : graine %d, échelle %s ; %d entrants RSA par mois sur 60 mois (depuis %s), %d autres personnes%n", graine,
                echelle, entrantsParMois(), premierMois, autresPersonnes());
        if (!faites.isEmpty()) {
            System.out.println("reprise : phases déjà faites " + faites);
        }
        java.time.Instant debut = java.time.Instant.now().minusSeconds(1);
        long t0 = System.nanoTime();
        phase("programme et campagnes", this::programmeEtCampagnes);
        phase("import CAF des entrants RSA", this::importer);
        phase("parcours des entrants", this::parcoursEntrants);
        phase("personnes rencontrées (aller-vers)", this::autres);
        phase("premiers CER", this::premiersCer);
        phase("dépenses", this::depenses);
        double total = (System.nanoTime() - t0) / 1e9;
        System.out.println();
        System.out.println("== ce qui a été écrit (cette exécution)");
        phases.forEach(p -> {
            System.out.println(p.ligne());
            p.imprimerRefus();
        });
        ecrits.forEach((k, v) -> System.out.printf("%-34s %,d%n", k, v));
        System.out.println();
        System.out.println("== événements écrits dans les outbox pendant cette exécution, par topic");
        Map<String, Map<String, Long>> apres = evenements(debut);
        long somme = 0;
        for (String base : apres.keySet()) {
            for (Map.Entry<String, Long> e : apres.get(base).entrySet()) {
                long n = e.getValue();
                if (n > 0) {
                    System.out.printf("%-12s %-30s %,10d%n", base, e.getKey(), n);
                    somme += n;
                }
            }
        }
        System.out.printf("%-43s %,10d%n", "total", somme);
        System.out.printf("durée totale %.1f s ; %,.0f événements/s%n", total, somme / total);
        Map<String, Long> personnes = compter("referral", "select 'personnes suivies', count(*) from beneficiaire");
        personnes.forEach((k, v) -> System.out.printf("%s dans referral-service : %,d%n", k, v));
    }

    interface Travail {
        void faire(Clients.Phase p) throws Exception;
    }

    void phase(String nom, Travail t) throws Exception {
        if (faites.contains(nom)) {
            System.out.println("phase déjà faite : " + nom);
            return;
        }
        Clients.Phase p = new Clients.Phase(nom);
        phases.add(p);
        System.out.println("phase : " + nom + " …");
        t.faire(p);
        p.fin = System.nanoTime();
        System.out.println(p.ligne());
        p.imprimerRefus();
        faites.add(nom);
        Files.writeString(fichierEtat, String.join("\n", faites) + "\n");
    }

    // ------------------------------------------------------------------ phases

    void programmeEtCampagnes(Clients.Phase p) {
        String gestion = jetons.jeton("gestionnaire", "departement-35");
        int debut = premierMois.getYear();
        String territoire = "[\"" + String.join("\",\"", COMMUNES) + "\"]";
        verifier(http.post(p, 8082, "/programmes", gestion, marque + "-programme", "{\"code\":\"" + marque + "\",\"libelle\":\"Insertion RSA du Département"
                + " (jeu de volume, graine " + graine + ")\",\"dateDebut\":\"" + debut + "-01-01\",\"dateFin\":\"" + aujourdhui.getYear() + "-12-31\","
                + "\"territoire\":" + territoire + ",\"categoriesNonEligibles\":[\"FRAIS_GENERAUX\"]}"), "programme");
        verifier(http.post(p, 8082, "/programmes/" + marque + "/actions", gestion, marque + "-action", "{\"code\":\"4.1\",\"libelle\":\"Orientation et "
                + "parcours des allocataires du RSA\",\"axe\":\"4\"}"), "action");
        for (int annee = debut; annee <= aujourdhui.getYear(); annee++) {
            verifier(http.post(p, 8082, "/programmes/" + marque + "/actions/4.1/lignes", gestion, marque + "-ligne-" + annee, "{\"periode\":\"" + annee
                    + "\",\"valorisationDepartement\":2500000.00,\"participationEtat\":" + (long) Math.max(1, 40_000_000 * echelle) + ".00}"), "ligne " + annee);
            // one outreach campaign a year over the Département's communes, led by the CCAS de Redon
            String campagne = "{\"nom\":\"Aller-vers " + annee + " (" + marque + ")\",\"communes\":" + territoire + ",\"debut\":\"" + annee + "-01-01\","
                    + "\"fin\":\"" + annee + "-12-31\"}";
            verifier(http.post(p, 8083, "/campagnes", jetons.jeton("agent", "ccas-redon"), marque + "-campagne-" + annee, campagne), "campagne " + annee);
        }
        ecrits.merge("programmes", 1L, Long::sum);
        ecrits.merge("campagnes", (long) (aujourdhui.getYear() - debut + 1), Long::sum);
    }

    /**
     * Each month's CAF file, processed by the Département on a day of its month (its dateTraitement: the entrants are registered and
     * automatically oriented that day) and holding the rights opened in that month up to that day; the import takes an allocataire
     * number once, so a file sent again adds nothing.
     */
    void importer(Clients.Phase p) throws Exception {
        String gestion = jetons.jeton("gestionnaire", "departement-35");
        int parMois = entrantsParMois();
        long importes = 0, orientes = 0;
        for (int m = 0; m < 60; m++) {
            YearMonth mois = premierMois.plusMonths(m);
            // received in the last ten days of its month (the current month's, today at the latest)
            LocalDate traitement = plafond(mois.atDay(mois.lengthOfMonth() - alea("fichier", m).nextInt(10)));
            StringBuilder csv = new StringBuilder("numero_allocataire;date_ouverture;date_naissance;commune;foyer\n");
            for (int i = 0; i < parMois; i++) {
                int rang = m * parMois + i;
                Random r = alea("entrant", rang);
                LocalDate ouverture = mois.atDay(1 + r.nextInt(traitement.getDayOfMonth()));
                // ages 18 to 64 when the file is processed, a quarter under 26 (the Missions locales' share)
                int age = r.nextInt(4) == 0 ? 18 + r.nextInt(8) : 26 + r.nextInt(39);
                LocalDate naissance = traitement.minusYears(age).minusDays(1 + r.nextInt(360));
                csv.append(prefixe).append(String.format("%08d", rang)).append(';').append(ouverture).append(';').append(naissance).append(';')
                        .append(commune(r)).append(';').append(FOYERS[r.nextInt(FOYERS.length)]).append('\n');
            }
            Banc.Reponse rep = http.appel(p, 8083, "POST", "/imports/entrants-rsa?dateTraitement=" + traitement, gestion, null, "text/csv", csv.toString(), "");
            verifier(rep, "import " + mois);
            importes += nombre(IMPORTES, rep.corps());
            orientes += nombre(ORIENTES, rep.corps());
        }
        ecrits.merge("entrants RSA importés", importes, Long::sum);
        ecrits.merge("  dont orientés automatiquement", orientes, Long::sum);
        ecrits.merge("entrants RSA par an", Math.round(parMois * 12.0), Long::sum);
    }

    /** {@code orienteeLe}: the day of the automatic orientation (the file's processing day), null when no rule oriented them. */
    record Entrant(int rang, String reference, String commune, LocalDate ouverture, String orientation, String structure, LocalDate orienteeLe) {
    }

    List<Entrant> entrants() throws Exception {
        List<Entrant> l = new ArrayList<>();
        try (Connection cx = DriverManager.getConnection(pg + "referral", "postgres", "");
                PreparedStatement ps = cx.prepareStatement("select b.numero_allocataire, b.reference, b.commune, d.ouvert_le, o.id::text, o.structure, "
                        + "(o.date_orientation at time zone 'Europe/Paris')::date "
                        + "from beneficiaire b join droit d on d.beneficiaire_id = b.id and d.type = 'RSA' and d.source = 'IMPORT_CAF' "
                        + "left join orientation o on o.beneficiaire_id = b.id and o.oriente_par = 'orientation-automatique' "
                        + "where b.numero_allocataire like ? and length(b.numero_allocataire) = 10 order by b.numero_allocataire")) {
            ps.setString(1, prefixe + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    l.add(new Entrant(Integer.parseInt(rs.getString(1).substring(2)), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                            rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class)));
                }
            }
        }
        return l;
    }

    /**
     * An entrant's path after the file: those a rule oriented (on the file's processing day) are accepted and started like the others;
     * those no rule oriented are oriented by the Département's agent within weeks of the opening,
     * accepted by the structure with a single referent, started; the partners open the C2S (CPAM) and the prime d'activité (CAF),
     * and the CAF closes some RSA rights a year or two later (a break in the worklists).
     */
    void parcoursEntrants(Clients.Phase p) throws Exception {
        List<Entrant> entrants = entrants();
        List<Runnable> taches = new ArrayList<>();
        long[] orientations = new long[1];
        for (Entrant e : entrants) {
            taches.add(() -> {
                Random r = alea("parcours", e.rang());
                LocalDate d = e.ouverture();
                if (e.orientation() == null && r.nextInt(10) < 8) {
                    String structure = STRUCTURES[r.nextInt(STRUCTURES.length)];
                    LocalDate dO = plafond(d.plusDays(3 + r.nextInt(45)));
                    Banc.Reponse o = http.post(p, 8083, "/orientations", jetons.jeton("agent", "departement-35"), marque + "-orientation-" + e.rang(),
                            "{\"beneficiaire\":\"" + e.reference() + "\",\"structure\":\"" + structure + "\",\"commune\":\"" + e.commune()
                                    + "\",\"motif\":\"Parcours RSA\",\"droitsVises\":[\"RSA\"],\"date\":\"" + dO + "\"}");
                    String id = trouver(ID, o);
                    if (id != null) {
                        synchronized (orientations) {
                            orientations[0]++;
                        }
                        suivre(p, r, id, structure, dO);
                    }
                }
                // the automatic orientation is dated on the file's processing day: its follow-up is dated from then
                if (e.orientation() != null) {
                    suivre(p, r, e.orientation(), e.structure(), e.orienteeLe());
                }
                if (r.nextInt(100) < 35) {
                    signaler(p, "cpam-35", e.reference(), "C2S", "OUVERT", plafond(d.plusDays(10 + r.nextInt(110))));
                }
                if (r.nextInt(100) < 20) {
                    signaler(p, "caf-35", e.reference(), "PRIME_ACTIVITE", "OUVERT", plafond(d.plusDays(30 + r.nextInt(300))));
                }
                if (r.nextInt(100) < 12) {
                    LocalDate fin = d.plusDays(180 + r.nextInt(720));
                    if (!fin.isAfter(aujourdhui)) {
                        signaler(p, "caf-35", e.reference(), "RSA", "FERME", fin);
                    }
                }
            });
        }
        http.tous(taches);
        ecrits.merge("orientations par un agent (entrants)", orientations[0], Long::sum);
    }

    /** Acceptance with a single referent, then the start (the first appointment's step done), each dated after the previous one. */
    void suivre(Clients.Phase p, Random r, String orientation, String structure, LocalDate dO) {
        if (r.nextInt(100) >= 85) {
            return;
        }
        String agent = jetons.jeton("agent", structure);
        LocalDate dA = plafond(dO.plusDays(r.nextInt(10)));
        if (ok(http.post(p, 8083, "/orientations/" + orientation + "/acceptation", agent, null, "{\"referent\":\"Référent RSA, " + structure
                + "\",\"date\":\"" + dA + "\"}")) && r.nextInt(100) < 80) {
            http.post(p, 8083, "/orientations/" + orientation + "/demarrage", agent, null, "{\"date\":\"" + plafond(dA.plusDays(3 + r.nextInt(22))) + "\"}");
        }
    }

    void signaler(Clients.Phase p, String partenaire, String reference, String droit, String etat, LocalDate date) {
        http.post(p, 8083, "/droits/signalements", jetons.jeton("partenaire", partenaire), null, "{\"beneficiaire\":\"" + reference + "\",\"droit\":\""
                + droit + "\",\"etat\":\"" + etat + "\",\"date\":\"" + date + "\"}");
    }

    /**
     * The people outreach meets: registered by the CCAS de Redon, contacted in a campaign of their year, most at a RDV des droits,
     * some oriented and accepted, some with the C2S opened; plus the contacts that found nobody or no file.
     */
    void autres(Clients.Phase p) throws Exception {
        int n = autresPersonnes();
        Map<Integer, String> campagnes = campagnes();
        String agent = jetons.jeton("agent", "ccas-redon");
        java.util.concurrent.atomic.AtomicLong inscrites = new java.util.concurrent.atomic.AtomicLong();
        List<Runnable> taches = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int rang = i;
            taches.add(() -> {
                Random r = alea("personne", rang);
                String commune = commune(r);
                LocalDate contact = premierMois.atDay(1).plusDays(r.nextInt((int) (aujourdhui.toEpochDay() - premierMois.atDay(1).toEpochDay())));
                String campagne = campagnes.get(contact.getYear());
                // two contacts without a file for each person registered: nobody home, or a refusal
                for (int k = 0; k < 2; k++) {
                    http.post(p, 8083, "/campagnes/" + campagne + "/contacts", agent, null, "{\"commune\":\"" + commune + "\",\"canal\":\"PORTE_A_PORTE\","
                            + "\"issue\":\"" + (k == 0 ? "ABSENT" : "REFUS") + "\",\"date\":\"" + contact + "\"}");
                }
                // registered on the day of the first contact, which the retention period counts from
                Banc.Reponse b = http.post(p, 8083, "/beneficiaires", agent, marque + "-personne-" + rang, "{\"nom\":\"Volume\",\"prenom\":\"P" + rang
                        + "\",\"dateInscription\":\"" + contact + "\",\"dateNaissance\":\"" + aujourdhui.minusYears(20 + r.nextInt(60)).minusDays(r.nextInt(360)) + "\",\"commune\":\"" + commune
                        + "\",\"foyer\":\"" + FOYERS[r.nextInt(FOYERS.length)] + "\"}");
                String ref = trouver(REFERENCE, b);
                if (ref == null) {
                    return;
                }
                inscrites.incrementAndGet();
                http.post(p, 8083, "/campagnes/" + campagne + "/contacts", agent, null, "{\"beneficiaire\":\"" + ref + "\",\"commune\":\"" + commune
                        + "\",\"canal\":\"" + (r.nextBoolean() ? "PORTE_A_PORTE" : "PERMANENCE") + "\",\"issue\":\"RDV_PRIS\",\"date\":\"" + contact + "\"}");
                if (r.nextInt(100) >= 70) {
                    return;
                }
                LocalDate rdv = plafond(contact.plusDays(r.nextInt(30)));
                http.post(p, 8083, "/beneficiaires/" + ref + "/rdv-des-droits", agent, null, "{\"date\":\"" + rdv + "\",\"droitsExamines\":[\"RSA\","
                        + "\"C2S\",\"PRIME_ACTIVITE\",\"AIDE_LOGEMENT\"],\"droitsPotentiels\":[\"C2S\"" + (r.nextBoolean() ? ",\"AIDE_LOGEMENT\"" : "") + "]}");
                if (r.nextInt(100) < 45) {
                    String structure = STRUCTURES[r.nextInt(STRUCTURES.length)];
                    LocalDate dO = plafond(rdv.plusDays(r.nextInt(20)));
                    Banc.Reponse o = http.post(p, 8083, "/orientations", agent, marque + "-orientation-autre-" + rang, "{\"beneficiaire\":\"" + ref
                            + "\",\"structure\":\"" + structure + "\",\"commune\":\"" + commune + "\",\"motif\":\"Droits identifiés au RDV des droits\","
                            + "\"droitsVises\":[\"C2S\"],\"date\":\"" + dO + "\"}");
                    String id = trouver(ID, o);
                    if (id != null && r.nextInt(100) < 80) {
                        http.post(p, 8083, "/orientations/" + id + "/acceptation", jetons.jeton("agent", structure), null, "{\"referent\":\"Référent, "
                                + structure + "\",\"date\":\"" + plafond(dO.plusDays(r.nextInt(10))) + "\"}");
                    }
                }
                if (r.nextInt(100) < 35) {
                    signaler(p, "cpam-35", ref, "C2S", "OUVERT", plafond(rdv.plusDays(10 + r.nextInt(50))));
                }
            });
        }
        http.tous(taches);
        ecrits.merge("personnes inscrites par l'aller-vers", inscrites.get(), Long::sum);
    }

    Map<Integer, String> campagnes() throws Exception {
        Map<Integer, String> m = new TreeMap<>();
        try (Connection cx = DriverManager.getConnection(pg + "referral", "postgres", "");
                PreparedStatement ps = cx.prepareStatement("select extract(year from debut)::int, id::text from campagne where nom like ?")) {
            ps.setString(1, "Aller-vers % (" + marque + ")");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return m;
    }

    /** The first CER of each started accompaniment of this seed's people, within two months of the orientation (most of them). */
    void premiersCer(Clients.Phase p) throws Exception {
        List<String[]> etapes = new ArrayList<>();
        try (Connection cx = DriverManager.getConnection(pg + "referral", "postgres", "");
                PreparedStatement ps = cx.prepareStatement("select e.id::text, e.structure, e.date_depart, b.numero_allocataire from etape_rsa e "
                        + "join beneficiaire b on b.id = e.beneficiaire_id join orientation o on o.beneficiaire_id = b.id and o.demarree_le is not null "
                        + "where e.type = 'PREMIER_CER' and e.faite_le is null and b.numero_allocataire like ? and length(b.numero_allocataire) = 10")) {
            ps.setString(1, prefixe + "%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    etapes.add(new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) });
                }
            }
        }
        List<Runnable> taches = new ArrayList<>();
        for (String[] e : etapes) {
            taches.add(() -> {
                Random r = alea("cer", Integer.parseInt(e[3].substring(2)));
                LocalDate d = plafond(LocalDate.parse(e[2]).plusDays(10 + r.nextInt(r.nextInt(4) == 0 ? 120 : 50)));
                http.post(p, 8083, "/suivi/etapes/" + e[0] + "/faite", jetons.jeton("agent", e[1]), null, "{\"date\":\"" + d + "\"}");
            });
        }
        http.tous(taches);
        ecrits.merge("premiers CER", (long) etapes.size(), Long::sum);
    }

    /** The programme's expenses, 20,000 a year at F = 1, each dated in its year (the line of its year consumes it). */
    void depenses(Clients.Phase p) throws Exception {
        String gestion = jetons.jeton("gestionnaire", "departement-35");
        int parAn = (int) Math.round(20_000 * echelle);
        List<Runnable> taches = new ArrayList<>();
        long jours = aujourdhui.toEpochDay() - premierMois.atDay(1).toEpochDay();
        long[] acceptees = new long[1];
        for (int i = 0; i < parAn * 5; i++) {
            int rang = i;
            taches.add(() -> {
                Random r = alea("depense", rang);
                LocalDate d = premierMois.atDay(1).plusDays(r.nextInt((int) jours));
                String categorie = CATEGORIES[r.nextInt(CATEGORIES.length)];
                // a staff expense says how many ETP it pays (the engineering cap is counted in ETP)
                String etp = categorie.startsWith("PERSONNEL_") ? ",\"etp\":" + (1 + r.nextInt(3)) : "";
                if (ok(http.post(p, 8082, "/programmes/" + marque + "/depenses", gestion, marque + "-depense-" + rang, "{\"action\":\"4.1\",\"montant\":"
                        + BigDecimal.valueOf(5_000 + r.nextInt(2_000_000), 2) + ",\"date\":\"" + d + "\",\"categorie\":\"" + categorie
                        + "\",\"beneficiaire\":\"Prestataire " + (1 + r.nextInt(40)) + "\",\"pieceJustificative\":\"Mandat " + marque + "-" + rang + "\"" + etp + "}"))) {
                    synchronized (acceptees) {
                        acceptees[0]++;
                    }
                }
            });
        }
        http.tous(taches);
        ecrits.merge("dépenses", acceptees[0], Long::sum);
    }

    // ------------------------------------------------------------------ helpers

    Random alea(String quoi, long rang) {
        return new Random(graine * 1_000_003L ^ quoi.hashCode() * 31L ^ rang * 0x9E3779B97F4A7C15L);
    }

    static String commune(Random r) {
        // Redon and Pipriac weigh more (the seeds' territory), the rest evenly
        return r.nextInt(4) == 0 ? COMMUNES[r.nextInt(2)] : COMMUNES[r.nextInt(COMMUNES.length)];
    }

    LocalDate plafond(LocalDate d) {
        return d.isAfter(aujourdhui) ? aujourdhui : d;
    }

    static boolean ok(Banc.Reponse r) {
        return r.statut() >= 200 && r.statut() < 300;
    }

    static String trouver(Pattern motif, Banc.Reponse r) {
        if (!ok(r)) {
            return null;
        }
        Matcher m = motif.matcher(r.corps());
        return m.find() ? m.group(1) : null;
    }

    static long nombre(Pattern motif, String corps) {
        Matcher m = motif.matcher(corps);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    /** A setup request must work (a replay of an idempotent one answers its first result); anything else stops the load. */
    static void verifier(Banc.Reponse r, String quoi) {
        if (!ok(r) && r.statut() != 409) {
            throw new IllegalStateException(quoi + " : HTTP " + r.statut() + " " + Clients.abreger(r.corps()));
        }
    }

    /** Outbox rows written since an instant, per topic in each database (read only; the relay purges published rows only after days). */
    Map<String, Map<String, Long>> evenements(java.time.Instant depuis) throws Exception {
        Map<String, Map<String, Long>> m = new TreeMap<>();
        for (String base : List.of("referral", "budget", "conventions")) {
            m.put(base, new TreeMap<>(compter(base, "select topic, count(*) from outbox_evenement where cree_le >= '" + depuis + "'::timestamptz group by topic")));
        }
        return m;
    }

    Map<String, Long> compter(String base, String sql) throws Exception {
        Map<String, Long> m = new TreeMap<>();
        try (Connection cx = DriverManager.getConnection(pg + base, "postgres", ""); PreparedStatement ps = cx.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                m.put(rs.getString(1), rs.getLong(2));
            }
        }
        return m;
    }
}
