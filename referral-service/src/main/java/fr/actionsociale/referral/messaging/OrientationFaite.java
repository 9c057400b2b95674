package fr.actionsociale.referral.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.actionsociale.referral.domain.Orientation;

/**
 * Data of the {@code orientation-faite} event (schema: /schemas/orientation-faite.json). The motive is
 * free text an agent typed and may name people: it stays in this service.
 */
public record OrientationFaite(UUID orientationId, String beneficiaire, String structure, String commune,
        List<String> droitsVises, String orientePar, Instant dateOrientation, String statut) {

    public static final String TYPE = "orientation-faite";

    public static OrientationFaite de(Orientation o) {
        return new OrientationFaite(o.id(), o.beneficiaire(), o.structure(), o.commune(),
                o.droitsVises().stream().map(Enum::name).toList(), o.orientePar(), o.dateOrientation(), o.statut().name());
    }
}
