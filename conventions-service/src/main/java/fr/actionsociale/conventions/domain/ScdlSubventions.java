package fr.actionsociale.conventions.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A funding convention as a row of the SCDL "subventions" open-data format (schema.data.gouv.fr,
 * scdl/subventions 2.1.1), which the attributing public bodies must publish.
 */
public final class ScdlSubventions {

    public static final List<String> COLONNES = List.of("nomAttribuant", "idAttribuant", "dateConvention", "referenceDecision",
            "nomBeneficiaire", "idBeneficiaire", "rnaBeneficiaire", "objet", "montant", "nature", "conditionsVersement",
            "datesPeriodeVersement", "idRAE", "notificationUE", "pourcentageSubvention", "dispositifAide");

    private ScdlSubventions() {
    }

    /**
     * @param attribuant the financing party, beneficiaire the porteur; both need a SIRET
     * @return the row, or empty when the convention cannot be published (no SIRET, not signed, no amount)
     */
    public static Optional<List<String>> ligne(Convention c, Institution attribuant, Institution beneficiaire, List<Echeance> versements) {
        if (c.type() != TypeConvention.FINANCEMENT || c.dateSignature() == null || c.montantTotal() == null
                || attribuant.siret() == null || beneficiaire.siret() == null) {
            return Optional.empty();
        }
        String reference = c.partie(attribuant.code()).map(Partie::deliberation).map(DeliberationCitee::numero).orElse(null);
        List<LocalDate> dates = new ArrayList<>(versements.stream().map(Echeance::dateDue).filter(d -> d != null).sorted().toList());
        String periode;
        if (versements.size() == 1 && dates.size() == 1) {
            periode = dates.get(0).toString();
        } else if (dates.size() == versements.size() && !dates.isEmpty()) {
            periode = dates.get(0) + "/" + dates.get(dates.size() - 1);
        } else {
            // some payment dates are not known yet: the convention's period
            periode = c.dateDebut() + "/" + c.dateFin();
        }
        String objet = c.objet().length() > 256 ? c.objet().substring(0, 255) + "…" : c.objet();
        return Optional.of(List.of(attribuant.nom(), attribuant.siret(), c.dateSignature().toString(),
                reference == null ? c.reference() : reference, beneficiaire.nom(), beneficiaire.siret(), "", objet,
                c.montantTotal().setScale(2).toPlainString(), "aide en numéraire", versements.size() > 1 ? "échelonné" : "unique",
                periode, "", "non", "1.00", ""));
    }

    /** RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
    public static String csv(List<String> champs) {
        return String.join(",", champs.stream().map(v -> v.contains(",") || v.contains("\"") || v.contains("\n")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v).toList());
    }
}
