package fr.actionsociale.budget.service;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import fr.actionsociale.commons.inbox.Inbox;
import fr.actionsociale.commons.inbox.Rejeu;

/**
 * Rebuilds the live indicators by replaying orientation-faite from the beginning of the topic, in one transaction: the tables are
 * emptied and refilled, and readers see either the old counts or the new ones.
 */
@ApplicationScoped
public class ReconstructionService {

    public static final String CONSOMMATEUR_ORIENTATIONS = "indicateurs-orientations";

    private final EntityManager em;
    private final Rejeu rejeu;
    private final Inbox inbox;
    private final IndicateurOrientationService orientations;
    private final String topic;

    ReconstructionService(EntityManager em, Rejeu rejeu, Inbox inbox, IndicateurOrientationService orientations,
            @ConfigProperty(name = "mp.messaging.incoming.orientation-faite.topic") String topic) {
        this.em = em;
        this.rejeu = rejeu;
        this.inbox = inbox;
        this.orientations = orientations;
        this.topic = topic;
    }

    public record Reconstruction(String topic, long avant, long evenementsLus, long appliques, long ignores, long apres) {
    }

    @Transactional
    public Reconstruction orientations() {
        // inbox first, then the counts: the live consumer takes them in that order too, so it waits instead of deadlocking
        em.createNativeQuery("lock table inbox_evenement, orientation_comptee in share row exclusive mode").executeUpdate();
        long avant = compter();
        em.createNativeQuery("delete from orientation_comptee").executeUpdate();
        em.createNativeQuery("delete from inbox_evenement where consommateur = ?1").setParameter(1, CONSOMMATEUR_ORIENTATIONS).executeUpdate();
        AtomicLong appliques = new AtomicLong();
        long lus = rejeu.relire(topic, lot -> lot.forEach(r -> {
            if (inbox.appliquerDansLaTransaction(CONSOMMATEUR_ORIENTATIONS, r, orientations::compter)) {
                appliques.incrementAndGet();
            }
        }));
        return new Reconstruction(topic, avant, lus, appliques.get(), lus - appliques.get(), compter());
    }

    private long compter() {
        return ((Number) em.createNativeQuery("select count(*) from orientation_comptee").getSingleResult()).longValue();
    }
}
