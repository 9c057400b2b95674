package fr.actionsociale.referral.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What the funnel publishes, without a database: the mask and RFC 4180. */
class EntonnoirServiceTest {

    @Test
    void zeroResteZeroUnADixSontMasquesOnzeEtPlusSontEcrits() {
        assertEquals("0", EntonnoirService.masquer(0));
        for (long n = 1; n <= 10; n++) {
            assertEquals("< 11", EntonnoirService.masquer(n));
        }
        assertEquals("11", EntonnoirService.masquer(11));
        assertEquals("1234", EntonnoirService.masquer(1234));
    }

    @Test
    void unChampAvecVirguleGuillemetOuFinDeLigneEstCite() {
        EntonnoirService.Ligne l = new EntonnoirService.Ligne("35236", "Centre, \"Le Port\"", YearMonth.of(2026, 1), 12, 3, 0, 11);
        assertEquals("commune,quartier,mois,contactes,rdvDesDroits,orientes,droitsOuverts\r\n"
                + "35236,\"Centre, \"\"Le Port\"\"\",2026-01,12,< 11,0,11\r\n",
                EntonnoirService.csv(EntonnoirService.publier(List.of(l))));
        assertEquals("\"a\nb\"", Csv.champ("a\nb"));
        assertEquals("Bellevue", Csv.champ("Bellevue"));
    }
}
