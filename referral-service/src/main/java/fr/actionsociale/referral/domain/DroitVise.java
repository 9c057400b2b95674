package fr.actionsociale.referral.domain;

/** The rights a RDV des droits can find potentially open, as the institutions name them. */
public enum DroitVise {
    RSA,
    PRIME_ACTIVITE,
    C2S,
    AIDE_LOGEMENT,
    APA,
    AAH,
    ASPA,
    PENSION_RETRAITE,
    AUTRE
}
