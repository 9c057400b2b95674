package fr.actionsociale.banc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fair floor of the write ceiling: what each service asked PostgreSQL to do per orientation, replayed by pgbench.
 * <p>
 * {@link Bench} resets {@code pg_stat_statements} once its warm-up is applied and reads it when its measured orientations are
 * counted ({@link #reinitialiser}, {@link #lire}): per database, each statement the service's own role ran, its calls and rows.
 * {@code main} turns that record into one pgbench script per service, run against copies of the three schemas with their data
 * (database {@code bench}, schemas conventions, budget and referral, made by deploy/local/bench/bench): a script's transaction
 * holds the statements of k orientations, k being how many orientations the service applies per commit (1 for the POST, a
 * poll's worth for a consumer that commits once per poll), each statement as many times as it ran per orientation. Parameters are
 * plausible values of the types PostgreSQL infers for them (PREPARE): fresh uuids, random short texts, now(), arrays as long
 * as the statement's rows per call. The copies have no foreign keys nor checks (random values would break them): the floor
 * skips those checks and updates by a random id touch no row, so it errs on the fast side, never flattering the suite.
 * <p>
 * CPU per orientation: {@link #ticks} of each process from /proc, PostgreSQL as the postmaster and all its children.
 */
public final class Plancher {

    static final List<String> BASES = List.of("conventions", "budget", "referral");
    static final ObjectMapper JSON = new ObjectMapper();

    private Plancher() {
    }

    /** One statement as pg_stat_statements counted it over the measured orientations. */
    public record Releve(String base, String requete, long appels, long lignes) {
    }

    /** Forgets every database's statements: what is read next is the measured run's alone. */
    static void reinitialiser(String pgBase) throws SQLException {
        try (Connection c = DriverManager.getConnection(pgBase + "referral", "postgres", ""); Statement s = c.createStatement()) {
            s.execute("select pg_stat_statements_reset()");
        }
    }

    /** The statements each service's own role ran (the bench's own queries, as postgres, are left out). */
    static List<Releve> lire(String pgBase) throws SQLException {
        List<Releve> r = new ArrayList<>();
        for (String base : BASES) {
            try (Connection c = DriverManager.getConnection(pgBase + base, "postgres", "");
                    PreparedStatement ps = c.prepareStatement("select query, calls, rows from pg_stat_statements "
                            + "where dbid = (select oid from pg_database where datname = current_database()) "
                            + "and userid = (select oid from pg_roles where rolname = ?) order by calls desc")) {
                ps.setString(1, base);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        r.add(new Releve(base, rs.getString(1), rs.getLong(2), rs.getLong(3)));
                    }
                }
            }
        }
        return r;
    }

    static void ecrire(List<Releve> r, Path fichier) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(fichier.toFile(), r);
    }

    /** utime + stime of one process, in clock ticks; 0 once it has gone. */
    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // the command name, in parentheses, may hold spaces: fields are counted after it (utime is the 14th field)
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A process and its children (PostgreSQL's backends); a backend that ends during the run takes its ticks with it. */
    static long ticksArbre(long pid) {
        long t = ticks(pid);
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String nom = p.getFileName().toString();
                if (!nom.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    if (Long.parseLong(f[1]) == pid) {
                        t += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException e) {
                    // ended while being read
                }
            }
        } catch (IOException e) {
            return t;
        }
        return t;
    }

    static boolean utilitaire(String requete) {
        String q = requete.strip().toLowerCase(Locale.ROOT);
        return Stream.of("begin", "commit", "rollback", "start transaction", "set ", "show ", "savepoint", "release", "reset", "discard",
                "select pg_stat_statements").anyMatch(q::startsWith)
                // the JDBC driver's own catalogue lookups (result set metadata): not the service's work
                || q.contains("pg_catalog.");
    }

    static boolean commit(String requete) {
        String q = requete.strip().toLowerCase(Locale.ROOT);
        return q.startsWith("commit") || q.startsWith("end");
    }

    static final Pattern PARAMETRE = Pattern.compile("\\$(\\d+)(?!\\d)");

    /** A value of the type PostgreSQL inferred for a parameter; an array holds {@code taille} elements. */
    static String valeur(String type, int taille) {
        if (type.endsWith("[]")) {
            String element = type.substring(0, type.length() - 2);
            return "(array(select " + valeur(element, 1) + " from generate_series(1, " + taille + ")))::" + type;
        }
        String v = switch (type) {
            case "uuid" -> "gen_random_uuid()";
            // five characters: the shortest text columns (commune codes) are varchar(5)
            case "text", "character varying", "character", "name" -> "left(md5(random()::text), 5)";
            case "smallint", "integer", "bigint" -> "(random() * 1000)::int";
            case "numeric", "double precision", "real" -> "1";
            case "boolean" -> "true";
            case "date" -> "current_date";
            case "timestamp with time zone", "timestamp without time zone" -> "now()";
            case "time without time zone" -> "localtime";
            case "interval" -> "'1 second'";
            case "json", "jsonb" -> "'{}'";
            case "bytea" -> "'\\x00'";
            default -> "null";
        };
        return "(" + v + ")::" + type;
    }

    /**
     * --releve FILE (from Bench) --orientations N --pg jdbc:postgresql://host:port/ --bench-db bench --sortie DIR: prints the
     * statements per orientation per service, writes DIR/plancher-SERVICE.sql and prints one line "SCRIPTS f@w ... POIDS W"
     * for pgbench (the floor's orientations/s are its transactions/s × 1000 / W).
     */
    public static void main(String[] a) throws Exception {
        Map<String, String> o = Banc.options(a);
        List<Releve> releves = List.of(JSON.readValue(Path.of(o.get("--releve")).toFile(), Releve[].class));
        double n = Double.parseDouble(o.get("--orientations"));
        Path sortie = Path.of(o.get("--sortie"));
        String benchDb = o.getOrDefault("--pg", "jdbc:postgresql://127.0.0.1:55432/") + o.getOrDefault("--bench-db", "bench");
        StringBuilder scripts = new StringBuilder();
        int poidsTotal = 0;
        try (Connection c = DriverManager.getConnection(benchDb, "postgres", "")) {
            for (String base : BASES) {
                List<Releve> siens = releves.stream().filter(r -> r.base().equals(base)).toList();
                long commits = siens.stream().filter(r -> commit(r.requete())).mapToLong(Releve::appels).sum();
                double commitsParOrientation = commits / n;
                // orientations per commit: a consumer that commits once per poll applies a poll's worth in one transaction
                // (commits below one per hundred orientations are not taken as measured: one transaction per orientation)
                int k = commitsParOrientation < 0.01 ? 1 : (int) Math.max(1, Math.min(500, Math.round(1 / commitsParOrientation)));
                double total = siens.stream().filter(r -> !utilitaire(r.requete())).mapToDouble(r -> r.appels() / n).sum();
                System.out.printf("%nrequêtes/orientation %-12s %.2f instructions SQL et %.2f commits par orientation ; rejouées par transactions de %d orientation(s)%n",
                        base, total, commitsParOrientation, k);
                StringBuilder script = new StringBuilder("-- " + base + " : instructions d'une transaction de " + k + " orientation(s), relevées par pg_stat_statements\n");
                script.append("\\set tirage random(0, 999999)\nBEGIN;\nSET LOCAL search_path = ").append(base).append(";\n");
                for (Releve r : siens) {
                    double parOrientation = r.appels() / n;
                    if (utilitaire(r.requete()) || parOrientation < 0.0005) {
                        continue;
                    }
                    int taille = (int) Math.max(1, Math.round((double) r.lignes() / Math.max(1, r.appels())));
                    String sql;
                    String refus = null;
                    try {
                        sql = instancier(c, base, r.requete(), taille);
                    } catch (SQLException e) {
                        sql = null;
                        refus = e.getMessage().lines().findFirst().orElse("");
                    }
                    System.out.printf("  %7.3f appels  %7.2f lignes/appel  %s%s%n", parOrientation, (double) r.lignes() / Math.max(1, r.appels()),
                            abrege(r.requete()), refus == null ? "" : "   [non rejouée : " + refus + "]");
                    if (sql == null) {
                        continue;
                    }
                    double fois = parOrientation * k;
                    int entier = (int) Math.floor(fois);
                    for (int i = 0; i < entier; i++) {
                        script.append(sql).append(";\n");
                    }
                    long reste = Math.round((fois - entier) * 1_000_000);
                    if (reste > 0) {
                        script.append("\\if :tirage < ").append(reste).append("\n").append(sql).append(";\n\\endif\n");
                    }
                }
                script.append("COMMIT;\n");
                Path f = sortie.resolve("plancher-" + base + ".sql");
                Files.writeString(f, script);
                int poids = (int) Math.max(1, Math.round(1000.0 / k));
                poidsTotal += poids;
                scripts.append(f).append('@').append(poids).append(' ');
            }
        }
        System.out.println();
        System.out.println("SCRIPTS " + scripts.toString().strip());
        System.out.println("POIDS " + poidsTotal);
    }

    /** The statement with each parameter replaced by a plausible value of its type; refused if it does not run on the copies. */
    static String instancier(Connection c, String base, String requete, int taille) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("set local search_path = " + base);
            s.execute("prepare plancher_essai as " + requete);
            List<String> types = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select unnest(parameter_types)::text from pg_prepared_statements where name = 'plancher_essai'")) {
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
            }
            s.execute("deallocate plancher_essai");
            Map<Integer, String> valeurs = new LinkedHashMap<>();
            for (int i = 0; i < types.size(); i++) {
                valeurs.put(i + 1, valeur(types.get(i), taille));
            }
            Matcher m = PARAMETRE.matcher(requete);
            StringBuilder sql = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sql, Matcher.quoteReplacement(valeurs.getOrDefault(Integer.parseInt(m.group(1)), "null")));
            }
            m.appendTail(sql);
            String une = sql.toString().replaceAll("\\s+", " ").strip();
            // once, undone: a statement the copies refuse would stop pgbench's client
            s.execute(une);
            return une;
        } finally {
            c.rollback();
            c.setAutoCommit(auto);
        }
    }

    static String abrege(String requete) {
        String q = requete.replaceAll("\\s+", " ").strip();
        return q.length() > 150 ? q.substring(0, 147) + "…" : q;
    }
}
