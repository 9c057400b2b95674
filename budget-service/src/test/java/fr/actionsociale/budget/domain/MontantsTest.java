package fr.actionsociale.budget.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MontantsTest {

    @Test
    void lesMontantsFrancaisSontLusExactement() {
        assertEquals(new BigDecimal("1459218.00"), Montants.lire("<b>1 459 218,00 €</b>"));
        assertEquals(new BigDecimal("86775.39"), Montants.lire("86\u202f775,39\u00a0€"));
        assertEquals(new BigDecimal("0.00"), Montants.lire("- €"));
        assertEquals(new BigDecimal("-12.50"), Montants.lire("-12,5"));
        assertNull(Montants.lire("  "));
        assertThrows(IllegalArgumentException.class, () -> Montants.lire("12,345 €"));
        assertThrows(IllegalArgumentException.class, () -> Montants.lire("douze"));
        assertThrows(IllegalArgumentException.class, () -> Montants.lire("1e5"));
    }

    @Test
    void lesMontantsSontEcritsALaFrancaise() {
        assertEquals("1 459 218,00 €", Montants.formater(new BigDecimal("1459218")));
        assertEquals("0,00 €", Montants.formater(BigDecimal.ZERO));
        assertEquals("-66 000,00 €", Montants.formater(new BigDecimal("-66000.00")));
    }
}
