package fr.actionsociale.conventions.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The convention as it read from a date: version 1 at entry into force, one more per avenant in force. */
@Entity
@Table(name = "convention_version")
@IdClass(ConventionVersion.Cle.class)
public class ConventionVersion {

    public record Cle(UUID conventionId, int numero) implements Serializable {
        public Cle() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "convention_id")
    private UUID conventionId;
    @Id
    private int numero;
    private LocalDate depuis;
    @Column(name = "avenant_numero")
    private Integer avenantNumero;
    private String contenu;

    protected ConventionVersion() {
    }

    public ConventionVersion(UUID conventionId, int numero, LocalDate depuis, Integer avenantNumero, String contenu) {
        this.conventionId = conventionId;
        this.numero = numero;
        this.depuis = depuis;
        this.avenantNumero = avenantNumero;
        this.contenu = contenu;
    }

    public int numero() {
        return numero;
    }

    public LocalDate depuis() {
        return depuis;
    }

    public Integer avenantNumero() {
        return avenantNumero;
    }

    public String contenu() {
        return contenu;
    }
}
