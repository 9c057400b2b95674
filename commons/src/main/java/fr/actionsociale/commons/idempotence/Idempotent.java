package fr.actionsociale.commons.idempotence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * A creation that a client may send again with the same {@code Idempotency-Key} without creating twice. The method takes
 * the key as {@code @HeaderParam(Idempotence.ENTETE) String} (which also documents it) and answers a {@code Response};
 * its scope is the request's method and path, its query, and the caller's institution ({@link IdempotenceInterceptor}).
 */
@InterceptorBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface Idempotent {
}
