package fr.actionsociale.conventions.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import fr.actionsociale.commons.domaine.RegleMetierException;

/**
 * An INSEE legal population of one vintage (millésime), with its source. INSEE publishes the vintage N at the end of
 * December N+2 and it is in force from 1 January N+3: "le nombre d'habitants dernièrement connu selon l'Insee" (seed 004)
 * on a day of 2015 is the 2012 vintage.
 */
@Entity
@Table(name = "population_insee")
@IdClass(PopulationInsee.Cle.class)
public class PopulationInsee {

    /** Years between a vintage and the 1 January it comes into force. */
    public static final int DECALAGE = 3;

    @Id
    private String institution;
    @Id
    private int millesime;
    private int population;
    private String source;

    public static class Cle implements Serializable {
        String institution;
        int millesime;

        @Override
        public boolean equals(Object o) {
            return o instanceof Cle c && c.millesime == millesime && Objects.equals(c.institution, institution);
        }

        @Override
        public int hashCode() {
            return Objects.hash(institution, millesime);
        }
    }

    protected PopulationInsee() {
    }

    public static PopulationInsee enregistrer(String institution, int millesime, int population, String source, LocalDate aujourdHui) {
        // published at the end of December N+2: from December on, the vintage of two years before may be known
        int publie = aujourdHui.getMonthValue() == 12 ? aujourdHui.getYear() - 2 : aujourdHui.getYear() - DECALAGE;
        if (millesime > publie) {
            throw new RegleMetierException("millesime", "le millésime " + millesime + " n'est publié par l'INSEE qu'à la fin de "
                    + (millesime + DECALAGE - 1));
        }
        if (population < 0) {
            throw new RegleMetierException("population", "doit être positive ou nulle");
        }
        PopulationInsee p = new PopulationInsee();
        p.institution = institution;
        p.millesime = millesime;
        p.population = population;
        p.source = source;
        return p;
    }

    /** The vintage in force on a day: the last one published before it. */
    public static int millesimeEnVigueur(LocalDate jour) {
        return jour.getYear() - DECALAGE;
    }

    public String institution() {
        return institution;
    }

    public int millesime() {
        return millesime;
    }

    public int population() {
        return population;
    }

    public String source() {
        return source;
    }
}
