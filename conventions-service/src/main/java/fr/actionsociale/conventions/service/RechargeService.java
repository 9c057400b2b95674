package fr.actionsociale.conventions.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import fr.actionsociale.commons.domaine.EtatInvalideException;
import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.outbox.Outbox;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.conventions.domain.AppelRegularisation;
import fr.actionsociale.conventions.domain.BudgetAnnuel;
import fr.actionsociale.conventions.domain.Convention;
import fr.actionsociale.conventions.domain.DepenseReseau;
import fr.actionsociale.conventions.domain.EtatDepense;
import fr.actionsociale.conventions.domain.Institution;
import fr.actionsociale.conventions.domain.MiseADisposition;
import fr.actionsociale.conventions.domain.NatureMiseADisposition;
import fr.actionsociale.conventions.domain.Reunion;
import fr.actionsociale.conventions.messaging.AppelRegularisationEmis;

/** Seed 004's yearly recharge: the network's budget, its expenses, the contributions in kind, and the year-end call for repayment. */
@ApplicationScoped
public class RechargeService {

    private final EntityManager em;
    private final ConventionService conventions;
    private final Outbox outbox;
    private final Appelant appelant;

    RechargeService(EntityManager em, ConventionService conventions, Outbox outbox, Appelant appelant) {
        this.em = em;
        this.conventions = conventions;
        this.outbox = outbox;
        this.appelant = appelant;
    }

    public record Vote(BudgetAnnuel budget, boolean cree) {
    }

    /** Votes the year's budget, or revises it with a trace; the same amount and party again change nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Vote voter(UUID conventionId, int annee, BigDecimal montant, String avancePar, LocalDate decideLe, String motif) {
        Convention c = conventions.modifiable(conventionId);
        BudgetAnnuel b = budgetVerrouille(conventionId, annee, false);
        if (b == null) {
            b = BudgetAnnuel.voter(c, annee, montant, avancePar, decideLe, motif, conventions.aujourdHui());
            em.persist(b);
            return new Vote(b, true);
        }
        b.reviser(c, montant, avancePar, decideLe, motif, valide(conventionId, annee, null), appel(conventionId, annee) != null,
                conventions.aujourdHui());
        return new Vote(b, false);
    }

    public BudgetAnnuel budget(UUID conventionId, int annee) {
        conventions.trouver(conventionId);
        BudgetAnnuel b = budgetVerrouille(conventionId, annee, false);
        if (b == null) {
            throw ProblemeException.introuvable("Budget annuel", annee);
        }
        return b;
    }

    private BudgetAnnuel budgetVerrouille(UUID conventionId, int annee, boolean verrou) {
        List<BudgetAnnuel> b = em.createQuery("select b from BudgetAnnuel b where b.conventionId = :c and b.annee = :a", BudgetAnnuel.class)
                .setParameter("c", conventionId).setParameter("a", annee)
                .setLockMode(verrou ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE).getResultList();
        return b.isEmpty() ? null : b.get(0);
    }

    /** The budget an expense or a contribution of that year goes to: voted, and still open. */
    private BudgetAnnuel budgetOuvert(UUID conventionId, int annee) {
        BudgetAnnuel b = budgetVerrouille(conventionId, annee, true);
        if (b == null) {
            throw new RegleMetierException("annee", "aucun budget annuel n'est voté pour " + annee);
        }
        if (appel(conventionId, annee) != null) {
            throw new EtatInvalideException("L'appel à régularisation de " + annee + " est émis : cette année est close.");
        }
        return b;
    }

    public List<DepenseReseau> depenses(UUID conventionId, int annee) {
        return em.createQuery("select d from DepenseReseau d where d.conventionId = :c and d.annee = :a order by d.dateFacture, d.numeroFacture",
                DepenseReseau.class).setParameter("c", conventionId).setParameter("a", annee).getResultList();
    }

    public List<MiseADisposition> mises(UUID conventionId, int annee) {
        return em.createQuery("select m from MiseADisposition m where m.conventionId = :c and m.annee = :a order by m.fournisseur, m.nature, m.libelle",
                MiseADisposition.class).setParameter("c", conventionId).setParameter("a", annee).getResultList();
    }

    /** The year's validated (and paid) expenses, one aside. */
    private BigDecimal valide(UUID conventionId, int annee, UUID sauf) {
        return depenses(conventionId, annee).stream().filter(d -> d.etat() != EtatDepense.PROPOSEE && !d.id().equals(sauf))
                .map(DepenseReseau::montant).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public DepenseReseau proposer(UUID conventionId, int annee, String objet, BigDecimal montant, LocalDate dateFacture, String numeroFacture,
            String proposeePar, LocalDate proposeeLe) {
        Convention c = conventions.modifiable(conventionId);
        BudgetAnnuel b = budgetOuvert(conventionId, annee);
        DepenseReseau d = DepenseReseau.proposer(c, b, objet, montant, dateFacture, numeroFacture, proposeePar, proposeeLe, conventions.aujourdHui());
        em.persist(d);
        return d;
    }

    private DepenseReseau depense(UUID conventionId, UUID id) {
        DepenseReseau d = em.find(DepenseReseau.class, id);
        if (d == null || !d.conventionId().equals(conventionId)) {
            throw ProblemeException.introuvable("Dépense", id);
        }
        return d;
    }

    /** Validation by a meeting of the convention's comité de pilotage, within the year's budget (the budget's row locked meanwhile). */
    @Transactional(Transactional.TxType.MANDATORY)
    public DepenseReseau valider(UUID conventionId, UUID id, UUID reunionId, String decision) {
        conventions.modifiable(conventionId);
        DepenseReseau d = depense(conventionId, id);
        BudgetAnnuel b = budgetOuvert(conventionId, d.annee());
        Reunion r = em.find(Reunion.class, reunionId);
        if (r == null) {
            throw new RegleMetierException("reunionId", "aucune réunion enregistrée ne porte cet identifiant");
        }
        d.valider(r, decision, b, valide(conventionId, d.annee(), d.id()));
        return d;
    }

    /** Payment by the advancing party (it holds the invoices, seed 004 art. 4.2.1). */
    @Transactional(Transactional.TxType.MANDATORY)
    public DepenseReseau payer(UUID conventionId, UUID id, LocalDate date) {
        conventions.trouver(conventionId);
        DepenseReseau d = depense(conventionId, id);
        BudgetAnnuel b = budget(conventionId, d.annee());
        appelant.exigerAdminOuInstitution(b.avancePar(), "Seule la partie qui avance les fonds (" + b.avancePar() + ") paie les dépenses.");
        d.payer(date, conventions.aujourdHui());
        return d;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public MiseADisposition valoriser(UUID conventionId, int annee, String fournisseur, NatureMiseADisposition nature, String libelle,
            BigDecimal montant) {
        Convention c = conventions.modifiable(conventionId);
        appelant.exigerAdminOuInstitution(fournisseur, "Une partie ne valorise que ce qu'elle met elle-même à disposition.");
        budgetOuvert(conventionId, annee);
        MiseADisposition m = MiseADisposition.valoriser(c, annee, fournisseur, nature, libelle, montant);
        em.persist(m);
        return m;
    }

    public AppelRegularisation appel(UUID conventionId, int annee) {
        List<AppelRegularisation> a = em.createQuery("select a from AppelRegularisation a where a.conventionId = :c and a.annee = :a",
                AppelRegularisation.class).setParameter("c", conventionId).setParameter("a", annee).getResultList();
        return a.isEmpty() ? null : a.get(0);
    }

    public AppelRegularisation appelEmis(UUID conventionId, int annee) {
        conventions.trouver(conventionId);
        AppelRegularisation a = appel(conventionId, annee);
        if (a == null) {
            throw ProblemeException.introuvable("Appel à régularisation", annee);
        }
        return a;
    }

    /**
     * Issues the year's call by the advancing party: every other party's balance, pro rata of the INSEE population last known on
     * that day, and one appel-regularisation-emis per party called, in the same transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AppelRegularisation emettre(UUID conventionId, int annee, LocalDate date) {
        Convention c = conventions.modifiable(conventionId);
        BudgetAnnuel b = budgetVerrouille(conventionId, annee, true);
        if (b == null) {
            throw new RegleMetierException("annee", "aucun budget annuel n'est voté pour " + annee);
        }
        appelant.exigerAdminOuInstitution(b.avancePar(), "Seule la partie qui avance les fonds (" + b.avancePar() + ") émet l'appel à régularisation.");
        if (appel(conventionId, annee) != null) {
            throw ProblemeException.conflit("L'appel à régularisation de " + annee + " est déjà émis.");
        }
        if (date == null) {
            throw new RegleMetierException("date", "est obligatoire");
        }
        List<DepenseReseau> validees = depenses(conventionId, annee).stream().filter(d -> d.etat() != EtatDepense.PROPOSEE).toList();
        AppelRegularisation a = AppelRegularisation.emettre(c, b, date, validees, mises(conventionId, annee),
                validees.isEmpty() ? List.of() : conventions.populationsEnVigueur(c, date, "date"), conventions.aujourdHui());
        em.persist(a);
        for (AppelRegularisation.Ligne l : a.appeles()) {
            outbox.publier(AppelRegularisationEmis.TYPE, c.id().toString(), AppelRegularisationEmis.de(c, a, l));
        }
        return a;
    }

    public String nom(String institution) {
        Institution i = em.find(Institution.class, institution);
        return i == null ? institution : i.nom();
    }

    public Reunion reunion(UUID id) {
        return id == null ? null : em.find(Reunion.class, id);
    }
}
