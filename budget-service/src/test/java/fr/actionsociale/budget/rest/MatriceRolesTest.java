package fr.actionsociale.budget.rest;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.MatriceRoles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The role half of budget-service's access matrix, for every operation of its OpenAPI: the rule is docs/matrice-des-acces.md. */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class MatriceRolesTest {

    @Test
    void chaqueOperationRepondACeQueLaRegleEcritePrevoitPourChaqueRole() {
        MatriceRoles.verifier("budget-service");
    }
}
