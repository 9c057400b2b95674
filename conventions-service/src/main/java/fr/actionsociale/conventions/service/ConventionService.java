package fr.actionsociale.conventions.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import fr.actionsociale.commons.outbox.Outbox;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.probleme.TypeProbleme;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.conventions.domain.ActeAutorise;
import fr.actionsociale.conventions.domain.Anomalie;
import fr.actionsociale.conventions.domain.ContactPrivilegie;
import fr.actionsociale.conventions.domain.Convention;
import fr.actionsociale.conventions.domain.Deliberation;
import fr.actionsociale.conventions.domain.Financement;
import fr.actionsociale.conventions.domain.PopulationInsee;
import fr.actionsociale.conventions.messaging.ContactPrivilegieDesigne;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import fr.actionsociale.conventions.domain.DeliberationCitee;
import fr.actionsociale.conventions.domain.Echeancier;
import fr.actionsociale.conventions.domain.Institution;
import fr.actionsociale.conventions.domain.ModeResiliation;
import fr.actionsociale.conventions.domain.Partie;
import fr.actionsociale.conventions.domain.RepartitionCharges;
import fr.actionsociale.conventions.domain.StatutConvention;
import fr.actionsociale.conventions.messaging.ConventionResiliee;
import fr.actionsociale.conventions.messaging.ConventionSignee;
import fr.actionsociale.conventions.domain.ConventionVersion;
import fr.actionsociale.conventions.domain.ScdlSubventions;
import fr.actionsociale.conventions.domain.RolePartie;
import fr.actionsociale.conventions.domain.Echeance;
import fr.actionsociale.commons.temps.Horloges;

@ApplicationScoped
public class ConventionService {

    /** The institutions' calendar. */
    static final ZoneId FUSEAU = Horloges.PARIS;

    private final EntityManager em;
    private final Outbox outbox;
    private final Instantanes instantanes;
    private final Appelant appelant;
    private final Clock horloge;

    private final DeliberationService deliberations;

    ConventionService(EntityManager em, Outbox outbox, Instantanes instantanes, Appelant appelant, Clock horloge,
            DeliberationService deliberations) {
        this.deliberations = deliberations;
        this.horloge = horloge;
        this.em = em;
        this.appelant = appelant;
        this.outbox = outbox;
        this.instantanes = instantanes;
    }

    public LocalDate aujourdHui() {
        return LocalDate.now(horloge);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Convention rediger(Convention c) {
        if (em.find(Institution.class, c.porteur()) == null) {
            throw new RegleMetierException("porteur", "institution inconnue : " + c.porteur());
        }
        List<Partie> parties = c.parties();
        for (int i = 0; i < parties.size(); i++) {
            if (em.find(Institution.class, parties.get(i).institution()) == null) {
                throw new RegleMetierException("parties[" + i + "].institution", "institution inconnue : " + parties.get(i).institution());
            }
            Deliberation d = deliberations.citee(parties.get(i).deliberationId(), "parties[" + i + "].deliberationId");
            if (d != null) {
                Convention.verifierAutorite(d, parties.get(i).institution(), ActeAutorise.AUTORISER_SIGNATAIRE, "parties[" + i + "].deliberationId");
            }
        }
        List<Financement> financements = c.financements();
        for (int i = 0; i < financements.size(); i++) {
            if (financements.get(i).institution() != null && em.find(Institution.class, financements.get(i).institution()) == null) {
                throw new RegleMetierException("financements[" + i + "].institution", "institution inconnue : " + financements.get(i).institution());
            }
        }
        if (!em.createQuery("select c.id from Convention c where c.reference = :r", UUID.class).setParameter("r", c.reference())
                .getResultList().isEmpty()) {
            throw ProblemeException.conflit("Une convention porte déjà la référence " + c.reference() + ".");
        }
        em.persist(c);
        return c;
    }

    /**
     * The convention, its row locked until the transaction ends: two parties signing (or approving an avenant) at the same
     * moment would each see the other's signature missing, and the last one would never put the convention in force.
     */
    public Convention verrouillee(UUID id) {
        Convention c = em.find(Convention.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw ProblemeException.introuvable("Convention", id);
        }
        return c;
    }

    /**
     * A convention the caller may change (submit, add commitments, bodies, meetings or amendments, share costs): only its parties'
     * staff, or an administrator. Anyone may read a convention, a public act; nobody writes into another institution's agreement.
     */
    public Convention modifiable(UUID id) {
        Convention c = trouver(id);
        if (!appelant.a(Roles.ADMIN) && !c.lie(appelant.institution())) {
            throw new ProblemeException(TypeProbleme.ACCES_REFUSE, "Votre institution n'est pas partie à cette convention.");
        }
        return c;
    }

    public Convention trouver(UUID id) {
        Convention c = em.find(Convention.class, id);
        if (c == null) {
            throw ProblemeException.introuvable("Convention", id);
        }
        return c;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Convention soumettre(UUID id) {
        Convention c = trouver(id);
        c.soumettreALaSignature();
        return c;
    }

    /** Records a signature; the last one puts the convention in force and emits convention-signee with it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Convention signer(UUID id, String institution, LocalDate date, UUID deliberationId, DeliberationCitee citation) {
        appelant.exigerAdminOuInstitution(institution, "Un gestionnaire ne signe que pour sa propre institution.");
        Convention c = verrouillee(id);
        Deliberation deliberation = deliberations.citee(deliberationId, "deliberationId");
        if (deliberation == null) {
            // the deliberation named when the convention was drafted
            deliberation = c.partie(institution).map(Partie::deliberationId).map(d -> em.find(Deliberation.class, d)).orElse(null);
        }
        if (c.signer(institution, date, deliberations.regle(institution), deliberation, citation, aujourdHui())) {
            em.flush();
            List<Echeance> echeances = Echeancier.deriver(c, c.versements());
            echeances.forEach(em::persist);
            em.persist(new ConventionVersion(c.id(), 1, c.dateSignature(), null, instantanes.de(c)));
            outbox.publier(ConventionSignee.TYPE, c.id().toString(), ConventionSignee.de(c, echeances));
        }
        return c;
    }

    public record Page(List<Convention> conventions, long total) {
    }

    public Page lister(StatutConvention statut, String institution, LocalDate activeLe, String commune, int page, int taille) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (statut != null) {
            where.append(" and ").append(condition(statut));
        }
        if (institution != null) {
            where.append(" and exists (select 1 from Partie p where p.convention = c and p.institution = :institution)");
        }
        if (activeLe != null) {
            where.append(" and c.dateDebut <= :activeLe and c.dateFin >= :activeLe");
        }
        if (commune != null) {
            where.append(" and concat(',', c.territoire, ',') like :commune");
        }
        TypedQuery<Convention> q = em.createQuery("select c from Convention c" + where + " order by c.dateDebut desc, c.reference", Convention.class);
        TypedQuery<Long> n = em.createQuery("select count(c) from Convention c" + where, Long.class);
        for (TypedQuery<?> t : List.of(q, n)) {
            if (where.indexOf(":aujourdHui") >= 0) {
                t.setParameter("aujourdHui", aujourdHui());
            }
            if (institution != null) {
                t.setParameter("institution", institution);
            }
            if (activeLe != null) {
                t.setParameter("activeLe", activeLe);
            }
            if (commune != null) {
                t.setParameter("commune", "%," + commune + ",%");
            }
        }
        return new Page(q.setFirstResult(page * taille).setMaxResults(taille).getResultList(), n.getSingleResult());
    }

    /**
     * The stored status is the last transition; expiry and a termination's effect come with the calendar
     * (as {@link Convention#statutAu} computes them), so the filter computes them too.
     */
    private static String condition(StatutConvention statut) {
        String enVigueur = "c.statut = fr.actionsociale.conventions.domain.StatutConvention.EN_VIGUEUR";
        String nonResiliee = "(c.resiliationDateEffet is null or c.resiliationDateEffet > :aujourdHui)";
        return switch (statut) {
            case EN_VIGUEUR -> "(" + enVigueur + " and c.dateFin >= :aujourdHui and " + nonResiliee + ")";
            case EXPIREE -> "(c.statut = fr.actionsociale.conventions.domain.StatutConvention.EXPIREE or (" + enVigueur
                    + " and c.dateFin < :aujourdHui and c.resiliationDateEffet is null))";
            case RESILIEE -> "(c.statut = fr.actionsociale.conventions.domain.StatutConvention.RESILIEE or (" + enVigueur
                    + " and c.resiliationDateEffet <= :aujourdHui))";
            default -> "c.statut = fr.actionsociale.conventions.domain.StatutConvention." + statut.name();
        };
    }

    /** Records the termination and emits convention-resiliee with its effective date. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Convention resilier(UUID id, ModeResiliation mode, String institution, LocalDate dateLettre, LocalDate dateEffet) {
        Convention c = trouver(id);
        // a gestionnaire terminates for their own institution, or agrees for a party they belong to
        String pour = mode == ModeResiliation.UNILATERALE ? institution : appelant.institution();
        if (!appelant.a(Roles.ADMIN) && !(appelant.institution().equals(pour) && c.lie(pour))) {
            throw new ProblemeException(TypeProbleme.ACCES_REFUSE, "Seule une partie résilie la convention, pour elle-même.");
        }
        c.resilier(mode, institution, dateLettre, dateEffet, aujourdHui());
        outbox.publier(ConventionResiliee.TYPE, c.id().toString(), ConventionResiliee.de(c));
        return c;
    }

    public record Export(String csv, List<String> incompletes) {
    }

    /** The signed funding conventions as SCDL Subventions CSV; those that lack a SIRET or a signature are listed apart. */
    public Export exportScdl() {
        StringBuilder csv = new StringBuilder(ScdlSubventions.csv(
                ScdlSubventions.COLONNES)).append("\r\n");
        List<String> incompletes = new ArrayList<>();
        for (Convention c : em.createQuery("select c from Convention c where c.type = fr.actionsociale.conventions.domain.TypeConvention.FINANCEMENT "
                + "order by c.dateSignature, c.reference", Convention.class).getResultList()) {
            String financeur = c.parties().stream().filter(p -> p.role() == RolePartie.FINANCEUR)
                    .map(Partie::institution).findFirst().orElse(null);
            var versements = em.createQuery("select e from Echeance e where e.conventionId = :c and e.type = "
                    + "fr.actionsociale.conventions.domain.TypeEcheance.VERSEMENT", Echeance.class)
                    .setParameter("c", c.id()).getResultList();
            var ligne = financeur == null ? Optional.<List<String>>empty()
                    : ScdlSubventions.ligne(c, em.find(Institution.class, financeur),
                            em.find(Institution.class, c.porteur()), versements);
            if (ligne.isPresent()) {
                csv.append(ScdlSubventions.csv(ligne.get())).append("\r\n");
            } else {
                incompletes.add(c.reference());
            }
        }
        return new Export(csv.toString(), incompletes);
    }

    /**
     * Shares of a year's amount pro rata of each party's INSEE population as last known on 1 January of that year (seed 004):
     * the vintage in force that day, which must be recorded for every party.
     */
    public List<RepartitionCharges.Part> repartir(UUID id, BigDecimal montant, int annee) {
        Convention c = modifiable(id);
        return RepartitionCharges.repartir(montant, populationsEnVigueur(c, LocalDate.of(annee, 1, 1), "annee"));
    }

    /**
     * Each party's INSEE population last known on a day (seed 004: "dernièrement connu selon l'Insee"): the vintage in force that
     * day, which must be recorded for every party, else a refusal naming {@code champ}.
     */
    public List<RepartitionCharges.Population> populationsEnVigueur(Convention c, LocalDate jour, String champ) {
        int millesime = PopulationInsee.millesimeEnVigueur(jour);
        // the vintage in force that day, for every party at once
        Map<String, PopulationInsee> enVigueur = new HashMap<>();
        em.createQuery("select p from PopulationInsee p where p.millesime = :m and p.institution in :i", PopulationInsee.class)
                .setParameter("m", millesime).setParameter("i", c.parties().stream().map(Partie::institution).toList()).getResultList()
                .forEach(p -> enVigueur.put(p.institution(), p));
        List<RepartitionCharges.Population> populations = new ArrayList<>();
        List<String> manquantes = new ArrayList<>();
        for (Partie p : c.parties()) {
            PopulationInsee pop = enVigueur.get(p.institution());
            if (pop == null) {
                manquantes.add(p.institution());
            } else {
                populations.add(new RepartitionCharges.Population(p.institution(), pop.population(), pop.millesime()));
            }
        }
        if (!manquantes.isEmpty()) {
            throw new RegleMetierException(champ, "au " + fr.actionsociale.commons.document.FormatFrancais.date(jour) + ", la dernière population INSEE connue est celle du millésime "
                    + millesime + " ; elle n'est pas enregistrée pour " + String.join(", ", manquantes));
        }
        return populations;
    }

    /** What is wrong with the convention as recorded, for a legal officer to regularise or check. */
    public List<Anomalie> anomalies(Convention c) {
        Map<UUID, Deliberation> citees = new HashMap<>();
        for (Partie p : c.parties()) {
            if (p.deliberationId() != null) {
                citees.put(p.deliberationId(), em.find(Deliberation.class, p.deliberationId()));
            }
        }
        Set<String> engagees = new HashSet<>(em.createQuery("select distinct e.institution from Engagement e where e.conventionId = :c",
                String.class).setParameter("c", c.id()).getResultList());
        return Anomalie.de(c, citees, engagees);
    }

    public record AnomalieConvention(UUID conventionId, String reference, Anomalie anomalie) {
    }

    /** Every convention's anomalies, optionally of one type or involving one institution. */
    public List<AnomalieConvention> anomalies(Anomalie.Type type, String institution) {
        List<AnomalieConvention> toutes = new ArrayList<>();
        for (Convention c : em.createQuery("select c from Convention c order by c.reference", Convention.class).getResultList()) {
            for (Anomalie a : anomalies(c)) {
                if ((type == null || a.type() == type) && (institution == null || institution.equals(a.institution())
                        || (a.institution() == null && c.lie(institution)))) {
                    toutes.add(new AnomalieConvention(c.id(), c.reference(), a));
                }
            }
        }
        return toutes;
    }

    /** A party designates its privileged contact; contact-privilegie-designe carries it to referral-service. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ContactPrivilegie designerContact(UUID id, String institution, String contact, LocalDate designeLe, String hypothese) {
        appelant.exigerAdminOuInstitution(institution, "Un gestionnaire ne désigne que le contact de sa propre institution.");
        Convention c = trouver(id);
        ContactPrivilegie p = ContactPrivilegie.designer(c, institution, contact, designeLe, hypothese, aujourdHui());
        em.persist(p);
        outbox.publier(ContactPrivilegieDesigne.TYPE, institution, ContactPrivilegieDesigne.de(p));
        return p;
    }

    public List<ContactPrivilegie> contacts(UUID id) {
        trouver(id);
        return em.createQuery("select p from ContactPrivilegie p where p.conventionId = :c order by p.institution, p.designeLe",
                ContactPrivilegie.class).setParameter("c", id).getResultList();
    }
}
