package fr.actionsociale.commons.domaine;

/** A transition the current state of a resource forbids: thrown by plain domain code, answered as a 409 problem. */
public class EtatInvalideException extends RuntimeException {

    public EtatInvalideException(String raison) {
        super(raison, null, false, false);
    }
}
