package fr.actionsociale.conventions.domain;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * One share of a convention's co-financing plan: a financer, in money or valued in kind, by amount, by rate of the
 * budget, or both (seed 000: the State, 396,795 €, 80 % of the budget); a valued contribution may have no amount yet
 * (seed 000: running costs valued at 15 % of salary costs).
 */
@Embeddable
public record Financement(
        @Column(name = "rang") int rang,
        @Column(name = "financeur") String financeur,
        @Column(name = "institution") String institution,
        @Enumerated(EnumType.STRING) @Column(name = "nature") Nature nature,
        @Column(name = "montant") BigDecimal montant,
        @Column(name = "taux") BigDecimal taux,
        @Column(name = "base") String base) {

    public enum Nature {
        FINANCIERE, VALORISEE
    }
}
