package fr.actionsociale.banc;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sends invalid and hostile requests to every operation of every service, as their OpenAPI documents describe them:
 * malformed and deeply nested JSON, wrong types, missing and unknown fields, huge strings and bodies, invalid dates,
 * amounts and ids, SQL and script injection strings, forged, expired, unsigned and wrong-issuer tokens, wrong content
 * types. Prints the count per service and status, and fails on any 5xx, any request left without an answer, and any
 * error whose body is not problem+json, or an answer that its OpenAPI document does not describe (status, media type, body
 * schema). Run by `deploy/local/suite fuzz`, with Jackson on the class path.
 */
public class Fuzz {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String URL_TROP_LONGUE = "URL de plus de 16 Kio";
    static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String[] HOSTILES = {
            "' OR '1'='1", "'; drop table beneficiaire; --", "\" OR 1=1 --", "1; select pg_sleep(5)", "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>", "${jndi:ldap://x/a}", "{{7*7}}", "../../../../etc/passwd", "%00", "\u0000",
            "\uD800", "é\u0301\u202Eabc", "NaN", "Infinity", "-0", "1e309", "0x7fffffff", " ", "", "null", "true",
    };
    static final String[] DATES_INVALIDES = { "2026-13-45", "2026-02-30", "demain", "31/12/2026", "0000-00-00", "99999-01-01",
            "2026-1-1", "2026-01-01T25:61:00Z" };
    static final String[] MONTANTS_INVALIDES = { "-0.01", "12.345", "1e400", "-1e400", "NaN", "0.001", "99999999999999999999999.99" };

    record Cible(String service, String base) {
    }

    record Operation(Cible cible, String methode, String chemin, JsonNode operation, JsonNode racine) {
    }

    record Requete(Operation op, String libelle, String methode, String url, String typeContenu, byte[] corps, String jeton) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Banc.options(args);
        int total = Integer.parseInt(a.getOrDefault("--requetes", "12000"));
        int concurrence = Integer.parseInt(a.getOrDefault("--concurrence", "8"));
        Path etat = Path.of(a.getOrDefault("--etat", ".suite"));
        String emetteur = a.getOrDefault("--emetteur", "https://suite.local/auth");
        List<Cible> cibles = List.of(new Cible("conventions-service", a.getOrDefault("--conventions", "http://localhost:8081")),
                new Cible("budget-service", a.getOrDefault("--budget", "http://localhost:8082")),
                new Cible("referral-service", a.getOrDefault("--referral", "http://localhost:8083")));

        Jetons jetons = new Jetons(etat.resolve("keys/private.pem"), emetteur);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

        List<Operation> operations = new ArrayList<>();
        Map<String, OpenApiInteractionValidator> contrats = new ConcurrentHashMap<>();
        for (Cible c : cibles) {
            String texte = http.send(HttpRequest.newBuilder(URI.create(c.base() + "/q/openapi?format=json")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            contrats.put(c.service(), OpenApiInteractionValidator.createForInlineApiSpecification(texte).withStrictOperationPathMatching().build());
            JsonNode doc = JSON.readTree(texte);
            for (Iterator<Map.Entry<String, JsonNode>> p = doc.path("paths").fields(); p.hasNext();) {
                Map.Entry<String, JsonNode> chemin = p.next();
                for (Iterator<Map.Entry<String, JsonNode>> m = chemin.getValue().fields(); m.hasNext();) {
                    Map.Entry<String, JsonNode> op = m.next();
                    if (List.of("get", "post", "put", "patch", "delete").contains(op.getKey())) {
                        operations.add(new Operation(c, op.getKey().toUpperCase(), chemin.getKey(), op.getValue(), doc));
                    }
                }
            }
        }
        System.out.printf("opérations           %d (d'après les documents OpenAPI des trois services)%n", operations.size());

        // every case of every operation once, then variants (other callers, other random ids) until the total is reached
        Random hasard = new Random(20261122);
        List<List<Requete>> parOperation = new ArrayList<>();
        List<Requete> requetes = new ArrayList<>();
        for (Operation op : operations) {
            List<Requete> l = cas(op, jetons, hasard);
            parOperation.add(l);
            requetes.addAll(l);
        }
        for (int i = 0; requetes.size() < total; i++) {
            List<Requete> l = parOperation.get(i % parOperation.size());
            requetes.add(varier(l.get(hasard.nextInt(l.size())), jetons, hasard));
        }

        Map<String, Map<Integer, AtomicInteger>> statuts = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> parLibelle = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> fautes = new ConcurrentHashMap<>();
        AtomicInteger reprises = new AtomicInteger();
        AtomicInteger transport = new AtomicInteger();
        AtomicLong fautesTotal = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(concurrence);
        long t0 = System.nanoTime();
        for (Requete r : requetes) {
            pool.submit(() -> {
                parLibelle.computeIfAbsent(r.libelle().replaceAll(" \\(.*", ""), k -> new AtomicInteger()).incrementAndGet();
                String faute = null;
                int statut = -1;
                try {
                    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(r.url())).timeout(Duration.ofSeconds(180));
                    if (r.jeton() != null) {
                        b.header("Authorization", "Bearer " + r.jeton());
                    }
                    if (r.typeContenu() != null) {
                        b.header("Content-Type", r.typeContenu());
                    }
                    b.method(r.methode(), r.corps() == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(r.corps()));
                    HttpRequest requete = b.build();
                    HttpResponse<String> rep;
                    try {
                        rep = http.send(requete, HttpResponse.BodyHandlers.ofString());
                    } catch (java.io.IOException fermee) {
                        // the server closes a connection after refusing a body it did not read (413): the next request on it
                        // fails before being sent; sent again on a new connection, it must get its answer
                        reprises.incrementAndGet();
                        rep = http.send(requete, HttpResponse.BodyHandlers.ofString());
                    }
                    statut = rep.statusCode();
                    String ecart = statut == 414 ? null : ecartAuContrat(contrats.get(r.op().cible().service()), r, rep);
                    if (statut == 414 && r.libelle().startsWith(URL_TROP_LONGUE)) {
                        transport.incrementAndGet();
                    } else if (ecart != null) {
                        faute = "écart au contrat (" + statut + ") : " + ecart;
                    } else if (statut >= 500) {
                        faute = "statut " + statut + " : " + tronquer(rep.body());
                    } else if (statut >= 400) {
                        String type = rep.headers().firstValue("Content-Type").orElse("");
                        if (!type.startsWith("application/problem+json")) {
                            faute = "erreur " + statut + " en " + type + " : " + tronquer(rep.body());
                        } else {
                            JsonNode p = JSON.readTree(rep.body());
                            if (p.path("status").asInt() != statut || p.path("title").asText().isBlank()) {
                                faute = "problem+json incomplet (" + statut + ") : " + tronquer(rep.body());
                            }
                        }
                    }
                } catch (Exception e) {
                    faute = "sans réponse : " + e;
                }
                statuts.computeIfAbsent(r.op().cible().service(), k -> new ConcurrentHashMap<>())
                        .computeIfAbsent(statut, k -> new AtomicInteger()).incrementAndGet();
                if (faute != null) {
                    fautesTotal.incrementAndGet();
                    String exemple = tronquer(r.url().replaceAll("^http://localhost:\\d+", ""));
                    fautes.computeIfAbsent(r.op().cible().service() + " " + r.methode() + " " + r.op().chemin() + " [" + r.libelle().replaceAll(" \\(variante\\)", "")
                            + "] → " + faute.replaceAll("Incident [0-9a-f-]+", "Incident …") + " (ex. " + exemple + ")", k -> new AtomicInteger()).incrementAndGet();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
        double secondes = (System.nanoTime() - t0) / 1e9;

        System.out.printf("requêtes             %d en %.1f s (%.0f/s, %d clients)%n", requetes.size(), secondes, requetes.size() / secondes, concurrence);
        System.out.println("cas                  " + new TreeMap<>(parLibelle));
        for (Cible c : cibles) {
            Map<Integer, AtomicInteger> s = statuts.getOrDefault(c.service(), Map.of());
            System.out.printf("%-20s %s%n", c.service(), new TreeMap<>(s).toString().replace("-1=", "sans réponse="));
        }
        long cinqCents = statuts.values().stream().flatMap(m -> m.entrySet().stream()).filter(e -> e.getKey() >= 500)
                .mapToLong(e -> e.getValue().get()).sum();
        System.out.printf("5xx                  %d%n", cinqCents);
        System.out.printf("refus du transport   %d (URL de plus de 16 Kio : 414 sans corps, avant tout code de la suite)%n", transport.get());
        System.out.printf("reprises             %d (connexion fermée par le serveur après un corps refusé, requête renvoyée)%n", reprises.get());
        System.out.printf("fautes               %d (5xx, sans réponse, erreur hors problem+json, réponse hors de son document OpenAPI), %d distinctes%n",
                fautesTotal.get(), fautes.size());
        new TreeMap<>(fautes).forEach((f, n) -> System.out.println("  " + n + " × " + f));
        System.exit(fautesTotal.get() == 0 ? 0 : 1);
    }

    /**
     * What an answer does that the service's OpenAPI document does not say (an undocumented status or media type, a body
     * that breaks its schema), or null. An address or method the API does not have (a traversal, a blank id), refused
     * with a 4xx, is no drift.
     */
    static String ecartAuContrat(OpenApiInteractionValidator contrat, Requete r, HttpResponse<String> rep) {
        String chemin;
        try {
            chemin = URI.create(r.url()).getRawPath();
        } catch (IllegalArgumentException illisible) {
            chemin = r.op().chemin();
        }
        int statut = rep.statusCode();
        String type = rep.headers().firstValue("Content-Type").orElse(null);
        SimpleResponse.Builder b = new SimpleResponse.Builder(statut);
        if (type != null) {
            b.withContentType(type);
            if (type.contains("json") || type.startsWith("text/")) {
                b.withBody(rep.body());
            }
        }
        ValidationReport rapport = contrat.validateResponse(chemin, Request.Method.valueOf(r.methode()), b.build());
        boolean inconnu = rapport.getMessages().stream().anyMatch(m -> m.getKey().endsWith("path.missing") || m.getKey().endsWith("operation.notAllowed"));
        if (inconnu && statut >= 400 && statut < 500) {
            return null;
        }
        return rapport.getMessages().stream().filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + " " + m.getMessage().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "…"))
                .findFirst().orElse(null);
    }

    static String tronquer(String s) {
        s = s == null ? "" : s.replaceAll("\\s+", " ");
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }

    // ------------------------------------------------------------------ cases

    /** Every case for one operation: the valid skeleton, then each way of breaking it. */
    static List<Requete> cas(Operation op, Jetons jetons, Random hasard) {
        List<Requete> l = new ArrayList<>();
        String admin = jetons.valide("admin", "departement-35");
        String typeCorps = typeCorps(op);
        JsonNode squelette = typeCorps != null && typeCorps.contains("json") ? exemple(schemaCorps(op), op.racine(), hasard, 0) : null;
        byte[] corpsValide = corps(squelette, typeCorps);
        String url = url(op, Map.of(), hasard);

        l.add(new Requete(op, "squelette valide", op.methode(), url, typeCorps, corpsValide, admin));
        // beyond the transport's 16 KiB, the HTTP codec answers 414 itself (quarkusio/quarkus#55082): counted apart
        l.add(new Requete(op, URL_TROP_LONGUE, op.methode(), url + (url.contains("?") ? "&" : "?") + "x=" + "y".repeat(20_000), typeCorps, corpsValide,
                admin));
        // tokens
        l.add(new Requete(op, "sans jeton", op.methode(), url, typeCorps, corpsValide, null));
        l.add(new Requete(op, "jeton expiré", op.methode(), url, typeCorps, corpsValide, jetons.expire()));
        l.add(new Requete(op, "jeton signé d'une autre clé", op.methode(), url, typeCorps, corpsValide, jetons.autreCle()));
        l.add(new Requete(op, "jeton non signé (alg none)", op.methode(), url, typeCorps, corpsValide, jetons.nonSigne()));
        l.add(new Requete(op, "jeton d'un autre émetteur", op.methode(), url, typeCorps, corpsValide, jetons.autreEmetteur()));
        l.add(new Requete(op, "jeton illisible", op.methode(), url, typeCorps, corpsValide, "pas.un.jeton"));
        l.add(new Requete(op, "jeton sans institution", op.methode(), url, typeCorps, corpsValide, jetons.sansInstitution()));
        for (String role : List.of("agent", "coordinateur", "gestionnaire", "partenaire")) {
            l.add(new Requete(op, "rôle " + role, op.methode(), url, typeCorps, corpsValide, jetons.valide(role, "caf-35")));
        }
        // path and query parameters
        for (JsonNode p : parametres(op)) {
            String nom = p.path("name").asText();
            for (String v : valeursHostiles()) {
                Map<String, String> m = Map.of(nom, v);
                l.add(new Requete(op, "paramètre " + p.path("in").asText() + " hostile", op.methode(), url(op, m, hasard), typeCorps, corpsValide, admin));
            }
        }
        if (typeCorps == null) {
            // a body where none is expected, and a wrong content type
            l.add(new Requete(op, "corps inattendu", op.methode(), url, "application/json", "{\"a\":1}".getBytes(), admin));
            return l;
        }
        // wrong content types and unreadable bodies
        l.add(new Requete(op, "type de contenu faux", op.methode(), url, "application/xml", "<a>1</a>".getBytes(), admin));
        l.add(new Requete(op, "type de contenu faux", op.methode(), url, "text/plain", "bonjour".getBytes(), admin));
        l.add(new Requete(op, "sans type de contenu", op.methode(), url, null, corpsValide, admin));
        l.add(new Requete(op, "corps énorme", op.methode(), url, typeCorps, ("{\"a\":\"" + "x".repeat(600_000) + "\"}").getBytes(), admin));
        l.add(new Requete(op, "corps binaire", op.methode(), url, typeCorps, aleatoire(hasard, 4096), admin));
        if (!typeCorps.contains("json")) {
            l.add(new Requete(op, "texte hostile", op.methode(), url, typeCorps, String.join("\n", HOSTILES).getBytes(StandardCharsets.UTF_8), admin));
            l.add(new Requete(op, "texte vide", op.methode(), url, typeCorps, new byte[0], admin));
            return l;
        }
        for (String malforme : List.of("{", "{\"a\":", "[1,2", "{\"a\" 1}", "nul", "{'a':1}", "\uFEFF{}", "{\"a\":1}{\"b\":2}")) {
            l.add(new Requete(op, "JSON malformé", op.methode(), url, typeCorps, malforme.getBytes(StandardCharsets.UTF_8), admin));
        }
        for (String autre : List.of("[]", "null", "\"texte\"", "42", "true", "{}")) {
            l.add(new Requete(op, "JSON d'une autre forme", op.methode(), url, typeCorps, autre.getBytes(), admin));
        }
        l.add(new Requete(op, "JSON imbriqué 10 000 fois", op.methode(), url, typeCorps, ("[".repeat(10_000) + "]".repeat(10_000)).getBytes(), admin));
        l.add(new Requete(op, "JSON imbriqué 5 000 fois", op.methode(), url, typeCorps,
                ("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)).getBytes(), admin));
        if (squelette instanceof ObjectNode objet) {
            ObjectNode inconnu = objet.deepCopy();
            inconnu.put("champInconnu", "x");
            l.add(new Requete(op, "champ inconnu", op.methode(), url, typeCorps, octets(inconnu), admin));
            // each field in turn: missing, null, wrong types, hostile values
            for (Iterator<String> i = objet.fieldNames(); i.hasNext();) {
                String champ = i.next();
                JsonNode schema = resoudre(schemaCorps(op), op.racine()).path("properties").path(champ);
                ObjectNode sans = objet.deepCopy();
                sans.remove(champ);
                l.add(new Requete(op, "champ absent", op.methode(), url, typeCorps, octets(sans), admin));
                for (JsonNode v : valeursFausses(schema, op.racine())) {
                    ObjectNode faux = objet.deepCopy();
                    faux.set(champ, v);
                    l.add(new Requete(op, "champ faux (" + champ + ")", op.methode(), url, typeCorps, octets(faux), admin));
                }
            }
        }
        return l;
    }

    /** The same case with another caller, and other random ids in its URL unless the URL is what the case breaks. */
    static Requete varier(Requete r, Jetons jetons, Random hasard) {
        String[] roles = { "admin", "agent", "coordinateur", "gestionnaire", "partenaire" };
        String[] institutions = { "departement-35", "ccas-pipriac", "caf-35", "cpam-35", "inconnue-" + hasard.nextInt(100) };
        boolean casJeton = r.libelle().startsWith("jeton") || r.libelle().equals("sans jeton");
        boolean casUrl = r.libelle().startsWith("paramètre");
        return new Requete(r.op(), r.libelle() + " (variante)", r.methode(), casUrl ? r.url() : url(r.op(), Map.of(), hasard), r.typeContenu(),
                r.corps(), casJeton ? r.jeton() : jetons.valide(roles[hasard.nextInt(roles.length)], institutions[hasard.nextInt(institutions.length)]));
    }

    static List<JsonNode> valeursFausses(JsonNode schema, JsonNode racine) {
        JsonNode s = resoudre(schema, racine);
        List<JsonNode> v = new ArrayList<>();
        v.add(F.nullNode());
        String type = s.path("type").asText("object");
        String format = s.path("format").asText("");
        switch (type) {
            case "string" -> {
                v.add(F.numberNode(42));
                v.add(F.arrayNode().add("a"));
                v.add(F.textNode("x".repeat(100_000)));
                for (String h : HOSTILES) {
                    v.add(F.textNode(h));
                }
                if (format.startsWith("date")) {
                    for (String d : DATES_INVALIDES) {
                        v.add(F.textNode(d));
                    }
                }
                if (format.equals("uuid")) {
                    v.add(F.textNode("pas-un-uuid"));
                    v.add(F.textNode(UUID.randomUUID().toString()));
                }
            }
            case "number", "integer" -> {
                v.add(F.textNode("abc"));
                v.add(F.booleanNode(true));
                v.add(F.objectNode());
                v.add(F.numberNode(new BigInteger("9".repeat(400))));
                v.add(F.numberNode(-1));
                v.add(F.numberNode(Long.MIN_VALUE));
                for (String m : MONTANTS_INVALIDES) {
                    try {
                        v.add(F.numberNode(new java.math.BigDecimal(m)));
                    } catch (NumberFormatException e) {
                        v.add(F.textNode(m));
                    }
                }
            }
            case "boolean" -> {
                v.add(F.textNode("oui"));
                v.add(F.numberNode(2));
            }
            case "array" -> {
                v.add(F.textNode("pas une liste"));
                v.add(F.objectNode());
                ArrayNode grande = F.arrayNode();
                for (int i = 0; i < 20_000; i++) {
                    grande.add(i);
                }
                v.add(grande);
                v.add(F.arrayNode().addNull());
            }
            default -> {
                v.add(F.textNode("pas un objet"));
                v.add(F.arrayNode());
                v.add(F.numberNode(1));
            }
        }
        return v;
    }

    static List<String> valeursHostiles() {
        return List.of("pas-un-uuid", UUID.randomUUID().toString(), "x".repeat(5000), "-1", "2026-13-45", "%20",
                "..%2F..%2Fetc%2Fpasswd", "%27%20OR%201%3D1", "%3Cscript%3E", "%00", "%FF%FE", "99999999999999999999");
    }

    // ------------------------------------------------------------------ OpenAPI helpers

    static List<JsonNode> parametres(Operation op) {
        List<JsonNode> l = new ArrayList<>();
        op.operation().path("parameters").forEach(p -> l.add(resoudre(p, op.racine())));
        return l;
    }

    static String url(Operation op, Map<String, String> remplaces, Random hasard) {
        String chemin = op.chemin();
        StringBuilder requete = new StringBuilder();
        for (JsonNode p : parametres(op)) {
            String nom = p.path("name").asText();
            String valeur = remplaces.containsKey(nom) ? remplaces.get(nom) : encoder(exemple(p.path("schema"), op.racine(), hasard, 0).asText());
            if ("path".equals(p.path("in").asText())) {
                chemin = chemin.replace("{" + nom + "}", valeur);
            } else if ("query".equals(p.path("in").asText()) && (remplaces.containsKey(nom) || p.path("required").asBoolean())) {
                requete.append(requete.length() == 0 ? "?" : "&").append(nom).append('=').append(valeur);
            }
        }
        chemin = chemin.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
        return op.cible().base() + chemin + requete;
    }

    static String encoder(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String typeCorps(Operation op) {
        JsonNode contenu = resoudre(op.operation().path("requestBody"), op.racine()).path("content");
        if (contenu.isMissingNode() || contenu.isEmpty()) {
            return null;
        }
        if (contenu.has("application/json")) {
            return "application/json";
        }
        return contenu.fieldNames().next();
    }

    static JsonNode schemaCorps(Operation op) {
        JsonNode contenu = resoudre(op.operation().path("requestBody"), op.racine()).path("content");
        return contenu.has("application/json") ? contenu.path("application/json").path("schema") : F.objectNode();
    }

    static byte[] corps(JsonNode squelette, String type) {
        if (type == null) {
            return null;
        }
        if (squelette != null) {
            return octets(squelette);
        }
        return "numero;date\n1;2026-01-01\n".getBytes(StandardCharsets.UTF_8);
    }

    static JsonNode resoudre(JsonNode n, JsonNode racine) {
        for (int i = 0; i < 20 && n.has("$ref"); i++) {
            String ref = n.path("$ref").asText();
            JsonNode cible = racine;
            for (String morceau : ref.replaceFirst("^#/", "").split("/")) {
                cible = cible.path(morceau);
            }
            n = cible;
        }
        if (n.has("allOf") && n.path("allOf").size() == 1) {
            return resoudre(n.path("allOf").get(0), racine);
        }
        return n;
    }

    /** A plausible value for a schema: what a correct client would send. */
    static JsonNode exemple(JsonNode schema, JsonNode racine, Random hasard, int profondeur) {
        JsonNode s = resoudre(schema, racine);
        if (profondeur > 6) {
            return F.nullNode();
        }
        if (s.has("enum")) {
            return s.path("enum").get(0);
        }
        String format = s.path("format").asText("");
        switch (s.path("type").asText(s.has("properties") ? "object" : "string")) {
            case "object" -> {
                ObjectNode o = F.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> i = s.path("properties").fields(); i.hasNext();) {
                    Map.Entry<String, JsonNode> e = i.next();
                    if (!e.getValue().path("readOnly").asBoolean()) {
                        o.set(e.getKey(), exemple(e.getValue(), racine, hasard, profondeur + 1));
                    }
                }
                return o;
            }
            case "array" -> {
                return F.arrayNode().add(exemple(s.path("items"), racine, hasard, profondeur + 1));
            }
            case "integer" -> {
                return F.numberNode(1);
            }
            case "number" -> {
                return F.numberNode(new java.math.BigDecimal("10.50"));
            }
            case "boolean" -> {
                return F.booleanNode(true);
            }
            default -> {
                return switch (format) {
                    case "uuid" -> F.textNode(UUID.randomUUID().toString());
                    case "date" -> F.textNode(LocalDate.of(2026, 1, 15).toString());
                    case "date-time" -> F.textNode(Instant.parse("2026-01-15T10:00:00Z").toString());
                    default -> F.textNode("fuzz-" + hasard.nextInt(1000));
                };
            }
        }
    }

    static byte[] octets(JsonNode n) {
        try {
            return JSON.writeValueAsBytes(n);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] aleatoire(Random hasard, int n) {
        byte[] b = new byte[n];
        hasard.nextBytes(b);
        return b;
    }

    // ------------------------------------------------------------------ tokens

    /** Valid tokens signed with the suite's local key, and every kind of invalid one. */
    static final class Jetons {
        final PrivateKey cle;
        final PrivateKey autre;
        final String emetteur;

        Jetons(Path pem, String emetteur) throws Exception {
            String texte = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            this.cle = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(texte)));
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            this.autre = g.generateKeyPair().getPrivate();
            this.emetteur = emetteur;
        }

        String valide(String role, String institution) {
            return signer(cle, charge(emetteur, role, institution, Instant.now().getEpochSecond() + 3600));
        }

        String expire() {
            return signer(cle, charge(emetteur, "admin", "departement-35", Instant.now().getEpochSecond() - 3600));
        }

        String autreCle() {
            return signer(autre, charge(emetteur, "admin", "departement-35", Instant.now().getEpochSecond() + 3600));
        }

        String autreEmetteur() {
            return signer(cle, charge("https://pirate.example/auth", "admin", "departement-35", Instant.now().getEpochSecond() + 3600));
        }

        String sansInstitution() {
            return signer(cle, charge(emetteur, "agent", null, Instant.now().getEpochSecond() + 3600));
        }

        String nonSigne() {
            return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(charge(emetteur, "admin", "departement-35", Instant.now().getEpochSecond() + 3600)) + ".";
        }

        static String charge(String emetteur, String role, String institution, long exp) {
            long maintenant = Instant.now().getEpochSecond();
            return "{\"iss\":\"" + emetteur + "\",\"sub\":\"fuzz\",\"upn\":\"fuzz\",\"groups\":[\"" + role + "\"]"
                    + (institution == null ? "" : ",\"institution\":\"" + institution + "\"") + ",\"iat\":" + Math.min(maintenant, exp - 60) + ",\"exp\":" + exp
                    + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        }

        static String signer(PrivateKey k, String charge) {
            try {
                String entete = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"suite-locale\"}") + "." + b64(charge);
                Signature s = Signature.getInstance("SHA256withRSA");
                s.initSign(k);
                s.update(entete.getBytes(StandardCharsets.US_ASCII));
                return entete + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(s.sign());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        static String b64(String s) {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
        }
    }
}
