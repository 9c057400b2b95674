package fr.actionsociale.referral.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import fr.actionsociale.commons.jdbc.ListeTexte;
import fr.actionsociale.commons.domaine.RegleMetierException;

/**
 * One rule of automatic orientation, as data (seed 003: under 26 to a Mission locale; others to CDAS/CCAS or France Travail by
 * stated criteria; the rest to a diagnostic interview). Rules are tried by rank; the first that matches decides.
 */
@Entity
@Table(name = "regle_orientation")
public class RegleOrientation {

    @Id
    private UUID id;
    private int rang;
    private String libelle;
    @Column(name = "age_min")
    private Integer ageMin;
    @Column(name = "age_max")
    private Integer ageMax;
    private String foyers;
    private String communes;
    @Enumerated(EnumType.STRING)
    @Column(name = "type_structure")
    private TypeStructure typeStructure;
    private String structure;
    private boolean active;
    @Column(name = "cree_par")
    private String creePar;

    protected RegleOrientation() {
    }

    public RegleOrientation(int rang, String libelle, Integer ageMin, Integer ageMax, List<String> foyers, List<String> communes,
            TypeStructure typeStructure, String structure, String creePar) {
        if (ageMin != null && ageMax != null && ageMin > ageMax) {
            throw new RegleMetierException("ageMax", "doit être supérieur ou égal à ageMin");
        }
        this.id = UUID.randomUUID();
        this.rang = rang;
        this.libelle = libelle;
        this.ageMin = ageMin;
        this.ageMax = ageMax;
        this.foyers = ListeTexte.ecrire(foyers);
        this.communes = ListeTexte.ecrire(communes);
        this.typeStructure = typeStructure;
        this.structure = structure;
        this.active = true;
        this.creePar = creePar;
    }

    /**
     * @param age null when unknown: a rule on age does not match an unknown age
     * @return why the rule matches (its criteria, each with the person's value), or empty when it does not
     */
    public Optional<String> correspond(Integer age, String foyer, String commune) {
        List<String> raisons = new ArrayList<>();
        if (ageMin != null || ageMax != null) {
            if (age == null || (ageMin != null && age < ageMin) || (ageMax != null && age > ageMax)) {
                return Optional.empty();
            }
            raisons.add("âge " + age + " ans" + (ageMin != null ? " ≥ " + ageMin : "") + (ageMax != null ? " ≤ " + ageMax : ""));
        }
        if (!foyers.isEmpty()) {
            if (foyer == null || !foyers().contains(foyer)) {
                return Optional.empty();
            }
            raisons.add("foyer « " + foyer + " »");
        }
        if (!communes.isEmpty()) {
            if (!communes().contains(commune)) {
                return Optional.empty();
            }
            raisons.add("commune " + commune);
        }
        return Optional.of("Règle " + rang + " « " + libelle + " » : " + (raisons.isEmpty() ? "règle par défaut" : String.join(", ", raisons)));
    }

    public void desactiver() {
        active = false;
    }

    public UUID id() {
        return id;
    }

    public int rang() {
        return rang;
    }

    public String libelle() {
        return libelle;
    }

    public Integer ageMin() {
        return ageMin;
    }

    public Integer ageMax() {
        return ageMax;
    }

    public List<String> foyers() {
        return ListeTexte.lire(foyers);
    }

    public List<String> communes() {
        return ListeTexte.lire(communes);
    }

    public TypeStructure typeStructure() {
        return typeStructure;
    }

    public String structure() {
        return structure;
    }

    public boolean active() {
        return active;
    }
}
