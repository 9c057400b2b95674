package fr.actionsociale.conventions.domain;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A deliberation a convention's "VU" cites (seed 000: "VU la délibération du Conseil d'Administration du CCAS de Pipriac du 8 juillet 2024"). */
@Embeddable
public record VisaDeliberation(
        @Column(name = "rang") int rang,
        @Column(name = "institution") String institution,
        @Column(name = "numero") String numero,
        @Column(name = "date") LocalDate date) {
}
