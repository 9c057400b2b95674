package fr.actionsociale.referral.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import fr.actionsociale.commons.jdbc.Colonnes;
import fr.actionsociale.commons.outbox.Outbox;
import fr.actionsociale.referral.config.RetentionConfig;
import fr.actionsociale.referral.domain.Beneficiaire;
import fr.actionsociale.referral.messaging.Evenements;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Erases the identity of every person whose last activity is older than the retention period, and tells the institutions
 * with {@code beneficiaire-anonymise}. Activity is anything that happened on their path: registration, consent, a contact,
 * a RDV des droits, a right identified, asked, opened, refused or closed, an orientation and its follow-up, an RSA step, a break, an
 * escalation, an invitation and its answer, a consent to a channel. The identity erased includes the postal and e-mail
 * addresses, and RDV-Insertion's webhook bodies kept aside or dead-lettered before the limit. Reading the record is not activity. The indicators do not change: the path stays, only the identity goes.
 */
@ApplicationScoped
public class RetentionService {

    private static final Logger LOG = Logger.getLogger(RetentionService.class);
    static final String ANONYMISE = "anonymisé";

    /** Each person's last activity, over every table of their path (greatest() skips nulls). */
    private static final String DERNIERE_ACTIVITE = """
            select b.id, a.derniere from beneficiaire b cross join lateral (select greatest(b.cree_le::date, b.consentement_donne_le,
                b.consentement_retire_le,
                (select max(greatest(d.identifie_le, d.demande_le, d.ouvert_le, d.refuse_le, d.abandonne_le, d.ferme_le)) from droit d
                  where d.beneficiaire_id = b.id),
                (select max(greatest((o.date_orientation at time zone 'Europe/Paris')::date, o.acceptee_le, o.cloturee_le)) from orientation o
                  where o.beneficiaire_id = b.id),
                (select max(greatest(e.date_depart, e.faite_le)) from etape_rsa e where e.beneficiaire_id = b.id),
                (select max(c.date_contact) from contact_campagne c where c.beneficiaire_id = b.id),
                (select max(r.date_rdv) from rdv_droits r where r.beneficiaire_id = b.id),
                (select max(greatest(r.date_rupture, r.resolue_le)) from rupture r where r.beneficiaire_id = b.id),
                (select max(greatest(s.saisie_le, s.repondue_le)) from saisine s where s.beneficiaire_id = b.id),
                (select max((x.decidee_le at time zone 'Europe/Paris')::date) from decision_orientation x where x.beneficiaire_id = b.id),
                (select max(greatest(i.envoyee_le, i.relancee_le, i.reponse_le)) from invitation i where i.beneficiaire_id = b.id),
                (select max(greatest(c.donne_le, c.retire_le)) from consentement_canal c where c.beneficiaire_id = b.id)
              ) as derniere) a
            where b.anonymise_le is null and a.derniere < ?1
            order by b.id limit ?2
            for update of b skip locked""";

    /** Free texts written about a person may name them: each is overwritten, for a whole lot of people at once. */
    private static final List<String> TEXTES_LIBRES = List.of(
            "update orientation set motif = ?2, motif_refus = case when motif_refus is null then null else ?2 end where beneficiaire_id in (?1)",
            "update saisine set objet = ?2, reponse = case when reponse is null then null else ?2 end where beneficiaire_id in (?1)",
            "update decision_orientation set motif_forcage = ?2 where beneficiaire_id in (?1) and motif_forcage is not null",
            "update acces_dossier set motif = ?2 where beneficiaire_id in (?1)",
            "update correction set motif = ?2 where orientation_id in (select id from orientation where beneficiaire_id in (?1))",
            "update correction set motif = ?2 where etape_id in (select id from etape_rsa where beneficiaire_id in (?1)) "
                    + "or droit_id in (select id from droit where beneficiaire_id in (?1))");

    private final EntityManager em;
    private final Outbox outbox;
    private final BeneficiaireService beneficiaires;
    private final RetentionConfig config;

    RetentionService(EntityManager em, Outbox outbox, BeneficiaireService beneficiaires, RetentionConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.beneficiaires = beneficiaires;
        this.config = config;
    }

    public record Bilan(LocalDate sansActiviteDepuis, int anonymises) {
    }

    /** Every night; one replica at a time (each lot locks the rows it anonymises). */
    @Scheduled(cron = "{referral.retention.cron:0 30 2 * * ?}", timeZone = "Europe/Paris", identity = "retention",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void chaqueNuit() {
        executer();
    }

    public Bilan executer() {
        LocalDate aujourdHui = beneficiaires.aujourdHui();
        LocalDate limite = aujourdHui.minus(config.duree());
        int total = 0;
        int n;
        do {
            n = QuarkusTransaction.requiringNew().call(() -> anonymiserUnLot(limite, aujourdHui));
            total += n;
        } while (n == config.lot());
        if (total > 0) {
            LOG.infof("Durée de conservation : %d dossier(s) sans activité depuis le %s anonymisé(s)", total, limite);
        }
        // RDV-Insertion's raw bodies (they name people) kept aside or dead-lettered before the limit go too
        int webhooks = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("delete from rdvi_en_attente where recue_le < ?1")
                .setParameter(1, limite.atStartOfDay(fr.actionsociale.commons.temps.Horloges.PARIS).toOffsetDateTime()).executeUpdate()
                + em.createNativeQuery("delete from rdvi_lettre_morte where recue_le < ?1")
                        .setParameter(1, limite.atStartOfDay(fr.actionsociale.commons.temps.Horloges.PARIS).toOffsetDateTime()).executeUpdate());
        if (webhooks > 0) {
            LOG.infof("Durée de conservation : %d webhook(s) RDV-Insertion en attente ou en lettre morte d'avant le %s effacé(s)", webhooks, limite);
        }
        return new Bilan(limite, total);
    }

    @SuppressWarnings("unchecked")
    int anonymiserUnLot(LocalDate limite, LocalDate aujourdHui) {
        List<Object[]> lignes = em.createNativeQuery(DERNIERE_ACTIVITE).setParameter(1, limite).setParameter(2, config.lot()).getResultList();
        if (lignes.isEmpty()) {
            return 0;
        }
        List<UUID> ids = lignes.stream().map(l -> (UUID) l[0]).toList();
        Map<UUID, Beneficiaire> personnes = em.createQuery("from Beneficiaire where id in :ids", Beneficiaire.class).setParameter("ids", ids)
                .getResultStream().collect(Collectors.toMap(Beneficiaire::id, b -> b));
        for (String sql : TEXTES_LIBRES) {
            em.createNativeQuery(sql).setParameter(1, ids).setParameter(2, ANONYMISE).executeUpdate();
        }
        for (Object[] l : lignes) {
            Beneficiaire b = personnes.get((UUID) l[0]);
            b.anonymiser(aujourdHui);
            outbox.publier(Evenements.BeneficiaireAnonymise.TYPE, b.reference(),
                    new Evenements.BeneficiaireAnonymise(b.reference(), aujourdHui, Colonnes.date(l[1])));
        }
        return lignes.size();
    }
}
