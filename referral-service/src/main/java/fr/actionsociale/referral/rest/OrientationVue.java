package fr.actionsociale.referral.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.actionsociale.referral.domain.Orientation;

@Schema(name = "Orientation")
public record OrientationVue(UUID id, String beneficiaire, String structure, String commune, String motif,
        List<String> droitsVises, String orientePar, String statut,
        @Schema(description = "Quand l'orientation a été faite (le début du jour donné quand elle est saisie plus tard)") Instant dateOrientation,
        @Schema(description = "Le jour où elle a été faite, dans le calendrier des institutions") LocalDate date,
        @Schema(description = "Quand elle a été enregistrée") Instant enregistreeLe,
        String referent, String motifRefus, LocalDate accepteeLe, LocalDate clotureeLe, UUID precedente, long version,
        @Schema(description = "Le service de la structure vers lequel elle oriente, s'il a été nommé") UUID service) {

    static OrientationVue de(Orientation o) {
        return new OrientationVue(o.id(), o.beneficiaire(), o.structure(), o.commune(), o.motif(),
                o.droitsVises().stream().map(Enum::name).toList(), o.orientePar(), o.statut().name(), o.dateOrientation(), o.jour(),
                o.enregistreeLe(), o.referent(), o.motifRefus(), o.accepteeLe(), o.clotureeLe(), o.precedenteId(), o.version(), o.serviceId());
    }
}
