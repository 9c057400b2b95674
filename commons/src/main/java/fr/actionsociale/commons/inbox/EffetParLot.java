package fr.actionsociale.commons.inbox;

import java.util.List;

import fr.actionsociale.commons.evenement.EvenementRecu;

/**
 * An effect applied a poll at a time with one statement per table (issue 18), instead of one statement per event: the same
 * code serves the live consumer ({@link Inbox#appliquerParLot}) and a replay that rebuilds the projection, so that both count
 * alike by construction.
 *
 * @param <T> what the effect keeps of one event
 */
public interface EffetParLot<T> {

    /**
     * Reads and checks one event before anything is written.
     *
     * @return what to write, or null when the event is applied with nothing to write
     * @throws EvenementInvalideException when the event is refused: parked by the live consumer, ignored by a replay
     */
    T lire(EvenementRecu evenement);

    /** Writes the values of the events applied for the first time, in their order, inside the caller's transaction. */
    void ecrire(List<T> valeurs);

    /** First thing of each of the live consumer's transactions, before its inbox rows (a lock shared with a rebuild's swap). */
    default void ouvrir() {
    }
}
