package fr.actionsociale.budget.service;

import java.sql.PreparedStatement;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import fr.actionsociale.commons.inbox.EffetParLot;

/**
 * A live indicator made from one topic: the table it fills and the set-based write of a poll's events into it, or into the
 * rebuild's copy of that table ({@link ReconstructionService}). The live consumer and the rebuild run the same {@link #lire}
 * and {@link #ecrire(List, String)}, so that their counts agree by construction.
 */
public abstract class ProjectionIndicateur<T> implements EffetParLot<T> {

    /**
     * Key of the advisory lock between the live consumers and a rebuild's swap ("indicatr"): each live transaction takes it
     * shared for its poll (so the consumers never wait for one another), the swap takes it exclusive for its short transaction.
     */
    static final long VERROU = 0x696e646963617472L;

    protected final EntityManager em;
    private final String table;
    private final String canal;
    private final String consommateur;

    protected ProjectionIndicateur(EntityManager em, String table, String canal, String consommateur) {
        this.em = em;
        this.table = table;
        this.canal = canal;
        this.consommateur = consommateur;
    }

    public String table() {
        return table;
    }

    /** The incoming channel, whose topic the rebuild replays. */
    public String canal() {
        return canal;
    }

    /** The name its inbox rows carry. */
    public String consommateur() {
        return consommateur;
    }

    @Override
    public void ouvrir() {
        executer(em, "select pg_advisory_xact_lock_shared(" + VERROU + ")");
    }

    @Override
    public void ecrire(List<T> valeurs) {
        ecrire(valeurs, table);
    }

    /** One statement for the whole list, into {@code cible} (the live table or the rebuild's copy). */
    public abstract void ecrire(List<T> valeurs, String cible);

    static void executer(EntityManager em, String sql) {
        em.unwrap(Session.class).doWork(c -> {
            try (var s = c.createStatement()) {
                s.execute(sql);
            }
        });
    }

    /** Runs one statement whose parameters are text arrays, one per column (unnest), on the transaction's connection. */
    protected void executerColonnes(String sql, Object[][] colonnes) {
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < colonnes.length; i++) {
                    ps.setArray(i + 1, c.createArrayOf("text", colonnes[i]));
                }
                ps.executeUpdate();
            }
        });
    }
}
