package fr.actionsociale.referral.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.actionsociale.commons.outbox.Outbox;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.referral.domain.Beneficiaire;
import fr.actionsociale.referral.domain.Droit;
import fr.actionsociale.referral.domain.DroitVise;
import fr.actionsociale.referral.domain.EtapeRsa;
import fr.actionsociale.referral.domain.EtatDroit;
import fr.actionsociale.referral.domain.Orientation;
import fr.actionsociale.referral.domain.TypeEtapeRsa;
import fr.actionsociale.referral.messaging.Evenements;

/** Rights found at a RDV des droits and followed until opened; reports from the institutions; the RSA clocks they start. */
@ApplicationScoped
public class DroitService {

    private final EntityManager em;
    private final Outbox outbox;
    private final BeneficiaireService beneficiaires;
    private final Appelant appelant;
    private final InvitationService invitations;
    private final IndicateurParcoursService indicateurs;
    private final java.time.Clock horloge;

    DroitService(EntityManager em, Outbox outbox, BeneficiaireService beneficiaires, Appelant appelant, InvitationService invitations,
            IndicateurParcoursService indicateurs, java.time.Clock horloge) {
        this.indicateurs = indicateurs;
        this.horloge = horloge;
        this.em = em;
        this.outbox = outbox;
        this.beneficiaires = beneficiaires;
        this.appelant = appelant;
        this.invitations = invitations;
    }

    /** A RDV des droits: the rights examined, and those found potentially open, each then followed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Droit> rdvDesDroits(String reference, LocalDate le, Set<DroitVise> examines, Set<DroitVise> potentiels) {
        Beneficiaire b = beneficiaires.modifiable(reference);
        if (!examines.containsAll(potentiels)) {
            throw new RegleMetierException("droitsPotentiels", "un droit trouvé potentiellement ouvert doit avoir été examiné");
        }
        if (le.isAfter(beneficiaires.aujourdHui())) {
            // checked by each right found until now, so a RDV that found none could be dated in the future
            throw new RegleMetierException("date", "ne peut pas être dans le futur");
        }
        // the RDV itself, also when it finds nothing new: the outreach funnel counts RDVs held per month
        em.createNativeQuery("insert into rdv_droits (id, beneficiaire_id, date_rdv, tenu_par) values (?1, ?2, ?3, ?4)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, b.id()).setParameter(3, le).setParameter(4, appelant.institution())
                .executeUpdate();
        List<Droit> crees = new ArrayList<>();
        for (DroitVise type : potentiels) {
            if (enCours(b.id(), type).isPresent()) {
                continue; // already followed: the RDV confirms it
            }
            Droit d = Droit.identifier(b.id(), type, null, Droit.Source.RDV_DES_DROITS, le, beneficiaires.aujourdHui());
            em.persist(d);
            crees.add(d);
        }
        outbox.publier(Evenements.RdvDroitsTenu.TYPE, b.reference(), new Evenements.RdvDroitsTenu(b.reference(), b.commune(), le,
                appelant.institution(), examines.stream().sorted().toList(), potentiels.stream().sorted().toList()));
        return crees;
    }

    /** The states in which a right is still followed. */
    private static final Set<EtatDroit> SUIVIS = EnumSet.of(EtatDroit.POTENTIEL, EtatDroit.DEMANDE, EtatDroit.OUVERT, EtatDroit.SUSPENDU);

    public Optional<Droit> enCours(UUID beneficiaireId, DroitVise type) {
        return enCours(beneficiaireId).stream().filter(d -> d.type() == type).findFirst();
    }

    /** Every right of the person still followed (potential, asked, opened or suspended). */
    public List<Droit> enCours(UUID beneficiaireId) {
        return em.createQuery("from Droit where beneficiaireId = :b and etat in :e", Droit.class).setParameter("b", beneficiaireId)
                .setParameter("e", SUIVIS).getResultList();
    }

    public List<Droit> droits(UUID beneficiaireId) {
        return em.createQuery("from Droit where beneficiaireId = :b order by identifieLe, type", Droit.class).setParameter("b", beneficiaireId)
                .getResultList();
    }

    public Droit trouver(UUID id) {
        Droit d = em.find(Droit.class, id);
        if (d == null) {
            throw ProblemeException.introuvable("Droit", id);
        }
        return d;
    }

    /**
     * An agent (who may see the person) or the partner institution that serves the right moves it along its lifecycle; the fact
     * is published for the others.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Droit passer(UUID droitId, EtatDroit cible, LocalDate le, String institution) {
        Droit d = accessible(droitId);
        Beneficiaire b = em.find(Beneficiaire.class, d.beneficiaireId());
        if (institution != null) {
            d.rattacher(d.orientationId(), institution);
        }
        appliquer(d, b, cible, le);
        return d;
    }

    /** The right, if the caller is the partner institution that serves it or may see the person (else 404: they do not learn it exists). */
    private Droit accessible(UUID droitId) {
        Droit d = trouver(droitId);
        Beneficiaire b = em.find(Beneficiaire.class, d.beneficiaireId());
        boolean partenaireDuDroit = appelant.a(Roles.PARTENAIRE) && appelant.institution().equals(d.institution());
        if (!partenaireDuDroit && !beneficiaires.peutVoir(b)) {
            throw ProblemeException.introuvable("Droit", droitId);
        }
        return d;
    }

    /**
     * A right's date recorded wrong, corrected with a reason by those who may move the right along (the partner that serves it, a
     * structure that sees the person, an administrator). When an RSA right's opening moves, the clocks that run from it (first
     * invitation, orientation) start from the new day, and the indicators of the closed months of the old and new openings are
     * published again: nothing else leaves the service.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public fr.actionsociale.referral.domain.Correction corrigerDate(UUID droitId, String champ, LocalDate le, String motif) {
        Droit d = accessible(droitId);
        Beneficiaire b = em.find(Beneficiaire.class, d.beneficiaireId());
        LocalDate aujourdHui = beneficiaires.aujourdHui();
        LocalDate ancienne = d.corrigerDate(champ, le, aujourdHui);
        boolean ouvertureRsa = "ouvertLe".equals(champ) && d.type() == DroitVise.RSA;
        if (ouvertureRsa) {
            em.createQuery("from EtapeRsa where droitId = :d and type in :t", EtapeRsa.class).setParameter("d", d.id())
                    .setParameter("t", EnumSet.of(TypeEtapeRsa.PREMIERE_INVITATION, TypeEtapeRsa.ORIENTATION)).getResultList()
                    .forEach(e -> e.redater(le));
        }
        var c = fr.actionsociale.referral.domain.Correction.deDroit(d.id(), champ, ancienne.toString(), le.toString(), motif,
                appelant.institution(), appelant.identifiant() == null ? appelant.institution() : appelant.identifiant(),
                java.time.Instant.now(horloge));
        em.persist(c);
        em.flush();
        if (ouvertureRsa) {
            // seed 003 counts the entrants of the month their RSA opened: both months, when closed, are published again
            java.time.YearMonth courant = java.time.YearMonth.from(aujourdHui);
            java.util.stream.Stream.of(java.time.YearMonth.from(ancienne), java.time.YearMonth.from(le)).distinct().sorted()
                    .filter(m -> m.isBefore(courant)).forEach(m -> indicateurs.publier(m, List.of(b.commune())));
        }
        return c;
    }

    /** A right's corrections, oldest first: the same readers as those who may correct it. */
    public List<fr.actionsociale.referral.domain.Correction> corrections(UUID droitId) {
        accessible(droitId);
        return em.createQuery("from Correction where droitId = :d order by le, id", fr.actionsociale.referral.domain.Correction.class)
                .setParameter("d", droitId).getResultList();
    }

    /** What a partner's report did: the right followed, and whether the report was news. */
    public record Signalement(Droit droit, boolean nouveau) {
    }

    /** The person's opaque reference: all that a right's view says of them. */
    public String reference(Droit d) {
        return em.find(Beneficiaire.class, d.beneficiaireId()).reference();
    }

    /**
     * A partner reports a fact about a person's right (over REST or as a CloudEvent): the right is created if nobody had found it,
     * and moved to the state reported. An institution that opens or refuses a right has received its request: that step is
     * recorded on the same date if it was missing.
     *
     * @return the right followed, not news when the fact was already known (a repeated report)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Signalement signaler(String reference, DroitVise type, EtatDroit etat, LocalDate le, String institution) {
        Beneficiaire b = BeneficiaireService.actif(beneficiaires.parReference(reference).orElseThrow(() -> new RegleMetierException("beneficiaire", "bénéficiaire inconnu")));
        Droit d = enCours(b.id(), type).orElse(null);
        if (d == null) {
            if (etat == EtatDroit.FERME || etat == EtatDroit.SUSPENDU) {
                throw new RegleMetierException("etat", "aucun droit " + type + " ouvert n'est suivi pour cette personne");
            }
            d = Droit.identifier(b.id(), type, institution, Droit.Source.PARTENAIRE, le, beneficiaires.aujourdHui());
            em.persist(d);
        }
        d.rattacher(d.orientationId(), institution);
        if (d.etat() == etat) {
            return new Signalement(d, false);
        }
        if ((etat == EtatDroit.OUVERT || etat == EtatDroit.REFUSE) && d.etat() == EtatDroit.POTENTIEL) {
            appliquer(d, b, EtatDroit.DEMANDE, le);
        }
        appliquer(d, b, etat, le);
        return new Signalement(d, true);
    }

    private void appliquer(Droit d, Beneficiaire b, EtatDroit cible, LocalDate le) {
        if (!d.passer(cible, le, beneficiaires.aujourdHui())) {
            return;
        }
        em.flush();
        String type = Evenements.DroitChange.type(cible);
        if (type != null) {
            outbox.publier(type, b.reference(), Evenements.DroitChange.de(d, b));
        }
        if (cible == EtatDroit.OUVERT && d.type() == DroitVise.RSA) {
            demarrerHorloges(d, b);
        }
        if (cible == EtatDroit.FERME || cible == EtatDroit.SUSPENDU) {
            signalerRupture(d, b, cible, le);
        }
        if (cible == EtatDroit.OUVERT) {
            // a suspension lifted: the break is over
            em.createNativeQuery("update rupture set resolue_le = ?1 where droit_id = ?2 and resolue_le is null").setParameter(1, le)
                    .setParameter(2, d.id()).executeUpdate();
        }
    }

    /**
     * A right that closes or is suspended with no renewal: rupture-detectee, and an item in the worklist of the structure that
     * follows the person (the one of their active orientation, else the one that registered them).
     */
    private void signalerRupture(Droit d, Beneficiaire b, EtatDroit etat, LocalDate le) {
        String structure = activesRecentesDAbord(b).stream().map(Orientation::structure).findFirst().orElse(b.creePar());
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into rupture (id, beneficiaire_id, droit_id, date_rupture, structure) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, id).setParameter(2, b.id()).setParameter(3, d.id()).setParameter(4, le).setParameter(5, structure).executeUpdate();
        outbox.publier(Evenements.RuptureDetectee.TYPE, b.reference(), new Evenements.RuptureDetectee(id, b.reference(), d.type(), etat, le, structure,
                b.commune()));
    }

    /**
     * Seeds 002 and 003: the RSA clocks start on the date the right opened, whatever the date the person entered any tool. A person
     * already oriented for the RSA has their orientation step done on that date, and the first appointment and contract clocks run
     * from it; otherwise the structure that registered them holds the steps until the orientation. The structure holding the
     * first invitation sends it at once when the person has a channel.
     */
    void demarrerHorloges(Droit d, Beneficiaire b) {
        long deja = em.createQuery("select count(e) from EtapeRsa e where e.droitId = :d", Long.class).setParameter("d", d.id()).getSingleResult();
        if (deja > 0) {
            return; // a suspension lifted does not restart the clocks
        }
        Orientation orientation = activesRecentesDAbord(b).stream().filter(o -> o.droitsVises().contains(DroitVise.RSA)).findFirst().orElse(null);
        String structure = orientation == null ? b.creePar() : orientation.structure();
        EtapeRsa invitation = new EtapeRsa(b.id(), d.id(), TypeEtapeRsa.PREMIERE_INVITATION, d.ouvertLe(), structure);
        em.persist(invitation);
        EtapeRsa etapeOrientation = new EtapeRsa(b.id(), d.id(), TypeEtapeRsa.ORIENTATION, d.ouvertLe(), structure);
        em.persist(etapeOrientation);
        if (orientation != null) {
            etapeOrientation.faire(d.ouvertLe(), beneficiaires.aujourdHui());
            em.persist(new EtapeRsa(b.id(), d.id(), TypeEtapeRsa.PREMIER_RDV, d.ouvertLe(), structure));
            em.persist(new EtapeRsa(b.id(), d.id(), TypeEtapeRsa.PREMIER_CER, d.ouvertLe(), structure));
        }
        // seed 002 art. 1: the first invitation leaves the day the opening is known, by the channels the person has
        invitations.aLOuverture(invitation, b);
    }

    /** The person's active orientations, the most recent first: the structure that follows them now. */
    private List<Orientation> activesRecentesDAbord(Beneficiaire b) {
        return em.createQuery("from Orientation where beneficiaireId = :b and statut in ('PROPOSEE', 'ACCEPTEE', 'EN_COURS') "
                + "order by dateOrientation desc", Orientation.class).setParameter("b", b.id()).getResultList();
    }
}
