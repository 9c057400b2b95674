package fr.actionsociale.commons.securite;

/** The roles of the suite, as carried by the token's {@code groups} claim. */
public final class Roles {
    /** Staff of a structure: works on the people oriented to or by it. */
    public static final String AGENT = "agent";
    /** A territory's aggregates, no identities. */
    public static final String COORDINATEUR = "coordinateur";
    /** An institution's conventions and budgets. */
    public static final String GESTIONNAIRE = "gestionnaire";
    /** A partner institution's system reporting rights. */
    public static final String PARTENAIRE = "partenaire";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
