package fr.actionsociale.commons.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ListeTexteTest {

    @Test
    void uneColonneNulleOuVideEstLaListeVide() {
        assertEquals(List.of(), ListeTexte.lire(null));
        assertEquals(List.of(), ListeTexte.lire(""));
    }

    @Test
    void laListeVideOuNulleSEcritVideJamaisNulle() {
        assertEquals("", ListeTexte.ecrire(List.of()));
        assertEquals("", ListeTexte.ecrire(null));
    }

    @Test
    void allerRetourDansLOrdre() {
        assertEquals(List.of("35236", "35220"), ListeTexte.lire(ListeTexte.ecrire(List.of("35236", "35220"))));
        assertEquals("SECONDS,MINUTES", ListeTexte.ecrire(EnumSet.of(TimeUnit.MINUTES, TimeUnit.SECONDS)));
    }
}
