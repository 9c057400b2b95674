package fr.actionsociale.conventions.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.conventions.domain.RepartitionCharges.Part;
import fr.actionsociale.conventions.domain.RepartitionCharges.Population;

class RepartitionChargesTest {

    static BigDecimal somme(List<Part> parts) {
        return parts.stream().map(Part::montant).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    @Test
    void lesPartsSontAuProrataEtSommentAuCentimePres() {
        // seed 004: 4,000 € a year shared between six CCAS (populations here are illustrative)
        List<Part> parts = RepartitionCharges.repartir(new BigDecimal("4000.00"), List.of(
                new Population("ccas-blain", 9944, 2021), new Population("ccas-bouvron", 3142, 2021),
                new Population("ccas-le-gavre", 1913, 2021), new Population("ccas-la-chevallerais", 1615, 2021),
                new Population("ccas-fay-de-bretagne", 3693, 2021), new Population("ccas-notre-dame-des-landes", 2234, 2021)));
        assertEquals(new BigDecimal("4000.00"), somme(parts));
        // floors 1764.60, 557.56, 339.47, 286.58, 655.33, 396.43 leave 3 cents, which go to the largest
        // remainders: Fay-de-Bretagne, La Chevallerais, Blain
        assertEquals(List.of(new BigDecimal("1764.61"), new BigDecimal("557.56"), new BigDecimal("339.47"),
                new BigDecimal("286.59"), new BigDecimal("655.34"), new BigDecimal("396.43")),
                parts.stream().map(Part::montant).toList());
    }

    @Test
    void lesCentimesRestantsVontAuxPlusFortsRestes() {
        // 100.00 € in three equal populations: 33.33 each and one cent left, to the first code on a tie
        List<Part> parts = RepartitionCharges.repartir(new BigDecimal("100.00"), List.of(
                new Population("b", 10, 2021), new Population("a", 10, 2021), new Population("c", 10, 2021)));
        assertEquals(List.of(new BigDecimal("33.33"), new BigDecimal("33.34"), new BigDecimal("33.33")),
                parts.stream().map(Part::montant).toList());
        assertEquals(new BigDecimal("100.00"), somme(parts));
    }

    @Test
    void unMontantAuDelaDuCentimeOuNegatifEstRefuse() {
        assertThrows(RegleMetierException.class, () -> RepartitionCharges.repartir(new BigDecimal("10.001"),
                List.of(new Population("a", 1, 2021))));
        assertThrows(RegleMetierException.class, () -> RepartitionCharges.repartir(new BigDecimal("-1"),
                List.of(new Population("a", 1, 2021))));
    }
}
