package fr.actionsociale.referral.service;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fr.actionsociale.commons.domaine.EtatInvalideException;
import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.outbox.Outbox;
import fr.actionsociale.commons.probleme.Probleme;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.probleme.TypeProbleme;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.referral.config.InvitationConfig;
import fr.actionsociale.referral.domain.Beneficiaire;
import fr.actionsociale.referral.domain.CanalContact;
import fr.actionsociale.referral.domain.EnvoiInvitation;
import fr.actionsociale.referral.domain.EtapeRsa;
import fr.actionsociale.referral.domain.Invitation;
import fr.actionsociale.referral.domain.ReponseInvitation;
import fr.actionsociale.referral.domain.TypeEtapeRsa;
import fr.actionsociale.referral.messaging.Evenements;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Seed 002 art. 1: the first invitation of the RSA path, within 15 days of the opening, from the structure that holds the step.
 * A letter when the person has a postal address (in that structure's batch of the day), an e-mail when they have an e-mail
 * address and consented to that channel; sending it is the step done. One reminder after {@code relance-apres-jours} days
 * without an answer; the answer (appointment booked, came, did not come) is recorded for the no-show rate.
 */
@ApplicationScoped
public class InvitationService {

    private static final Logger LOG = Logger.getLogger(InvitationService.class);

    private final EntityManager em;
    private final Outbox outbox;
    private final BeneficiaireService beneficiaires;
    private final Appelant appelant;
    private final InvitationConfig config;
    private final CourrielsInvitation courriels;

    InvitationService(EntityManager em, Outbox outbox, BeneficiaireService beneficiaires, Appelant appelant, InvitationConfig config,
            CourrielsInvitation courriels) {
        this.em = em;
        this.outbox = outbox;
        this.beneficiaires = beneficiaires;
        this.appelant = appelant;
        this.config = config;
        this.courriels = courriels;
    }

    /** The channels an invitation can take for this person today: a letter with an address, an e-mail with an address and consent. */
    public List<CanalContact> canaux(Beneficiaire b) {
        List<CanalContact> c = new ArrayList<>();
        if (b.adresse() != null) {
            c.add(CanalContact.COURRIER);
        }
        if (b.courriel() != null && beneficiaires.consentAuCanal(b.id(), CanalContact.COURRIEL)) {
            c.add(CanalContact.COURRIEL);
        }
        return c;
    }

    /**
     * The RSA right opened: the step's invitation leaves the same day by every channel the person has. Without any, the step
     * waits in the structure's worklist; the daily pass sends it once the person has one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void aLOuverture(EtapeRsa etape, Beneficiaire b) {
        List<CanalContact> canaux = canaux(b);
        if (canaux.isEmpty()) {
            LOG.debugf("Première invitation de %s en attente : ni adresse postale ni courriel consenti", b.reference());
            return;
        }
        envoyer(etape, canaux, beneficiaires.aujourdHui(), null, null);
    }

    /**
     * An agent sends the invitation: by the channels asked, or by every channel the person has. Refused, with nothing written,
     * when a channel is missing (named), when the person did not consent to e-mail, or when the date is in the future.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Invitation inviter(String reference, LocalDate le, List<CanalContact> demandes, LocalDateTime rdvLe, String rdvLieu) {
        Beneficiaire b = beneficiaires.parReference(reference).orElseThrow(() -> ProblemeException.introuvable("Bénéficiaire", reference));
        EtapeRsa etape = em.createQuery("from EtapeRsa where beneficiaireId = :b and type = :t order by dateDepart desc", EtapeRsa.class)
                .setParameter("b", b.id()).setParameter("t", TypeEtapeRsa.PREMIERE_INVITATION).setMaxResults(1).getResultStream().findFirst()
                .orElse(null);
        boolean laSienne = etape != null && appelant.institution() != null && appelant.institution().equals(etape.structure());
        if (!laSienne && !beneficiaires.peutVoir(b)) {
            throw ProblemeException.introuvable("Bénéficiaire", reference);
        }
        BeneficiaireService.actif(b);
        if (etape == null) {
            throw new EtatInvalideException("Aucun droit RSA ouvert pour cette personne : il n'y a pas de première invitation à envoyer.");
        }
        if (etape.faiteLe() != null) {
            String deja = em.createQuery("select i.reference from Invitation i where i.etapeId = :e", String.class).setParameter("e", etape.id())
                    .getResultStream().findFirst().map(r -> " (invitation " + r + ")").orElse("");
            throw new EtatInvalideException("La première invitation est déjà faite le " + etape.faiteLe() + deja
                    + " ; la relance part d'elle-même après " + config.relanceApresJours() + " jours sans réponse.");
        }
        List<CanalContact> canaux = demandes == null || demandes.isEmpty() ? canauxOuRefus(b) : canauxDemandes(b, demandes);
        return envoyer(etape, canaux, le, rdvLe, rdvLieu);
    }

    /** Without any channel: a 400 that says which is missing, the address and the e-mail (or its consent). */
    private List<CanalContact> canauxOuRefus(Beneficiaire b) {
        List<CanalContact> canaux = canaux(b);
        if (canaux.isEmpty()) {
            throw new ProblemeException(TypeProbleme.REQUETE_INVALIDE, "La personne ne peut être invitée ni par courrier ni par courriel.",
                    List.of(new Probleme.Erreur("adressePostale", "absente : pas d'invitation par courrier"),
                            new Probleme.Erreur("courriel", raisonCourriel(b))));
        }
        return canaux;
    }

    private List<CanalContact> canauxDemandes(Beneficiaire b, List<CanalContact> demandes) {
        List<CanalContact> canaux = demandes.stream().distinct().sorted().toList();
        for (CanalContact c : canaux) {
            switch (c) {
                case COURRIER -> {
                    if (b.adresse() == null) {
                        throw new RegleMetierException("canaux", "COURRIER : la personne n'a pas d'adresse postale");
                    }
                }
                case COURRIEL -> {
                    if (b.courriel() == null || !beneficiaires.consentAuCanal(b.id(), CanalContact.COURRIEL)) {
                        throw new RegleMetierException("canaux", "COURRIEL : " + raisonCourriel(b));
                    }
                }
                default -> throw new RegleMetierException("canaux", "une invitation part par COURRIER ou par COURRIEL, pas par " + c);
            }
        }
        return canaux;
    }

    private String raisonCourriel(Beneficiaire b) {
        return b.courriel() == null ? "absent : pas d'invitation par courriel"
                : "la personne n'a pas consenti à être contactée par courriel : pas d'invitation par courriel";
    }

    /** The invitation, its letter and e-mail, the step done, and invitation-envoyee for the letter, in the caller's transaction. */
    private Invitation envoyer(EtapeRsa etape, List<CanalContact> canaux, LocalDate le, LocalDateTime rdvLe, String rdvLieu) {
        Invitation i = Invitation.envoyer(etape, canaux, le, rdvLe, rdvLieu, beneficiaires.aujourdHui());
        em.persist(i);
        envois(i, canaux, false, le);
        return i;
    }

    private void envois(Invitation i, List<CanalContact> canaux, boolean relance, LocalDate le) {
        OffsetDateTime maintenant = OffsetDateTime.now(); // a technical instant: the business date is le
        for (CanalContact c : canaux) {
            em.persist(new EnvoiInvitation(i, c, relance, le, maintenant));
            if (c == CanalContact.COURRIER) {
                // the letter is in its structure's batch of the day: sent as far as this service is concerned
                outbox.publier(Evenements.InvitationEnvoyee.TYPE, i.reference(), new Evenements.InvitationEnvoyee(i.reference(), le, c));
            } else {
                courriels.reveillerApresCommit();
            }
        }
    }

    /** The invitation, for its structure or a structure that may see the person (anyone else: 404). */
    public Invitation visible(String reference) {
        Invitation i = em.createQuery("from Invitation where reference = :r", Invitation.class).setParameter("r", reference).getResultStream()
                .findFirst().orElseThrow(() -> ProblemeException.introuvable("Invitation", reference));
        boolean laSienne = appelant.institution() != null && appelant.institution().equals(i.structure());
        if (!laSienne && !beneficiaires.peutVoir(em.find(Beneficiaire.class, i.beneficiaireId()))) {
            throw ProblemeException.introuvable("Invitation", reference);
        }
        return i;
    }

    public List<Invitation> deLaPersonne(UUID beneficiaireId) {
        return em.createQuery("from Invitation where beneficiaireId = :b order by envoyeeLe", Invitation.class).setParameter("b", beneficiaireId)
                .getResultList();
    }

    public String beneficiaire(Invitation i) {
        return em.find(Beneficiaire.class, i.beneficiaireId()).reference();
    }

    public List<EnvoiInvitation> envois(Invitation i) {
        return em.createQuery("from EnvoiInvitation where invitationId = :i order by creeLe, canal", EnvoiInvitation.class)
                .setParameter("i", i.id()).getResultList();
    }

    /** The person's answer, recorded by the structure that invited them (or one that may see them). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Invitation repondre(String reference, ReponseInvitation reponse, LocalDate le) {
        Invitation i = visible(reference);
        i.repondre(reponse, le, beneficiaires.aujourdHui());
        return i;
    }

    /** A structure's invitations sent between two dates, with their answers: what its no-show rate is computed from. */
    public List<Invitation> deLaStructure(String structure, LocalDate du, LocalDate au) {
        if (!appelant.a(Roles.ADMIN) && !structure.equals(appelant.institution())) {
            throw new ProblemeException(TypeProbleme.ACCES_REFUSE, "Une structure ne consulte que ses propres invitations.");
        }
        return em.createQuery("from Invitation where structure = :s and envoyeeLe between :du and :au order by envoyeeLe, reference", Invitation.class)
                .setParameter("s", structure).setParameter("du", du).setParameter("au", au).getResultList();
    }

    public record Passe(LocalDate jour, int invitees, int relancees) {
    }

    /** Every morning; one replica at a time (each pass locks the rows it handles). */
    @Scheduled(cron = "{referral.invitations.cron}", timeZone = "Europe/Paris", identity = "invitations",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void chaqueMatin() {
        Passe p = passeQuotidienne();
        LOG.infof("Passe quotidienne des invitations du %s : %d invitée(s), %d relancée(s)", p.jour(), p.invitees(), p.relancees());
    }

    /**
     * The daily pass: the first invitation of every open RSA path still waiting for one whose person now has a channel, and
     * one reminder of every invitation without an answer for {@code relance-apres-jours} days, by the channels the person has
     * today (none: tried again tomorrow).
     */
    public Passe passeQuotidienne() {
        return QuarkusTransaction.requiringNew().call(() -> {
            LocalDate aujourdHui = beneficiaires.aujourdHui();
            int invitees = 0;
            for (Object id : em.createNativeQuery("""
                    select e.id from etape_rsa e join droit d on d.id = e.droit_id join beneficiaire b on b.id = e.beneficiaire_id
                    where e.type = 'PREMIERE_INVITATION' and e.faite_le is null and d.etat = 'OUVERT' and b.anonymise_le is null
                      and (b.adresse_voie is not null or (b.courriel is not null and exists (select 1 from consentement_canal c
                           where c.beneficiaire_id = b.id and c.canal = 'COURRIEL' and c.retire_le is null)))
                    order by e.date_limite
                    for update of e skip locked""").getResultList()) {
                EtapeRsa etape = em.find(EtapeRsa.class, (UUID) id);
                List<CanalContact> canaux = canaux(em.find(Beneficiaire.class, etape.beneficiaireId()));
                if (!canaux.isEmpty()) {
                    envoyer(etape, canaux, aujourdHui, null, null);
                    invitees++;
                }
            }
            int relancees = 0;
            for (Object id : em.createNativeQuery("""
                    select i.id from invitation i join etape_rsa e on e.id = i.etape_id join droit d on d.id = e.droit_id
                    where i.reponse is null and i.relancee_le is null and i.envoyee_le <= ?1 and d.etat = 'OUVERT' and i.rdvi_invitation_id is null
                    order by i.envoyee_le
                    for update of i skip locked""").setParameter(1, aujourdHui.minusDays(config.relanceApresJours())).getResultList()) {
                Invitation i = em.find(Invitation.class, (UUID) id);
                List<CanalContact> canaux = canaux(em.find(Beneficiaire.class, i.beneficiaireId()));
                if (canaux.isEmpty() || !i.aRelancerAu(aujourdHui, config.relanceApresJours())) {
                    continue;
                }
                i.relancer(aujourdHui);
                envois(i, canaux, true, aujourdHui);
                relancees++;
            }
            return new Passe(aujourdHui, invitees, relancees);
        });
    }
}
