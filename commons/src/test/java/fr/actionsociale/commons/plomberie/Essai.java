package fr.actionsociale.commons.plomberie;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What the test application creates: a row written in the same transaction as its event and its idempotency key. */
@Entity
@Table(name = "essai")
public class Essai {

    @Id
    UUID id;

    String nom;

    protected Essai() {
    }

    Essai(UUID id, String nom) {
        this.id = id;
        this.nom = nom;
    }
}
