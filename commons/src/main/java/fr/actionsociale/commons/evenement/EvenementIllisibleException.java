package fr.actionsociale.commons.evenement;

/** A record that no retry can apply (not a CloudEvent, unreadable data): it goes straight to the dead-letter topic. */
public class EvenementIllisibleException extends RuntimeException {
    public EvenementIllisibleException(String raison) {
        super(raison, null, false, false);
    }
}
