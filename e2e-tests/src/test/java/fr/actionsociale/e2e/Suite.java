package fr.actionsociale.e2e;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.actionsociale.commons.test.Jetons;

/**
 * The packaged services as real processes, each on its own throw-away database, against the suite's
 * PostgreSQL and Kafka. {@link #tuer} is SIGKILL: no shutdown hook, no flush, nothing graceful.
 */
final class Suite {

    static final Path RACINE = Path.of(System.getProperty("suite.root", "..")).toAbsolutePath().normalize();
    static final String PG = "jdbc:postgresql://localhost:55432/";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    record Service(String nom, int port, String base, List<String> options) {
        String url() {
            return "http://localhost:" + port;
        }
    }

    private Suite() {
    }

    /** Drops and recreates the service's e2e database, so that each run starts empty. */
    static void baseNeuve(String base, String proprietaire) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG + "postgres", "postgres", "");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + base + " with (force)");
            s.execute("create database " + base + " owner " + proprietaire);
        }
    }

    static long compter(String base, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG + base, "postgres", "");
                Statement s = c.createStatement();
                var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Process demarrer(Service s, String... optionsEnPlus) throws IOException, InterruptedException {
        return demarrer(s, Map.of(), optionsEnPlus);
    }

    /** @param environnement variables added to the process's environment, as a Deployment's env would */
    static Process demarrer(Service s, Map<String, String> environnement, String... optionsEnPlus) throws IOException, InterruptedException {
        Path jar = RACINE.resolve(s.nom()).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " absent : construire les services avant les tests de bout en bout");
        }
        List<String> cmd = new ArrayList<>(List.of(javaDuJdk(), "-Xmx192m", "-XX:+UseSerialGC",
                "-Dquarkus.http.port=" + s.port(),
                "-Dsuite.db.name=" + s.base(),
                "-Dsuite.jwt.public-key=" + Jetons.fichierClePublique().toUri()));
        cmd.addAll(s.options());
        cmd.addAll(List.of(optionsEnPlus));
        cmd.addAll(List.of("-jar", jar.toString()));
        Path journaux = RACINE.resolve("e2e-tests/target/e2e-logs");
        Files.createDirectories(journaux);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(journaux.resolve(s.nom() + ".log").toFile()));
        pb.environment().putAll(environnement);
        Process p = pb.start();
        // 300 s: a loaded two-core machine took 58 s to start referral-service (the fourth start of WebhookApresCrashIT), and over
        // 120 s when eight builds shared it
        long fin = System.nanoTime() + Duration.ofSeconds(300).toNanos();
        while (System.nanoTime() < fin) {
            if (!p.isAlive()) {
                throw new IllegalStateException(s.nom() + " s'est arrêté au démarrage, voir " + journaux);
            }
            if (statut(s.url() + "/q/health/ready") == 200) {
                return p;
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        throw new IllegalStateException(s.nom() + " n'est pas prêt après 300 s, voir " + journaux);
    }

    /** SIGKILL, as a power cut or the OOM killer would. */
    static void tuer(Process p) throws InterruptedException {
        p.destroyForcibly();
        p.waitFor();
    }

    static int statut(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static String javaDuJdk() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
