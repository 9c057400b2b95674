package fr.actionsociale.referral.service;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fr.actionsociale.commons.jdbc.Colonnes;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.referral.domain.Beneficiaire;
import fr.actionsociale.referral.domain.DroitVise;
import fr.actionsociale.referral.domain.Orientation;
import fr.actionsociale.referral.domain.RegleOrientation;
import fr.actionsociale.referral.domain.Structure;
import fr.actionsociale.referral.domain.TypeStructure;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Automatic orientation of RSA entrants without orientation (seed 003), monthly and on demand: the first rule that matches
 * decides, every decision is kept with its rule and reason, and an agent may force another orientation with a reason.
 */
@ApplicationScoped
public class OrientationAutomatiqueService {

    private static final Logger LOG = Logger.getLogger(OrientationAutomatiqueService.class);
    public static final String AUTOMATIQUE = "orientation-automatique";

    private final EntityManager em;
    private final OrientationService orientations;
    private final StructureService structures;
    private final BeneficiaireService beneficiaires;
    private final Appelant appelant;

    OrientationAutomatiqueService(EntityManager em, OrientationService orientations, StructureService structures, BeneficiaireService beneficiaires,
            Appelant appelant) {
        this.em = em;
        this.orientations = orientations;
        this.structures = structures;
        this.beneficiaires = beneficiaires;
        this.appelant = appelant;
    }

    public record Decision(UUID id, String beneficiaire, UUID regle, String raison, String structure, UUID orientation, String par, boolean forcee,
            String motifForcage, java.time.OffsetDateTime decideeLe) {
    }

    /** The reason recorded when no rule applies. */
    public static final String SANS_REGLE = "Aucune règle ne s'applique : orientation à décider par un agent";

    /** What a rule set decides for one person: the structure and why, or empty when no rule applies. */
    public record Choix(RegleOrientation regle, String raison, String structure) {

        /** The orientation's motive: the rule's reason. */
        public String motif() {
            return "Orientation automatique : " + raison;
        }
    }

    public List<RegleOrientation> regles() {
        return em.createQuery("from RegleOrientation where active order by rang", RegleOrientation.class).getResultList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public RegleOrientation creerRegle(int rang, String libelle, Integer ageMin, Integer ageMax, List<String> foyers, List<String> communes,
            TypeStructure type, String structure) {
        if (structure != null) {
            structures.connue("structure", structure);
        }
        if (em.createQuery("select count(r) from RegleOrientation r where r.rang = :r", Long.class).setParameter("r", rang).getSingleResult() > 0) {
            throw ProblemeException.conflit("Une règle occupe déjà le rang " + rang + ".");
        }
        RegleOrientation r = new RegleOrientation(rang, libelle, ageMin, ageMax, foyers, communes, type, structure, appelant.identifiant());
        em.persist(r);
        return r;
    }

    /** The structures by type, for the communes they cover. */
    public final class Annuaire {
        private final List<Structure> toutes = structures.lister();
        private final Map<String, Optional<String>> cache = new ConcurrentHashMap<>();

        Optional<String> pour(TypeStructure type, String commune) {
            return cache.computeIfAbsent(type + "/" + commune, k -> toutes.stream().filter(s -> s.type() == type && s.couvre(commune))
                    .map(Structure::code).findFirst());
        }
    }

    public Annuaire annuaire() {
        return new Annuaire();
    }

    public Optional<Choix> choisir(List<RegleOrientation> regles, Annuaire annuaire, Integer age, String foyer, String commune) {
        for (RegleOrientation r : regles) {
            Optional<String> raison = r.correspond(age, foyer, commune);
            if (raison.isEmpty()) {
                continue;
            }
            Optional<String> structure = r.structure() != null ? Optional.of(r.structure()) : annuaire.pour(r.typeStructure(), commune);
            if (structure.isPresent()) {
                return Optional.of(new Choix(r, raison.get(), structure.get()));
            }
            // no structure of that kind covers the commune: the next rule may
        }
        return Optional.empty();
    }

    public record Execution(int examines, int orientes, int sansRegle) {
    }

    /** Every RSA entrant (right opened) without an active RSA orientation is oriented by the rules, each in its own transaction. */
    public Execution executer(String par) {
        List<UUID> entrants = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select d.beneficiaireId from Droit d where d.type = :rsa and d.etat = 'OUVERT' and not exists (select o from Orientation o "
                        + "where o.beneficiaireId = d.beneficiaireId and o.statut in ('PROPOSEE', 'ACCEPTEE', 'EN_COURS') and o.droitsVises like '%RSA%')",
                UUID.class).setParameter("rsa", DroitVise.RSA).getResultList());
        List<RegleOrientation> regles = QuarkusTransaction.requiringNew().call(this::regles);
        Annuaire annuaire = QuarkusTransaction.requiringNew().call(this::annuaire);
        int orientes = 0;
        for (UUID id : entrants) {
            boolean oriente = QuarkusTransaction.requiringNew().call(() -> orienterUn(em.find(Beneficiaire.class, id), regles, annuaire, par));
            orientes += oriente ? 1 : 0;
        }
        LOG.infof("orientation automatique : %d entrants examinés, %d orientés", entrants.size(), orientes);
        return new Execution(entrants.size(), orientes, entrants.size() - orientes);
    }

    @Scheduled(cron = "{referral.orientation-automatique.cron:0 0 5 1 * ?}", timeZone = "Europe/Paris", identity = "orientation-automatique")
    void chaqueMois() {
        executer(AUTOMATIQUE);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean orienterUn(Beneficiaire b, List<RegleOrientation> regles, Annuaire annuaire, String par) {
        Optional<Choix> choix = choisir(regles, annuaire, b.ageAu(beneficiaires.aujourdHui()), b.foyer(), b.commune());
        if (choix.isEmpty()) {
            noter(b, null, SANS_REGLE, null, null, par, false, null);
            return false;
        }
        Choix c = choix.get();
        // the orientation is the rules' (orientePar), the decision records who launched the run (par)
        Orientation o = orientations.orienter(b, c.structure(), b.commune(), c.motif(), EnumSet.of(DroitVise.RSA),
                AUTOMATIQUE);
        noter(b, c.regle().id(), c.raison(), c.structure(), o.id(), par, false, null);
        return true;
    }

    /** An agent orients the person elsewhere than the rules did, with a reason; the automatic orientation is closed by it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Decision forcer(UUID decisionId, String structure, String motif) {
        List<?> trouvees = em.createNativeQuery("select beneficiaire_id, structure from decision_orientation where id = ?1").setParameter(1, decisionId)
                .getResultList();
        if (trouvees.isEmpty()) {
            throw ProblemeException.introuvable("Décision", decisionId);
        }
        Object[] d = (Object[]) trouvees.get(0);
        Beneficiaire b = em.find(Beneficiaire.class, (UUID) d[0]);
        if (!beneficiaires.peutVoir(b)) {
            throw ProblemeException.introuvable("Décision", decisionId);
        }
        if (structure.equals(d[1])) {
            throw new RegleMetierException("structure", "est déjà celle de la décision");
        }
        structures.connue("structure", structure);
        Orientation o = orientations.orienter(b, structure, b.commune(), "Orientation forcée : " + motif, EnumSet.of(DroitVise.RSA),
                appelant.institution());
        return noter(b, null, "Décision forcée par " + appelant.identifiant(), structure, o.id(), appelant.identifiant(), true, motif);
    }

    private Decision noter(Beneficiaire b, UUID regle, String raison, String structure, UUID orientation, String par, boolean forcee, String motif) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into decision_orientation (id, beneficiaire_id, regle_id, raison, structure, orientation_id, par, forcee, "
                + "motif_forcage) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)").setParameter(1, id).setParameter(2, b.id()).setParameter(3, regle)
                .setParameter(4, raison).setParameter(5, structure).setParameter(6, orientation).setParameter(7, par).setParameter(8, forcee)
                .setParameter(9, motif).executeUpdate();
        return new Decision(id, b.reference(), regle, raison, structure, orientation, par, forcee, motif, null);
    }

    /** The audit trail of a person's decisions, oldest first. */
    public List<Decision> decisions(Beneficiaire b) {
        List<?> lignes = em.createNativeQuery("select id, regle_id, raison, structure, orientation_id, par, forcee, motif_forcage, decidee_le "
                + "from decision_orientation where beneficiaire_id = ?1 order by decidee_le").setParameter(1, b.id()).getResultList();
        return lignes.stream().map(o -> (Object[]) o).map(l -> new Decision((UUID) l[0], b.reference(), (UUID) l[1], (String) l[2], (String) l[3],
                (UUID) l[4], (String) l[5], (Boolean) l[6], (String) l[7],
                Colonnes.horodatage(l[8]))).toList();
    }
}
