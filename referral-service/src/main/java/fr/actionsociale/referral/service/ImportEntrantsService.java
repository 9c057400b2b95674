package fr.actionsociale.referral.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.jboss.logging.Logger;

import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.jdbc.Copie;
import fr.actionsociale.commons.outbox.Outbox;
import fr.actionsociale.commons.outbox.OutboxRelay;
import fr.actionsociale.commons.temps.Horloges;
import fr.actionsociale.referral.domain.Beneficiaire;
import fr.actionsociale.referral.domain.DroitVise;
import fr.actionsociale.referral.domain.EtatDroit;
import fr.actionsociale.referral.domain.FichierEntrants.Entrant;
import fr.actionsociale.referral.domain.FichierEntrants;
import fr.actionsociale.referral.domain.RegleOrientation;
import fr.actionsociale.referral.domain.TypeEtapeRsa;
import fr.actionsociale.referral.messaging.Evenements;
import fr.actionsociale.referral.messaging.OrientationFaite;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Bulk intake of the CAF's monthly file of RSA entrants: each new person is registered (no name: the file has none), their RSA
 * right opened on the file's date with its clocks started, and the orientation rules applied. Registration and automatic
 * orientation take the day the Département processed the file (its {@code dateTraitement}, today by default): a file of March
 * imported in December orients its people in March, and the steps after the orientation can be dated from then. Rows go in with COPY, a few
 * thousand per transaction: a crash in the middle leaves whole chunks, and importing the same file again completes it
 * without duplicates (an allocataire number is imported once).
 */
@ApplicationScoped
public class ImportEntrantsService {

    private static final Logger LOG = Logger.getLogger(ImportEntrantsService.class);
    static final int LOT = 5000;
    static final int PARALLELISME = 2;

    private final EntityManager em;
    private final Outbox outbox;
    private final OrientationAutomatiqueService automatique;
    private final BeneficiaireService beneficiaires;
    private final OutboxRelay relay;

    ImportEntrantsService(EntityManager em, Outbox outbox, OrientationAutomatiqueService automatique, BeneficiaireService beneficiaires,
            OutboxRelay relay) {
        this.em = em;
        this.outbox = outbox;
        this.relay = relay;
        this.automatique = automatique;
        this.beneficiaires = beneficiaires;
    }

    public record Bilan(LocalDate dateTraitement, int lignes, int doublonsDansLeFichier, int dejaConnus, int importes, int orientes, int sansRegle, long millisecondes,
            String regle) {
    }

    public static final String REGLE = "Tout ou rien à la lecture : une seule ligne invalide et rien n'est importé, chaque ligne fautive est "
            + "nommée. Puis par lots de " + LOT + " lignes, chacun dans sa transaction (deux à la fois) : un numéro d'allocataire déjà connu n'est jamais "
            + "réimporté, si bien que renvoyer le même fichier après une interruption le complète sans doublon.";

    /**
     * @param traitement the day the Département processed the file (null: today); never in the future, never before a row's opening
     * @throws FichierEntrants.FichierInvalideException listing the bad lines; nothing is written then
     */
    public Bilan importer(String texte, String caisse, String par, LocalDate traitement) {
        long t0 = System.nanoTime();
        LocalDate aujourdHui = beneficiaires.aujourdHui();
        LocalDate jour = traitement == null ? aujourdHui : traitement;
        if (jour.isAfter(aujourdHui)) {
            throw new RegleMetierException("dateTraitement", "ne peut pas être dans le futur (" + jour + " après le " + aujourdHui + ")");
        }
        FichierEntrants.Lecture lecture = FichierEntrants.lire(texte, jour);
        List<RegleOrientation> regles = QuarkusTransaction.requiringNew().call(automatique::regles);
        OrientationAutomatiqueService.Annuaire annuaire = QuarkusTransaction.requiringNew().call(automatique::annuaire);
        int dejaConnus = 0;
        int importes = 0;
        int orientes = 0;
        // chunks are independent (the file has no duplicate left): two at a time keep both cores of the database busy;
        // the relay waits for the end of the import, then publishes its events (see OutboxRelay.suspendre)
        ExecutorService paralleles = Executors.newFixedThreadPool(PARALLELISME);
        try (OutboxRelay.Suspension suspension = relay.suspendre()) {
            List<Future<int[]>> resultats = new ArrayList<>();
            for (int debut = 0; debut < lecture.entrants().size(); debut += LOT) {
                List<Entrant> lot = lecture.entrants().subList(debut, Math.min(lecture.entrants().size(), debut + LOT));
                resultats.add(paralleles.submit(() -> QuarkusTransaction.requiringNew().call(() -> importerLot(lot, caisse, par, regles, annuaire,
                        jour, jour.equals(aujourdHui)))));
            }
            for (Future<int[]> f : resultats) {
                int[] r = f.get();
                dejaConnus += r[0];
                importes += r[1];
                orientes += r[2];
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrompu", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            paralleles.shutdownNow();
        }
        return new Bilan(jour, lecture.lignes(), lecture.doublons(), dejaConnus, importes, orientes, importes - orientes,
                (System.nanoTime() - t0) / 1_000_000, REGLE);
    }

    private record Ligne(Entrant e, UUID beneficiaire, String reference, UUID droit, Optional<OrientationAutomatiqueService.Choix> choix,
            UUID orientation) {
    }

    /**
     * @param jour the processing day: the registration's, the automatic orientation's and its decision's, the start of the next clocks
     * @return {already known, imported, oriented}
     */
    private int[] importerLot(List<Entrant> lot, String caisse, String par, List<RegleOrientation> regles,
            OrientationAutomatiqueService.Annuaire annuaire, LocalDate jour, boolean aujourdHui) {
        long t0 = System.nanoTime();
        Set<String> connus = new HashSet<>();
        @SuppressWarnings("unchecked")
        List<String> trouves = em.createNativeQuery("select numero_allocataire from beneficiaire where numero_allocataire = any(?1)")
                .setParameter(1, lot.stream().map(Entrant::numeroAllocataire).toArray(String[]::new)).getResultList();
        connus.addAll(trouves);
        List<Ligne> lignes = new ArrayList<>();
        for (Entrant e : lot) {
            if (connus.contains(e.numeroAllocataire())) {
                continue;
            }
            Integer age = java.time.Period.between(e.naissance(), jour).getYears();
            Optional<OrientationAutomatiqueService.Choix> choix = automatique.choisir(regles, annuaire, age, e.foyer(), e.commune());
            lignes.add(new Ligne(e, UUID.randomUUID(), Beneficiaire.nouvelleReference(), UUID.randomUUID(), choix,
                    choix.isPresent() ? UUID.randomUUID() : null));
        }
        long t1 = System.nanoTime();
        // as a single orientation dated in the past (Orientation.datee): today is the moment, a past day its start in Paris
        Instant quand = aujourdHui ? Instant.now() : jour.atStartOfDay(Horloges.PARIS).toInstant();
        List<Object[]> personnes = new ArrayList<>(lignes.size());
        List<Object[]> droits = new ArrayList<>(lignes.size());
        List<Object[]> etapes = new ArrayList<>(lignes.size() * 4);
        List<Object[]> orientations = new ArrayList<>(lignes.size());
        List<Object[]> decisions = new ArrayList<>(lignes.size());
        for (Ligne l : lignes) {
            Entrant e = l.e();
            personnes.add(new Object[] { l.beneficiaire(), l.reference(), e.naissance(), e.commune(), e.numeroAllocataire(), e.foyer(), par, jour });
            droits.add(new Object[] { l.droit(), l.beneficiaire(), "RSA", "OUVERT", caisse, l.orientation(), "IMPORT_CAF", e.ouverture(), e.ouverture(),
                    e.ouverture() });
            String structure = l.choix().map(OrientationAutomatiqueService.Choix::structure).orElse(par);
            etapes.add(etape(l, TypeEtapeRsa.PREMIERE_INVITATION, e.ouverture(), null, structure));
            etapes.add(etape(l, TypeEtapeRsa.ORIENTATION, e.ouverture(), l.choix().isPresent() ? jour : null, structure));
            if (l.choix().isPresent()) {
                OrientationAutomatiqueService.Choix c = l.choix().get();
                etapes.add(etape(l, TypeEtapeRsa.PREMIER_RDV, jour, null, structure));
                etapes.add(etape(l, TypeEtapeRsa.PREMIER_CER, jour, null, structure));
                orientations.add(new Object[] { l.orientation(), l.reference(), c.structure(), e.commune(), c.motif(),
                        "RSA", OrientationAutomatiqueService.AUTOMATIQUE, "PROPOSEE", quand, 0, l.beneficiaire() });
            }
            decisions.add(new Object[] { UUID.randomUUID(), l.beneficiaire(), l.choix().map(c -> c.regle().id()).orElse(null),
                    l.choix().map(OrientationAutomatiqueService.Choix::raison).orElse(OrientationAutomatiqueService.SANS_REGLE),
                    l.choix().map(OrientationAutomatiqueService.Choix::structure).orElse(null), l.orientation(), OrientationAutomatiqueService.AUTOMATIQUE, quand });
        }
        long t2 = System.nanoTime();
        // COPY rather than INSERTs: several times faster, and the same transaction
        em.unwrap(Session.class).doWork(cx -> {
            Copie.vers(cx, "beneficiaire (id, reference, date_naissance, commune, numero_allocataire, foyer, cree_par, inscrit_le)", personnes);
            Copie.vers(cx, "droit (id, beneficiaire_id, type, etat, institution, orientation_id, source, identifie_le, demande_le, ouvert_le)", droits);
            Copie.vers(cx, "etape_rsa (id, beneficiaire_id, droit_id, type, date_depart, date_limite, faite_le, structure)", etapes);
            Copie.vers(cx, "orientation (id, beneficiaire, structure, commune, motif, droits_vises, oriente_par, statut, date_orientation, version, "
                    + "beneficiaire_id)", orientations);
            Copie.vers(cx, "decision_orientation (id, beneficiaire_id, regle_id, raison, structure, orientation_id, par, decidee_le)", decisions);
        });
        List<Outbox.Evenement> evenements = new ArrayList<>(lignes.size() * 2);
        int orientes = 0;
        for (Ligne l : lignes) {
            evenements.add(new Outbox.Evenement("droit-ouvert", l.reference(), new Evenements.DroitChange(l.droit(), l.reference(), DroitVise.RSA, caisse,
                    EtatDroit.OUVERT, l.e().ouverture(), l.e().commune(), l.orientation())));
            if (l.choix().isPresent()) {
                orientes++;
                evenements.add(new Outbox.Evenement(OrientationFaite.TYPE, l.orientation().toString(), new OrientationFaite(l.orientation(), l.reference(),
                        l.choix().get().structure(), l.e().commune(), List.of("RSA"), OrientationAutomatiqueService.AUTOMATIQUE, quand, "PROPOSEE")));
            }
        }
        long t3 = System.nanoTime();
        outbox.publierEnLot(evenements);
        long t4 = System.nanoTime();
        LOG.infof("entrants RSA : lot de %d lignes, déjà connus %d ms, règles %d ms, COPY %d ms, événements %d ms", lot.size(), (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, (t4 - t3) / 1_000_000);
        return new int[] { lot.size() - lignes.size(), lignes.size(), orientes };
    }

    private static Object[] etape(Ligne l, TypeEtapeRsa type, LocalDate depart, LocalDate faite, String structure) {
        return new Object[] { UUID.randomUUID(), l.beneficiaire(), l.droit(), type.name(), depart, type.limite(depart), faite, structure };
    }
}
