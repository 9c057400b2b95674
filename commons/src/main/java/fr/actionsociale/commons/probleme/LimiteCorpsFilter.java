package fr.actionsociale.commons.probleme;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses an announced body above the API's limit with a problem+json 413, before anything reads it.
 * ({@code quarkus.http.limits.max-body-size} stays as the transport's backstop, higher than this.)
 */
public class LimiteCorpsFilter {

    private final long limiteApi;
    private final long limiteImports;

    /** Imports (/imports/...) carry whole files (a month of CAF entrants is several megabytes); every other request stays small. */
    LimiteCorpsFilter(@ConfigProperty(name = "suite.http.corps-max", defaultValue = "262144") long limiteApi,
            @ConfigProperty(name = "suite.http.corps-max-import", defaultValue = "33554432") long limiteImports) {
        this.limiteApi = limiteApi;
        this.limiteImports = limiteImports;
    }

    @ServerRequestFilter(preMatching = true)
    public jakarta.ws.rs.core.Response verifier(ContainerRequestContext requete) {
        String longueur = requete.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (longueur == null) {
            return null;
        }
        long annoncee;
        try {
            annoncee = Long.parseLong(longueur.trim());
        } catch (NumberFormatException e) {
            return Probleme.de(TypeProbleme.REQUETE_INVALIDE, "En-tête Content-Length invalide.").reponse();
        }
        long limite = requete.getUriInfo().getPath().startsWith("/imports/") ? limiteImports : limiteApi;
        if (annoncee > limite) {
            return Probleme.de(TypeProbleme.CORPS_TROP_VOLUMINEUX,
                    "Le corps fait " + annoncee + " octets ; la limite est de " + limite + " octets.",
                    java.util.List.of(new Probleme.Erreur("corps", "plus de " + limite + " octets")))
                    .a(requete.getUriInfo().getPath()).reponse();
        }
        return null;
    }
}
