package fr.actionsociale.referral.service;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import fr.actionsociale.referral.domain.Invitation;
import fr.actionsociale.referral.domain.Structure;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * What an invitation says, the same words by letter and by e-mail (templates/invitation/): the structure, the appointment or
 * how to book one, the invitation's reference. Nothing else about the person: no NIR, no CAF number, no other right.
 */
@ApplicationScoped
public class RedactionInvitation {

    static final Locale FR = Locale.FRANCE;
    private static final DateTimeFormatter JOUR = DateTimeFormatter.ofPattern("d MMMM yyyy", FR);
    private static final DateTimeFormatter JOUR_SEMAINE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", FR);

    private final Template corps;
    private final Template courriel;

    RedactionInvitation(@Location("invitation/corps.txt") Template corps, @Location("invitation/courriel.txt") Template courriel) {
        this.corps = corps;
        this.courriel = courriel;
    }

    /** The sender: the structure's name, or its code when it is not registered here. */
    public static String nom(Structure s, String code) {
        return s == null ? code : s.nom();
    }

    public String objet(boolean relance) {
        return (relance ? "Relance : votre" : "Votre") + " premier rendez-vous d'accompagnement";
    }

    /** The e-mail's subject: the object and the sender, nothing about the right or the person. */
    public String sujet(Invitation i, Structure s, boolean relance) {
        return objet(relance) + " - " + nom(s, i.structure());
    }

    /** The body shared by the letter and the e-mail, paragraphs separated by a blank line. */
    public String corps(Invitation i, Structure s, boolean relance) {
        return corps.data("relance", relance)
                .data("premierEnvoi", jour(i.envoyeeLe()))
                .data("structure", nom(s, i.structure()))
                .data("rendezVous", rendezVous(i.rdvLe(), i.rdvLieu()))
                .data("priseRendezVous", s == null ? null : s.priseRendezVous())
                .data("reference", i.reference())
                .render().strip();
    }

    public String courriel(Invitation i, Structure s, boolean relance) {
        return courriel.data("corps", corps(i, s, relance)).data("signature", signature(i, s)).render().strip() + "\n";
    }

    /** The structure's name and, when it has one, its address. */
    public List<String> signature(Invitation i, Structure s) {
        List<String> l = new ArrayList<>();
        l.add(nom(s, i.structure()));
        if (s != null && s.adresse() != null) {
            l.addAll(s.adresse().lignes());
        }
        return l;
    }

    /** "le jeudi 10 décembre 2026 à 9 h 30, 3 place de la Mairie" (null without an appointment). */
    static String rendezVous(LocalDateTime le, String lieu) {
        if (le == null) {
            return null;
        }
        String quand = "le " + le.format(JOUR_SEMAINE) + " à " + le.getHour() + " h " + String.format("%02d", le.getMinute());
        return lieu == null || lieu.isBlank() ? quand : quand + ", " + lieu.strip();
    }

    public static String jour(LocalDate d) {
        return d.format(JOUR);
    }
}
