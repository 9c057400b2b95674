package fr.actionsociale.referral.config;

import java.util.Map;

import io.smallrye.config.ConfigMapping;

/**
 * The RDV-Insertion organisations whose webhooks this service accepts, by the id in their endpoint's URL
 * ({@code POST /rdv-insertion/webhooks/{organisation}}): the secret shared with that endpoint (HMAC signature) and the suite's
 * structure whose agents see what could not be applied. In production the secret comes from the environment (a Kubernetes
 * Secret), e.g. {@code RDV_INSERTION_ORGANISATIONS__42__SECRET}; never in a file.
 */
@ConfigMapping(prefix = "rdv-insertion")
public interface RdvInsertionConfig {

    Map<String, Organisation> organisations();

    interface Organisation {

        /** The endpoint's shared secret: HMAC-SHA256 key of X-RDVI-SIGNATURE. */
        String secret();

        /** The suite's structure (its code) that follows this organisation's people. */
        String structure();
    }
}
