package fr.actionsociale.referral.domain;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import fr.actionsociale.commons.jdbc.ListeTexte;

/** A structure people can be oriented to, with the communes it covers and its privileged contact (seed 001). */
@Entity
@Table(name = "structure")
public class Structure {

    @Id
    private String code;
    private String nom;
    @Enumerated(EnumType.STRING)
    private TypeStructure type;
    private String communes;
    @Column(name = "contact_privilegie")
    private String contactPrivilegie;

    protected Structure() {
    }

    public Structure(String code, String nom, TypeStructure type, List<String> communes, String contactPrivilegie) {
        this.code = code;
        this.nom = nom;
        this.type = type;
        this.communes = ListeTexte.ecrire(communes);
        this.contactPrivilegie = contactPrivilegie;
    }

    public boolean couvre(String commune) {
        return communes().isEmpty() || communes().contains(commune);
    }

    public String code() {
        return code;
    }

    public String nom() {
        return nom;
    }

    public TypeStructure type() {
        return type;
    }

    public List<String> communes() {
        return ListeTexte.lire(communes);
    }

    public String contactPrivilegie() {
        return contactPrivilegie;
    }
}
