package fr.actionsociale.referral.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import fr.actionsociale.referral.domain.Orientation;

/**
 * Data of the {@code orientation-corrigee} event (schema: /schemas/orientation-corrigee.json): the orientation's public data as
 * orientation-faite carries them, with the corrected date, the date it replaces and the orientation's version, so that a consumer
 * keeps the newest whatever the order of arrival. The correction's motive is free text: it stays in this service.
 */
public record OrientationCorrigee(UUID orientationId, String beneficiaire, String structure, String commune, List<String> droitsVises,
        String orientePar, Instant dateOrientation, String statut, Instant ancienneDateOrientation, long version) {

    public static final String TYPE = "orientation-corrigee";

    public static OrientationCorrigee de(Orientation o, Instant ancienneDate) {
        return new OrientationCorrigee(o.id(), o.beneficiaire(), o.structure(), o.commune(), o.droitsVises().stream().map(Enum::name).toList(),
                o.orientePar(), o.dateOrientation(), o.statut().name(), ancienneDate, o.version());
    }
}
