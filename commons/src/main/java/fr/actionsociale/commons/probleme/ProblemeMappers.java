package fr.actionsociale.commons.probleme;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;


import fr.actionsociale.commons.domaine.EtatInvalideException;
import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.jdbc.Transitoire;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every failure of a request becomes an {@code application/problem+json} answer that names the field and
 * the reason in French. Nothing of the exception (class, message, stack) reaches the client.
 */
public class ProblemeMappers {

    private static final Logger LOG = Logger.getLogger(ProblemeMappers.class);

    @ServerExceptionMapper
    public Response probleme(ProblemeException e, UriInfo uri) {
        return e.probleme().a(chemin(uri)).reponse();
    }

    @ServerExceptionMapper
    public Response regle(RegleMetierException e, UriInfo uri) {
        return Probleme.de(TypeProbleme.REQUETE_INVALIDE, "Le champ " + e.champ() + " est invalide.",
                List.of(new Probleme.Erreur(e.champ(), e.raison()))).a(chemin(uri)).reponse();
    }

    @ServerExceptionMapper
    public Response etat(EtatInvalideException e, UriInfo uri) {
        return Probleme.de(TypeProbleme.CONFLIT, e.getMessage()).a(chemin(uri)).reponse();
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Probleme.Erreur> erreurs = e.getConstraintViolations().stream()
                .map(v -> new Probleme.Erreur(champ(v), raison(v)))
                .sorted(Comparator.comparing(Probleme.Erreur::champ))
                .collect(Collectors.toCollection(ArrayList::new));
        String champs = erreurs.stream().map(Probleme.Erreur::champ).distinct().collect(Collectors.joining(", "));
        return Probleme.de(TypeProbleme.REQUETE_INVALIDE, "Champ(s) invalide(s) : " + champs + ".", erreurs)
                .a(chemin(uri)).reponse();
    }

    @ServerExceptionMapper
    public Response jsonMalForme(JsonParseException e, UriInfo uri) {
        // the parser's message quotes the input: give only the place of the fault
        var lieu = e.getLocation();
        String detail = lieu == null ? "Le corps n'est pas un JSON valide."
                : "Le corps n'est pas un JSON valide (ligne " + lieu.getLineNr() + ", colonne " + lieu.getColumnNr() + ").";
        return Probleme.de(TypeProbleme.JSON_MAL_FORME, detail, List.of(new Probleme.Erreur("corps", "JSON mal formé")))
                .a(chemin(uri)).reponse();
    }

    @ServerExceptionMapper
    public Response champInconnu(UnrecognizedPropertyException e, UriInfo uri) {
        String champ = chemin(e);
        return Probleme.de(TypeProbleme.REQUETE_INVALIDE, "Le champ " + champ + " n'existe pas.",
                List.of(new Probleme.Erreur(champ, "champ inconnu")))
                .a(chemin(uri)).reponse();
    }

    @ServerExceptionMapper
    public Response mauvaisType(InvalidFormatException e, UriInfo uri) {
        String champ = chemin(e);
        String raison;
        if (e.getTargetType() == String.class) {
            raison = TexteSansOctetNul.RAISON;
        } else if (e.getTargetType() != null && e.getTargetType().isEnum()) {
            raison = "valeur non reconnue ; valeurs admises : " + Arrays.stream(e.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        } else {
            raison = "doit être " + attendu(e.getTargetType());
        }
        return Probleme.de(TypeProbleme.REQUETE_INVALIDE, "Le champ " + champ + " est invalide.",
                List.of(new Probleme.Erreur(champ, raison))).a(chemin(uri)).reponse();
    }

    @ServerExceptionMapper
    public Response mauvaiseForme(MismatchedInputException e, UriInfo uri) {
        String champ = chemin(e);
        String raison = e.getTargetType() == null ? "forme inattendue" : "doit être " + attendu(e.getTargetType());
        return Probleme.de(TypeProbleme.REQUETE_INVALIDE, "Le champ " + champ + " est invalide.",
                List.of(new Probleme.Erreur(champ, raison))).a(chemin(uri)).reponse();
    }

    @ServerExceptionMapper
    public Response jsonIllisible(JsonProcessingException e, UriInfo uri) {
        String champ = e instanceof JsonMappingException m ? chemin(m) : "corps";
        return Probleme.de(TypeProbleme.REQUETE_INVALIDE, "Le corps ne correspond pas au format attendu.",
                List.of(new Probleme.Erreur(champ, "valeur illisible"))).a(chemin(uri)).reponse();
    }

    @ServerExceptionMapper
    public Response nonAuthentifie(UnauthorizedException e, UriInfo uri) {
        return nonAuthentifie(uri, "Un jeton porteur (Authorization: Bearer ...) est requis.");
    }

    @ServerExceptionMapper
    public Response jetonRefuse(AuthenticationFailedException e, UriInfo uri) {
        return nonAuthentifie(uri, "Le jeton porteur est invalide ou expiré.");
    }

    @ServerExceptionMapper
    public Response accesRefuse(ForbiddenException e, UriInfo uri) {
        return Probleme.de(TypeProbleme.ACCES_REFUSE, "Votre rôle ou votre institution ne donne pas accès à cette ressource.")
                .a(chemin(uri)).reponse();
    }

    @ServerExceptionMapper
    public Response conflitDeVersion(OptimisticLockException e, UriInfo uri) {
        return Probleme.de(TypeProbleme.CONFLIT, "La ressource a été modifiée entre-temps ; relisez-la puis recommencez.")
                .a(chemin(uri)).reponse();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int statut = e.getResponse().getStatus();
        // the JSON reader may wrap Jackson's exception in a 400: answer with the field and the reason
        if (e.getCause() instanceof JsonParseException j) {
            return jsonMalForme(j, uri);
        }
        if (e.getCause() instanceof UnrecognizedPropertyException j) {
            return champInconnu(j, uri);
        }
        if (e.getCause() instanceof InvalidFormatException j) {
            return mauvaisType(j, uri);
        }
        if (e.getCause() instanceof MismatchedInputException j) {
            return mauvaiseForme(j, uri);
        }
        if (e.getCause() instanceof JsonProcessingException j) {
            return jsonIllisible(j, uri);
        }
        Probleme p;
        if (e instanceof NotFoundException) {
            p = Probleme.de(TypeProbleme.INTROUVABLE, "Aucune ressource à cette adresse.");
        } else if (e instanceof NotAllowedException) {
            p = Probleme.de(TypeProbleme.METHODE_NON_PERMISE, "Cette méthode HTTP n'est pas permise à cette adresse.");
        } else if (e instanceof NotSupportedException) {
            p = Probleme.de(TypeProbleme.TYPE_NON_SUPPORTE, "Le corps doit être envoyé en application/json.",
                    List.of(new Probleme.Erreur("Content-Type", "application/json attendu")));
        } else if (e instanceof NotAcceptableException) {
            p = Probleme.de(TypeProbleme.FORMAT_NON_ACCEPTABLE, "Cette ressource est servie en application/json.");
        } else if (statut == 413) {
            p = Probleme.de(TypeProbleme.CORPS_TROP_VOLUMINEUX, "Le corps de la requête dépasse la taille admise.");
        } else if (statut == 401) {
            return nonAuthentifie(uri, "Un jeton porteur valide est requis.");
        } else if (statut == 403) {
            p = Probleme.de(TypeProbleme.ACCES_REFUSE, "Accès refusé.");
        } else if (statut >= 400 && statut < 500) {
            p = new Probleme(TypeProbleme.REQUETE_INVALIDE.uri(), TypeProbleme.REQUETE_INVALIDE.titre(), statut,
                    "La requête ne peut pas être traitée.", null, List.of());
        } else {
            return interne(e, uri);
        }
        return p.a(chemin(uri)).reponse();
    }

    @ServerExceptionMapper
    public Response inattendu(Exception e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (Transitoire.est(t)) {
                LOG.warnf("Base de données injoignable pendant %s : %s", chemin(uri),
                        t instanceof SQLException s ? "SQLState " + s.getSQLState() : t.getClass().getName());
                return Response.fromResponse(Probleme.de(TypeProbleme.SERVICE_INDISPONIBLE,
                        "La base de données est momentanément injoignable ; rien n'a été enregistré, réessayez.")
                        .a(chemin(uri)).reponse()).header(HttpHeaders.RETRY_AFTER, "2").build();
            }
            if (t instanceof ConstraintViolationException cve) {
                return validation(cve, uri);
            }
            if (t instanceof SQLException sql) {
                String etat = sql.getSQLState();
                // 23505: two requests created the same thing at once; the second one finds it exists
                if ("23505".equals(etat)) {
                    return Probleme.de(TypeProbleme.CONFLIT, "Cette ressource existe déjà (créée en même temps par une autre requête) ; rien n'a été enregistré.")
                            .a(chemin(uri)).reponse();
                }
                // class 22 (data exception: too long, out of range, bad character): a value the checks above let through; the
                // transaction is rolled back, so nothing was written
                if (etat != null && etat.startsWith("22")) {
                    LOG.warnf("Valeur refusée par la base pendant %s : SQLState %s", chemin(uri), etat);
                    return Probleme.de(TypeProbleme.REQUETE_INVALIDE, "Une valeur de la requête est refusée (trop longue, hors limites ou illisible) ; "
                            + "rien n'a été enregistré.", List.of(new Probleme.Erreur("corps", "valeur refusée par la base de données")))
                            .a(chemin(uri)).reponse();
                }
            }
        }
        // the database went away during the commit (its cause only suppressed by the rollback): the outcome is not known, so the
        // answer does not say that nothing was written; the same request with the same Idempotency-Key finds what was
        if (Transitoire.cause(e)) {
            LOG.warnf("Base de données interrompue pendant la validation de %s", chemin(uri));
            return Response.fromResponse(Probleme.de(TypeProbleme.SERVICE_INDISPONIBLE,
                    "La base de données a été interrompue pendant l'enregistrement ; réessayez avec la même clé d'idempotence, "
                            + "la requête ne sera pas appliquée deux fois.")
                    .a(chemin(uri)).reponse()).header(HttpHeaders.RETRY_AFTER, "2").build();
        }
        return interne(e, uri);
    }

    private Response interne(Exception e, UriInfo uri) {
        String incident = UUID.randomUUID().toString();
        SQLException sql = null;
        for (Throwable t = e; t != null && sql == null; t = t.getCause()) {
            sql = t instanceof SQLException s ? s : null;
        }
        if (sql != null) {
            // a database message can quote the row's values ("Key (numero_allocataire)=(…)"): the state and the classes only
            LOG.errorf("Erreur interne %s sur %s : erreur de base de données, SQLState %s (%s, %s)", incident, chemin(uri), sql.getSQLState(),
                    e.getClass().getName(), sql.getClass().getName());
        } else {
            LOG.errorf(e, "Erreur interne %s sur %s", incident, chemin(uri));
        }
        return Probleme.de(TypeProbleme.ERREUR_INTERNE, "Incident " + incident + " : l'équipe d'exploitation peut le retrouver dans les journaux.")
                .a(chemin(uri)).reponse();
    }

    private Response nonAuthentifie(UriInfo uri, String detail) {
        return Response.fromResponse(Probleme.de(TypeProbleme.NON_AUTHENTIFIE, detail).a(chemin(uri)).reponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private static String chemin(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    /** {@code droitsVises[0]} from Jackson's path to the faulty value. */
    static String chemin(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "corps" : sb.toString();
    }

    /** {@code commune} from {@code creer.requete.commune}: the method and parameter are the API's plumbing. */
    static String champ(ConstraintViolation<?> v) {
        List<String> noeuds = new ArrayList<>();
        String parametre = null;
        Path.MethodNode methode = null;
        for (Path.Node n : v.getPropertyPath()) {
            if (n.getKind() == ElementKind.METHOD) {
                methode = n.as(Path.MethodNode.class);
            } else if (n.getKind() == ElementKind.PARAMETER) {
                parametre = nomHttp(v.getRootBeanClass(), methode, n.as(Path.ParameterNode.class));
            } else if (n.getKind() == ElementKind.PROPERTY || n.getKind() == ElementKind.CONTAINER_ELEMENT) {
                String nom = n.getName();
                if (n.getIndex() != null && !noeuds.isEmpty()) {
                    noeuds.set(noeuds.size() - 1, noeuds.get(noeuds.size() - 1) + "[" + n.getIndex() + "]");
                }
                if (nom != null && !nom.startsWith("<")) {
                    noeuds.add(nom);
                }
            }
        }
        if (!noeuds.isEmpty()) {
            return String.join(".", noeuds);
        }
        // a whole request body that is missing, or a query, path or header parameter
        return parametre == null ? "corps" : parametre;
    }

    /** The name a client knows a resource method's parameter by ({@code @QueryParam("taille")}), or "corps" for the entity. */
    static String nomHttp(Class<?> classe, Path.MethodNode methode, Path.ParameterNode noeud) {
        if (methode == null) {
            return noeud.getName();
        }
        // the resource's own declaration: Quarkus' generated subclasses (interceptors) override it without its annotations
        java.lang.reflect.Method declaree = null;
        for (Class<?> c = classe; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                declaree = c.getDeclaredMethod(methode.getName(), methode.getParameterTypes().toArray(Class<?>[]::new));
            } catch (NoSuchMethodException e) {
                // not declared at this level
            }
        }
        if (declaree != null) {
            ParametreHttp p = ParametreHttp.de(declaree.getParameters()[noeud.getParameterIndex()]);
            return p.lieu() == ParametreHttp.Lieu.AUTRE ? noeud.getName() : p.nom();
        }
        return noeud.getName();
    }

    /** The constraint's message; a missing body says so in full rather than "corps : est obligatoire". */
    static String raison(ConstraintViolation<?> v) {
        boolean corpsAbsent = v.getConstraintDescriptor() != null
                && v.getConstraintDescriptor().getAnnotation() instanceof jakarta.validation.constraints.NotNull
                && "corps".equals(champ(v));
        return corpsAbsent ? "le corps de la requête est obligatoire" : v.getMessage();
    }

    private static String attendu(Class<?> type) {
        if (type == null) {
            return "d'un autre type";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "un nombre";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "un booléen (true ou false)";
        }
        if (type == String.class) {
            return "une chaîne de caractères";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "une date au format ISO 8601 (AAAA-MM-JJ)";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "une liste";
        }
        if (type == UUID.class) {
            return "un identifiant UUID";
        }
        return "un objet JSON";
    }
}
