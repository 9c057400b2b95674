package fr.actionsociale.referral.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.actionsociale.referral.domain.Service;

@Schema(name = "Service", description = "Un service offert par une structure (schéma data·inclusion v1)")
public record ServiceVue(UUID id, String structure, String nom, String description, String type, List<String> thematiques, String frais,
        String fraisPrecisions, List<String> publics, String publicsPrecisions, String conditionsAcces, List<String> modesAccueil,
        List<String> modesMobilisation, List<String> mobilisablePar, String mobilisationPrecisions, List<String> zoneEligibilite, String telephone,
        String courriel, String lienMobilisation, String horairesAccueil, BigDecimal volumeHoraireHebdomadaire, Integer nombreSemaines,
        LocalDate dateMaj) {

    static ServiceVue de(Service s) {
        return new ServiceVue(s.id(), s.structure(), s.nom(), s.description(), s.type(), s.thematiques(), s.frais(), s.fraisPrecisions(), s.publics(),
                s.publicsPrecisions(), s.conditionsAcces(), s.modesAccueil(), s.modesMobilisation(), s.mobilisablePar(), s.mobilisationPrecisions(),
                s.zoneEligibilite(), s.telephone(), s.courriel(), s.lienMobilisation(), s.horairesAccueil(), s.volumeHoraireHebdomadaire(),
                s.nombreSemaines(), s.dateMaj());
    }
}
