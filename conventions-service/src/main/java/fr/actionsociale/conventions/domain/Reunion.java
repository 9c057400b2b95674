package fr.actionsociale.conventions.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A meeting a governance body held. */
@Entity
@Table(name = "reunion")
public class Reunion {

    @Id
    private UUID id;
    @ManyToOne(optional = false)
    @JoinColumn(name = "instance_id")
    private InstanceGouvernance instance;
    private LocalDate date;
    private String objet;

    protected Reunion() {
    }

    Reunion(InstanceGouvernance instance, LocalDate date, String objet) {
        this.id = UUID.randomUUID();
        this.instance = instance;
        this.date = date;
        this.objet = objet;
    }

    public UUID id() {
        return id;
    }

    public InstanceGouvernance instance() {
        return instance;
    }

    public LocalDate date() {
        return date;
    }

    public String objet() {
        return objet;
    }
}
