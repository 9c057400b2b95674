package fr.actionsociale.budget.domain.rapport;

/** Seed 002, art. 3.2: "un bilan intermédiaire au titre de l'année 2023 [...] un bilan final". */
public enum TypeRapport {
    INTERMEDIAIRE("Bilan intermédiaire"),
    FINAL("Bilan final d'exécution");

    private final String libelle;

    TypeRapport(String libelle) {
        this.libelle = libelle;
    }

    public String libelle() {
        return libelle;
    }
}
