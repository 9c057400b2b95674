package fr.actionsociale.referral;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.inject.Singleton;

import fr.actionsociale.commons.temps.Horloges;

/**
 * The tests' clock, in place of commons' default one: the system's time in Paris until a test fixes it, and again once
 * it lets it go ({@link #liberer} in a finally).
 */
@Singleton
public class HorlogeReglable extends Clock {

    private volatile Instant fixe;

    public void fixer(Instant instant) {
        fixe = instant;
    }

    public void liberer() {
        fixe = null;
    }

    @Override
    public ZoneId getZone() {
        return Horloges.PARIS;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.system(zone);
    }

    @Override
    public Instant instant() {
        Instant f = fixe;
        return f != null ? f : Instant.now();
    }
}
