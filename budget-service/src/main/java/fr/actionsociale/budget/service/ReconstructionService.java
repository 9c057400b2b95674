package fr.actionsociale.budget.service;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.Config;

import fr.actionsociale.commons.evenement.EvenementRecu;
import fr.actionsociale.commons.inbox.Inbox;
import fr.actionsociale.commons.inbox.Rejeu;
import fr.actionsociale.commons.probleme.ProblemeException;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Rebuilds the live indicators by replaying their topics from the beginning, in one transaction: the tables are emptied and
 * refilled, and readers see either the old counts or the new ones.
 */
@ApplicationScoped
public class ReconstructionService {

    public static final String CONSOMMATEUR_ORIENTATIONS = "indicateurs-orientations";
    public static final String CONSOMMATEUR_CORRECTIONS = "indicateurs-orientations-corrections";

    private final EntityManager em;
    private final Rejeu rejeu;
    private final Inbox inbox;
    private final List<Projection> projections;

    /**
     * One projection: the table it fills, the topic it is made from, the consumer name its inbox rows carry, its effect. A table
     * made from several topics is emptied before the first one only ({@code vider}).
     */
    record Projection(String table, String canal, String consommateur, Consumer<EvenementRecu> effet, boolean vider) {
        Projection(String table, String canal, String consommateur, Consumer<EvenementRecu> effet) {
            this(table, canal, consommateur, effet, true);
        }
    }

    ReconstructionService(EntityManager em, Rejeu rejeu, Inbox inbox, IndicateurOrientationService orientations, IndicateurReferralService referral,
            Config config) {
        this.em = em;
        this.rejeu = rejeu;
        this.inbox = inbox;
        this.projections = List.of(
                new Projection("orientation_comptee", topic(config, "orientation-faite"), CONSOMMATEUR_ORIENTATIONS, orientations::compter),
                // the corrections after the originals: a correction keeps the newest version, and one whose original is not in the
                // topic (parked) counts it, so that the counts come out corrected whatever the order
                new Projection("orientation_comptee", topic(config, "orientation-corrigee"), CONSOMMATEUR_CORRECTIONS, orientations::corriger, false),
                new Projection("droit_ouvert_compte", topic(config, "droit-ouvert"), "indicateurs-droits", referral::droitOuvert),
                new Projection("indicateur_parcours", topic(config, "indicateurs-parcours"), "indicateurs-parcours", referral::indicateursParcours));
    }

    private static String topic(Config config, String canal) {
        return config.getValue("mp.messaging.incoming." + canal + ".topic", String.class);
    }

    public record Resultat(String table, String topic, long avant, long evenementsLus, long appliques, long ignores, long apres) {
    }

    public record Reconstruction(List<Resultat> projections) {
    }

    /** Key of the advisory lock that lets one rebuild run at a time ("reconstr"). */
    private static final long VERROU = 0x7265636f6e737472L;

    /**
     * Hundreds of thousands of events take minutes: the transaction may last an hour (the default 60 s would abort it and
     * keep the old counts). A second rebuild asked meanwhile is refused rather than queued behind the first.
     */
    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public Reconstruction reconstruire() {
        if (!(Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, VERROU).getSingleResult()) {
            throw ProblemeException.conflit("Une reconstruction des indicateurs est déjà en cours ; réessayez quand elle sera terminée.");
        }
        // inbox first, then the counts: the live consumers take them in that order too, so they wait instead of deadlocking
        em.createNativeQuery("lock table inbox_evenement, " + String.join(", ", projections.stream().map(Projection::table).distinct().toList())
                + " in share row exclusive mode").executeUpdate();
        List<Resultat> resultats = new ArrayList<>();
        for (Projection p : projections) {
            long avant = compter(p.table());
            if (p.vider()) {
                em.createNativeQuery("delete from " + p.table()).executeUpdate();
            }
            em.createNativeQuery("delete from inbox_evenement where consommateur = ?1").setParameter(1, p.consommateur()).executeUpdate();
            AtomicLong appliques = new AtomicLong();
            long lus = rejeu.relire(p.canal(), lot -> lot.forEach(r -> {
                if (inbox.appliquerDansLaTransaction(p.consommateur(), r, p.effet())) {
                    appliques.incrementAndGet();
                }
            }));
            resultats.add(new Resultat(p.table(), p.canal(), avant, lus, appliques.get(), lus - appliques.get(), compter(p.table())));
        }
        return new Reconstruction(resultats);
    }

    private long compter(String table) {
        return ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue();
    }
}
