package fr.actionsociale.commons.test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;

/**
 * The role half of the access matrix, for every operation of a service: the written rule is docs/matrice-des-acces.md, the
 * operations are the service's own OpenAPI document. Every operation must have its line (a new endpoint without a written
 * rule fails), every line an operation; then each operation is called without a token and with a token of each role:
 * no token 401, a role not admitted 403, an admitted role neither 401 nor 403 nor 5xx. The observed matrix is printed.
 */
public final class MatriceRoles {

    public static final List<String> ROLES = List.of("agent", "gestionnaire", "coordinateur", "partenaire", "admin");
    /** Each role's institution in the tokens: one entitled to the role's work in the demo's territory. */
    static final Map<String, String> INSTITUTION = Map.of("agent", "ccas-pipriac", "gestionnaire", "departement-35", "coordinateur",
            "departement-35", "partenaire", "caf-35", "admin", "departement-35");
    static final Pattern LIGNE = Pattern.compile("^\\|\\s*`(GET|POST|PUT|DELETE|PATCH) ([^`]+)`\\s*\\|([^|]*)\\|");
    /** In the roles' column: the operation takes no token, only a signature of the body (a webhook); unsigned calls get 401. */
    static final String SIGNATURE = "signature";
    static final Pattern PARAMETRE = Pattern.compile("\\{([^}]+)}");

    private MatriceRoles() {
    }

    /** The rule of one service: "METHOD /path" → admitted roles, in the document's order. */
    public static Map<String, Set<String>> regle(String service) {
        Path doc = Path.of("..", "docs", "matrice-des-acces.md");
        Map<String, Set<String>> regle = new LinkedHashMap<>();
        boolean dedans = false;
        try {
            for (String l : Files.readAllLines(doc, StandardCharsets.UTF_8)) {
                if (l.startsWith("## ")) {
                    dedans = l.substring(3).strip().equals(service);
                    continue;
                }
                Matcher m = LIGNE.matcher(l);
                if (dedans && m.find()) {
                    regle.put(m.group(1) + " " + m.group(2).strip(), new TreeSet<>(List.of(m.group(3).strip().split("\\s+"))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return regle;
    }

    record Operation(String methode, String chemin, String typeCorps) {
    }

    public static void verifier(String service) {
        Map<String, Set<String>> regle = regle(service);
        Map<String, Operation> operations = operations();
        assertEquals(new TreeSet<>(operations.keySet()), new TreeSet<>(regle.keySet()),
                "les opérations de l'OpenAPI de " + service + " et les lignes de docs/matrice-des-acces.md");

        RestAssuredConfig config = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.socket.timeout", 20_000).setParam("http.connection.timeout", 5_000));
        List<String> ecarts = new ArrayList<>();
        StringBuilder matrice = new StringBuilder("\nMatrice des rôles de " + service + " (attendu≠observé là où ils diffèrent)\n")
                .append(String.format("%-72s%-10s", "", "sans jeton"));
        ROLES.forEach(r -> matrice.append(String.format("%-14s", r)));
        matrice.append('\n');
        for (Map.Entry<String, Operation> e : operations.entrySet()) {
            Operation op = e.getValue();
            Set<String> admis = regle.get(e.getKey());
            matrice.append(String.format("%-72s", e.getKey()));
            List<String> appelants = new ArrayList<>();
            appelants.add(null);
            appelants.addAll(ROLES);
            for (String role : appelants) {
                RequestSpecification req = given().config(config).header("X-Motif-Acces", "matrice des rôles");
                if (role != null) {
                    req.header("Authorization", Jetons.entete(role, INSTITUTION.get(role)));
                }
                if (op.typeCorps() != null) {
                    req.contentType(op.typeCorps()).body(op.typeCorps().contains("json") ? "{}" : "x");
                }
                int observe = req.request(op.methode(), chemin(op.chemin())).then().extract().statusCode();
                String attendu;
                boolean conforme;
                if (role == null || admis.contains(SIGNATURE)) {
                    // no token, or an operation authenticated by its caller's signature alone (a webhook): nothing without it
                    attendu = "401";
                    conforme = observe == 401;
                } else if (!admis.contains(role)) {
                    attendu = "403";
                    conforme = observe == 403;
                } else {
                    attendu = "admis";
                    conforme = observe != 401 && observe != 403 && observe < 500;
                }
                matrice.append(String.format(role == null ? "%-10s" : "%-14s", conforme ? String.valueOf(observe) : attendu + "≠" + observe));
                if (!conforme) {
                    ecarts.add(e.getKey() + " par " + (role == null ? "un appel sans jeton" : role) + " → " + observe + " au lieu de " + attendu);
                }
            }
            matrice.append('\n');
        }
        System.out.println(matrice);
        assertEquals(List.of(), ecarts, "cellules de la matrice des rôles de " + service + " qui diffèrent de la règle écrite");
    }

    /** Path parameters: ids that exist nowhere, in the format each one expects. */
    static String chemin(String modele) {
        Matcher m = PARAMETRE.matcher(modele);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String valeur = switch (m.group(1)) {
                case "reference" -> "ben-000000000000";
                case "numero" -> "1";
                case "periode" -> "2024";
                case "action" -> "9.9";
                case "code" -> "MATRICE-INCONNU";
                default -> "00000000-0000-0000-0000-000000000000";
            };
            m.appendReplacement(b, valeur);
        }
        m.appendTail(b);
        return b.toString();
    }

    static Map<String, Operation> operations() {
        try {
            JsonNode doc = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
            Map<String, Operation> ops = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> chemins = doc.path("paths").fields(); chemins.hasNext();) {
                Map.Entry<String, JsonNode> c = chemins.next();
                for (Iterator<Map.Entry<String, JsonNode>> methodes = c.getValue().fields(); methodes.hasNext();) {
                    Map.Entry<String, JsonNode> m = methodes.next();
                    if (!Set.of("get", "post", "put", "delete", "patch").contains(m.getKey())) {
                        continue;
                    }
                    Iterator<String> types = m.getValue().path("requestBody").path("content").fieldNames();
                    String methode = m.getKey().toUpperCase();
                    ops.put(methode + " " + c.getKey(), new Operation(methode, c.getKey(), types.hasNext() ? types.next() : null));
                }
            }
            return ops;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
