package fr.actionsociale.budget.domain;

import java.time.LocalDate;
import java.time.Year;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.actionsociale.commons.domaine.RegleMetierException;

/**
 * A period of seed 003's tables: a year ({@code 2022}), a half-year ({@code 2022-S1}), or a situation at a date
 * ({@code 2018-12-31}, the baseline "situation au 31 déc. 2018").
 */
public record Periode(String code, LocalDate debut, LocalDate fin) {

    public static final String FORMAT = "^[0-9]{4}(-S[12]|-[01][0-9]-[0-3][0-9])?$";
    public static final String RAISON = "doit être une année (2022), un semestre (2022-S1) ou une date de situation (2018-12-31)";
    private static final Pattern SEMESTRE = Pattern.compile("^([0-9]{4})-S([12])$");

    public static Periode lire(String champ, String code) {
        if (code == null || !code.matches(FORMAT)) {
            throw new RegleMetierException(champ, RAISON);
        }
        if (code.length() == 4) {
            int annee = Integer.parseInt(code);
            return new Periode(code, Year.of(annee).atDay(1), Year.of(annee).atMonth(12).atEndOfMonth());
        }
        Matcher s = SEMESTRE.matcher(code);
        if (s.matches()) {
            int annee = Integer.parseInt(s.group(1));
            boolean premier = s.group(2).equals("1");
            return new Periode(code, LocalDate.of(annee, premier ? 1 : 7, 1), premier ? LocalDate.of(annee, 6, 30) : LocalDate.of(annee, 12, 31));
        }
        try {
            LocalDate jour = LocalDate.parse(code);
            return new Periode(code, jour, jour);
        } catch (DateTimeParseException e) {
            throw new RegleMetierException(champ, "la date " + code + " n'existe pas");
        }
    }

    public boolean estSituation() {
        return debut.equals(fin);
    }
}
