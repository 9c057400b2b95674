package fr.actionsociale.conventions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The pack of a governance body's meeting. */
@ConfigMapping(prefix = "conventions.dossier-comite")
public interface DossierComiteConfig {

    /** A deadline due within this many days of the meeting is listed as close (the committee can still act on it). */
    @WithDefault("60")
    int joursProches();
}
