package fr.actionsociale.budget.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import fr.actionsociale.budget.domain.ActionProgramme;
import fr.actionsociale.budget.domain.Axe;
import fr.actionsociale.budget.domain.CategorieDepense;
import fr.actionsociale.budget.domain.LigneBudgetaire;
import fr.actionsociale.budget.domain.OrientationComptee;
import fr.actionsociale.budget.domain.Periode;
import fr.actionsociale.budget.domain.Programme;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.domaine.RegleMetierException;

/** Programmes, their axes and actions, and the budget lines that carry over from one period to the next. */
@ApplicationScoped
public class ProgrammeService {

    private final EntityManager em;
    private final ConsommationService consommations;
    private final Clock horloge;

    ProgrammeService(EntityManager em, ConsommationService consommations, Clock horloge) {
        this.horloge = horloge;
        this.em = em;
        this.consommations = consommations;
    }

    public LocalDate aujourdHui() {
        return LocalDate.now(horloge);
    }

    /** The date a query asks for ({@code date=AAAA-MM-JJ}), today when it asks for none; an invalid one is a 400 naming it. */
    public LocalDate auJour(String date) {
        LocalDate d = ProblemeException.date("date", date);
        return d == null ? aujourdHui() : d;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Programme creer(String code, String libelle, LocalDate debut, LocalDate fin, String referenceConvention, List<String> territoire,
            Set<CategorieDepense> nonEligibles, BigDecimal plafondEtp) {
        if (chercher(code).isPresent()) {
            throw ProblemeException.conflit("Le programme " + code + " existe déjà.");
        }
        Programme p = new Programme(code, libelle, debut, fin, referenceConvention, territoire, nonEligibles, plafondEtp);
        em.persist(p);
        return p;
    }

    public Optional<Programme> chercher(String code) {
        return em.createQuery("from Programme where code = :code", Programme.class).setParameter("code", code).getResultStream().findFirst();
    }

    public Programme trouver(String code) {
        return chercher(code).orElseThrow(() -> ProblemeException.introuvable("Programme", code));
    }

    /** The programme, locked for the rest of the transaction: its expenses are judged one at a time (the ETP cap is a sum). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Programme verrouiller(String code) {
        Programme p = trouver(code);
        em.lock(p, LockModeType.PESSIMISTIC_WRITE);
        return p;
    }

    public List<Programme> lister() {
        return em.createQuery("from Programme order by dateDebut desc, code", Programme.class).getResultList();
    }

    public List<Axe> axes(UUID programmeId) {
        return em.createQuery("from Axe where programmeId = :p order by rang", Axe.class).setParameter("p", programmeId).getResultList();
    }

    public List<ActionProgramme> actions(UUID programmeId) {
        return em.createQuery("from ActionProgramme where programmeId = :p order by rang, code", ActionProgramme.class).setParameter("p", programmeId)
                .getResultList();
    }

    public Optional<ActionProgramme> action(UUID programmeId, String code) {
        return em.createQuery("from ActionProgramme where programmeId = :p and code = :c", ActionProgramme.class).setParameter("p", programmeId)
                .setParameter("c", code).getResultStream().findFirst();
    }

    public ActionProgramme actionConnue(Programme p, String champ, String code) {
        return action(p.id(), code).orElseThrow(() -> new RegleMetierException(champ, "l'action " + code + " n'existe pas dans le programme " + p.code()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ActionProgramme creerAction(Programme p, String axeCode, String axeLibelle, String code, String libelle, String partenaires,
            LocalDate debut, LocalDate fin) {
        if (action(p.id(), code).isPresent()) {
            throw ProblemeException.conflit("L'action " + code + " existe déjà dans le programme " + p.code() + ".");
        }
        UUID axe = null;
        if (axeCode != null) {
            axe = axe(p, axeCode, axeLibelle == null ? axeCode : axeLibelle).id();
        }
        ActionProgramme a = new ActionProgramme(p.id(), axe, code, libelle, partenaires, debut, fin, actions(p.id()).size() + 1);
        em.persist(a);
        return a;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Axe axe(Programme p, String code, String libelle) {
        List<Axe> axes = axes(p.id());
        return axes.stream().filter(a -> a.code().equals(code)).findFirst().orElseGet(() -> {
            Axe a = new Axe(p.id(), code, libelle, axes.size() + 1);
            em.persist(a);
            return a;
        });
    }

    public List<LigneBudgetaire> lignes(UUID actionId) {
        return em.createQuery("from LigneBudgetaire where actionId = :a order by dateDebut", LigneBudgetaire.class).setParameter("a", actionId)
                .getResultList();
    }

    public Optional<LigneBudgetaire> ligne(UUID actionId, String periode) {
        return em.createQuery("from LigneBudgetaire where actionId = :a and periode = :p", LigneBudgetaire.class).setParameter("a", actionId)
                .setParameter("p", periode).getResultStream().findFirst();
    }

    /** The line open at a date: the latest that started on or before it (a year's credits are consumed into the next). */
    public Optional<LigneBudgetaire> ligneOuverteLe(UUID actionId, LocalDate jour) {
        return em.createQuery("from LigneBudgetaire where actionId = :a and dateDebut <= :j order by dateDebut desc", LigneBudgetaire.class)
                .setParameter("a", actionId).setParameter("j", jour).setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * A new period's line. Without a carry-in stated, the previous period's carry-over (its receipts less its consumption at the
     * day before this period starts) opens it, as seed 003's "reports crédits 2021" open 2022.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LigneBudgetaire ouvrirLigne(ActionProgramme a, Periode periode, BigDecimal valorisation, String actionsValorisees, BigDecimal reportEntrant,
            BigDecimal participationEtat, String nature) {
        if (ligne(a.id(), periode.code()).isPresent()) {
            throw ProblemeException.conflit("L'action " + a.code() + " a déjà une ligne budgétaire pour " + periode.code() + ".");
        }
        BigDecimal report = reportEntrant;
        if (report == null) {
            report = lignes(a.id()).stream().filter(l -> l.dateFin().isBefore(periode.debut())).reduce((x, y) -> y)
                    .map(prec -> prec.reportSortant(consommations.consommation(prec, LocalDate.MAX)))
                    .orElse(BigDecimal.ZERO.setScale(2));
            if (report.signum() < 0) {
                report = BigDecimal.ZERO.setScale(2); // an overspent period carries nothing over
            }
        }
        LigneBudgetaire l = new LigneBudgetaire(a.id(), periode, valorisation, actionsValorisees, report, participationEtat, nature);
        em.persist(l);
        return l;
    }
}
