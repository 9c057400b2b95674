package fr.actionsociale.commons.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** The ce_source of every event this service emits. */
    @WithDefault("/${quarkus.application.name}")
    String source();

    /**
     * Prefix of every topic name ({@code suite.topics.prefix}): empty in production; {@code test.} in tests, so
     * that a test run on the suite's broker never feeds a running suite.
     */
    @WithName("topics-prefix")
    @WithDefault("${suite.topics.prefix:}")
    java.util.Optional<String> prefixeTopics();

    /**
     * The event types this service publishes, each its own topic. Declared so that the Kubernetes manifests can be checked
     * against them (a {@code KafkaTopic} each, the service's write ACLs); the outbox refuses any other type.
     */
    java.util.List<String> topics();

    Relay relay();

    interface Relay {
        /** Off only to prove that commits made while nothing relays are published after a restart. */
        @WithDefault("true")
        boolean enabled();

        /** Safety poll: a commit wakes the relay at once; this catches rows committed by another instance. */
        @WithDefault("500ms")
        Duration interval();

        @WithDefault("500")
        int batchSize();

        /**
         * Pause after a wake-up before reading the pending rows: under load, one relay cycle then carries the
         * events of many commits instead of one (fewer round trips and Kafka flushes) for a few ms of latency.
         */
        @WithDefault("5ms")
        Duration linger();

        /** Published rows are kept this long (replay, audit) and then purged. */
        @WithDefault("P7D")
        Duration retention();

        /**
         * Longest wait after a failed publication (broker down) before the next attempt: the waits start at
         * {@link #backoffInitial()} and double up to this, so that the relay is back within about this long after the
         * broker is.
         */
        @WithDefault("1s")
        Duration backoff();

        /** First wait after a failed publication. */
        @WithName("backoff-initial")
        @WithDefault("100ms")
        Duration backoffInitial();
    }
}
