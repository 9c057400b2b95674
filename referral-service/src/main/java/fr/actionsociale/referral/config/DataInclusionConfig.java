package fr.actionsociale.referral.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How this suite signs what it publishes to data·inclusion. */
@ConfigMapping(prefix = "referral.data-inclusion")
public interface DataInclusionConfig {

    /** data·inclusion's "source": the producer's identifier, also the prefix of every published id ("<source>--<code>"). */
    @WithDefault("action-sociale-pays-de-redon")
    String source();
}
