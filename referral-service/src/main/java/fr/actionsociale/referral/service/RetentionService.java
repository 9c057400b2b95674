package fr.actionsociale.referral.service;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import fr.actionsociale.commons.jdbc.Colonnes;
import fr.actionsociale.commons.outbox.Outbox;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.temps.Horloges;
import fr.actionsociale.referral.config.RetentionConfig;
import fr.actionsociale.referral.messaging.Evenements;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Erases the identity of every person whose last activity is older than the retention period, and tells the institutions
 * with {@code beneficiaire-anonymise}. Activity is anything that happened on their path: registration, consent, a contact,
 * a RDV des droits, a right identified, asked, opened, refused or closed, an orientation and its follow-up, an RSA step, a break, an
 * escalation, an invitation and its answer, a consent to a channel. The identity erased includes the postal and e-mail
 * addresses, and RDV-Insertion's webhook bodies kept aside or dead-lettered before the limit. Reading the record is not activity.
 * The indicators do not change: the path stays, only the identity goes.
 * <p>
 * A run ({@code retention_execution}) is a persisted job worked in lots of {@link RetentionConfig#lot()} people, keyset by id,
 * one transaction each: anonymisation, free texts, the lot's events in the outbox and the run's cursor commit together, so a
 * crash between lots loses nothing and repeats nothing, and a crash inside one rolls it back whole. The cut-off is fixed at the
 * start, so a resumed run selects the same people. One run at a time (a unique index); the replica that works it holds a lease
 * renewed at each lot, and a run whose lease expired (crash, restart) is resumed from its cursor.
 */
@ApplicationScoped
public class RetentionService {

    private static final Logger LOG = Logger.getLogger(RetentionService.class);
    static final String ANONYMISE = "anonymisé";
    /** pg_advisory_xact_lock key serialising the start of runs across replicas ('rete' in ASCII). */
    private static final long VERROU_DEMARRAGE = 0x72657465L;
    private static final UUID AVANT_TOUT = new UUID(0, 0);

    /**
     * The next people of the run (ids after the cursor, not yet anonymised, registered before the cut-off: a later one cannot be
     * expired) and each one's last activity, over every table of their path (greatest() skips nulls).
     */
    private static final String CANDIDATS = """
            select b.id, a.derniere from (select * from beneficiaire where id > ?1 and anonymise_le is null and inscrit_le < ?2
                order by id limit ?3) b
              cross join lateral (select greatest(b.inscrit_le, b.consentement_donne_le,
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
            order by b.id""";

    /**
     * One statement for the whole lot. A person locked by a concurrent change is skipped: someone is working on their record, so
     * it is not dormant; the next run looks again.
     */
    private static final String ANONYMISER = """
            update beneficiaire set nom = null, prenom = null, date_naissance = null, canal_contact = null, contact = null,
                adresse_voie = null, adresse_complement = null, adresse_code_postal = null, adresse_localite = null, courriel = null,
                numero_allocataire = null, identifiant_rdvi = null, anonymise_le = ?1, version = version + 1
            where id in (select id from beneficiaire where id in (?2) and anonymise_le is null for update skip locked)
            returning id, reference""";

    /** Free texts written about a person may name them: each is overwritten, for a whole lot of people at once. */
    private static final List<String> TEXTES_LIBRES = List.of(
            "update orientation set motif = ?2, motif_refus = case when motif_refus is null then null else ?2 end where beneficiaire_id in (?1)",
            "update saisine set objet = ?2, reponse = case when reponse is null then null else ?2 end where beneficiaire_id in (?1)",
            "update decision_orientation set motif_forcage = ?2 where beneficiaire_id in (?1) and motif_forcage is not null",
            "update acces_dossier set motif = ?2 where beneficiaire_id in (?1)",
            "update correction set motif = ?2 where orientation_id in (select id from orientation where beneficiaire_id in (?1))",
            "update correction set motif = ?2 where etape_id in (select id from etape_rsa where beneficiaire_id in (?1)) "
                    + "or droit_id in (select id from droit where beneficiaire_id in (?1))");

    private static final String COLONNES = "id, etat, declenchee_par, sans_activite_depuis, demarree_le, terminee_le, lots, examines, "
            + "anonymises, echecs, derniere_erreur";

    private final EntityManager em;
    private final Outbox outbox;
    private final RetentionConfig config;
    private final Clock horloge;
    /** This replica, as written in a run's lease. */
    private final String executant = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    /** One worker thread of its own: a run never takes a request thread, nor the outbox relay's, nor a second connection. */
    private final ExecutorService fil = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "retention");
        t.setDaemon(true);
        return t;
    });
    private final Set<UUID> confiees = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean panneFaite = new AtomicBoolean();
    private volatile boolean arret;

    RetentionService(EntityManager em, Outbox outbox, RetentionConfig config, Clock horloge) {
        this.em = em;
        this.outbox = outbox;
        this.config = config;
        this.horloge = horloge;
    }

    @Schema(name = "ExecutionRetention", description = "Une exécution de la tâche de conservation, traitée par lots en arrière-plan.")
    public record Execution(
            @Schema(required = true) UUID id,
            @Schema(required = true, enumeration = { "EN_COURS", "TERMINEE", "ECHOUEE" },
                    description = "EN_COURS jusqu'au dernier lot ; ECHOUEE après referral.retention.echecs-max lots en échec") String etat,
            @Schema(required = true, enumeration = { "NUIT", "API" }) String declencheePar,
            @Schema(required = true, description = "Date limite fixée au départ : sont anonymisés les dossiers dont la dernière activité est antérieure à ce jour")
            LocalDate sansActiviteDepuis,
            @Schema(required = true) OffsetDateTime demarreeLe,
            OffsetDateTime termineeLe,
            @Schema(required = true, description = "Lots validés") int lots,
            @Schema(required = true, description = "Dossiers examinés par les lots validés") long examines,
            @Schema(required = true, description = "Dossiers anonymisés par les lots validés") long anonymises,
            @Schema(required = true, description = "Lots en échec, annulés entièrement puis repris") int echecs,
            @Schema(description = "La dernière erreur d'un lot, sans donnée personnelle") String derniereErreur) {
    }

    /** @param nouvelle false when a run was already in progress: that one is returned (and resumed if nobody works on it) */
    public record Demarrage(Execution execution, boolean nouvelle) {
    }

    /** Every night; a run still in progress is resumed instead of a new one. */
    @Scheduled(cron = "{referral.retention.cron:0 30 2 * * ?}", timeZone = "Europe/Paris", identity = "retention",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void chaqueNuit() {
        demarrer("NUIT");
    }

    /** Picks up a run left by a crashed or stopped replica once its lease has expired, or a failed lot after its pause. */
    @Scheduled(every = "{referral.retention.reprise}", identity = "retention-reprise", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reprendre() {
        if (arret) {
            return;
        }
        List<?> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id from retention_execution where etat = 'EN_COURS' and (bail_jusqu_a is null or bail_jusqu_a < now())").getResultList());
        ids.forEach(id -> confier((UUID) id));
    }

    void auDemarrage(@Observes StartupEvent e) {
        reprendre();
    }

    void aLArret(@Observes ShutdownEvent e) {
        arret = true;
        fil.shutdown();
        try {
            // the lot in progress commits or rolls back; the worker then gives its lease back so a restart resumes at once
            fil.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts a run, or returns the one in progress (and resumes it here if its lease has expired). */
    public Demarrage demarrer(String declencheePar) {
        Demarrage d = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, VERROU_DEMARRAGE).getSingleResult();
            List<Execution> enCours = executions("where etat = 'EN_COURS'", Map.of(), 1);
            if (!enCours.isEmpty()) {
                return new Demarrage(enCours.get(0), false);
            }
            LocalDate limite = LocalDate.now(horloge).minus(config.duree());
            UUID id = UUID.randomUUID();
            em.createNativeQuery("insert into retention_execution (id, etat, declenchee_par, sans_activite_depuis, demarree_le) "
                    + "values (?1, 'EN_COURS', ?2, ?3, now())").setParameter(1, id).setParameter(2, declencheePar).setParameter(3, limite)
                    .executeUpdate();
            return new Demarrage(executions("where id = :id", Map.of("id", id), 1).get(0), true);
        });
        confier(d.execution().id());
        return d;
    }

    public Execution execution(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> executions("where id = :id", Map.of("id", id), 1)).stream().findFirst()
                .orElseThrow(() -> ProblemeException.introuvable("Exécution de la conservation", id));
    }

    /** The latest runs first. */
    public List<Execution> executions(int combien) {
        return QuarkusTransaction.requiringNew().call(() -> executions("", Map.of(), combien));
    }

    @SuppressWarnings("unchecked")
    private List<Execution> executions(String filtre, Map<String, Object> parametres, int combien) {
        var q = em.createNativeQuery("select " + COLONNES + " from retention_execution " + filtre + " order by demarree_le desc, id limit "
                + combien);
        parametres.forEach(q::setParameter);
        return ((List<Object[]>) q.getResultList()).stream().map(l -> new Execution((UUID) l[0], (String) l[1], (String) l[2],
                Colonnes.date(l[3]), Colonnes.horodatage(l[4]), l[5] == null ? null : Colonnes.horodatage(l[5]), ((Number) l[6]).intValue(),
                ((Number) l[7]).longValue(), ((Number) l[8]).longValue(), ((Number) l[9]).intValue(), (String) l[10])).toList();
    }

    /** Hands the run to this replica's worker, unless it already has it. */
    private void confier(UUID id) {
        if (arret || !confiees.add(id)) {
            return;
        }
        try {
            fil.execute(() -> {
                try {
                    travailler(id);
                } finally {
                    confiees.remove(id);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            confiees.remove(id); // stopping
        }
    }

    private enum Suite {
        LOT_SUIVANT, TERMINEE, TENUE_AILLEURS
    }

    private void travailler(UUID id) {
        while (true) {
            if (arret) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                            "update retention_execution set executant = null, bail_jusqu_a = null where id = ?1 and executant = ?2")
                            .setParameter(1, id).setParameter(2, executant).executeUpdate());
                } catch (RuntimeException e) {
                    LOG.warnf("Durée de conservation : bail de l'exécution %s non rendu à l'arrêt, elle sera reprise à son terme (%s)", id, resume(e));
                }
                return;
            }
            Suite suite;
            try {
                suite = QuarkusTransaction.requiringNew().call(() -> unLot(id));
            } catch (RuntimeException e) {
                noterEchec(id, e);
                return;
            }
            if (suite != Suite.LOT_SUIVANT) {
                return;
            }
        }
    }

    /** One lot, one transaction: takes (or renews) the lease, anonymises, writes the events, moves the cursor. */
    @SuppressWarnings("unchecked")
    Suite unLot(UUID id) {
        List<Object[]> tenue = em.createNativeQuery("""
                update retention_execution set executant = ?1, bail_jusqu_a = now() + ?2 * interval '1 millisecond'
                where id = ?3 and etat = 'EN_COURS' and (executant = ?1 or bail_jusqu_a is null or bail_jusqu_a < now())
                returning curseur, sans_activite_depuis, lots""").setParameter(1, executant).setParameter(2, config.bail().toMillis())
                .setParameter(3, id).getResultList();
        if (tenue.isEmpty()) {
            return Suite.TENUE_AILLEURS; // finished, or another replica works on it
        }
        UUID curseur = tenue.get(0)[0] == null ? AVANT_TOUT : (UUID) tenue.get(0)[0];
        LocalDate limite = Colonnes.date(tenue.get(0)[1]);
        int lotsFaits = ((Number) tenue.get(0)[2]).intValue();
        LocalDate aujourdHui = LocalDate.now(horloge);

        List<Object[]> candidats = em.createNativeQuery(CANDIDATS).setParameter(1, curseur).setParameter(2, limite)
                .setParameter(3, config.lot()).getResultList();
        Map<UUID, LocalDate> expires = new java.util.LinkedHashMap<>();
        for (Object[] c : candidats) {
            LocalDate derniere = Colonnes.date(c[1]);
            if (derniere.isBefore(limite)) {
                expires.put((UUID) c[0], derniere);
            }
        }
        int anonymises = 0;
        if (!expires.isEmpty()) {
            List<Object[]> faits = em.createNativeQuery(ANONYMISER).setParameter(1, aujourdHui).setParameter(2, List.copyOf(expires.keySet()))
                    .getResultList();
            if (!faits.isEmpty()) {
                List<UUID> ids = faits.stream().map(f -> (UUID) f[0]).toList();
                for (String sql : TEXTES_LIBRES) {
                    em.createNativeQuery(sql).setParameter(1, ids).setParameter(2, ANONYMISE).executeUpdate();
                }
                List<Outbox.Evenement> evenements = new ArrayList<>(faits.size());
                for (Object[] f : faits) {
                    String reference = (String) f[1];
                    evenements.add(new Outbox.Evenement(Evenements.BeneficiaireAnonymise.TYPE, reference,
                            new Evenements.BeneficiaireAnonymise(reference, aujourdHui, expires.get((UUID) f[0]))));
                }
                outbox.publierEnLot(evenements);
                anonymises = faits.size();
            }
        }
        if (config.echecApresLots().filter(k -> k == lotsFaits).isPresent() && panneFaite.compareAndSet(false, true)) {
            throw new IllegalStateException("panne simulée (referral.retention.test.echec-apres-lots) au lot " + (lotsFaits + 1));
        }
        UUID dernier = candidats.isEmpty() ? curseur : (UUID) candidats.get(candidats.size() - 1)[0];
        boolean fini = candidats.size() < config.lot();
        em.createNativeQuery("""
                update retention_execution set curseur = ?1, lots = lots + 1, examines = examines + ?2, anonymises = anonymises + ?3
                where id = ?4""").setParameter(1, dernier).setParameter(2, candidats.size()).setParameter(3, anonymises).setParameter(4, id)
                .executeUpdate();
        if (!fini) {
            return Suite.LOT_SUIVANT;
        }
        // RDV-Insertion's raw bodies (they name people) kept aside or dead-lettered before the limit go too
        OffsetDateTime avant = limite.atStartOfDay(Horloges.PARIS).toOffsetDateTime();
        int webhooks = em.createNativeQuery("delete from rdvi_en_attente where recue_le < ?1").setParameter(1, avant).executeUpdate()
                + em.createNativeQuery("delete from rdvi_lettre_morte where recue_le < ?1").setParameter(1, avant).executeUpdate();
        Object[] bilan = (Object[]) em.createNativeQuery("""
                update retention_execution set etat = 'TERMINEE', terminee_le = now(), executant = null, bail_jusqu_a = null where id = ?1
                returning lots, anonymises""").setParameter(1, id).getSingleResult();
        LOG.infof("Durée de conservation : %s dossier(s) sans activité depuis le %s anonymisé(s) en %s lot(s), %d webhook(s) RDV-Insertion "
                + "d'avant effacé(s) (exécution %s)", bilan[1], limite, bilan[0], webhooks, id);
        return Suite.TERMINEE;
    }

    /** The lot rolled back whole; the run waits and is resumed from its last committed lot, or is given up after too many failures. */
    private void noterEchec(UUID id, RuntimeException e) {
        String erreur = resume(e);
        LOG.errorf("Durée de conservation : un lot de l'exécution %s a échoué et a été annulé entièrement (%s)", id, erreur);
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                    update retention_execution set echecs = echecs + 1, derniere_erreur = ?1, executant = null,
                        bail_jusqu_a = now() + ?2 * interval '1 millisecond',
                        etat = case when echecs + 1 >= ?3 then 'ECHOUEE' else etat end,
                        terminee_le = case when echecs + 1 >= ?3 then now() end
                    where id = ?4 and etat = 'EN_COURS'""").setParameter(1, erreur).setParameter(2, config.pauseApresEchec().toMillis())
                    .setParameter(3, config.echecsMax()).setParameter(4, id).executeUpdate());
        } catch (RuntimeException ex) {
            // database unreachable: the lease expires by itself and the run is resumed then
            LOG.errorf("Durée de conservation : échec non enregistré pour l'exécution %s (%s)", id, resume(ex));
        }
    }

    /** The root cause's class and first line: a database error's detail line may quote values, hence personal data. */
    static String resume(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "" : cause.getMessage().lines().findFirst().orElse("");
        String sqlState = cause instanceof java.sql.SQLException s && s.getSQLState() != null ? " [SQLState " + s.getSQLState() + "]" : "";
        String texte = cause.getClass().getSimpleName() + sqlState + " : " + message;
        return texte.length() > 500 ? texte.substring(0, 500) : texte;
    }
}
