package fr.actionsociale.conventions.domain;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The numbered decision of a board that authorises a party to sign. */
@Embeddable
public record Deliberation(
        @Column(name = "deliberation_numero") String numero,
        @Column(name = "deliberation_instance") String instance,
        @Column(name = "deliberation_date") LocalDate date) {
}
