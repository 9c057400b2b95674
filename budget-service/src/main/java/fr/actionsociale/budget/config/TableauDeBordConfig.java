package fr.actionsociale.budget.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "budget.tableau-de-bord")
public interface TableauDeBordConfig {

    /** How often an open dashboard's data is re-read; a new snapshot is pushed only when it changed. */
    @WithDefault("1s")
    Duration rafraichissement();
}
