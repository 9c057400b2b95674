package fr.actionsociale.referral.config;

import java.time.Period;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long a person's identity is kept without activity, and when the job that erases it runs. */
@ConfigMapping(prefix = "referral.retention")
public interface RetentionConfig {

    /** CNIL référentiels 2021-028 (social action) and 2023-095 (RSA): two years after the last activity. */
    @WithDefault("P2Y")
    Period duree();

    /** Persons anonymised per transaction. */
    @WithDefault("500")
    int lot();
}
