package fr.actionsociale.commons.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import io.restassured.RestAssured;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Every REST Assured exchange of every test, checked against the OpenAPI document that the service under
 * test serves ({@code /q/openapi} of the request's origin, read once per origin).
 * <ul>
 * <li>the answer always: its status must be documented for the operation, its content type too, and its
 * body must match the documented schema (a {@code null} where the schema does not allow one fails);</li>
 * <li>the request when the service accepted it (below 400): a service that accepts what its contract
 * refuses has drifted. A request the test sends invalid on purpose and the service refuses is not held
 * against it: that refusal is what the test checks.</li>
 * </ul>
 * Installed for every {@code @QuarkusTest} by {@link ContratAvantChaqueTest}; other tests call
 * {@link #installer()}. Paths outside the API (Quarkus' {@code /q/}, static files) are not checked.
 */
public final class ContratOpenApi implements OrderedFilter {

    private static final ContratOpenApi INSTANCE = new ContratOpenApi();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Map<String, OpenApiInteractionValidator> validateurs = new ConcurrentHashMap<>();

    private ContratOpenApi() {
    }

    /** Adds the contract check to REST Assured's global filters, once. */
    public static synchronized void installer() {
        if (!RestAssured.filters().contains(INSTANCE)) {
            RestAssured.filters(INSTANCE);
        }
    }

    @Override
    public int getOrder() {
        // last: sees the request as sent, after every other filter has shaped it
        return OrderedFilter.LOWEST_PRECEDENCE;
    }

    @Override
    public Response filter(FilterableRequestSpecification requete, FilterableResponseSpecification spec, FilterContext ctx) {
        Response reponse = ctx.next(requete, spec);
        URI uri = URI.create(requete.getURI());
        // as sent (%20 stays %20): a decoded blank would make the validator match a neighbouring path
        String chemin = uri.getRawPath();
        if (horsApi(chemin)) {
            return reponse;
        }
        OpenApiInteractionValidator validateur = validateurs.computeIfAbsent(origine(uri), ContratOpenApi::charger);
        Request.Method methode = Request.Method.valueOf(requete.getMethod().toUpperCase());
        int statut = reponse.getStatusCode();
        List<String> ecarts = ecarts(validateur, methode, chemin, versValidateur(requete, methode, chemin, uri), versValidateur(reponse));
        if (!ecarts.isEmpty()) {
            throw new AssertionError("Écart au contrat OpenAPI : " + methode + " " + chemin + " → " + statut + "\n  - "
                    + String.join("\n  - ", ecarts) + "\n  corps : " + tronquer(reponse.asString()));
        }
        return reponse;
    }

    /**
     * What the exchange does that its document does not say: always the answer against the operation's documented
     * statuses, media types and schemas; the request too when the service accepted it.
     */
    static List<String> ecarts(OpenApiInteractionValidator validateur, Request.Method methode, String chemin,
            SimpleRequest requete, SimpleResponse reponse) {
        int statut = reponse.getStatus();
        ValidationReport rapport = validateur.validateResponse(chemin, methode, reponse);
        if (inconnu(rapport) && statut >= 400 && statut < 500) {
            // an address or a method the API does not have (a traversal, a blank id), refused as such
            return List.of();
        }
        if (statut < 400) {
            rapport = rapport.merge(validateur.validateRequest(requete));
        }
        return rapport.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + " : " + m.getMessage())
                .toList();
    }

    static boolean horsApi(String chemin) {
        return chemin.startsWith("/q/") || chemin.startsWith("/schemas/") || chemin.equals("/asyncapi.yaml")
                || chemin.endsWith(".html") || chemin.endsWith(".js") || chemin.endsWith(".css");
    }

    private static boolean inconnu(ValidationReport rapport) {
        return rapport.getMessages().stream().anyMatch(m -> m.getKey().endsWith("path.missing")
                || m.getKey().endsWith("operation.notAllowed"));
    }

    private static SimpleRequest versValidateur(FilterableRequestSpecification requete, Request.Method methode, String chemin, URI uri) {
        SimpleRequest.Builder b = new SimpleRequest.Builder(methode, chemin);
        if (uri.getRawQuery() != null) {
            for (String paire : uri.getRawQuery().split("&")) {
                if (paire.isEmpty()) {
                    continue;
                }
                int egal = paire.indexOf('=');
                String nom = URLDecoder.decode(egal < 0 ? paire : paire.substring(0, egal), StandardCharsets.UTF_8);
                String valeur = egal < 0 ? "" : URLDecoder.decode(paire.substring(egal + 1), StandardCharsets.UTF_8);
                b.withQueryParam(nom, valeur);
            }
        }
        requete.getHeaders().forEach(h -> b.withHeader(h.getName(), h.getValue()));
        Object corps = requete.getBody();
        if (corps instanceof String s) {
            b.withBody(s);
        } else if (corps instanceof byte[] octets) {
            b.withBody(octets);
        }
        return b.build();
    }

    private static SimpleResponse versValidateur(Response reponse) {
        SimpleResponse.Builder b = new SimpleResponse.Builder(reponse.getStatusCode());
        reponse.getHeaders().forEach(h -> b.withHeader(h.getName(), h.getValue()));
        String type = reponse.getContentType();
        if (type != null && (type.contains("json") || type.startsWith("text/"))) {
            b.withBody(reponse.asString());
        } else if (type != null && !type.isEmpty()) {
            b.withBody(reponse.asByteArray());
        }
        return b.build();
    }

    private static String origine(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }

    private static OpenApiInteractionValidator charger(String origine) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(origine + "/q/openapi?format=json"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError("Document OpenAPI illisible à " + origine + " : " + r.statusCode());
            }
            return OpenApiInteractionValidator.createForInlineApiSpecification(r.body())
                    .withStrictOperationPathMatching()
                    .build();
        } catch (IOException e) {
            throw new AssertionError("Document OpenAPI injoignable à " + origine, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String tronquer(String s) {
        return s == null ? "" : s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }
}
