package fr.actionsociale.budget.service;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.actionsociale.commons.evenement.EvenementIllisibleException;
import fr.actionsociale.commons.evenement.EvenementRecu;
import fr.actionsociale.commons.inbox.EffetParLot;
import fr.actionsociale.commons.inbox.EvenementInvalideException;
import fr.actionsociale.commons.inbox.Inbox;
import fr.actionsociale.commons.inbox.Rejeu;
import fr.actionsociale.commons.probleme.ProblemeException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Rebuilds the live indicators in the background (issue 17): the topics are replayed from their beginning into new tables
 * ({@code <table>_reconstruction}), which replace the live ones at the end in one short transaction, the swap. The live
 * consumers go on meanwhile; they wait only for the swap.
 * <p>
 * <b>Why every event is counted once across the swap.</b> Each live consumer's transaction takes the advisory lock
 * {@link ProjectionIndicateur#VERROU} shared for its poll, before its inbox rows; the swap takes it exclusive. So when the swap
 * holds it, no live poll is half applied, and every event the live consumers ever applied was already in Kafka, at an offset
 * below the topics' ends read <i>after</i> taking the lock (E). Under the lock the swap replays the tail up to E into the new
 * tables, so the new tables hold exactly the events below E, each applied once (the rebuild's own inbox,
 * {@code inbox_reconstruction}, dedups ids the same way the live inbox does). Then the live inbox becomes the union of what it
 * had and of the rebuild's ids: after the swap, an event below E that the live consumer receives again (its Kafka offsets lag
 * behind its database commits, a redelivery, the same id re-published later) finds its id and is skipped, since the new
 * tables count it; an event at E or beyond has no id there (no live transaction could have applied it before the swap, and
 * the rebuild never read it) and is applied once by the live consumer into the new tables. Ids the live inbox holds that the
 * rebuild did not apply (refused events, or events no longer in the topic) stay: their fate does not change. The union is
 * computed mostly before the lock: the rebuild's ids already in the live inbox are dropped from {@code inbox_reconstruction}
 * beforehand (the live inbox only grows), so the swap inserts only the few ids the live consumers had not reached.
 * <p>
 * A cancelled or failed run drops its new tables: the live ones are never touched before the swap, and the swap is one
 * transaction.
 */
@ApplicationScoped
public class ReconstructionService {

    private static final Logger LOG = Logger.getLogger(ReconstructionService.class);

    public static final String CONSOMMATEUR_ORIENTATIONS = "indicateurs-orientations";
    public static final String CONSOMMATEUR_CORRECTIONS = "indicateurs-orientations-corrections";

    static final String SUFFIXE = "_reconstruction";
    static final String INBOX = "inbox_reconstruction";
    /** A runner that has not shown a sign of life for this long is gone (its process stopped): its run has failed. */
    static final Duration SILENCE = Duration.ofSeconds(60);
    /** The swap's transaction timeout: the runner says nothing while it lasts. */
    static final Duration BASCULE_MAX = Duration.ofMinutes(10);

    public enum Etat {
        EN_COURS, BASCULE, TERMINEE, ANNULEE, ECHOUEE
    }

    private final EntityManager em;
    private final Rejeu rejeu;
    private final Inbox inbox;
    private final ObjectMapper json;
    private final Config config;
    /** In replay order: the corrections after the originals (either order gives the same counts, this one writes less). */
    private final List<ProjectionIndicateur<?>> projections;
    private final ExecutorService executeur = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "reconstruction-indicateurs");
        t.setDaemon(true);
        return t;
    });
    private volatile Duration pauseParLot = Duration.ZERO;

    ReconstructionService(EntityManager em, Rejeu rejeu, Inbox inbox, ObjectMapper json, IndicateurOrientationService orientations,
            IndicateurReferralService referral, Config config) {
        this.em = em;
        this.rejeu = rejeu;
        this.inbox = inbox;
        this.json = json;
        this.config = config;
        this.projections = List.of(orientations.faites(), orientations.corrections(), referral.droits(), referral.parcours());
    }

    /** Progress of one topic's replay. */
    @Schema(name = "ReconstructionProjection", description = "Le rejeu d'un topic dans la nouvelle table")
    public static class Suivi {
        public String table;
        public String topic;
        public long evenementsLus;
        public long appliques;
        public long ignores;
        /** partition → offset up to which the topic is in the result (exclusive) */
        @Schema(description = "Par partition, la position jusqu'à laquelle le topic est dans le résultat (exclue)")
        public Map<Integer, Long> finsLues = new TreeMap<>();
        /** the live table's rows when the run started (shared by the topics of one table) */
        public Long avant;
        /** the new table's rows at the swap */
        public Long apres;
    }

    @Schema(name = "ReconstructionIndicateurs", description = "Une reconstruction des indicateurs calculés en direct, en arrière-plan")
    public record Reconstruction(UUID id, Etat etat, String demandeePar, OffsetDateTime debut, OffsetDateTime fin, long evenementsLus,
            double evenementsParSeconde, List<Suivi> projections, String raison) {
    }

    /** A test hook: a pause before each pass over a topic and after each replayed batch, so that a test can publish while a run is under way. */
    public void ralentir(Duration pause) {
        pauseParLot = pause;
    }

    void auDemarrage(@Observes StartupEvent e) {
        abandonnerLesSilencieuses();
    }

    @PreDestroy
    void arreter() {
        executeur.shutdownNow();
    }

    /** Runs left by a stopped process (this one's previous life, or another instance gone): ECHOUEE, live tables intact. */
    private void abandonnerLesSilencieuses() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update reconstruction_indicateurs set etat = 'ECHOUEE', "
                + "fin = clock_timestamp(), raison = 'interrompue : le service s''est arrêté pendant la reconstruction ; les indicateurs "
                + "en direct sont inchangés' where (etat = 'EN_COURS' and vu_le < clock_timestamp() - make_interval(secs => ?1)) "
                + "or (etat = 'BASCULE' and vu_le < clock_timestamp() - make_interval(secs => ?2))")
                .setParameter(1, SILENCE.toSeconds()).setParameter(2, BASCULE_MAX.toSeconds() + SILENCE.toSeconds()).executeUpdate());
    }

    /** Starts a run in the background; a second one while a run is under way is refused with a 409 naming it. */
    public Reconstruction demarrer(String demandeePar) {
        abandonnerLesSilencieuses();
        UUID id = UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into reconstruction_indicateurs (id, etat, demandee_par) "
                    + "values (?1, 'EN_COURS', ?2)").setParameter(1, id).setParameter(2, demandeePar).executeUpdate());
        } catch (RuntimeException e) {
            Optional<Reconstruction> enCours = enCours();
            if (enCours.isPresent()) {
                throw ProblemeException.conflit("Une reconstruction des indicateurs est déjà en cours : /indicateurs/reconstructions/"
                        + enCours.get().id() + " ; suivez-la ou annulez-la avant d'en demander une autre.");
            }
            throw e;
        }
        executeur.submit(() -> executer(id));
        return trouver(id);
    }

    public Optional<Reconstruction> enCours() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select cast(id as text) from reconstruction_indicateurs "
                + "where etat in ('EN_COURS', 'BASCULE')").getResultList().stream().findFirst()
                .map(i -> trouverDansLaTransaction(UUID.fromString((String) i))));
    }

    public Reconstruction trouver(UUID id) {
        abandonnerLesSilencieuses();
        return QuarkusTransaction.requiringNew().call(() -> trouverDansLaTransaction(id));
    }

    private Reconstruction trouverDansLaTransaction(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> lignes = em.createNativeQuery("select etat, demandee_par, debut, fin, evenements_lus, projections, raison, "
                + "extract(epoch from coalesce(fin, clock_timestamp()) - debut) from reconstruction_indicateurs where id = ?1")
                .setParameter(1, id).getResultList();
        if (lignes.isEmpty()) {
            throw ProblemeException.introuvable("Reconstruction", id);
        }
        Object[] l = lignes.get(0);
        long lus = ((Number) l[4]).longValue();
        double secondes = ((Number) l[7]).doubleValue();
        try {
            return new Reconstruction(id, Etat.valueOf((String) l[0]), (String) l[1], date(l[2]), date(l[3]), lus,
                    secondes > 0 ? Math.round(lus / secondes) : 0, json.readValue((String) l[5], new TypeReference<List<Suivi>>() {
                    }), (String) l[6]);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime date(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime d) {
            return d;
        }
        if (o instanceof Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) o).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    /** Cancels a run still replaying: its new tables are dropped, the live ones were never touched. */
    public Reconstruction annuler(UUID id) {
        Reconstruction r = trouver(id);
        int n = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("update reconstruction_indicateurs set etat = 'ANNULEE', "
                + "fin = clock_timestamp(), raison = 'annulée à la demande' where id = ?1 and etat = 'EN_COURS'").setParameter(1, id).executeUpdate());
        if (n == 0) {
            throw ProblemeException.conflit("La reconstruction " + id + " est " + trouver(id).etat()
                    + " : seule une reconstruction EN_COURS peut être annulée (la bascule est une transaction courte qui ne s'interrompt pas).");
        }
        return trouver(r.id());
    }

    /** The run's end, seen by the runner at its next report. */
    private static final class Annulee extends RuntimeException {
        Annulee() {
            super("annulée", null, false, false);
        }
    }

    private final class Execution {
        final UUID id;
        final Map<ProjectionIndicateur<?>, Suivi> suivis = new LinkedHashMap<>();
        final long debut = System.nanoTime();
        long dernierRapport = System.nanoTime();

        Execution(UUID id) {
            this.id = id;
            for (ProjectionIndicateur<?> p : projections) {
                Suivi s = new Suivi();
                s.table = p.table();
                s.topic = topic(p);
                suivis.put(p, s);
            }
        }

        long lus() {
            return suivis.values().stream().mapToLong(s -> s.evenementsLus).sum();
        }

        /** Saves the progress now and then (and always when {@code force}); throws {@link Annulee} when the run was cancelled. */
        void rapporter(boolean force) {
            if (!force && System.nanoTime() - dernierRapport < 1_000_000_000L) {
                return;
            }
            dernierRapport = System.nanoTime();
            String etat = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("update reconstruction_indicateurs "
                    + "set evenements_lus = ?2, projections = ?3, vu_le = clock_timestamp() where id = ?1 returning etat")
                    .setParameter(1, id).setParameter(2, lus()).setParameter(3, ecrire(suivis.values())).getSingleResult());
            if (Etat.valueOf(etat) == Etat.ANNULEE) {
                throw new Annulee();
            }
        }
    }

    private String topic(ProjectionIndicateur<?> p) {
        return config.getValue("mp.messaging.incoming." + p.canal() + ".topic", String.class);
    }

    private String ecrire(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void executer(UUID id) {
        Execution x = new Execution(id);
        try {
            preparer(x);
            for (var e : x.suivis.entrySet()) {
                rejouer(x, e.getKey(), e.getValue());
            }
            // loaded without the WAL (several times faster), written to it once, before the swap and outside its lock: the
            // tables swapped in survive a crash like the live ones
            for (String t : tables()) {
                executerSql("alter table " + t + SUFFIXE + " set logged");
            }
            // the tail that came meanwhile, still without the lock, so that the swap has little left to read
            for (var e : x.suivis.entrySet()) {
                rejouer(x, e.getKey(), e.getValue());
            }
            executerSql("delete from " + INBOX + " r using inbox_evenement i where i.consommateur = r.consommateur "
                    + "and i.evenement_id = r.evenement_id");
            x.rapporter(true);
            int n = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("update reconstruction_indicateurs set etat = 'BASCULE', "
                    + "vu_le = clock_timestamp() where id = ?1 and etat = 'EN_COURS'").setParameter(1, id).executeUpdate());
            if (n == 0) {
                throw new Annulee();
            }
            basculer(x);
            LOG.infof("reconstruction %s terminée : %d événements en %d s", id, x.lus(), (System.nanoTime() - x.debut) / 1_000_000_000L);
        } catch (Annulee e) {
            LOG.infof("reconstruction %s annulée ; les indicateurs en direct sont inchangés", id);
        } catch (RuntimeException e) {
            LOG.errorf(e, "reconstruction %s en échec ; les indicateurs en direct sont inchangés", id);
            try {
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update reconstruction_indicateurs set etat = 'ECHOUEE', "
                        + "fin = clock_timestamp(), projections = ?2, evenements_lus = ?3, raison = ?4 where id = ?1 and etat in ('EN_COURS', 'BASCULE')")
                        .setParameter(1, id).setParameter(2, ecrire(x.suivis.values())).setParameter(3, x.lus())
                        .setParameter(4, "échec : " + e.getMessage() + " ; les indicateurs en direct sont inchangés").executeUpdate());
            } catch (RuntimeException ex) {
                LOG.errorf(ex, "reconstruction %s : échec non enregistré", id);
            }
        } finally {
            try {
                nettoyer();
            } catch (RuntimeException e) {
                LOG.warnf("reconstruction %s : tables de reconstruction non supprimées (%s)", id, e.toString());
            }
        }
    }

    private List<String> tables() {
        return projections.stream().map(ProjectionIndicateur::table).distinct().toList();
    }

    private void preparer(Execution x) {
        nettoyer();
        QuarkusTransaction.requiringNew().run(() -> {
            for (String t : tables()) {
                ProjectionIndicateur.executer(em, "create unlogged table " + t + SUFFIXE + " (like " + t + " including all)");
                long avant = compter(t);
                x.suivis.values().stream().filter(s -> s.table.equals(t)).forEach(s -> s.avant = avant);
            }
            // merged into inbox_evenement at the swap, never read after a crash: no need to write it to the WAL
            ProjectionIndicateur.executer(em, "create unlogged table " + INBOX + " (like inbox_evenement including all)");
        });
    }

    private void nettoyer() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String t : tables()) {
                ProjectionIndicateur.executer(em, "drop table if exists " + t + SUFFIXE);
            }
            ProjectionIndicateur.executer(em, "drop table if exists " + INBOX);
        });
    }

    /** The topic from where the previous pass stopped (its beginning the first time) to its end now, a batch per transaction. */
    private void rejouer(Execution x, ProjectionIndicateur<?> p, Suivi s) {
        pause();
        x.rapporter(false);
        Rejeu.Troncon t = rejeu.relire(s.topic, s.finsLues, lot -> {
            QuarkusTransaction.requiringNew().run(() -> appliquer(p, s, lot));
            pause();
            x.rapporter(false);
        });
        s.finsLues = new TreeMap<>(t.fins());
    }

    private void pause() {
        Duration d = pauseParLot;
        if (!d.isZero()) {
            try {
                Thread.sleep(d.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrompue", e);
            }
        }
    }

    /** One batch into the new table, with the code of the live consumer: the same reading, the same set-based write. */
    private <T> void appliquer(ProjectionIndicateur<T> p, Suivi s, List<ConsumerRecord<String, String>> lot) {
        List<EvenementRecu> evenements = new ArrayList<>(lot.size());
        List<T> valeurs = new ArrayList<>(lot.size());
        for (ConsumerRecord<String, String> r : lot) {
            try {
                EvenementRecu e = EvenementRecu.lire(r, json);
                valeurs.add(p.lire(e));
                evenements.add(e);
            } catch (EvenementIllisibleException | EvenementInvalideException e) {
                // parked by the live consumer: not counted there either
            }
        }
        int appliques = evenements.isEmpty() ? 0 : inbox.appliquerDansLaTransaction(INBOX, p.consommateur(), evenements, valeurs,
                new EffetParLot<T>() {
                    @Override
                    public T lire(EvenementRecu evenement) {
                        return p.lire(evenement);
                    }

                    @Override
                    public void ecrire(List<T> v) {
                        p.ecrire(v, p.table() + SUFFIXE);
                    }
                });
        s.evenementsLus += lot.size();
        s.appliques += appliques;
        s.ignores += lot.size() - appliques;
    }

    /**
     * The swap, one transaction: the lock of the live consumers, the tail up to the topics' ends now, the inbox union, then the
     * new tables take the live ones' names (and their indexes the live indexes' names, for the migrations that name them).
     */
    private void basculer(Execution x) {
        QuarkusTransaction.requiringNew().timeout((int) BASCULE_MAX.toSeconds()).run(() -> {
            // a reader that holds a live table for long makes the swap fail (ECHOUEE, nothing changed) rather than stall everyone
            ProjectionIndicateur.executer(em, "set local lock_timeout = '30s'");
            ProjectionIndicateur.executer(em, "select pg_advisory_xact_lock(" + ProjectionIndicateur.VERROU + ")");
            for (var e : x.suivis.entrySet()) {
                Suivi s = e.getValue();
                Rejeu.Troncon t = rejeu.relire(s.topic, s.finsLues, lot -> appliquer(e.getKey(), s, lot));
                s.finsLues = new TreeMap<>(t.fins());
            }
            ProjectionIndicateur.executer(em, "insert into inbox_evenement (consommateur, evenement_id, topic) "
                    + "select consommateur, evenement_id, topic from " + INBOX + " on conflict do nothing");
            for (String t : tables()) {
                long apres = compter(t + SUFFIXE);
                x.suivis.values().stream().filter(s -> s.table.equals(t)).forEach(s -> s.apres = apres);
                Map<String, String> vivants = index(t);
                Map<String, String> nouveaux = index(t + SUFFIXE);
                ProjectionIndicateur.executer(em, "drop table " + t);
                ProjectionIndicateur.executer(em, "alter table " + t + SUFFIXE + " rename to " + t);
                vivants.forEach((definition, nom) -> {
                    String nouveau = nouveaux.get(definition);
                    if (nouveau != null && !nouveau.equals(nom)) {
                        ProjectionIndicateur.executer(em, "alter index " + nouveau + " rename to " + nom);
                    }
                });
            }
            em.createNativeQuery("update reconstruction_indicateurs set etat = 'TERMINEE', fin = clock_timestamp(), vu_le = clock_timestamp(), "
                    + "evenements_lus = ?2, projections = ?3 where id = ?1").setParameter(1, x.id).setParameter(2, x.lus())
                    .setParameter(3, ecrire(x.suivis.values())).executeUpdate();
        });
    }

    /** A table's indexes: their definition without their name and table → their name. */
    private Map<String, String> index(String table) {
        Map<String, String> index = new TreeMap<>();
        for (Object o : em.createNativeQuery("select indexname, indexdef from pg_indexes where schemaname = current_schema() and tablename = ?1")
                .setParameter(1, table).getResultList()) {
            Object[] l = (Object[]) o;
            String definition = ((String) l[1]).replaceFirst("INDEX \\S+ ON \\S+ ", "INDEX ON ");
            index.put(definition, (String) l[0]);
        }
        return index;
    }

    private long compter(String table) {
        return ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue();
    }

    private void executerSql(String sql) {
        QuarkusTransaction.requiringNew().timeout(600).run(() -> em.unwrap(Session.class).doWork(c -> {
            try (var st = c.createStatement()) {
                st.execute(sql);
            }
        }));
    }
}
