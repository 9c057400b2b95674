package fr.actionsociale.commons.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "inbox")
public interface InboxConfig {

    /** Attempts of an event's effect before the record goes to the channel's dead-letter topic. */
    @WithDefault("3")
    int tentatives();

    /** Pause between attempts, multiplied by the attempt number. */
    @WithDefault("200ms")
    Duration attente();
}
