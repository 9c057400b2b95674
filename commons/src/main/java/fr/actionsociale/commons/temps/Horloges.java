package fr.actionsociale.commons.temps;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.quarkus.arc.DefaultBean;

/**
 * The suite's time, one bean for every service: the system clock read in Paris, where the institutions' calendar runs
 * (a deadline, a month of indicators, "today" are Paris dates). A test replaces the bean to fix the date.
 */
public class Horloges {

    /** The institutions' time zone. */
    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Produces
    @Singleton
    @DefaultBean
    Clock horloge() {
        return Clock.system(PARIS);
    }
}
