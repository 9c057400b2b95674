package fr.actionsociale.commons.sante;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import fr.actionsociale.commons.outbox.OutboxConfig;
import fr.actionsociale.commons.outbox.OutboxRelay;

/**
 * Live as long as the outbox relay's thread runs (when it is meant to). A broker down does not make it DOWN (restarting the
 * pod would not bring the broker back, and the relay reconnects by itself within a second of the broker): it says since
 * when publications fail, and how long the last interruption lasted.
 */
@Liveness
@ApplicationScoped
public class OutboxRelayCheck implements HealthCheck {

    private final OutboxRelay relay;
    private final OutboxConfig config;

    OutboxRelayCheck(OutboxRelay relay, OutboxConfig config) {
        this.relay = relay;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        boolean attendu = config.relay().enabled();
        return HealthCheckResponse.named("outbox-relay")
                .status(!attendu || relay.enMarche())
                .withData("actif", relay.enMarche())
                .withData("en-echec-depuis", relay.enEchecDepuis().map(Object::toString).orElse("-"))
                .withData("derniere-interruption-ms", relay.derniereInterruptionMs())
                .build();
    }
}
