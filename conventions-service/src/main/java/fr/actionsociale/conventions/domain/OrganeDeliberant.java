package fr.actionsociale.conventions.domain;

/** The board that deliberates (seed 001: the Département's commission permanente). */
public enum OrganeDeliberant {
    CONSEIL_MUNICIPAL, CONSEIL_COMMUNAUTAIRE, CONSEIL_DEPARTEMENTAL, COMMISSION_PERMANENTE, CONSEIL_ADMINISTRATION;

    /** As a convention's text names it. */
    public String libelle() {
        return switch (this) {
            case CONSEIL_MUNICIPAL -> "Conseil municipal";
            case CONSEIL_COMMUNAUTAIRE -> "Conseil communautaire";
            case CONSEIL_DEPARTEMENTAL -> "Conseil départemental";
            case COMMISSION_PERMANENTE -> "Commission permanente";
            case CONSEIL_ADMINISTRATION -> "Conseil d'administration";
        };
    }
}
