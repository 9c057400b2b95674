package fr.actionsociale.commons.probleme;

/** The stable problem types of the suite: clients branch on {@code type}, people read {@code title}. */
public enum TypeProbleme {
    REQUETE_INVALIDE(400, "requete-invalide", "Requête invalide"),
    JSON_MAL_FORME(400, "json-mal-forme", "Corps JSON mal formé"),
    NON_AUTHENTIFIE(401, "non-authentifie", "Authentification requise"),
    ACCES_REFUSE(403, "acces-refuse", "Accès refusé"),
    INTROUVABLE(404, "introuvable", "Ressource introuvable"),
    METHODE_NON_PERMISE(405, "methode-non-permise", "Méthode non permise"),
    FORMAT_NON_ACCEPTABLE(406, "format-non-acceptable", "Format de réponse non disponible"),
    CONFLIT(409, "conflit", "Conflit avec l'état de la ressource"),
    PRECONDITION_ECHOUEE(412, "precondition-echouee", "La ressource a changé depuis sa lecture"),
    CORPS_TROP_VOLUMINEUX(413, "corps-trop-volumineux", "Corps de requête trop volumineux"),
    TYPE_NON_SUPPORTE(415, "type-non-supporte", "Type de contenu non supporté"),
    CLE_IDEMPOTENCE_REUTILISEE(422, "cle-idempotence-reutilisee", "Clé d'idempotence déjà utilisée pour une autre requête"),
    SERVICE_INDISPONIBLE(503, "service-indisponible", "Service momentanément indisponible"),
    ERREUR_INTERNE(500, "erreur-interne", "Erreur interne");

    private final int statut;
    private final String code;
    private final String titre;

    TypeProbleme(int statut, String code, String titre) {
        this.statut = statut;
        this.code = code;
        this.titre = titre;
    }

    public int statut() {
        return statut;
    }

    public String uri() {
        return "/problemes/" + code;
    }

    public String titre() {
        return titre;
    }
}
