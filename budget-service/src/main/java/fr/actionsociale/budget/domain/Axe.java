package fr.actionsociale.budget.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A section of a programme ("4.5. Insertion et parcours des allocataires du RSA", "Initiatives locales"). */
@Entity
@Table(name = "axe")
public class Axe {

    @Id
    private UUID id;
    @Column(name = "programme_id")
    private UUID programmeId;
    private String code;
    private String libelle;
    private int rang;

    protected Axe() {
    }

    public Axe(UUID programmeId, String code, String libelle, int rang) {
        this.id = UUID.randomUUID();
        this.programmeId = programmeId;
        this.code = code;
        this.libelle = libelle;
        this.rang = rang;
    }

    public void renommer(String libelle, int rang) {
        this.libelle = libelle;
        this.rang = rang;
    }

    public UUID id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String libelle() {
        return libelle;
    }

    public int rang() {
        return rang;
    }
}
