package fr.actionsociale.commons.sante;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * How far behind the outbox relay is: the events committed and not yet acknowledged by Kafka, and the age of the oldest.
 * Behind by more than {@link #RETARD_S} seconds (a broker down, a relay stuck) it says so, and stays UP: the service keeps
 * taking writes, which the outbox holds until Kafka takes them.
 */
@Readiness
@ApplicationScoped
public class OutboxRetardCheck implements HealthCheck {

    static final long RETARD_S = 5;

    private final EntityManager em;

    OutboxRetardCheck(EntityManager em) {
        this.em = em;
    }

    @Override
    @Transactional
    public HealthCheckResponse call() {
        Object[] l = (Object[]) em.createNativeQuery("select count(*), coalesce(extract(epoch from now() - min(cree_le)), 0) "
                + "from outbox_evenement where publie_le is null").getSingleResult();
        long enAttente = ((Number) l[0]).longValue();
        long plusAncien = (long) ((Number) l[1]).doubleValue();
        return HealthCheckResponse.named("outbox-retard").up()
                .withData("en-attente", enAttente)
                .withData("plus-ancien-s", plusAncien)
                .withData("en-retard", plusAncien > RETARD_S)
                .build();
    }
}
