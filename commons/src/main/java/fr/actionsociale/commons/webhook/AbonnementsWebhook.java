package fr.actionsociale.commons.webhook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.actionsociale.commons.jdbc.Colonnes;
import fr.actionsociale.commons.jdbc.ListeTexte;
import fr.actionsociale.commons.probleme.Probleme;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.probleme.TypeProbleme;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;
import io.quarkus.arc.properties.IfBuildProperty;

/** Subscriptions: created, read, resumed and ended by their owner institution (an administrator acts for any). */
@ApplicationScoped
@IfBuildProperty(name = "suite.webhooks.enabled", stringValue = "true")
public class AbonnementsWebhook {

    private static final String COLONNES = "id, institution, url, types, contact, secret, statut, echecs_consecutifs, cree_le, suspendu_le, termine_le";

    private final EntityManager em;
    private final DestinatairesWebhook destinataires;
    private final WebhookConfig config;
    private final DiffusionWebhook diffusion;

    AbonnementsWebhook(EntityManager em, DestinatairesWebhook destinataires, WebhookConfig config, DiffusionWebhook diffusion) {
        this.em = em;
        this.destinataires = destinataires;
        this.config = config;
        this.diffusion = diffusion;
    }

    /** Every field checked before anything is written: a refusal names each field at fault. */
    @Transactional
    public Abonnement creer(Appelant appelant, String url, List<String> types, String contact) {
        List<Probleme.Erreur> erreurs = new ArrayList<>();
        AdresseWebhook.refus(url, config.adressesLocalesPermises()).ifPresent(r -> erreurs.add(new Probleme.Erreur("url", r)));
        Set<String> visibles = destinataires.typesVisibles(appelant);
        Set<String> demandes = new LinkedHashSet<>(types);
        for (String t : demandes) {
            if (!visibles.contains(t)) {
                erreurs.add(new Probleme.Erreur("types", "« " + t + " » n'est pas un type d'événement que l'institution peut voir"
                        + (visibles.isEmpty() ? " (aucun pour ce rôle)" : " ; types admis : " + String.join(", ", visibles.stream().sorted().toList()))));
            }
        }
        if (!erreurs.isEmpty()) {
            throw new ProblemeException(TypeProbleme.REQUETE_INVALIDE, "L'abonnement est refusé ; rien n'a été enregistré.", erreurs);
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into abonnement_webhook (id, institution, url, types, contact, secret, statut) values (?1, ?2, ?3, ?4, ?5, ?6, 'ACTIF')")
                .setParameter(1, id).setParameter(2, appelant.institution()).setParameter(3, url)
                .setParameter(4, ListeTexte.ecrire(demandes)).setParameter(5, contact).setParameter(6, Signature.nouveauSecret())
                .executeUpdate();
        return lire(id);
    }

    public List<Abonnement> lister(String institution) {
        @SuppressWarnings("unchecked")
        List<Object[]> lignes = em.createNativeQuery("select " + COLONNES + " from abonnement_webhook where institution = ?1 order by cree_le, id")
                .setParameter(1, institution).getResultList();
        return lignes.stream().map(AbonnementsWebhook::abonnement).toList();
    }

    /** Outside its owner (and administrators), a subscription does not exist: its existence is itself information. */
    public Abonnement trouver(Appelant appelant, UUID id) {
        Abonnement a = lire(id);
        if (a == null || !(appelant.a(Roles.ADMIN) || a.institution().equals(appelant.institution()))) {
            throw ProblemeException.introuvable("Abonnement", id);
        }
        return a;
    }

    /** The newest deliveries first, each with its attempts. */
    public List<Abonnement.Livraison> livraisons(Appelant appelant, UUID id, int taille) {
        trouver(appelant, id);
        @SuppressWarnings("unchecked")
        List<Object[]> lignes = em.createNativeQuery("select id, evenement_id, type, cle, evenement_le, statut, prochaine_le, livree_le "
                + "from livraison_webhook where abonnement_id = ?1 order by id desc limit ?2")
                .setParameter(1, id).setParameter(2, taille).getResultList();
        Map<Long, List<Abonnement.Tentative>> tentatives = new LinkedHashMap<>();
        lignes.forEach(l -> tentatives.put(((Number) l[0]).longValue(), new ArrayList<>()));
        if (!tentatives.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> essais = em.createNativeQuery("select livraison_id, numero, tentee_le, statut_http, erreur, duree_ms from tentative_webhook "
                    + "where livraison_id = any(cast(?1 as bigint[])) order by livraison_id, numero")
                    .setParameter(1, "{" + ListeTexte.ecrire(tentatives.keySet()) + "}").getResultList();
            for (Object[] e : essais) {
                tentatives.get(((Number) e[0]).longValue()).add(new Abonnement.Tentative(((Number) e[1]).intValue(), Colonnes.horodatage(e[2]),
                        e[3] == null ? null : ((Number) e[3]).intValue(), (String) e[4], ((Number) e[5]).intValue()));
            }
        }
        return lignes.stream().map(l -> new Abonnement.Livraison((UUID) l[1], (String) l[2], (String) l[3], Colonnes.horodatage(l[4]),
                (String) l[5], "EN_ATTENTE".equals(l[5]) ? Colonnes.horodatage(l[6]) : null, Colonnes.horodatage(l[7]),
                tentatives.get(((Number) l[0]).longValue()))).toList();
    }

    /**
     * Active again, failures forgotten; what it was owed and not delivered (pending or abandoned) is re-armed with a fresh
     * retry budget and leaves at once.
     */
    @Transactional
    public Abonnement reprendre(Appelant appelant, UUID id) {
        Abonnement a = verrouiller(appelant, id);
        if (a.statut() == Abonnement.Statut.TERMINE) {
            throw ProblemeException.conflit("L'abonnement " + id + " est terminé : il ne peut pas reprendre.");
        }
        em.createNativeQuery("update abonnement_webhook set statut = 'ACTIF', echecs_consecutifs = 0, suspendu_le = null, "
                + "suspension_avisee_le = null where id = ?1").setParameter(1, id).executeUpdate();
        em.createNativeQuery("update livraison_webhook set statut = 'EN_ATTENTE', essais = 0, arme_le = now(), prochaine_le = now(), "
                + "bail_jusqu_au = null where abonnement_id = ?1 and statut <> 'LIVREE'").setParameter(1, id).executeUpdate();
        diffusion.reveillerApresCommit();
        return lire(id);
    }

    /** Ended for good: nothing more is sent, what was pending is abandoned; the log stays readable. */
    @Transactional
    public void terminer(Appelant appelant, UUID id) {
        Abonnement a = verrouiller(appelant, id);
        if (a.statut() == Abonnement.Statut.TERMINE) {
            return;
        }
        em.createNativeQuery("update abonnement_webhook set statut = 'TERMINE', termine_le = now() where id = ?1").setParameter(1, id).executeUpdate();
        em.createNativeQuery("update livraison_webhook set statut = 'ABANDONNEE', bail_jusqu_au = null where abonnement_id = ?1 and statut = 'EN_ATTENTE'")
                .setParameter(1, id).executeUpdate();
    }

    private Abonnement verrouiller(Appelant appelant, UUID id) {
        trouver(appelant, id);
        em.createNativeQuery("select 1 from abonnement_webhook where id = ?1 for update").setParameter(1, id).getResultList();
        return lire(id);
    }

    private Abonnement lire(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> lignes = em.createNativeQuery("select " + COLONNES + " from abonnement_webhook where id = ?1").setParameter(1, id).getResultList();
        return lignes.isEmpty() ? null : abonnement(lignes.get(0));
    }

    static Abonnement abonnement(Object[] l) {
        return new Abonnement((UUID) l[0], (String) l[1], (String) l[2], ListeTexte.lire((String) l[3]), (String) l[4], (String) l[5],
                Abonnement.Statut.valueOf((String) l[6]), ((Number) l[7]).intValue(), Colonnes.horodatage(l[8]), Colonnes.horodatage(l[9]),
                Colonnes.horodatage(l[10]));
    }
}
