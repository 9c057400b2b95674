package fr.actionsociale.commons.probleme;

import java.lang.annotation.Annotation;
import java.lang.reflect.Parameter;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Where a resource method's parameter comes from in the request, and the name a client knows it by: one reading of the
 * JAX-RS annotations for the parameter checks, the validation messages and the idempotency key.
 */
public record ParametreHttp(Lieu lieu, String nom) {

    public enum Lieu {
        QUERY, PATH, HEADER,
        /** the entity, read from the body */
        CORPS,
        /** anything else JAX-RS fills (context, cookie, form, bean) */
        AUTRE
    }

    public static ParametreHttp de(Parameter p) {
        for (Annotation a : p.getAnnotations()) {
            if (a instanceof QueryParam q) {
                return new ParametreHttp(Lieu.QUERY, nom(q.value(), p));
            } else if (a instanceof RestQuery q) {
                return new ParametreHttp(Lieu.QUERY, nom(q.value(), p));
            } else if (a instanceof PathParam q) {
                return new ParametreHttp(Lieu.PATH, nom(q.value(), p));
            } else if (a instanceof RestPath q) {
                return new ParametreHttp(Lieu.PATH, nom(q.value(), p));
            } else if (a instanceof HeaderParam q) {
                return new ParametreHttp(Lieu.HEADER, nom(q.value(), p));
            } else if (a instanceof RestHeader q) {
                return new ParametreHttp(Lieu.HEADER, nom(q.value(), p));
            } else if (a instanceof Context || a instanceof BeanParam || a instanceof CookieParam || a instanceof MatrixParam
                    || a instanceof FormParam || a.annotationType().getName().startsWith("org.jboss.resteasy.reactive.Rest")) {
                return new ParametreHttp(Lieu.AUTRE, p.getName());
            }
        }
        return new ParametreHttp(Lieu.CORPS, "corps");
    }

    /** An annotation without a value takes the Java parameter's name (Quarkus REST, compiled with -parameters). */
    private static String nom(String valeur, Parameter p) {
        return valeur == null || valeur.isEmpty() ? p.getName() : valeur;
    }
}
