package fr.actionsociale.commons.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real webhook receiver on 127.0.0.1 for the tests: each endpoint ({@code /<name>}) checks the Standard Webhooks signature
 * with its secret by its own code (not the sender's), refuses a timestamp more than 5 minutes away (replays) with 401, can be
 * told to answer 500 to the next n deliveries, and records every delivery it received with the time it came.
 */
public final class RecepteurWebhook implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A delivery as it arrived; {@code accepte} when it was answered 2xx. */
    public record Recu(String nom, String id, long horodatage, boolean signatureValide, String typeContenu, JsonNode corps, Instant arrivee,
            boolean accepte) {
    }

    private final HttpServer serveur;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> echecs = new ConcurrentHashMap<>();
    private final List<Recu> recus = new CopyOnWriteArrayList<>();

    public RecepteurWebhook() throws IOException {
        serveur = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        serveur.createContext("/", this::recevoir);
        serveur.start();
    }

    /** The URL of an endpoint that checks signatures with this secret. */
    public String url(String nom, String secret) {
        secrets.put(nom, secret);
        return "http://127.0.0.1:" + serveur.getAddress().getPort() + "/" + nom;
    }

    public String url(String nom) {
        return "http://127.0.0.1:" + serveur.getAddress().getPort() + "/" + nom;
    }

    public void secret(String nom, String secret) {
        secrets.put(nom, secret);
    }

    /** The next n deliveries to this endpoint get a 500. */
    public void echouer(String nom, int n) {
        echecs.computeIfAbsent(nom, k -> new AtomicInteger()).set(n);
    }

    public List<Recu> recus(String nom) {
        return recus.stream().filter(r -> r.nom().equals(nom)).toList();
    }

    /** Waits until {@code combien} deliveries matching arrived (or the time is up) and returns them all. */
    public List<Recu> attendre(String nom, Predicate<Recu> filtre, int combien, Duration delai) throws InterruptedException {
        long fin = System.nanoTime() + delai.toNanos();
        List<Recu> r = recus(nom).stream().filter(filtre).toList();
        while (r.size() < combien && System.nanoTime() < fin) {
            Thread.sleep(50);
            r = recus(nom).stream().filter(filtre).toList();
        }
        return r;
    }

    private void recevoir(HttpExchange x) throws IOException {
        String nom = x.getRequestURI().getPath().substring(1);
        byte[] octets;
        try (InputStream in = x.getRequestBody()) {
            octets = in.readAllBytes();
        }
        String corps = new String(octets, StandardCharsets.UTF_8);
        String id = x.getRequestHeaders().getFirst("webhook-id");
        String ts = x.getRequestHeaders().getFirst("webhook-timestamp");
        String signature = x.getRequestHeaders().getFirst("webhook-signature");
        long horodatage = ts == null ? 0 : Long.parseLong(ts);
        String secret = secrets.get(nom);
        boolean valide = secret != null && id != null && signature != null && verifier(secret, id + "." + horodatage + "." + corps, signature);
        boolean recent = Math.abs(Instant.now().getEpochSecond() - horodatage) <= 300;
        AtomicInteger n = echecs.get(nom);
        boolean echec = n != null && n.getAndUpdate(v -> Math.max(0, v - 1)) > 0;
        int statut = !valide || !recent ? 401 : echec ? 500 : 204;
        JsonNode json;
        try {
            json = JSON.readTree(corps);
        } catch (IOException e) {
            json = null;
        }
        recus.add(new Recu(nom, id, horodatage, valide, x.getRequestHeaders().getFirst("content-type"), json, Instant.now(), statut == 204));
        x.sendResponseHeaders(statut, -1);
        x.close();
    }

    private static boolean verifier(String secret, String contenu, String entete) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] attendu = mac.doFinal(contenu.getBytes(StandardCharsets.UTF_8));
            for (String s : entete.split(" ")) {
                if (s.startsWith("v1,") && MessageDigest.isEqual(attendu, Base64.getDecoder().decode(s.substring(3)))) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    /** The deliveries accepted, one per webhook-id: what a receiver that dedupes keeps. */
    public List<Recu> uniques(String nom) {
        Map<String, Recu> parId = new java.util.LinkedHashMap<>();
        for (Recu r : recus(nom)) {
            if (r.accepte()) {
                parId.putIfAbsent(r.id(), r);
            }
        }
        return new ArrayList<>(parId.values());
    }

    @Override
    public void close() {
        serveur.stop(0);
    }
}
