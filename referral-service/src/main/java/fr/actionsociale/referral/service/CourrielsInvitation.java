package fr.actionsociale.referral.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import fr.actionsociale.commons.outbox.Outbox;
import fr.actionsociale.referral.config.InvitationConfig;
import fr.actionsociale.referral.domain.Beneficiaire;
import fr.actionsociale.referral.domain.CanalContact;
import fr.actionsociale.referral.domain.EnvoiInvitation;
import fr.actionsociale.referral.domain.Invitation;
import fr.actionsociale.referral.domain.Structure;
import fr.actionsociale.referral.messaging.Evenements;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends the invitations' e-mails once the transaction that decided them has committed: an e-mail is never sent for a write
 * that rolled back, and one the SMTP server could not take stays waiting and is tried again (30 s, 1 min, 2 min... up to
 * an hour between attempts). invitation-envoyee (COURRIEL) is written in the transaction that records the e-mail sent.
 * If that commit fails after the server took the e-mail, it is sent again: at least once, like the events. The person's
 * address and the e-mail's text never reach a log: a failure is logged with the invitation's reference and the error's class.
 */
@ApplicationScoped
public class CourrielsInvitation {

    private static final Logger LOG = Logger.getLogger(CourrielsInvitation.class);

    private final EntityManager em;
    private final Outbox outbox;
    private final Mailer mailer;
    private final RedactionInvitation redaction;
    private final BeneficiaireService beneficiaires;
    private final InvitationConfig config;
    private final Clock horloge;
    private final TransactionSynchronizationRegistry transactions;
    private final Semaphore reveil = new Semaphore(0);
    private volatile boolean actif;
    private volatile Thread fil;

    CourrielsInvitation(EntityManager em, Outbox outbox, Mailer mailer, RedactionInvitation redaction, BeneficiaireService beneficiaires,
            InvitationConfig config, Clock horloge, TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.outbox = outbox;
        this.mailer = mailer;
        this.redaction = redaction;
        this.beneficiaires = beneficiaires;
        this.config = config;
        this.horloge = horloge;
        this.transactions = transactions;
    }

    void auDemarrage(@Observes StartupEvent e) {
        actif = true;
        fil = new Thread(this::boucle, "courriels-invitation");
        fil.setDaemon(true);
        fil.start();
    }

    void aLArret(@Observes ShutdownEvent e) {
        actif = false;
        Thread t = fil;
        if (t != null) {
            reveil.release();
            try {
                t.join(5000);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Wakes the sender once the caller's transaction has committed. */
    public void reveillerApresCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    reveil.release();
                }
            }
        });
    }

    private void boucle() {
        while (actif) {
            try {
                reveil.tryAcquire(config.courriel().intervalle().toMillis(), TimeUnit.MILLISECONDS);
                reveil.drainPermits();
                while (actif && envoyerUnLot() >= config.courriel().lot()) {
                    // a full lot: there may be more waiting
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException ex) {
                // the database unreachable, the service stopping: the e-mails wait, committed, for the next round
                LOG.warnf("Envoi des courriels d'invitation interrompu, nouvel essai au prochain tour : %s", ex.getClass().getName());
            }
        }
    }

    /** @return how many e-mails were handled (sent, failed or given up) */
    int envoyerUnLot() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<EnvoiInvitation> envois = em.createNativeQuery("""
                    select * from envoi_invitation
                    where canal = 'COURRIEL' and envoye_le is null and abandonne_le is null
                      and (prochaine_tentative is null or prochaine_tentative <= now())
                    order by cree_le limit ?1
                    for update skip locked""", EnvoiInvitation.class).setParameter(1, config.courriel().lot()).getResultList();
            for (EnvoiInvitation e : envois) {
                envoyer(e);
            }
            return envois.size();
        });
    }

    private void envoyer(EnvoiInvitation e) {
        // technical instants on the system's clock (retries in real time); business dates on the service's clock
        OffsetDateTime maintenant = OffsetDateTime.now();
        Invitation i = em.find(Invitation.class, e.invitationId());
        Beneficiaire b = em.find(Beneficiaire.class, i.beneficiaireId());
        if (b.courriel() == null || !beneficiaires.consentAuCanal(b.id(), CanalContact.COURRIEL)) {
            // erased, anonymised or consent withdrawn since: nothing goes
            e.abandonner("plus de courriel, ou plus de consentement au courriel, au moment de l'envoi", maintenant);
            return;
        }
        Structure s = em.find(Structure.class, i.structure());
        try {
            mailer.send(Mail.withText(b.courriel(), redaction.sujet(i, s, e.relance()), redaction.courriel(i, s, e.relance())));
        } catch (RuntimeException ex) {
            e.echec(ex.getClass().getName() + ": " + tronquer(ex.getMessage()), maintenant, config.courriel().tentatives());
            LOG.warnf("Courriel de l'invitation %s non envoyé (tentative %d%s) : %s", i.reference(), e.tentatives(),
                    e.statut() == EnvoiInvitation.Statut.ABANDONNE ? ", abandonné" : "", ex.getClass().getName());
            return;
        }
        e.envoye(maintenant);
        outbox.publier(Evenements.InvitationEnvoyee.TYPE, i.reference(),
                new Evenements.InvitationEnvoyee(i.reference(), LocalDate.now(horloge), CanalContact.COURRIEL));
    }

    private static String tronquer(String s) {
        return s == null ? "" : s.length() > 500 ? s.substring(0, 500) : s;
    }
}
