package fr.actionsociale.budget.domain;

/** The kinds of expense seed 002's article 4.2 distinguishes, each with the reason it is refused when a programme excludes it. */
public enum CategorieDepense {
    PERSONNEL_ACCOMPAGNEMENT("renfort de moyens en ETP d'accompagnement", null),
    PERSONNEL_INGENIERIE("ingénierie de projet (chefferie de projet, déploiement numérique, coordination)", null),
    SOLUTION_EXTERNALISEE("solution locale externalisée d'accompagnement", null),
    DEVELOPPEMENT_INFORMATIQUE("développement informatique répondant aux besoins du projet", null),
    SUBVENTION_PARTENAIRE("participation versée à un partenaire", null),
    FRAIS_GENERAUX("frais généraux", "les frais généraux (fournitures, reprographie, locations de salles, équipement…) ne sont pas éligibles"),
    FRAIS_MISSION("frais de mission", "les frais de mission (déplacements, hébergement, restauration du personnel) ne sont pas éligibles"),
    PRESTATION_EVALUATION("prestation d'évaluation", "le recours à des prestations d'évaluation n'est pas éligible"),
    PRESTATION_FORMATION("prestation de formation", "le recours à des prestations de formation n'est pas éligible"),
    PRESTATION_GESTION_PROJET("prestation de gestion de projet", "le recours à des prestations de gestion de projet n'est pas éligible"),
    INVESTISSEMENT("investissement (hors développements informatiques)",
            "les dépenses d'investissement, hors développements informatiques répondant aux besoins du projet, sont exclues"),
    LOGICIEL_CONCURRENT("acquisition d'un logiciel concurrent des outils de l'État",
            "l'acquisition d'une solution logicielle de cartographie, de suivi de parcours ou de prise de rendez-vous concurrente des outils "
                    + "de la Plateforme de l'inclusion n'est pas financée");

    private final String libelle;
    private final String motifExclusion;

    CategorieDepense(String libelle, String motifExclusion) {
        this.libelle = libelle;
        this.motifExclusion = motifExclusion;
    }

    public String libelle() {
        return libelle;
    }

    /** Why a programme that excludes this category refuses it; null for the categories no rule of seed 002 excludes. */
    public String motifExclusion() {
        return motifExclusion;
    }
}
