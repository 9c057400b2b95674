package fr.actionsociale.referral.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The CAF's monthly file of RSA entrants, CSV: {@code numero_allocataire;date_ouverture;date_naissance;commune;foyer} (semicolon or
 * comma, optional header, dates AAAA-MM-JJ or JJ/MM/AAAA). Every line is checked before anything is imported: one bad line and
 * the whole file is refused, with each bad line and its column.
 */
public final class FichierEntrants {

    public static final int ERREURS_MAX = 200;
    private static final Pattern ALLOCATAIRE = Pattern.compile("^[0-9]{7,13}$");
    private static final Pattern COMMUNE = Pattern.compile("^(2[AB]|[0-9]{2})[0-9]{3}$");
    private static final Pattern FOYER = Pattern.compile("^[a-z_]{1,30}$");
    private static final DateTimeFormatter FR = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    public record Entrant(int ligne, String numeroAllocataire, LocalDate ouverture, LocalDate naissance, String commune, String foyer) {
    }

    public record Erreur(int ligne, String colonne, String raison) {
    }

    /** The lines kept (first occurrence of each allocataire number) and how many repeated an earlier line. */
    public record Lecture(List<Entrant> entrants, int lignes, int doublons) {
    }

    public static class FichierInvalideException extends RuntimeException {
        private final transient List<Erreur> erreurs;
        private final int total;

        FichierInvalideException(List<Erreur> erreurs, int total) {
            super(total + " ligne(s) invalide(s)", null, false, false);
            this.erreurs = erreurs;
            this.total = total;
        }

        public List<Erreur> erreurs() {
            return erreurs;
        }

        public int total() {
            return total;
        }
    }

    private FichierEntrants() {
    }

    /**
     * @param traitement the day the Département processed the file (today when it is imported as it arrives): no right in it opened
     *            after that day, and ages are plausible on that day
     */
    public static Lecture lire(String texte, LocalDate traitement) {
        List<Erreur> erreurs = new ArrayList<>();
        int invalides = 0;
        Map<String, Entrant> entrants = new LinkedHashMap<>();
        int lignes = 0;
        int doublons = 0;
        String[] brutes = (texte == null ? "" : texte).split("\r?\n");
        for (int i = 0; i < brutes.length; i++) {
            String l = brutes[i].strip();
            if (l.isEmpty() || (i == 0 && l.toLowerCase().startsWith("numero"))) {
                continue;
            }
            lignes++;
            String[] c = l.split(l.contains(";") ? ";" : ",", -1);
            List<Erreur> ici = new ArrayList<>();
            if (c.length != 5) {
                ici.add(new Erreur(i + 1, null, c.length + " colonnes au lieu de 5 (numero_allocataire;date_ouverture;date_naissance;commune;foyer)"));
            } else {
                String numero = c[0].strip();
                if (!ALLOCATAIRE.matcher(numero).matches()) {
                    ici.add(new Erreur(i + 1, "numero_allocataire", "doit compter de 7 à 13 chiffres"));
                }
                LocalDate ouverture = date(c[1], "date_ouverture", i + 1, ici);
                if (ouverture != null && ouverture.isAfter(traitement)) {
                    ici.add(new Erreur(i + 1, "date_ouverture", "est postérieure au jour de traitement du fichier (dateTraitement " + traitement
                            + ") : un droit ouvert après le traitement n'a pas pu y figurer"));
                }
                LocalDate naissance = date(c[2], "date_naissance", i + 1, ici);
                if (naissance != null && (naissance.isAfter(traitement.minusYears(16)) || naissance.isBefore(traitement.minusYears(125)))) {
                    ici.add(new Erreur(i + 1, "date_naissance", "n'est pas plausible pour un allocataire du RSA"));
                }
                String commune = c[3].strip();
                if (!COMMUNE.matcher(commune).matches()) {
                    ici.add(new Erreur(i + 1, "commune", "doit être un code INSEE à 5 caractères"));
                }
                String foyer = c[4].strip();
                if (!FOYER.matcher(foyer).matches()) {
                    ici.add(new Erreur(i + 1, "foyer", "doit être un type de foyer en minuscules (ex. isole, couple_enfants)"));
                }
                if (ici.isEmpty()) {
                    if (entrants.putIfAbsent(numero, new Entrant(i + 1, numero, ouverture, naissance, commune, foyer)) != null) {
                        doublons++;
                    }
                }
            }
            if (!ici.isEmpty()) {
                invalides++;
                for (Erreur e : ici) {
                    if (erreurs.size() < ERREURS_MAX) {
                        erreurs.add(e);
                    }
                }
            }
        }
        if (invalides > 0) {
            throw new FichierInvalideException(erreurs, invalides);
        }
        return new Lecture(List.copyOf(entrants.values()), lignes, doublons);
    }

    private static LocalDate date(String valeur, String colonne, int ligne, List<Erreur> erreurs) {
        String v = valeur.strip();
        try {
            return v.contains("/") ? LocalDate.parse(v, FR) : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            erreurs.add(new Erreur(ligne, colonne, "« " + (v.length() > 20 ? v.substring(0, 20) + "…" : v) + " » n'est pas une date (AAAA-MM-JJ ou JJ/MM/AAAA)"));
            return null;
        }
    }
}
