package fr.actionsociale.referral.service;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

import fr.actionsociale.commons.probleme.ProblemeException;

/**
 * Where a page of a list sorted by (day, id) stopped. Opaque to clients (base64url): they hand back what they were given, and
 * the form can change without breaking them.
 */
record CurseurSuivi(LocalDate jour, UUID id) {

    String ecrire() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((jour + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** A cursor this service did not write is a 400 naming the parameter, never a 500 nor a silent first page. */
    static CurseurSuivi lire(String champ, String valeur) {
        try {
            String[] parties = new String(Base64.getUrlDecoder().decode(valeur), StandardCharsets.UTF_8).split("\\|", -1);
            if (parties.length == 2) {
                return new CurseurSuivi(LocalDate.parse(parties[0]), UUID.fromString(parties[1]));
            }
        } catch (RuntimeException e) {
            // falls through to the problem below
        }
        throw ProblemeException.champInvalide(champ, "curseur invalide : reprendre la valeur « suivant » d'une page de cette liste");
    }
}
