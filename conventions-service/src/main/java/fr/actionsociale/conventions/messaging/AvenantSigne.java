package fr.actionsociale.conventions.messaging;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import fr.actionsociale.conventions.domain.Avenant;

/** Data of the {@code avenant-signe} event (schema: /schemas/avenant-signe.json). */
public record AvenantSigne(UUID conventionId, String reference, int numero, String objet, LocalDate enVigueurLe,
        LocalDate nouvelleDateFin, String nouveauMontantTotal, Integer nouveauPreavisMois, List<String> partiesAjoutees,
        List<String> partiesRetirees, int version) {

    public static final String TYPE = "avenant-signe";

    public static AvenantSigne de(Avenant a, String reference, int version) {
        return new AvenantSigne(a.conventionId(), reference, a.numero(), a.objet(), a.enVigueurLe(), a.nouvelleDateFin(),
                a.nouveauMontantTotal() == null ? null : a.nouveauMontantTotal().setScale(2).toPlainString(), a.nouveauPreavisMois(),
                a.partiesAjoutees().stream().map(Avenant.PartieAjoutee::institution).toList(), a.partiesRetirees(), version);
    }
}
