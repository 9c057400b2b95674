package fr.actionsociale.referral.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One letter or one e-mail of an invitation or of its reminder. A letter belongs to its structure's batch of that day (the
 * structure prints the batch); an e-mail waits until the SMTP server has taken it, which happens after the commit.
 */
@Entity
@Table(name = "envoi_invitation")
public class EnvoiInvitation {

    public enum Statut {
        EN_ATTENTE, ENVOYE, ABANDONNE
    }

    @Id
    private UUID id;
    @Column(name = "invitation_id")
    private UUID invitationId;
    @Enumerated(EnumType.STRING)
    private CanalContact canal;
    private boolean relance;
    @Column(name = "date_envoi")
    private LocalDate dateEnvoi;
    private String structure;
    @Column(name = "cree_le")
    private OffsetDateTime creeLe;
    @Column(name = "envoye_le")
    private OffsetDateTime envoyeLe;
    private int tentatives;
    @Column(name = "prochaine_tentative")
    private OffsetDateTime prochaineTentative;
    @Column(name = "derniere_erreur")
    private String derniereErreur;
    @Column(name = "abandonne_le")
    private OffsetDateTime abandonneLe;

    protected EnvoiInvitation() {
    }

    /** A letter is in its batch as soon as it is written; an e-mail waits for the SMTP server. */
    public EnvoiInvitation(Invitation i, CanalContact canal, boolean relance, LocalDate le, OffsetDateTime maintenant) {
        this.id = UUID.randomUUID();
        this.invitationId = i.id();
        this.canal = canal;
        this.relance = relance;
        this.dateEnvoi = le;
        this.structure = i.structure();
        this.creeLe = maintenant;
        this.envoyeLe = canal == CanalContact.COURRIER ? maintenant : null;
    }

    public void envoye(OffsetDateTime le) {
        envoyeLe = le;
        prochaineTentative = null;
    }

    /**
     * A failed attempt: the next one waits longer each time (30 s, 1 min, 2 min... up to an hour); after {@code maximum}
     * attempts the e-mail is given up (the letter, if any, went anyway).
     */
    public void echec(String erreur, OffsetDateTime maintenant, int maximum) {
        tentatives++;
        derniereErreur = erreur;
        if (tentatives >= maximum) {
            abandonner(erreur, maintenant);
            return;
        }
        long secondes = Math.min(3600, 30L << Math.min(tentatives - 1, 7));
        prochaineTentative = maintenant.plus(Duration.ofSeconds(secondes));
    }

    public void abandonner(String raison, OffsetDateTime maintenant) {
        derniereErreur = raison;
        abandonneLe = maintenant;
        prochaineTentative = null;
    }

    public Statut statut() {
        return envoyeLe != null ? Statut.ENVOYE : abandonneLe != null ? Statut.ABANDONNE : Statut.EN_ATTENTE;
    }

    public UUID id() {
        return id;
    }

    public UUID invitationId() {
        return invitationId;
    }

    public CanalContact canal() {
        return canal;
    }

    public boolean relance() {
        return relance;
    }

    public LocalDate dateEnvoi() {
        return dateEnvoi;
    }

    public String structure() {
        return structure;
    }

    public OffsetDateTime envoyeLe() {
        return envoyeLe;
    }

    public int tentatives() {
        return tentatives;
    }

    public String derniereErreur() {
        return derniereErreur;
    }
}
