package fr.actionsociale.budget.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class EligibiliteTest {

    static final Set<CategorieDepense> SEED_002 = EnumSet.of(CategorieDepense.FRAIS_GENERAUX, CategorieDepense.FRAIS_MISSION,
            CategorieDepense.PRESTATION_EVALUATION, CategorieDepense.PRESTATION_FORMATION, CategorieDepense.PRESTATION_GESTION_PROJET,
            CategorieDepense.INVESTISSEMENT, CategorieDepense.LOGICIEL_CONCURRENT);
    static final BigDecimal TROIS = new BigDecimal("3");

    @Test
    void lesCategoriesExcluesSontRefuseesAvecLeurRegle() {
        Eligibilite frais = Eligibilite.juger(SEED_002, TROIS, CategorieDepense.FRAIS_MISSION, null, BigDecimal.ZERO);
        assertFalse(frais.eligible());
        assertTrue(frais.regle().startsWith("Convention de financement, art. 4.2 : les frais de mission"), frais.regle());
        assertFalse(Eligibilite.juger(SEED_002, TROIS, CategorieDepense.INVESTISSEMENT, null, BigDecimal.ZERO).eligible());
        Eligibilite dev = Eligibilite.juger(SEED_002, TROIS, CategorieDepense.DEVELOPPEMENT_INFORMATIQUE, null, BigDecimal.ZERO);
        assertTrue(dev.eligible());
        assertNull(dev.regle());
        // a programme without rules refuses nothing
        assertTrue(Eligibilite.juger(Set.of(), null, CategorieDepense.FRAIS_MISSION, null, BigDecimal.ZERO).eligible());
    }

    @Test
    void lingenierieEstPlafonneeATroisEtp() {
        assertTrue(Eligibilite.juger(SEED_002, TROIS, CategorieDepense.PERSONNEL_INGENIERIE, new BigDecimal("1"), new BigDecimal("2")).eligible());
        Eligibilite audela = Eligibilite.juger(SEED_002, TROIS, CategorieDepense.PERSONNEL_INGENIERIE, new BigDecimal("0.5"), new BigDecimal("3"));
        assertFalse(audela.eligible());
        assertEquals("Convention de financement, art. 4.2 : l'ingénierie de projet est financée dans la limite de 3 ETP ; ce mois-ci 3,5 ETP "
                + "seraient financés.", audela.regle());
        // accompaniment staff is not capped
        assertTrue(Eligibilite.juger(SEED_002, TROIS, CategorieDepense.PERSONNEL_ACCOMPAGNEMENT, new BigDecimal("10"), new BigDecimal("9")).eligible());
    }
}
