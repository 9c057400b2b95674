package fr.actionsociale.conventions.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.evenement.EvenementRecu;
import fr.actionsociale.commons.inbox.EvenementInvalideException;
import fr.actionsociale.commons.outbox.Outbox;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.conventions.domain.Convention;
import fr.actionsociale.conventions.domain.Echeance;
import fr.actionsociale.conventions.domain.Echeancier;
import fr.actionsociale.conventions.domain.EtatEcheance;
import fr.actionsociale.conventions.domain.TrancheVersement;
import fr.actionsociale.conventions.domain.TypeEcheance;
import fr.actionsociale.conventions.messaging.EcheanceSignalee;

import io.quarkus.scheduler.Scheduled;

@ApplicationScoped
public class EcheanceService {

    private static final Logger LOG = Logger.getLogger(EcheanceService.class);

    private final EntityManager em;
    private final Outbox outbox;
    private final ConventionService conventions;
    private final Appelant appelant;

    EcheanceService(EntityManager em, Outbox outbox, ConventionService conventions, Appelant appelant) {
        this.appelant = appelant;
        this.em = em;
        this.outbox = outbox;
        this.conventions = conventions;
    }

    public List<Echeance> lister(String institution, UUID convention, EtatEcheance etat, LocalDate aujourdHui) {
        StringBuilder jpql = new StringBuilder("select e from Echeance e where 1 = 1");
        if (institution != null) {
            jpql.append(" and e.institution = :institution");
        }
        if (convention != null) {
            jpql.append(" and e.conventionId = :convention");
        }
        var q = em.createQuery(jpql.append(" order by e.dateDue nulls last, e.libelle").toString(), Echeance.class);
        if (institution != null) {
            q.setParameter("institution", institution);
        }
        if (convention != null) {
            q.setParameter("convention", convention);
        }
        // the state follows the calendar: filtered here rather than stored
        return q.getResultList().stream().filter(e -> etat == null || e.etatAu(aujourdHui) == etat).toList();
    }

    public Echeance trouver(UUID id) {
        Echeance e = em.find(Echeance.class, id);
        if (e == null) {
            throw ProblemeException.introuvable("Échéance", id);
        }
        return e;
    }

    /** Marks a deadline done; a report produced starts the delay of the payments it triggers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Echeance faire(UUID id, LocalDate le) {
        Echeance e = trouver(id);
        appelant.exigerAdminOuInstitution(e.institution(), "Seule l'institution qui doit agir marque l'échéance faite.");
        e.faire(le, conventions.aujourdHui());
        declencherVersements(e, le);
        return e;
    }

    /** A report produced starts the delay of the payments it triggers (seed 002: the balance after the interim report). */
    private void declencherVersements(Echeance e, LocalDate le) {
        TrancheVersement.Declencheur declencheur = e.type() == TypeEcheance.RAPPORT_INTERMEDIAIRE ? TrancheVersement.Declencheur.RAPPORT_INTERMEDIAIRE
                : e.type() == TypeEcheance.RAPPORT_FINAL ? TrancheVersement.Declencheur.RAPPORT_FINAL : null;
        if (declencheur != null) {
            lister(null, e.conventionId(), null, le).forEach(v -> v.declencher(declencheur, le));
        }
    }

    /**
     * Applies one rapport-produit of budget-service (inside the Inbox's transaction): the matching report deadline of the convention
     * the programme names is done on the day the report was produced, and the payments it triggers are dated from that day. A
     * programme without a convention known here, or a deadline already done (by hand), changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rapportProduit(EvenementRecu ev) {
        String reference = ev.texte("referenceConvention");
        String type = ev.texte("type");
        LocalDate le;
        LocalDate fin;
        try {
            le = LocalDate.parse(ev.texte("produitLe"));
            fin = LocalDate.parse(ev.texte("dateFin"));
        } catch (DateTimeParseException | NullPointerException ex) {
            throw new EvenementInvalideException("produitLe ou dateFin illisible");
        }
        if (!"INTERMEDIAIRE".equals(type) && !"FINAL".equals(type)) {
            throw new EvenementInvalideException("type inconnu : " + type);
        }
        if (reference == null) {
            return;
        }
        List<UUID> ids = em.createQuery("select c.id from Convention c where c.reference = :r", UUID.class).setParameter("r", reference)
                .getResultList();
        if (ids.isEmpty()) {
            LOG.infof("rapport-produit pour %s : aucune convention de cette référence ici", reference);
            return;
        }
        TypeEcheance attendu = "FINAL".equals(type) ? TypeEcheance.RAPPORT_FINAL : TypeEcheance.RAPPORT_INTERMEDIAIRE;
        // an interim report covers a year: its deadline is 31 March of the next one
        Echeance e = lister(null, ids.get(0), null, le).stream().filter(x -> x.type() == attendu)
                .filter(x -> attendu == TypeEcheance.RAPPORT_FINAL || x.dateDue().getYear() == fin.getYear() + 1).findFirst().orElse(null);
        if (e == null || e.faiteLe() != null) {
            return;
        }
        e.faire(le, conventions.aujourdHui());
        declencherVersements(e, le);
    }

    public record Passe(int proches, int depassees) {
    }

    /** The daily pass: each deadline close or missed is announced once, by an event in the same transaction. */
    @Transactional
    public Passe passeQuotidienne() {
        LocalDate aujourdHui = conventions.aujourdHui();
        int proches = 0;
        int depassees = 0;
        List<Echeance> aSuivre = em.createQuery("select e from Echeance e where e.faiteLe is null and e.dateDue is not null "
                + "and (e.alerteProche = false or e.alerteDepassee = false) and e.dateDue <= :horizon", Echeance.class)
                .setParameter("horizon", aujourdHui.plusDays(Echeance.JOURS_AVANT)).getResultList();
        for (Echeance e : aSuivre) {
            String reference = em.find(Convention.class, e.conventionId()).reference();
            if (e.signalerDepassee(aujourdHui)) {
                outbox.publier(EcheanceSignalee.DEPASSEE, e.conventionId().toString(), EcheanceSignalee.de(e, reference));
                depassees++;
            } else if (e.signalerProche(aujourdHui)) {
                outbox.publier(EcheanceSignalee.PROCHE, e.conventionId().toString(), EcheanceSignalee.de(e, reference));
                proches++;
            }
        }
        return new Passe(proches, depassees);
    }

    @Scheduled(cron = "${echeances.passe-quotidienne.cron:0 0 6 * * ?}", timeZone = "Europe/Paris",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void planifiee() {
        Passe p = passeQuotidienne();
        LOG.infof("Passe quotidienne des échéances : %d proches, %d dépassées", p.proches(), p.depassees());
    }

    /**
     * After an avenant moved the end or the notice, the calendar deadlines are derived again: those still valid stay as they are
     * (with their alerts), those not done any more due are replaced by the new ones; deadlines done and payments are kept.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rederiver(Convention c) {
        Set<TypeEcheance> calendaires = EnumSet.of(TypeEcheance.RAPPORT_INTERMEDIAIRE, TypeEcheance.RAPPORT_FINAL, TypeEcheance.RENEGOCIATION,
                TypeEcheance.PREAVIS);
        List<Echeance> existantes = em.createQuery("select e from Echeance e where e.conventionId = :c", Echeance.class)
                .setParameter("c", c.id()).getResultList().stream().filter(e -> calendaires.contains(e.type())).toList();
        List<Echeance> derivees = Echeancier.deriver(c, List.of()).stream().filter(e -> calendaires.contains(e.type())).toList();
        for (Echeance e : existantes) {
            boolean toujoursDue = derivees.stream().anyMatch(d -> memeEcheance(d, e));
            if (!toujoursDue && e.faiteLe() == null) {
                em.remove(e);
            }
        }
        em.flush();
        for (Echeance d : derivees) {
            if (existantes.stream().noneMatch(e -> memeEcheance(d, e) || (e.faiteLe() != null && e.type() == d.type() && e.libelle().equals(d.libelle())))) {
                em.persist(d);
            }
        }
    }

    private static boolean memeEcheance(Echeance a, Echeance b) {
        return a.type() == b.type() && a.libelle().equals(b.libelle()) && a.dateDue().equals(b.dateDue());
    }
}
