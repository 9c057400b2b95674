package fr.actionsociale.conventions.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.domaine.RegleMetierException;

class InstanceGouvernanceTest {

    static final List<String> PARTIES = List.of("redon-agglomeration", "msa-porte-de-bretagne");

    @Test
    void uneInstanceSansRythmeNeManqueJamaisDePeriode() {
        Convention c = EngagementTest.seed000();
        InstanceGouvernance equipe = InstanceGouvernance.instituer(c, TypeInstance.EQUIPE_PROJET, "Équipe projet", PARTIES, List.of("CAF 35"),
                null, List.of(), null);
        InstanceGouvernance comite = InstanceGouvernance.instituer(c, TypeInstance.COMITE_SUIVI, "Comité de suivi local", PARTIES, List.of(),
                null, List.of(), 4);
        LocalDate fin = LocalDate.of(2027, 1, 1);
        assertNull(equipe.reunionsParAn());
        assertEquals(List.of(), equipe.periodesSansReunion(c, fin));
        assertEquals(12, comite.periodesSansReunion(c, fin).size()); // 2024-2026, never met
    }

    @Test
    void lesTextesLibresGardentLeursVirgulesEtLeursPourcents() {
        List<String> autres = List.of("associations du territoire, habitants", "services de l'État", "100 % recours, 50%2C et %25",
                "deux\nlignes");
        InstanceGouvernance g = InstanceGouvernance.instituer(EngagementTest.seed000(), TypeInstance.COMITE_SUIVI, "Comité", PARTIES, autres,
                "Co-présidé par la Vice-Présidente, le maire de Pipriac et un élu de la Ville de Redon",
                List.of("Décider et débattre autour des enjeux stratégiques identifiés", "Valider les orientations, stratégiques et techniques"), 4);
        assertEquals(autres, g.autresMembres());
        assertEquals(List.of("Décider et débattre autour des enjeux stratégiques identifiés", "Valider les orientations, stratégiques et techniques"),
                g.missions());
        assertEquals(autres, ListeTexteLibre.lire(ListeTexteLibre.ecrire(autres)));
        assertEquals(List.of(), ListeTexteLibre.lire(ListeTexteLibre.ecrire(List.of())));
    }

    @Test
    void lesInstancesIncoherentesSontRefusees() {
        Convention c = EngagementTest.seed000();
        assertEquals("autresMembres[1]", assertThrows(RegleMetierException.class, () -> InstanceGouvernance.instituer(c,
                TypeInstance.COMITE_SUIVI, "Comité", PARTIES, List.of("habitants", " "), null, List.of(), 4)).champ());
        assertEquals("autresMembres", assertThrows(RegleMetierException.class, () -> InstanceGouvernance.instituer(c,
                TypeInstance.COMITE_SUIVI, "Comité", PARTIES, java.util.Collections.nCopies(51, "habitants"), null, List.of(), 4)).champ());
        assertEquals("missions[0]", assertThrows(RegleMetierException.class, () -> InstanceGouvernance.instituer(c,
                TypeInstance.COMITE_SUIVI, "Comité", PARTIES, List.of(), null, List.of("x".repeat(501)), 4)).champ());
        assertEquals("presidence", assertThrows(RegleMetierException.class, () -> InstanceGouvernance.instituer(c,
                TypeInstance.COMITE_SUIVI, "Comité", PARTIES, List.of(), "  ", List.of(), 4)).champ());
        for (int n : new int[] { 0, -4, 5, 24 }) {
            assertEquals("reunionsParAn", assertThrows(RegleMetierException.class, () -> InstanceGouvernance.instituer(c,
                    TypeInstance.COMITE_SUIVI, "Comité", PARTIES, List.of(), null, List.of(), n)).champ());
        }
    }
}
