package fr.actionsociale.commons.probleme;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses a URL whose path or query carries a control character (a NUL above all): PostgreSQL refuses them in text, and
 * no code, reference or date of the suite contains one. Checked once here, before any resource or query sees them.
 */
@Provider
@PreMatching
public class CaracteresInterditsFilter implements ContainerRequestFilter {

    static final String RAISON = "contient un caractère de contrôle (octet nul ou autre), interdit";

    @Override
    public void filter(ContainerRequestContext requete) {
        if (controle(requete.getUriInfo().getPath())) {
            throw ProblemeException.champInvalide("chemin", RAISON);
        }
        for (Map.Entry<String, List<String>> p : requete.getUriInfo().getQueryParameters().entrySet()) {
            if (controle(p.getKey())) {
                throw ProblemeException.champInvalide("requête", RAISON);
            }
            if (p.getValue().stream().anyMatch(CaracteresInterditsFilter::controle)) {
                throw ProblemeException.champInvalide(p.getKey(), RAISON);
            }
        }
    }

    /** C0 controls and DEL; tab, line feed and carriage return are not expected in a URL either. */
    static boolean controle(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
