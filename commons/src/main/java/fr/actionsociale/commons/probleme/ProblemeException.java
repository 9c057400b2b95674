package fr.actionsociale.commons.probleme;

import java.util.List;

/** A rule of the domain or of the API refuses the request; the mapper turns it into its problem+json. */
public class ProblemeException extends RuntimeException {

    private final transient Probleme probleme;

    public ProblemeException(TypeProbleme type, String detail, List<Probleme.Erreur> erreurs) {
        super(detail, null, false, false);
        this.probleme = Probleme.de(type, detail, erreurs);
    }

    public ProblemeException(TypeProbleme type, String detail) {
        this(type, detail, List.of());
    }

    public static ProblemeException introuvable(String quoi, Object id) {
        return new ProblemeException(TypeProbleme.INTROUVABLE, quoi + " " + id + " introuvable.");
    }

    public static ProblemeException champInvalide(String champ, String raison) {
        return new ProblemeException(TypeProbleme.REQUETE_INVALIDE, "Le champ " + champ + " est invalide.",
                List.of(new Probleme.Erreur(champ, raison)));
    }

    /** A query date (AAAA-MM-JJ); absent gives null, an invalid one a 400 naming the field. */
    public static java.time.LocalDate date(String champ, String valeur) {
        if (valeur == null || valeur.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(valeur);
        } catch (java.time.format.DateTimeParseException e) {
            throw champInvalide(champ, "doit être une date du calendrier au format AAAA-MM-JJ");
        }
    }

    public static ProblemeException conflit(String detail) {
        return new ProblemeException(TypeProbleme.CONFLIT, detail);
    }

    public Probleme probleme() {
        return probleme;
    }
}
