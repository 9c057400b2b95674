package fr.actionsociale.commons.outbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.actionsociale.commons.jdbc.Copie;

/**
 * Records an event in the same transaction as the business change that causes it. Nothing is sent here:
 * {@link OutboxRelay} publishes the row once the transaction has committed, so an event exists if and
 * only if its change does.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final String prefixeTopics;
    private final Set<String> typesDeclares;

    Outbox(EntityManager em, ObjectMapper json, TransactionSynchronizationRegistry transactions, OutboxRelay relay,
            OutboxConfig config) {
        this.em = em;
        this.json = json;
        this.transactions = transactions;
        this.relay = relay;
        this.prefixeTopics = config.prefixeTopics().orElse("");
        this.typesDeclares = Set.copyOf(config.topics());
    }

    /** A type missing from {@code outbox.topics} is a programming error: its topic and ACLs would not exist in Kubernetes. */
    private void exigerDeclare(String type) {
        if (!typesDeclares.contains(type)) {
            throw new IllegalArgumentException("type d'événement absent de outbox.topics : " + type);
        }
    }

    /**
     * @param type the event type, which is also its topic (one topic per fact, after the environment's prefix)
     * @param cle the aggregate's id: record key (keeps one aggregate's events in order) and ce_subject
     * @param donnees the event's data; must hold no personal data
     * @return the event id (ce_id)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publier(String type, String cle, Object donnees) {
        exigerDeclare(type);
        UUID id = UUID.randomUUID();
        String corps;
        try {
            corps = json.writeValueAsString(donnees);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("données d'événement non sérialisables: " + type, e);
        }
        em.createNativeQuery("insert into outbox_evenement (id, topic, type, cle, donnees) values (?1, ?2, ?3, ?4, cast(?5 as jsonb))")
                .setParameter(1, id)
                .setParameter(2, prefixeTopics + type)
                .setParameter(3, type)
                .setParameter(4, cle)
                .setParameter(5, corps)
                .executeUpdate();
        reveillerApresCommit();
        return id;
    }

    /** One event of a batch: its type, key (aggregate id) and data. */
    public record Evenement(String type, String cle, Object donnees) {
    }

    /**
     * Many events in the caller's transaction, written with one COPY: for bulk imports, where one statement per event (and
     * Hibernate's flush before each) would cost more than the import itself.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publierEnLot(List<Evenement> evenements) {
        if (evenements.isEmpty()) {
            return;
        }
        em.flush();
        List<Object[]> lignes = new ArrayList<>(evenements.size());
        for (Evenement e : evenements) {
            exigerDeclare(e.type());
            try {
                lignes.add(new Object[] { UUID.randomUUID(), prefixeTopics + e.type(), e.type(), e.cle(), json.writeValueAsString(e.donnees()) });
            } catch (JsonProcessingException ex) {
                throw new IllegalArgumentException("données d'événement non sérialisables: " + e.type(), ex);
            }
        }
        em.unwrap(Session.class).doWork(connexion -> Copie.vers(connexion, "outbox_evenement (id, topic, type, cle, donnees)", lignes));
        reveillerApresCommit();
    }

    /** Wakes the relay as soon as the rows are visible, instead of waiting for its next poll. */
    private void reveillerApresCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.reveiller();
                }
            }
        });
    }
}
