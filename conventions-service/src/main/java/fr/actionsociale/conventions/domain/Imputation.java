package fr.actionsociale.conventions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Where the State's expense is charged (seed 002's cover page and article 6): programme, centre financier, activity,
 * the engagement juridique number, the ordonnateur and the comptable assignataire.
 */
@Embeddable
public record Imputation(
        @Column(name = "imputation_programme") String programme,
        @Column(name = "imputation_centre_financier") String centreFinancier,
        @Column(name = "imputation_activite") String activite,
        @Column(name = "imputation_numero_ej") String numeroEJ,
        @Column(name = "imputation_ordonnateur") String ordonnateur,
        @Column(name = "imputation_comptable") String comptableAssignataire) {

    /** What a payment order needs and the convention does not say. */
    public java.util.List<String> manques() {
        java.util.List<String> m = new java.util.ArrayList<>();
        if (numeroEJ == null) {
            m.add("numéro d'engagement juridique (EJ)");
        }
        if (programme == null) {
            m.add("programme");
        }
        if (ordonnateur == null) {
            m.add("ordonnateur");
        }
        if (comptableAssignataire == null) {
            m.add("comptable assignataire");
        }
        return m;
    }
}
