package fr.actionsociale.banc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class RepriseTest {

    @Test
    void leRetourEstLeMomentOuLeDernierEvenementEnRetardAEteApplique() {
        // fault at 10 s; events at 11 s (waited 4 s), 12 s (waited 3.5 s), 14 s (50 ms): back under 1 s at 15.5 s
        List<Reprise.Delai> d = List.of(new Reprise.Delai(11_000, 4_000), new Reprise.Delai(12_000, 3_500), new Reprise.Delai(14_000, 50),
                new Reprise.Delai(30_000, 9_000));
        assertEquals(5_500, Reprise.retour(10_000, 20_000, d));
        assertEquals(0, Reprise.retour(13_000, 20_000, d), "nothing waited a second in that window");
    }

    @Test
    void unEvenementJamaisAppliqueNeRevientJamais() {
        assertEquals(-1, Reprise.retour(0, 10_000, List.of(new Reprise.Delai(5_000, -1))));
    }

    @Test
    void unReequilibrageEstUnChangementDEpoqueDansLaFenetre() {
        List<long[]> e = List.of(new long[] { 900, 4 }, new long[] { 1_500, 4 }, new long[] { 2_000, 5 }, new long[] { 2_500, 6 },
                new long[] { 3_000, 6 }, new long[] { 9_000, 7 });
        assertEquals(2, Reprise.reequilibrages(e, 1_000, 5_000));
        assertEquals(0, Reprise.reequilibrages(e, 3_000, 5_000));
    }

    @Test
    void apresLeRedemarrageLeRetourSeCompteDepuisLeMomentOuLeServiceEstPret(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dossier)
            throws Exception {
        java.nio.file.Path f = dossier.resolve("pannes.txt");
        java.nio.file.Files.writeString(f, "10000 SIGKILL de budget-service\n26000 +prêt\n40000 redémarrage de Kafka\n");
        List<Reprise.Panne> p = Reprise.lire(f);
        assertEquals(List.of(new Reprise.Panne(10_000, "SIGKILL de budget-service", 26_000), new Reprise.Panne(40_000, "redémarrage de Kafka")), p);
        // published at once (100 ms), applied once the service was back: 17.5 s after the kill, 1.5 s after it was ready
        List<Reprise.Delai> d = List.of(new Reprise.Delai(11_000, 16_500, 100), new Reprise.Delai(20_000, 7_000, 2_000));
        assertEquals(17_500, Reprise.retour(10_000, 40_000, d));
        assertEquals(1_500, Reprise.retourApresRedemarrage(p.get(0), 40_000, d, false));
        assertEquals(0, Reprise.retourApresRedemarrage(p.get(0), 40_000, d, true), "the relay was back before the service was ready");
        assertEquals(-1, Reprise.retourApresRedemarrage(p.get(0), 40_000, List.of(new Reprise.Delai(12_000, -1, 50)), false));
    }
}
