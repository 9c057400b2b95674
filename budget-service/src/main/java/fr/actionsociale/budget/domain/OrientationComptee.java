package fr.actionsociale.budget.domain;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import fr.actionsociale.commons.jdbc.ListeTexte;
import fr.actionsociale.commons.Formats;
import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.temps.Horloges;

/** One orientation, as counted by the orientation indicators (no person, only an opaque reference upstream). */
@Entity
@Table(name = "orientation_comptee")
public class OrientationComptee {

    /** Indicators are monthly in the French civil calendar. */
    public static final ZoneId FUSEAU = Horloges.PARIS;
    private static final Pattern COMMUNE = Pattern.compile(Formats.CODE_INSEE);
    private static final Pattern CODE = Pattern.compile(Formats.CODE_INSTITUTION);

    @Id
    @Column(name = "orientation_id")
    private UUID orientationId;
    @Column(name = "evenement_id")
    private String evenementId;
    private String commune;
    private String structure;
    @Column(name = "droits_vises")
    private String droitsVises;
    @Column(name = "date_orientation")
    private Instant dateOrientation;
    private String mois;

    protected OrientationComptee() {
    }

    /** @throws RegleMetierException when the event does not describe a countable orientation */
    public static OrientationComptee depuis(String evenementId, UUID orientationId, String commune, String structure,
            List<String> droitsVises, Instant dateOrientation) {
        if (!COMMUNE.matcher(commune).matches()) {
            throw new RegleMetierException("commune", "n'est pas un code INSEE de commune");
        }
        if (!CODE.matcher(structure).matches()) {
            throw new RegleMetierException("structure", "n'est pas un code d'institution");
        }
        if (droitsVises.isEmpty() || droitsVises.stream().anyMatch(d -> !d.matches("^[A-Z0-9_]{2,32}$"))) {
            throw new RegleMetierException("droitsVises", "doit être une liste non vide de codes de droits");
        }
        OrientationComptee o = new OrientationComptee();
        o.evenementId = evenementId;
        o.orientationId = orientationId;
        o.commune = commune;
        o.structure = structure;
        o.droitsVises = ListeTexte.ecrire(droitsVises.stream().distinct().sorted().toList());
        o.dateOrientation = dateOrientation;
        o.mois = mois(dateOrientation).toString();
        return o;
    }

    public static YearMonth mois(Instant instant) {
        return YearMonth.from(instant.atZone(FUSEAU));
    }

    public UUID orientationId() {
        return orientationId;
    }

    public String evenementId() {
        return evenementId;
    }

    public String commune() {
        return commune;
    }

    public String structure() {
        return structure;
    }

    /** Comma-separated, sorted, distinct. */
    public String droitsVises() {
        return droitsVises;
    }

    public Instant dateOrientation() {
        return dateOrientation;
    }

    public String mois() {
        return mois;
    }
}
