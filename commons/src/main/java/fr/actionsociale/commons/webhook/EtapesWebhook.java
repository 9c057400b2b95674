package fr.actionsociale.commons.webhook;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.actionsociale.commons.jdbc.Colonnes;
import fr.actionsociale.commons.jdbc.ListeTexte;
import io.quarkus.arc.properties.IfBuildProperty;

/** The transactions of the outgoing webhooks: fan-out, lease, attempt recorded, suspension told. */
@ApplicationScoped
@IfBuildProperty(name = "suite.webhooks.enabled", stringValue = "true")
public class EtapesWebhook {

    private final EntityManager em;
    private final DestinatairesWebhook destinataires;
    private final WebhookConfig config;
    private final ObjectMapper json;

    EtapesWebhook(EntityManager em, DestinatairesWebhook destinataires, WebhookConfig config, ObjectMapper json) {
        this.em = em;
        this.destinataires = destinataires;
        this.config = config;
        this.json = json;
    }

    private record Souscription(UUID id, String institution, Set<String> types) {
    }

    /**
     * Fan-out: the outbox rows not yet considered, oldest first, become the deliveries owed to the subscriptions (active or
     * suspended) of the institutions allowed to see them; the rows are stamped in the same transaction. A crash before the commit
     * leaves the rows unstamped and the next pass does it all again; after, the deliveries exist. Rows another pass holds are
     * skipped, never lost (a stamp, not a cursor: a row committed late with a smaller position is still taken).
     *
     * @return the number of outbox rows considered
     */
    @Transactional
    public int diffuser(int lot) {
        @SuppressWarnings("unchecked")
        List<Object[]> lignes = em.createNativeQuery("select position, id, type, cle, donnees::text, cree_le from outbox_evenement "
                + "where diffuse_le is null order by position limit ?1 for update skip locked").setParameter(1, lot).getResultList();
        if (lignes.isEmpty()) {
            return 0;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> abonnements = em.createNativeQuery("select id, institution, types from abonnement_webhook where statut <> 'TERMINE'")
                .getResultList();
        List<Souscription> souscriptions = abonnements.stream()
                .map(a -> new Souscription((UUID) a[0], (String) a[1], new HashSet<>(ListeTexte.lire((String) a[2])))).toList();
        List<Long> positions = new ArrayList<>(lignes.size());
        for (Object[] l : lignes) {
            positions.add(((Number) l[0]).longValue());
            String type = (String) l[2];
            if (souscriptions.stream().noneMatch(s -> s.types().contains(type))) {
                continue;
            }
            Set<String> institutions = destinataires.institutions(type, (String) l[3], lireJson((String) l[4]));
            for (Souscription s : souscriptions) {
                if (s.types().contains(type) && institutions.contains(s.institution())) {
                    em.createNativeQuery("insert into livraison_webhook (abonnement_id, evenement_id, type, cle, donnees, evenement_le, statut) "
                            + "values (?1, ?2, ?3, ?4, cast(?5 as jsonb), ?6, 'EN_ATTENTE') on conflict do nothing")
                            .setParameter(1, s.id()).setParameter(2, l[1]).setParameter(3, type).setParameter(4, l[3]).setParameter(5, l[4])
                            .setParameter(6, Colonnes.horodatage(l[5])).executeUpdate();
                }
            }
        }
        em.createNativeQuery("update outbox_evenement set diffuse_le = now() where position = any(cast(?1 as bigint[]))")
                .setParameter(1, "{" + ListeTexte.ecrire(positions) + "}").executeUpdate();
        return lignes.size();
    }

    private JsonNode lireJson(String texte) {
        try {
            return json.readTree(texte);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox : données illisibles", e);
        }
    }

    /** A delivery taken by a sender, with what the attempt needs. */
    public record Envoi(long livraison, UUID evenementId, String type, String cle, String donnees, OffsetDateTime evenementLe, UUID abonnement,
            String url, String secret, int essais, OffsetDateTime armeLe) {
    }

    /**
     * Takes the due deliveries of active subscriptions for {@link WebhookConfig#bail()}: a sender that dies leaves them to the
     * next one once the lease has expired, so nothing is lost (a receiver may get one twice, with the same webhook-id).
     */
    @Transactional
    public List<Envoi> louer(int lot) {
        @SuppressWarnings("unchecked")
        List<Object[]> lignes = em.createNativeQuery("select l.id, l.evenement_id, l.type, l.cle, l.donnees::text, l.evenement_le, a.id, a.url, "
                + "a.secret, l.essais, l.arme_le from livraison_webhook l join abonnement_webhook a on a.id = l.abonnement_id "
                + "where l.statut = 'EN_ATTENTE' and a.statut = 'ACTIF' and l.prochaine_le <= now() "
                + "and (l.bail_jusqu_au is null or l.bail_jusqu_au < now()) order by l.id limit ?1 for update of l skip locked")
                .setParameter(1, lot).getResultList();
        if (lignes.isEmpty()) {
            return List.of();
        }
        List<Envoi> envois = lignes.stream().map(l -> new Envoi(((Number) l[0]).longValue(), (UUID) l[1], (String) l[2], (String) l[3], (String) l[4],
                Colonnes.horodatage(l[5]), (UUID) l[6], (String) l[7], (String) l[8], ((Number) l[9]).intValue(), Colonnes.horodatage(l[10]))).toList();
        em.createNativeQuery("update livraison_webhook set bail_jusqu_au = now() + make_interval(secs => ?1) where id = any(cast(?2 as bigint[]))")
                .setParameter(1, config.bail().toMillis() / 1000.0)
                .setParameter(2, "{" + ListeTexte.ecrire(envois.stream().map(Envoi::livraison).toList()) + "}").executeUpdate();
        return envois;
    }

    /** Gives back a delivery not attempted (its subscription was suspended meanwhile). */
    @Transactional
    public void rendre(long livraison) {
        em.createNativeQuery("update livraison_webhook set bail_jusqu_au = null where id = ?1").setParameter(1, livraison).executeUpdate();
    }

    /**
     * Records an attempt in the log and what follows: delivered; or the next attempt after an exponential backoff, abandoned
     * beyond the budget, and the subscription suspended after {@link WebhookConfig#echecsAvantSuspension()} failures in a row.
     *
     * @return true when this failure suspended the subscription
     */
    @Transactional
    public boolean enregistrer(Envoi e, OffsetDateTime tenteeLe, Integer statutHttp, String erreur, int dureeMs) {
        Number numero = (Number) em.createNativeQuery("select coalesce(max(numero), 0) + 1 from tentative_webhook where livraison_id = ?1")
                .setParameter(1, e.livraison()).getSingleResult();
        em.createNativeQuery("insert into tentative_webhook (livraison_id, numero, tentee_le, statut_http, erreur, duree_ms) values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, e.livraison()).setParameter(2, numero.intValue()).setParameter(3, tenteeLe).setParameter(4, statutHttp)
                .setParameter(5, erreur).setParameter(6, dureeMs).executeUpdate();
        boolean reussie = statutHttp != null && statutHttp >= 200 && statutHttp < 300;
        if (reussie) {
            em.createNativeQuery("update livraison_webhook set statut = 'LIVREE', livree_le = ?2, essais = essais + 1, bail_jusqu_au = null where id = ?1")
                    .setParameter(1, e.livraison()).setParameter(2, tenteeLe).executeUpdate();
            em.createNativeQuery("update abonnement_webhook set echecs_consecutifs = 0 where id = ?1").setParameter(1, e.abonnement()).executeUpdate();
            return false;
        }
        int essais = e.essais() + 1;
        boolean abandon = essais >= config.essaisMax() || e.armeLe().plus(config.ageMax()).isBefore(tenteeLe);
        Duration attente = Relance.apres(essais, config.premierDelai(), config.facteur(), config.delaiMax(), config.gigue(),
                ThreadLocalRandom.current().nextDouble());
        em.createNativeQuery("update livraison_webhook set essais = ?2, statut = ?3, prochaine_le = now() + make_interval(secs => ?4), "
                + "bail_jusqu_au = null where id = ?1")
                .setParameter(1, e.livraison()).setParameter(2, essais).setParameter(3, abandon ? "ABANDONNEE" : "EN_ATTENTE")
                .setParameter(4, attente.toMillis() / 1000.0).executeUpdate();
        em.createNativeQuery("update abonnement_webhook set echecs_consecutifs = echecs_consecutifs + 1 where id = ?1")
                .setParameter(1, e.abonnement()).executeUpdate();
        Object[] abonnement = (Object[]) em.createNativeQuery("select echecs_consecutifs, statut from abonnement_webhook where id = ?1")
                .setParameter(1, e.abonnement()).getSingleResult();
        if (((Number) abonnement[0]).intValue() >= config.echecsAvantSuspension() && "ACTIF".equals(abonnement[1])) {
            em.createNativeQuery("update abonnement_webhook set statut = 'SUSPENDU', suspendu_le = now() where id = ?1")
                    .setParameter(1, e.abonnement()).executeUpdate();
            return true;
        }
        return false;
    }

    /** Suspended subscriptions whose contact has not been told yet (the e-mail is retried until it leaves). */
    @SuppressWarnings("unchecked")
    @Transactional
    public List<Abonnement> suspensionsAAviser() {
        List<Object[]> lignes = em.createNativeQuery("select id, institution, url, types, contact, secret, statut, echecs_consecutifs, cree_le, "
                + "suspendu_le, termine_le from abonnement_webhook where statut = 'SUSPENDU' and suspension_avisee_le is null").getResultList();
        return lignes.stream().map(AbonnementsWebhook::abonnement).toList();
    }

    @Transactional
    public void suspensionAvisee(UUID abonnement) {
        em.createNativeQuery("update abonnement_webhook set suspension_avisee_le = now() where id = ?1").setParameter(1, abonnement).executeUpdate();
    }
}
