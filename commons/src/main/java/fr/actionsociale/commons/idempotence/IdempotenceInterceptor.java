package fr.actionsociale.commons.idempotence;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.TreeSet;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;

import fr.actionsociale.commons.securite.Appelant;

/**
 * Runs an {@link Idempotent} resource method through {@link Idempotence}: the key from its {@code Idempotency-Key}
 * parameter, the fingerprint from its body, the scope from the route it was called on and the caller. Inside the
 * method's transaction (after {@code @Transactional}'s interceptor), so that the key and the record commit together.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class IdempotenceInterceptor {

    private final Idempotence idempotence;
    private final Appelant appelant;
    private final CurrentVertxRequest requeteCourante;

    IdempotenceInterceptor(Idempotence idempotence, Appelant appelant, CurrentVertxRequest requeteCourante) {
        this.idempotence = idempotence;
        this.appelant = appelant;
        this.requeteCourante = requeteCourante;
    }

    @AroundInvoke
    Object executer(InvocationContext ctx) throws Exception {
        Method methode = ctx.getMethod();
        String cle = null;
        Object corps = null;
        Annotation[][] annotations = methode.getParameterAnnotations();
        for (int i = 0; i < annotations.length; i++) {
            HeaderParam entete = entete(annotations[i]);
            if (entete != null && Idempotence.ENTETE.equalsIgnoreCase(entete.value())) {
                cle = (String) ctx.getParameters()[i];
            } else if (entete == null && corps(annotations[i])) {
                corps = ctx.getParameters()[i];
            }
        }
        return idempotence.executer(cle, portee(requeteCourante.getCurrent().request(), appelant.institution()), corps == null ? "" : corps,
                () -> {
                    try {
                        return (Response) ctx.proceed();
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    /** "POST /conventions/{the id}/engagements?sorted=query ccas-pipriac": the same key on another route or from another institution is another key. */
    static String portee(HttpServerRequest requete, String institution) {
        StringBuilder p = new StringBuilder(requete.method().name()).append(' ').append(requete.path());
        if (!requete.params().isEmpty()) {
            TreeSet<String> parametres = new TreeSet<>();
            requete.params().forEach(e -> parametres.add(e.getKey() + "=" + e.getValue()));
            p.append('?').append(String.join("&", parametres));
        }
        return Idempotence.portee(p.toString(), institution);
    }

    private static HeaderParam entete(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof HeaderParam h) {
                return h;
            }
        }
        return null;
    }

    /** The entity: the one parameter JAX-RS fills from the body, carrying none of its parameter annotations. */
    private static boolean corps(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam || a instanceof PathParam || a instanceof CookieParam || a instanceof MatrixParam
                    || a instanceof FormParam || a instanceof BeanParam || a instanceof Context
                    || a.annotationType().getName().startsWith("org.jboss.resteasy.reactive.Rest")) {
                return false;
            }
        }
        return true;
    }
}
