package fr.actionsociale.commons.inbox;

/** An event whose content breaks a rule of the consumer: no retry can apply it; it goes to the dead-letter topic. */
public class EvenementInvalideException extends RuntimeException {
    public EvenementInvalideException(String raison) {
        super(raison, null, false, false);
    }
}
