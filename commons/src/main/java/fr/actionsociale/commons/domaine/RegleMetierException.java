package fr.actionsociale.commons.domaine;

/**
 * A rule of the domain refuses a value: thrown by plain domain code, answered as a 400 problem naming
 * the field and the reason.
 */
public class RegleMetierException extends RuntimeException {

    private final String champ;

    public RegleMetierException(String champ, String raison) {
        super(raison, null, false, false);
        this.champ = champ;
    }

    public String champ() {
        return champ;
    }

    public String raison() {
        return getMessage();
    }
}
