package fr.actionsociale.referral.service;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.actionsociale.commons.outbox.Outbox;
import fr.actionsociale.referral.domain.DroitVise;
import fr.actionsociale.referral.domain.Orientation;
import fr.actionsociale.referral.messaging.OrientationFaite;
import io.micrometer.core.instrument.MeterRegistry;

@ApplicationScoped
public class OrientationService {

    private final EntityManager em;
    private final Outbox outbox;
    private final MeterRegistry metriques;
    private final Clock horloge = Clock.systemUTC();

    OrientationService(EntityManager em, Outbox outbox, MeterRegistry metriques) {
        this.em = em;
        this.outbox = outbox;
        this.metriques = metriques;
    }

    /** Records the orientation and its {@code orientation-faite} event in one transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Orientation orienter(String beneficiaire, String structure, String commune, String motif, Set<DroitVise> droitsVises,
            String orientePar) {
        Orientation o = Orientation.proposer(beneficiaire, structure, commune, motif,
                droitsVises.isEmpty() ? EnumSet.noneOf(DroitVise.class) : EnumSet.copyOf(droitsVises), orientePar,
                Instant.now(horloge));
        em.persist(o);
        outbox.publier(OrientationFaite.TYPE, o.id().toString(), OrientationFaite.de(o));
        metriques.counter("referral.orientations", "structure", structure).increment();
        return o;
    }

    public Orientation trouver(UUID id) {
        return em.find(Orientation.class, id);
    }
}
