package fr.actionsociale.referral.domain;

/** The person's answer to an invitation: what a no-show rate is computed from (non venus / (venus + non venus)). */
public enum ReponseInvitation {
    /** An appointment was booked. */
    RDV_PRIS,
    /** The person came to the appointment. */
    VENU,
    /** The person did not come. */
    NON_VENU
}
