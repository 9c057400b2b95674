package fr.actionsociale.referral.domain;

/** proposée → acceptée | refusée → en cours → clôturée */
public enum StatutOrientation {
    PROPOSEE,
    ACCEPTEE,
    REFUSEE,
    EN_COURS,
    CLOTUREE
}
