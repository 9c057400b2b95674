package fr.actionsociale.conventions.domain;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One payment of a funding convention: a share of the amount, due some days after its trigger. */
@Embeddable
public record TrancheVersement(
        @Column(name = "rang") int rang,
        @Column(name = "pourcentage") BigDecimal pourcentage,
        @Enumerated(EnumType.STRING) @Column(name = "declencheur") Declencheur declencheur,
        @Column(name = "delai_jours") int delaiJours) {

    public enum Declencheur {
        /** The convention's entry into force (its last signature). */
        SIGNATURE,
        /** The first interim report, once produced. */
        RAPPORT_INTERMEDIAIRE,
        /** The final report, once produced. */
        RAPPORT_FINAL
    }
}
