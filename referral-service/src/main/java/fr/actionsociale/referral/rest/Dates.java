package fr.actionsociale.referral.rest;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.inject.spi.CDI;

/** A fact's date as a request gives it: the day it happened, today (in the institutions' calendar) when the request says nothing. */
final class Dates {

    private Dates() {
    }

    static LocalDate ouAujourdHui(LocalDate date) {
        return date != null ? date : LocalDate.now(CDI.current().select(Clock.class).get());
    }
}
