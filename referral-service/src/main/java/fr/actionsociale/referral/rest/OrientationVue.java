package fr.actionsociale.referral.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.actionsociale.referral.domain.Orientation;

@Schema(name = "Orientation")
public record OrientationVue(UUID id, String beneficiaire, String structure, String commune, String motif,
        List<String> droitsVises, String orientePar, String statut, Instant dateOrientation, String referent, String motifRefus,
        LocalDate accepteeLe, LocalDate clotureeLe, UUID precedente, long version) {

    static OrientationVue de(Orientation o) {
        return new OrientationVue(o.id(), o.beneficiaire(), o.structure(), o.commune(), o.motif(),
                o.droitsVises().stream().map(Enum::name).toList(), o.orientePar(), o.statut().name(), o.dateOrientation(),
                o.referent(), o.motifRefus(), o.accepteeLe(), o.clotureeLe(), o.precedenteId(), o.version());
    }
}
