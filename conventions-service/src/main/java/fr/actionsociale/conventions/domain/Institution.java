package fr.actionsociale.conventions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import fr.actionsociale.commons.domaine.RegleMetierException;

/** A partner institution, known across the suite by its stable code ({@code cpam-35}). */
@Entity
@Table(name = "institution")
public class Institution {

    @Id
    private String code;
    private String nom;
    @Enumerated(EnumType.STRING)
    private TypeInstitution type;
    private String siret;
    private String adresse;
    @Column(name = "code_insee")
    private String codeInsee;
    private Integer population;
    @Column(name = "population_annee")
    private Integer populationAnnee;
    @Version
    private long version;

    protected Institution() {
    }

    public static Institution enregistrer(String code, String nom, TypeInstitution type, String siret, String adresse,
            String codeInsee, Integer population, Integer populationAnnee) {
        if (siret != null && !Siret.valide(siret)) {
            throw new RegleMetierException("siret", "doit compter 14 chiffres dont la clé de contrôle (Luhn) est juste");
        }
        if (type == TypeInstitution.COMMUNE && codeInsee == null) {
            throw new RegleMetierException("codeInsee", "est obligatoire pour une commune");
        }
        if ((population == null) != (populationAnnee == null)) {
            throw new RegleMetierException(population == null ? "population" : "populationAnnee",
                    "une population INSEE va avec son millésime (population et populationAnnee ensemble)");
        }
        Institution i = new Institution();
        i.code = code;
        i.nom = nom;
        i.type = type;
        i.siret = siret;
        i.adresse = adresse;
        i.codeInsee = codeInsee;
        i.population = population;
        i.populationAnnee = populationAnnee;
        return i;
    }

    public String code() {
        return code;
    }

    public String nom() {
        return nom;
    }

    public TypeInstitution type() {
        return type;
    }

    public String siret() {
        return siret;
    }

    public String adresse() {
        return adresse;
    }

    public String codeInsee() {
        return codeInsee;
    }

    public Integer population() {
        return population;
    }

    public Integer populationAnnee() {
        return populationAnnee;
    }

    public long version() {
        return version;
    }
}
