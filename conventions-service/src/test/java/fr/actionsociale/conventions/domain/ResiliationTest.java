package fr.actionsociale.conventions.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.domaine.EtatInvalideException;
import fr.actionsociale.commons.domaine.RegleMetierException;

class ResiliationTest {

    static final LocalDate AUJOURDHUI = LocalDate.of(2015, 6, 1);

    static Convention enVigueur(Integer preavisMois) {
        DeliberationCitee d = new DeliberationCitee("D-1", "Conseil d'administration", LocalDate.of(2014, 1, 10));
        Convention c = Convention.rediger("RESEAU-2014", "Réseau des acteurs sociaux", TypeConvention.PARTENARIAT, "ccas-blain",
                List.of("44015"), List.of(), LocalDate.of(2014, 1, 1), LocalDate.of(2016, 12, 31), "Blain", 6,
                new BigDecimal("4000.00"), preavisMois, List.of(
                        new Convention.NouvellePartie("ccas-blain", RolePartie.PORTEUR, null, "Président", d),
                        new Convention.NouvellePartie("ccas-bouvron", RolePartie.PARTENAIRE, null, "Président", d)));
        c.soumettreALaSignature();
        c.signer("ccas-blain", LocalDate.of(2014, 1, 15), null, AUJOURDHUI);
        c.signer("ccas-bouvron", LocalDate.of(2014, 1, 16), null, AUJOURDHUI);
        return c;
    }

    @Test
    void unePartieResilieAvecLePreavisDeLaConvention() {
        Convention c = enVigueur(3);
        // seed 004: three months' notice by registered letter
        assertEquals(LocalDate.of(2015, 6, 2), c.resilier(ModeResiliation.UNILATERALE, "ccas-bouvron", LocalDate.of(2015, 3, 2), null, AUJOURDHUI));
        assertEquals(StatutConvention.EN_VIGUEUR, c.statutAu(LocalDate.of(2015, 6, 1)));
        assertEquals(StatutConvention.RESILIEE, c.statutAu(LocalDate.of(2015, 6, 2)));
        assertThrows(EtatInvalideException.class,
                () -> c.resilier(ModeResiliation.COMMUN_ACCORD, null, null, LocalDate.of(2015, 7, 1), AUJOURDHUI));
    }

    @Test
    void leffetNeDepassePasLaFinDeLaConvention() {
        Convention c = enVigueur(3);
        assertEquals(LocalDate.of(2016, 12, 31),
                c.resilier(ModeResiliation.UNILATERALE, "ccas-blain", LocalDate.of(2016, 11, 15), null, LocalDate.of(2016, 11, 20)));
    }

    @Test
    void dUnCommunAccordALaDateConvenue() {
        Convention c = enVigueur(null);
        assertEquals(LocalDate.of(2015, 9, 30), c.resilier(ModeResiliation.COMMUN_ACCORD, null, null, LocalDate.of(2015, 9, 30), AUJOURDHUI));
    }

    @Test
    void lesResiliationsImpossiblesSontRefusees() {
        assertEquals("mode", assertThrows(RegleMetierException.class, () -> enVigueur(null)
                .resilier(ModeResiliation.UNILATERALE, "ccas-blain", LocalDate.of(2015, 3, 2), null, AUJOURDHUI)).champ());
        assertEquals("institution", assertThrows(RegleMetierException.class, () -> enVigueur(2)
                .resilier(ModeResiliation.UNILATERALE, "ccas-le-gavre", LocalDate.of(2015, 3, 2), null, AUJOURDHUI)).champ());
        assertEquals("dateLettre", assertThrows(RegleMetierException.class, () -> enVigueur(2)
                .resilier(ModeResiliation.UNILATERALE, "ccas-blain", null, null, AUJOURDHUI)).champ());
        // a convention that has expired can no longer be terminated
        assertThrows(EtatInvalideException.class, () -> enVigueur(2)
                .resilier(ModeResiliation.COMMUN_ACCORD, null, null, LocalDate.of(2017, 3, 1), LocalDate.of(2017, 1, 5)));
    }
}
