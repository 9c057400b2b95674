package fr.actionsociale.referral.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The first invitation of the RSA path (seed 002 art. 1): its reminder, its daily pass and how its e-mails leave. */
@ConfigMapping(prefix = "referral.invitations")
public interface InvitationConfig {

    /** Days without an answer after which the daily pass sends one reminder, by the same channels. */
    @WithDefault("7")
    int relanceApresJours();

    /** When the daily pass runs (reminders, and invitations of people who got a channel since their right opened). */
    @WithDefault("0 15 6 * * ?")
    String cron();

    Courriel courriel();

    interface Courriel {

        /** Safety poll for e-mails waiting for the SMTP server: a commit that writes one wakes the sender at once. */
        @WithDefault("5s")
        Duration intervalle();

        /** Attempts before an e-mail is given up (the SMTP server refused it, or was unreachable, that many times). */
        @WithDefault("10")
        int tentatives();

        /** E-mails sent per transaction. */
        @WithDefault("50")
        int lot();
    }
}
