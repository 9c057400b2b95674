package fr.actionsociale.referral.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import fr.actionsociale.commons.domaine.EtatInvalideException;
import fr.actionsociale.commons.domaine.RegleMetierException;

/**
 * The person agreed to be contacted through a channel (an e-mail is sent only with it). Apart from the consent to share
 * with institutions: one says who may read, this one how we may write.
 */
@Entity
@Table(name = "consentement_canal")
public class ConsentementCanal {

    @Id
    private UUID id;
    @Column(name = "beneficiaire_id")
    private UUID beneficiaireId;
    @Enumerated(EnumType.STRING)
    private CanalContact canal;
    @Column(name = "donne_le")
    private LocalDate donneLe;
    @Column(name = "retire_le")
    private LocalDate retireLe;

    protected ConsentementCanal() {
    }

    public ConsentementCanal(UUID beneficiaireId, CanalContact canal) {
        this.id = UUID.randomUUID();
        this.beneficiaireId = beneficiaireId;
        this.canal = canal;
    }

    public void donner(LocalDate le, LocalDate aujourdHui) {
        if (le.isAfter(aujourdHui)) {
            throw new RegleMetierException("date", "ne peut pas être dans le futur");
        }
        donneLe = le;
        retireLe = null;
    }

    public void retirer(LocalDate le, LocalDate aujourdHui) {
        if (!actif()) {
            throw new EtatInvalideException("Aucun consentement en cours au canal " + canal + " à retirer.");
        }
        if (le.isAfter(aujourdHui) || le.isBefore(donneLe)) {
            throw new RegleMetierException("date", "doit être entre le consentement (" + donneLe + ") et aujourd'hui");
        }
        retireLe = le;
    }

    public boolean actif() {
        return donneLe != null && retireLe == null;
    }

    public UUID beneficiaireId() {
        return beneficiaireId;
    }

    public CanalContact canal() {
        return canal;
    }

    public LocalDate donneLe() {
        return donneLe;
    }

    public LocalDate retireLe() {
        return retireLe;
    }
}
