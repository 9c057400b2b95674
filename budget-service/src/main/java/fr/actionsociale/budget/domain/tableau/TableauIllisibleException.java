package fr.actionsociale.budget.domain.tableau;

/** The table is not in the expected layout: says which line and which column could not be read. */
public class TableauIllisibleException extends RuntimeException {

    private final int ligne;
    private final String colonne;
    private final String raison;

    public TableauIllisibleException(int ligne, String colonne, String raison) {
        super("ligne " + ligne + (colonne == null ? "" : ", colonne « " + colonne + " »") + " : " + raison, null, false, false);
        this.ligne = ligne;
        this.colonne = colonne;
        this.raison = raison;
    }

    public int ligne() {
        return ligne;
    }

    public String colonne() {
        return colonne;
    }

    public String raison() {
        return raison;
    }
}
