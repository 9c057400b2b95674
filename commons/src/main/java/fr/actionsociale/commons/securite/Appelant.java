package fr.actionsociale.commons.securite;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.probleme.TypeProbleme;

/** Who calls: the roles and the institution code carried by the bearer token's claims. */
@RequestScoped
public class Appelant {

    /** Claim holding the caller's institution code, such as {@code ccas-pipriac}. */
    public static final String CLAIM_INSTITUTION = "institution";

    private final JsonWebToken jeton;

    protected Appelant(JsonWebToken jeton) {
        this.jeton = jeton;
    }

    public String institution() {
        String institution = jeton.getClaim(CLAIM_INSTITUTION);
        if (institution == null || institution.isBlank()) {
            throw new ProblemeException(TypeProbleme.ACCES_REFUSE, "Le jeton ne porte pas d'institution (claim « institution »).");
        }
        return institution;
    }

    public Set<String> roles() {
        Set<String> roles = jeton.getGroups();
        // no token (a scheduled job, a consumer): no role, so every check below refuses rather than fails
        return roles == null ? Set.of() : roles;
    }

    public boolean a(String role) {
        return roles().contains(role);
    }

    /**
     * An administrator acts for anyone; everyone else only for their own institution.
     *
     * @throws ProblemeException 403 with the reason otherwise
     */
    public void exigerAdminOuInstitution(String institution, String raison) {
        if (!a(Roles.ADMIN) && !institution().equals(institution)) {
            throw new ProblemeException(TypeProbleme.ACCES_REFUSE, raison);
        }
    }

    public String identifiant() {
        return jeton.getSubject();
    }
}
