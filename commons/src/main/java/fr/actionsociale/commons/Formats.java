package fr.actionsociale.commons;

/** The identifiers every service checks the same way (constants, so that annotations can use them). */
public final class Formats {

    /** INSEE code of a commune: two digits (or 2A/2B for Corsica) and three digits, e.g. 35220 (Pipriac). */
    public static final String CODE_INSEE = "^(2[AB]|[0-9]{2})[0-9]{3}$";
    public static final String CODE_INSEE_RAISON = "doit être un code INSEE de commune à 5 caractères, ex. 35220";

    /** An institution's stable code, the same in every service, event and token, e.g. ccas-pipriac. */
    public static final String CODE_INSTITUTION = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final String CODE_INSTITUTION_RAISON = "doit être un code d'institution en minuscules, chiffres et tirets, ex. ccas-pipriac";

    private Formats() {
    }
}
