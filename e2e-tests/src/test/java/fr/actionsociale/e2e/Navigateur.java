package fr.actionsociale.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Headless Chromium driven over the DevTools protocol (a WebSocket and JSON): enough to open a page, read its DOM with JavaScript
 * and take a screenshot, without a WebDriver or a browser download (Debian's {@code chromium} package).
 */
final class Navigateur implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process chromium;
    private final Path profil;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> attentes = new ConcurrentHashMap<>();

    private Navigateur(Process chromium, Path profil, WebSocket socket) {
        this.chromium = chromium;
        this.profil = profil;
        this.socket = socket;
    }

    static String binaire() {
        for (String b : List.of(System.getenv().getOrDefault("CHROMIUM", ""), "/usr/bin/chromium", "/usr/bin/chromium-browser",
                "/usr/bin/google-chrome")) {
            if (!b.isEmpty() && Files.isExecutable(Path.of(b))) {
                return b;
            }
        }
        throw new IllegalStateException("Chromium introuvable : `deploy/local/suite test` l'installe (paquet Debian chromium)");
    }

    static Navigateur ouvrir(String url) throws IOException, InterruptedException {
        Path profil = Files.createTempDirectory("chromium-e2e");
        Process p = new ProcessBuilder(binaire(), "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--remote-debugging-port=0", "--user-data-dir=" + profil, "--window-size=1400,1800", url)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        Path port = profil.resolve("DevToolsActivePort");
        long fin = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(Files.exists(port) && Files.readAllLines(port).size() >= 2)) {
            if (System.nanoTime() > fin || !p.isAlive()) {
                p.destroyForcibly();
                throw new IllegalStateException("Chromium n'a pas ouvert son port de débogage");
            }
            Thread.sleep(100);
        }
        int numero = Integer.parseInt(Files.readAllLines(port).get(0).strip());
        HttpClient http = HttpClient.newHttpClient();
        String pageWs = null;
        while (pageWs == null) {
            JsonNode cibles = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + numero + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            for (JsonNode c : cibles) {
                if (c.path("type").asText().equals("page")) {
                    pageWs = c.path("webSocketDebuggerUrl").asText();
                }
            }
            if (pageWs == null) {
                Thread.sleep(100);
            }
        }
        Navigateur[] n = new Navigateur[1];
        StringBuilder morceaux = new StringBuilder();
        WebSocket ws = http.newWebSocketBuilder().buildAsync(URI.create(pageWs), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                morceaux.append(data);
                if (last) {
                    String message = morceaux.toString();
                    morceaux.setLength(0);
                    try {
                        JsonNode m = JSON.readTree(message);
                        if (m.has("id")) {
                            CompletableFuture<JsonNode> f = n[0].attentes.remove(m.get("id").asInt());
                            if (f != null) {
                                f.complete(m);
                            }
                        }
                    } catch (IOException e) {
                        // not a reply to us
                    }
                }
                webSocket.request(1);
                return null;
            }
        }).join();
        n[0] = new Navigateur(p, profil, ws);
        return n[0];
    }

    JsonNode commande(String methode, Map<String, Object> parametres) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        attentes.put(id, f);
        socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", methode, "params", parametres)), true).join();
        JsonNode r = f.get(30, TimeUnit.SECONDS);
        if (r.has("error")) {
            throw new IllegalStateException(methode + " : " + r.get("error"));
        }
        return r.get("result");
    }

    /** The value of a JavaScript expression in the page. */
    String evaluer(String expression) throws Exception {
        JsonNode r = commande("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        return r.path("result").path("value").asText(null);
    }

    void capturer(Path fichier) throws Exception {
        JsonNode r = commande("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
        Files.createDirectories(fichier.getParent());
        Files.write(fichier, Base64.getDecoder().decode(r.get("data").asText()));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        socket.abort();
        chromium.destroy();
        if (!chromium.waitFor(5, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
        }
        try (var fichiers = Files.walk(profil)) {
            fichiers.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
