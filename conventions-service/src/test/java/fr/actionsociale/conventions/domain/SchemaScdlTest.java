package fr.actionsociale.conventions.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SchemaScdlTest {

    private static final List<String> CONFORME = List.of("État, DREETS Bretagne", "99900000000011", "2023-07-03", "48139",
            "Département d'Ille-et-Vilaine", "99900000000029", "", "Accompagnement rénové des bénéficiaires du RSA", "719689.00",
            "aide en numéraire", "échelonné", "2023-07-18/2024-04-30", "", "non", "1.00", "");

    @Test
    void lesColonnesDeLExportSontCellesDuSchemaOfficiel() {
        assertEquals("2.1.1", SchemaScdl.v211().version());
        assertEquals(SchemaScdl.v211().colonnes(), ScdlSubventions.COLONNES);
    }

    @Test
    void uneLigneConformePasseEtChaqueEcartEstNomme() {
        assertEquals(List.of(), SchemaScdl.v211().ecarts(CONFORME));
        List<String> fautive = new ArrayList<>(CONFORME);
        fautive.set(1, "99900000000012"); // Luhn broken
        fautive.set(8, "719 689");
        fautive.set(9, "subvention");
        fautive.set(13, "Non");
        fautive.set(14, "1.5");
        fautive.set(11, "2023-07-18 au 2024-04-30");
        List<String> ecarts = SchemaScdl.v211().ecarts(fautive);
        for (String champ : List.of("idAttribuant", "montant", "nature", "notificationUE", "pourcentageSubvention", "datesPeriodeVersement")) {
            assertTrue(ecarts.stream().anyMatch(e -> e.startsWith(champ)), champ + " absent de " + ecarts);
        }
        List<String> sansId = new ArrayList<>(CONFORME);
        sansId.set(5, "");
        assertTrue(SchemaScdl.v211().ecarts(sansId).stream().anyMatch(e -> e.contains("l'un des deux est requis")));
    }
}
