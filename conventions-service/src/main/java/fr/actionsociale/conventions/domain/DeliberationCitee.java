package fr.actionsociale.conventions.domain;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A deliberation as a convention cites it (number, body, date), whether or not it is recorded in the suite. */
@Embeddable
public record DeliberationCitee(
        @Column(name = "deliberation_numero") String numero,
        @Column(name = "deliberation_instance") String instance,
        @Column(name = "deliberation_date") LocalDate date) {
}
