package fr.actionsociale.commons.test;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/** Puts {@link ContratOpenApi} on every REST Assured call of every {@code @QuarkusTest} of the suite (found through the test-jar's service file). */
public class ContratAvantChaqueTest implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        ContratOpenApi.installer();
    }
}
