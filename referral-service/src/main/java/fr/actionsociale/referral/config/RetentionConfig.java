package fr.actionsociale.referral.config;

import java.time.Duration;
import java.time.Period;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** How long a person's identity is kept without activity, and how the job that erases it works through the people. */
@ConfigMapping(prefix = "referral.retention")
public interface RetentionConfig {

    /** CNIL référentiels 2021-028 (social action) and 2023-095 (RSA): two years after the last activity. */
    @WithDefault("P2Y")
    Period duree();

    /**
     * People examined per lot, each lot its own transaction: bounds every statement (well under any statement or transaction
     * timeout) whatever the number of people, expired or not.
     */
    @WithDefault("1000")
    int lot();

    /** How long a replica holds a run it works on, renewed at each lot: a crashed replica's run is resumed once it expires. */
    @WithDefault("2m")
    Duration bail();

    /** How often each replica looks for a run nobody works on (lease expired, failed lot's pause over) to resume it. */
    @WithDefault("1m")
    Duration reprise();

    /** Wait after a failed lot before the run is resumed from its last committed lot. */
    @WithDefault("30s")
    Duration pauseApresEchec();

    /** Failed lots after which the run is given up (ECHOUEE); the next run starts where the anonymised people end. */
    @WithDefault("5")
    int echecsMax();

    /**
     * Test-only fault: the lot that follows this many committed lots fails once, after its writes and before its commit, as a
     * crash inside a lot would. Never set outside tests.
     */
    @WithName("test.echec-apres-lots")
    Optional<Integer> echecApresLots();
}
