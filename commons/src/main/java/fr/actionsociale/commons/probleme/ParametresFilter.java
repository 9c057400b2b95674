package fr.actionsociale.commons.probleme;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The query and path parameters of every operation, checked once before the resource runs:
 * <ul>
 * <li>a value that cannot be read as its declared type (a number, a UUID, a date, a month, a known value)
 * is a 400 that names the parameter and the expected form, never the framework's 404;</li>
 * <li>a query parameter the operation does not declare is a 400 that lists those it does, as an unknown
 * field of a JSON body is: a misspelt {@code size} for {@code taille} must not silently give the default
 * page.</li>
 * </ul>
 */
public class ParametresFilter {

    /** Per resource method: its query parameters and the checks of its typed path and query parameters. */
    record Signature(List<String> requete, Map<String, Verification> types) {
    }

    record Verification(String lieu, Function<String, Object> lecture, String attendu) {
    }

    private final Map<Method, Signature> signatures = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void verifier(ContainerRequestContext requete, ResourceInfo ressource) {
        Method methode = ressource.getResourceMethod();
        if (methode == null) {
            return;
        }
        Signature signature = signatures.computeIfAbsent(methode, ParametresFilter::lire);
        var query = requete.getUriInfo().getQueryParameters();
        for (String nom : query.keySet()) {
            if (!signature.requete().contains(nom)) {
                throw ProblemeException.champInvalide(nom, signature.requete().isEmpty()
                        ? "paramètre inconnu ; cette opération n'en prend aucun"
                        : "paramètre inconnu ; paramètres admis : " + String.join(", ", new TreeSet<>(signature.requete())));
            }
        }
        var chemin = requete.getUriInfo().getPathParameters();
        signature.types().forEach((nom, v) -> {
            List<String> valeurs = "path".equals(v.lieu()) ? chemin.get(nom) : query.get(nom);
            if (valeurs == null) {
                return;
            }
            for (String valeur : valeurs) {
                try {
                    v.lecture().apply(valeur);
                } catch (RuntimeException e) {
                    throw ProblemeException.champInvalide(nom, "doit être " + v.attendu());
                }
            }
        });
    }

    static Signature lire(Method methode) {
        List<String> requete = new java.util.ArrayList<>();
        Map<String, Verification> types = new LinkedHashMap<>();
        for (var parametre : methode.getParameters()) {
            ParametreHttp p = ParametreHttp.de(parametre);
            if (p.lieu() != ParametreHttp.Lieu.QUERY && p.lieu() != ParametreHttp.Lieu.PATH) {
                continue;
            }
            if (p.lieu() == ParametreHttp.Lieu.QUERY) {
                requete.add(p.nom());
            }
            Verification v = verification(p.lieu() == ParametreHttp.Lieu.QUERY ? "query" : "path", parametre.getType());
            if (v != null) {
                types.put(p.nom(), v);
            }
        }
        return new Signature(List.copyOf(requete), Map.copyOf(types));
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    static Verification verification(String lieu, Class<?> type) {
        if (type == int.class || type == Integer.class) {
            return new Verification(lieu, Integer::valueOf, "un nombre entier (de " + Integer.MIN_VALUE + " à " + Integer.MAX_VALUE + ")");
        }
        if (type == long.class || type == Long.class) {
            return new Verification(lieu, Long::valueOf, "un nombre entier");
        }
        if (type == BigDecimal.class) {
            return new Verification(lieu, BigDecimal::new, "un nombre décimal (séparateur point)");
        }
        if (type == boolean.class || type == Boolean.class) {
            return new Verification(lieu, s -> {
                if (!"true".equals(s) && !"false".equals(s)) {
                    throw new IllegalArgumentException();
                }
                return s;
            }, "true ou false");
        }
        if (type == UUID.class) {
            return new Verification(lieu, UUID::fromString, "un identifiant UUID");
        }
        if (type == LocalDate.class) {
            return new Verification(lieu, LocalDate::parse, "une date au format AAAA-MM-JJ");
        }
        if (type == YearMonth.class) {
            return new Verification(lieu, YearMonth::parse, "un mois au format AAAA-MM");
        }
        if (type.isEnum()) {
            Class<? extends Enum> e = (Class<? extends Enum>) type;
            return new Verification(lieu, s -> Enum.valueOf(e, s), "une des valeurs "
                    + String.join(", ", Arrays.stream(e.getEnumConstants()).map(Object::toString).toList()));
        }
        return null;
    }
}
