package fr.actionsociale.commons.idempotence;

import java.util.TreeSet;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Response;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;

import fr.actionsociale.commons.probleme.ParametreHttp;
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
        String cle = null;
        Object corps = null;
        var parametres = ctx.getMethod().getParameters();
        for (int i = 0; i < parametres.length; i++) {
            ParametreHttp p = ParametreHttp.de(parametres[i]);
            if (p.lieu() == ParametreHttp.Lieu.HEADER && Idempotence.ENTETE.equalsIgnoreCase(p.nom())) {
                cle = (String) ctx.getParameters()[i];
            } else if (p.lieu() == ParametreHttp.Lieu.CORPS) {
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
}
