package fr.actionsociale.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class FichierEntrantsTest {

    static final LocalDate AUJOURDHUI = LocalDate.of(2026, 11, 22);

    @Test
    void unFichierValideEstLuEtSesDoublonsComptes() {
        FichierEntrants.Lecture l = FichierEntrants.lire("""
                numero_allocataire;date_ouverture;date_naissance;commune;foyer
                1234567;2026-10-03;1990-05-01;35236;isole
                7654321;03/10/2026;12/12/1961;35220;couple_enfants
                1234567;2026-10-03;1990-05-01;35236;isole
                """, AUJOURDHUI);
        assertEquals(3, l.lignes());
        assertEquals(1, l.doublons());
        assertEquals(List.of("1234567", "7654321"), l.entrants().stream().map(FichierEntrants.Entrant::numeroAllocataire).toList());
        assertEquals(LocalDate.of(2026, 10, 3), l.entrants().get(1).ouverture());
    }

    @Test
    void chaqueLigneInvalideEstNommeeAvecSaColonneEtRienNEstRetenu() {
        FichierEntrants.FichierInvalideException e = assertThrows(FichierEntrants.FichierInvalideException.class, () -> FichierEntrants.lire("""
                1234567;2026-10-03;1990-05-01;35236;isole
                12AB;2026-13-03;1990-05-01;35236;isole
                7654321;2026-12-01;2015-01-01;3523;Isolé
                1111111;2026-10-03;1990-05-01
                """, AUJOURDHUI));
        assertEquals(3, e.total());
        assertEquals(List.of("2:numero_allocataire", "2:date_ouverture", "3:date_ouverture", "3:date_naissance", "3:commune", "3:foyer", "4:null"),
                e.erreurs().stream().map(x -> x.ligne() + ":" + x.colonne()).toList());
    }

    @Test
    void unFichierTraiteUnJourPasseNeContientAucunDroitOuvertApresCeJour() {
        LocalDate traitement = LocalDate.of(2024, 3, 10);
        FichierEntrants.FichierInvalideException e = assertThrows(FichierEntrants.FichierInvalideException.class, () -> FichierEntrants.lire("""
                1234567;2024-03-10;1990-05-01;35236;isole
                7654321;2024-03-11;1990-05-01;35236;isole
                """, traitement));
        assertEquals(1, e.total());
        assertEquals("date_ouverture", e.erreurs().get(0).colonne());
        assertEquals(true, e.erreurs().get(0).raison().contains("dateTraitement 2024-03-10"), e.erreurs().get(0).raison());
        // ages are those of the processing day: 16 today, but 14 when the file was processed
        assertEquals(1, FichierEntrants.lire("1234567;2024-03-01;2010-01-01;35236;isole", AUJOURDHUI).entrants().size());
        assertEquals("date_naissance", assertThrows(FichierEntrants.FichierInvalideException.class,
                () -> FichierEntrants.lire("1234567;2024-03-01;2010-01-01;35236;isole", traitement)).erreurs().get(0).colonne());
    }
}
