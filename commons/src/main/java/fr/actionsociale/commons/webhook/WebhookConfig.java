package fr.actionsociale.commons.webhook;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Outgoing webhooks: retries, suspension and the sender's pace. Active only in the services built with
 * {@code suite.webhooks.enabled=true} (the beans and the resource are left out of the others at build time).
 */
@ConfigMapping(prefix = "webhooks")
public interface WebhookConfig {

    /** Delay before the second attempt; each next one is {@link #facteur()} times longer, with jitter. */
    @WithDefault("10s")
    Duration premierDelai();

    @WithDefault("2.0")
    double facteur();

    /** No wait between two attempts is longer than this. */
    @WithDefault("PT6H")
    Duration delaiMax();

    /** ± this share of each delay, so that failed deliveries to one receiver do not all come back together. */
    @WithDefault("0.2")
    double gigue();

    /** A delivery still failing after this many attempts, or this old, is abandoned (a resumption re-arms it). */
    @WithDefault("15")
    int essaisMax();

    @WithDefault("P3D")
    Duration ageMax();

    /** Consecutive failed attempts of one subscription (any delivery) before it is suspended and its contact told. */
    @WithDefault("10")
    int echecsAvantSuspension();

    /** After an e-mail to a suspended subscription's contact failed (SMTP down or slow), when to try again. */
    @WithDefault("60s")
    Duration nouvelAvisApres();

    /** How long a sender holds the deliveries it took: a sender that dies leaves them to another after that. */
    @WithDefault("60s")
    Duration bail();

    /** Poll of the fan-out and of due deliveries (a commit that wrote outbox rows wakes them at once). */
    @WithDefault("1s")
    Duration intervalle();

    @WithDefault("100")
    int lot();

    @WithDefault("5s")
    Duration delaiConnexion();

    @WithDefault("10s")
    Duration delaiReponse();

    /** Plain HTTP and loopback receivers: true in %dev and %test only (a receiver on 127.0.0.1). */
    @WithDefault("false")
    boolean adressesLocalesPermises();

    /** Off only to prove that what is committed while nothing sends is delivered once the sender is back. */
    @WithDefault("true")
    boolean actif();
}
