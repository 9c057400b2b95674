package fr.actionsociale.referral.domain;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import fr.actionsociale.commons.domaine.EtatInvalideException;
import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.jdbc.ListeTexte;

/**
 * The first invitation of a person's RSA path (seed 002 art. 1: within 15 days of the opening), sent by the structure that
 * holds the step, by letter and, with the person's consent, by e-mail. Outside this service it is only {@link #reference()},
 * random and meaningless; the person's answer is what a no-show rate is computed from.
 */
@Entity
@Table(name = "invitation")
public class Invitation {

    private static final SecureRandom HASARD = new SecureRandom();
    /** The channels an invitation goes through: a letter, an e-mail. */
    public static final Set<CanalContact> CANAUX = Set.of(CanalContact.COURRIER, CanalContact.COURRIEL);

    @Id
    private UUID id;
    private String reference;
    @Column(name = "beneficiaire_id")
    private UUID beneficiaireId;
    @Column(name = "etape_id")
    private UUID etapeId;
    private String structure;
    @Column(name = "envoyee_le")
    private LocalDate envoyeeLe;
    private String canaux;
    @Column(name = "rdv_le")
    private LocalDateTime rdvLe;
    @Column(name = "rdv_lieu")
    private String rdvLieu;
    @Column(name = "relancee_le")
    private LocalDate relanceeLe;
    @Enumerated(EnumType.STRING)
    private ReponseInvitation reponse;
    @Column(name = "reponse_le")
    private LocalDate reponseLe;
    @Column(name = "rdv_pris_le")
    private LocalDate rdvPrisLe;
    /** Sent by RDV-Insertion (its invitation id), not by the suite: neither reminded nor printed here. */
    @Column(name = "rdvi_invitation_id")
    private Long rdviInvitationId;
    @Version
    private long version;

    protected Invitation() {
    }

    /**
     * Sends the step's invitation on {@code le}, which is also the day the step is done.
     *
     * @param rdvLe the appointment offered, or null when the letter says how to book one
     */
    public static Invitation envoyer(EtapeRsa etape, List<CanalContact> canaux, LocalDate le, LocalDateTime rdvLe, String rdvLieu,
            LocalDate aujourdHui) {
        if (etape.type() != TypeEtapeRsa.PREMIERE_INVITATION) {
            throw new IllegalArgumentException("une invitation fait l'étape PREMIERE_INVITATION, pas " + etape.type());
        }
        if (canaux.isEmpty() || !CANAUX.containsAll(canaux)) {
            throw new IllegalArgumentException("canaux d'invitation : " + canaux);
        }
        if (rdvLe != null && rdvLe.toLocalDate().isBefore(le)) {
            throw new RegleMetierException("rendezVous.le", "ne peut pas précéder l'envoi de l'invitation (" + le + ")");
        }
        etape.faire(le, aujourdHui);
        Invitation i = new Invitation();
        i.id = UUID.randomUUID();
        i.reference = nouvelleReference();
        i.beneficiaireId = etape.beneficiaireId();
        i.etapeId = etape.id();
        i.structure = etape.structure();
        i.envoyeeLe = le;
        i.canaux = ListeTexte.ecrire(canaux.stream().map(Enum::name).sorted().toList());
        i.rdvLe = rdvLe;
        i.rdvLieu = rdvLe == null ? null : rdvLieu;
        return i;
    }

    /**
     * The first invitation RDV-Insertion sent on {@code le} (its own channel), which dates the step as the suite's would; nothing
     * leaves the suite for it.
     */
    public static Invitation deRdvInsertion(EtapeRsa etape, long rdviInvitationId, CanalContact canal, LocalDate le, LocalDate aujourdHui) {
        if (etape.type() != TypeEtapeRsa.PREMIERE_INVITATION) {
            throw new IllegalArgumentException("une invitation fait l'étape PREMIERE_INVITATION, pas " + etape.type());
        }
        etape.faire(le, aujourdHui);
        Invitation i = new Invitation();
        i.id = UUID.randomUUID();
        i.reference = nouvelleReference();
        i.beneficiaireId = etape.beneficiaireId();
        i.etapeId = etape.id();
        i.structure = etape.structure();
        i.envoyeeLe = le;
        i.canaux = canal.name();
        i.rdviInvitationId = rdviInvitationId;
        return i;
    }

    /** {@code inv-} and 12 random hex digits: carries nothing about the person, never their NIR or CAF number. */
    public static String nouvelleReference() {
        byte[] octets = new byte[6];
        HASARD.nextBytes(octets);
        return "inv-" + HexFormat.of().formatHex(octets);
    }

    /** Without an answer {@code apres} days after it was sent, and not reminded yet; RDV-Insertion reminds its own. */
    public boolean aRelancerAu(LocalDate jour, int apres) {
        return rdviInvitationId == null && reponse == null && relanceeLe == null && !envoyeeLe.plusDays(apres).isAfter(jour);
    }

    public void relancer(LocalDate le) {
        if (relanceeLe != null) {
            throw new EtatInvalideException("L'invitation " + reference + " a déjà été relancée le " + relanceeLe + ".");
        }
        relanceeLe = le;
    }

    /**
     * The person's answer: an appointment booked, then came or did not come (or came or did not come straight away). Neither in
     * the future nor before the invitation; once the person came or did not come, the answer is final.
     */
    public void repondre(ReponseInvitation r, LocalDate le, LocalDate aujourdHui) {
        if (reponse == ReponseInvitation.VENU || reponse == ReponseInvitation.NON_VENU) {
            throw new EtatInvalideException("La réponse à l'invitation " + reference + " est déjà connue : " + reponse + " le " + reponseLe + ".");
        }
        if (reponse == ReponseInvitation.RDV_PRIS && r == ReponseInvitation.RDV_PRIS) {
            throw new EtatInvalideException("Le rendez-vous de l'invitation " + reference + " est déjà pris (le " + rdvPrisLe + ").");
        }
        if (le.isAfter(aujourdHui)) {
            throw new RegleMetierException("date", "ne peut pas être dans le futur");
        }
        LocalDate precedente = rdvPrisLe != null ? rdvPrisLe : envoyeeLe;
        if (le.isBefore(precedente)) {
            throw new RegleMetierException("date", "ne peut pas précéder " + (rdvPrisLe != null ? "la prise du rendez-vous" : "l'envoi de l'invitation")
                    + " (" + precedente + ")");
        }
        if (r == ReponseInvitation.RDV_PRIS) {
            rdvPrisLe = le;
        }
        reponse = r;
        reponseLe = le;
    }

    public UUID id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public UUID beneficiaireId() {
        return beneficiaireId;
    }

    public UUID etapeId() {
        return etapeId;
    }

    public String structure() {
        return structure;
    }

    public LocalDate envoyeeLe() {
        return envoyeeLe;
    }

    public List<CanalContact> canaux() {
        return ListeTexte.lire(canaux).stream().map(CanalContact::valueOf).toList();
    }

    public LocalDateTime rdvLe() {
        return rdvLe;
    }

    public String rdvLieu() {
        return rdvLieu;
    }

    public LocalDate relanceeLe() {
        return relanceeLe;
    }

    public ReponseInvitation reponse() {
        return reponse;
    }

    public LocalDate reponseLe() {
        return reponseLe;
    }

    public Long rdviInvitationId() {
        return rdviInvitationId;
    }

    public LocalDate rdvPrisLe() {
        return rdvPrisLe;
    }
}
