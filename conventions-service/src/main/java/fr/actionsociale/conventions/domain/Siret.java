package fr.actionsociale.conventions.domain;

/** SIRET: 14 digits whose Luhn checksum is valid (INSEE's rule for SIREN and SIRET). */
public final class Siret {

    /** La Poste's establishments (SIREN 356000000) are checked by digit sum modulo 5, not Luhn. */
    private static final String SIREN_LA_POSTE = "356000000";

    private Siret() {
    }

    public static boolean valide(String siret) {
        if (siret == null || !siret.matches("^[0-9]{14}$")) {
            return false;
        }
        if (siret.startsWith(SIREN_LA_POSTE)) {
            return siret.chars().map(c -> c - '0').sum() % 5 == 0;
        }
        int somme = 0;
        for (int i = 0; i < 14; i++) {
            int chiffre = siret.charAt(13 - i) - '0';
            if (i % 2 == 1) {
                chiffre *= 2;
                if (chiffre > 9) {
                    chiffre -= 9;
                }
            }
            somme += chiffre;
        }
        return somme % 10 == 0;
    }
}
