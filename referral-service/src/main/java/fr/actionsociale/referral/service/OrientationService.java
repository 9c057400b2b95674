package fr.actionsociale.referral.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
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
import fr.actionsociale.commons.probleme.TypeProbleme;
import fr.actionsociale.referral.domain.Correction;
import fr.actionsociale.referral.domain.Beneficiaire;
import fr.actionsociale.referral.domain.Droit;
import fr.actionsociale.referral.domain.DroitVise;
import fr.actionsociale.referral.domain.EtapeRsa;
import fr.actionsociale.referral.domain.EtatDroit;
import fr.actionsociale.referral.domain.Orientation;
import fr.actionsociale.referral.domain.TypeEtapeRsa;
import fr.actionsociale.referral.messaging.Evenements;
import fr.actionsociale.referral.messaging.OrientationCorrigee;
import fr.actionsociale.referral.messaging.OrientationFaite;
import io.micrometer.core.instrument.MeterRegistry;

/** Orientations to the structure that opens the rights aimed at, and their follow-up until closed. */
@ApplicationScoped
public class OrientationService {

    private final EntityManager em;
    private final Outbox outbox;
    private final MeterRegistry metriques;
    private final BeneficiaireService beneficiaires;
    private final StructureService structures;
    private final DroitService droits;
    private final Appelant appelant;
    private final Clock horloge;
    private final IndicateurParcoursService indicateurs;
    private final CatalogueService catalogue;

    OrientationService(EntityManager em, Outbox outbox, MeterRegistry metriques, BeneficiaireService beneficiaires, StructureService structures,
            DroitService droits, Appelant appelant, Clock horloge, IndicateurParcoursService indicateurs, CatalogueService catalogue) {
        this.catalogue = catalogue;
        this.horloge = horloge;
        this.indicateurs = indicateurs;
        this.em = em;
        this.outbox = outbox;
        this.metriques = metriques;
        this.beneficiaires = beneficiaires;
        this.structures = structures;
        this.droits = droits;
        this.appelant = appelant;
    }

    /**
     * Records the orientation and its {@code orientation-faite} event in one transaction. An active orientation of the same person
     * for one of the same rights is a re-orientation: it is closed. The person's potential rights aimed at are tied to it, and an
     * RSA path's clock moves on: the orientation step is done, the first appointment and first contract clocks start.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Orientation orienter(String reference, String structure, String commune, String motif, Set<DroitVise> droitsVises, String orientePar,
            LocalDate le, UUID service) {
        Orientation.verifierReference(reference);
        Beneficiaire b;
        try {
            b = beneficiaires.accessible(reference);
        } catch (ProblemeException e) {
            throw new RegleMetierException("beneficiaire", "bénéficiaire inconnu, ou hors du périmètre de votre structure");
        }
        BeneficiaireService.actif(b);
        structures.verifier("structure", structure);
        if (service != null) {
            catalogue.deLaStructure(service, structure);
        }
        return orienter(b, structure, commune, motif, droitsVises, orientePar, le, service);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Orientation orienter(Beneficiaire b, String structure, String commune, String motif, Set<DroitVise> droitsVises, String orientePar) {
        return orienter(b, structure, commune, motif, droitsVises, orientePar, null);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Orientation orienter(Beneficiaire b, String structure, String commune, String motif, Set<DroitVise> droitsVises, String orientePar,
            LocalDate le) {
        return orienter(b, structure, commune, motif, droitsVises, orientePar, le, null);
    }

    /**
     * The orientation itself, once the caller's right to orient this person is established (or by the automatic orientation);
     * {@code service}, when given, is one of the structure's services (checked by the caller).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Orientation orienter(Beneficiaire b, String structure, String commune, String motif, Set<DroitVise> droitsVises, String orientePar,
            LocalDate le, UUID service) {
        Instant maintenant = Instant.now(horloge);
        Orientation o = Orientation.proposer(b.reference(), structure, commune, motif,
                droitsVises.isEmpty() ? EnumSet.noneOf(DroitVise.class) : EnumSet.copyOf(droitsVises), orientePar, maintenant).versLeService(service);
        // one query for the person's rights followed, whatever the number of rights aimed at
        List<Droit> suivis = droits.enCours(b.id());
        Droit rsaOuvert = droitsVises.contains(DroitVise.RSA)
                ? suivis.stream().filter(d -> d.type() == DroitVise.RSA && d.etat() == EtatDroit.OUVERT).findFirst().orElse(null)
                : null;
        o.datee(le, maintenant, beneficiaires.aujourdHui(), rsaOuvert == null ? null : rsaOuvert.ouvertLe(), "l'ouverture du RSA");
        LocalDate jour = o.jour();
        for (Orientation precedente : actives(b.id())) {
            if (precedente.droitsVises().stream().anyMatch(droitsVises::contains)) {
                precedente.cloturer(jour, beneficiaires.aujourdHui());
                outbox.publier("orientation-cloturee", precedente.id().toString(), Evenements.OrientationSuivie.de(precedente, jour, o.id()));
                o.pour(b.id(), precedente.id());
            }
        }
        if (o.beneficiaireId() == null) {
            o.pour(b.id(), null);
        }
        em.persist(o);
        outbox.publier(OrientationFaite.TYPE, o.id().toString(), OrientationFaite.de(o));
        metriques.counter("referral.orientations", "structure", structure).increment();
        suivis.stream().filter(d -> droitsVises.contains(d.type())).forEach(d -> d.rattacher(o.id(), structure));
        if (rsaOuvert != null) {
            avancerParcoursRsa(b, rsaOuvert, structure, jour);
        }
        return o;
    }

    /** The orientation's day (which may be past) is the orientation step's done date and the start of the next clocks. */
    private void avancerParcoursRsa(Beneficiaire b, Droit rsa, String structure, LocalDate jour) {
        List<EtapeRsa> etapes = em.createQuery("from EtapeRsa where droitId = :d", EtapeRsa.class).setParameter("d", rsa.id()).getResultList();
        for (EtapeRsa e : etapes) {
            if (e.type() == TypeEtapeRsa.ORIENTATION && e.faiteLe() == null) {
                e.faire(jour, beneficiaires.aujourdHui());
            }
            if (e.faiteLe() == null) {
                e.confierA(structure);
            }
        }
        for (TypeEtapeRsa t : List.of(TypeEtapeRsa.PREMIER_RDV, TypeEtapeRsa.PREMIER_CER)) {
            if (etapes.stream().noneMatch(e -> e.type() == t)) {
                em.persist(new EtapeRsa(b.id(), rsa.id(), t, jour, structure));
            }
        }
    }

    public List<Orientation> actives(UUID beneficiaireId) {
        return em.createQuery("from Orientation where beneficiaireId = :b and statut in ('PROPOSEE', 'ACCEPTEE', 'EN_COURS')", Orientation.class)
                .setParameter("b", beneficiaireId).getResultList();
    }

    public List<Orientation> deLaPersonne(UUID beneficiaireId) {
        return em.createQuery("from Orientation where beneficiaireId = :b order by dateOrientation", Orientation.class)
                .setParameter("b", beneficiaireId).getResultList();
    }

    public Orientation trouver(UUID id) {
        return em.find(Orientation.class, id);
    }

    /** The orientation, for the structure it was made to (or an administrator); 404 for anyone else. */
    private Orientation pourLaStructure(UUID id, boolean ouLOrienteur) {
        Orientation o = trouver(id);
        if (o == null || !(appelant.a(Roles.ADMIN) || appelant.institution().equals(o.structure())
                || (ouLOrienteur && appelant.institution().equals(o.orientePar())))) {
            throw ProblemeException.introuvable("Orientation", id);
        }
        return o;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Orientation accepter(UUID id, String referent, LocalDate le) {
        Orientation o = pourLaStructure(id, false);
        o.accepter(referent, le, beneficiaires.aujourdHui());
        outbox.publier(Evenements.OrientationSuivie.type(o), o.id().toString(), Evenements.OrientationSuivie.de(o, le, null));
        return o;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Orientation refuser(UUID id, String motif, LocalDate le) {
        Orientation o = pourLaStructure(id, false);
        o.refuser(motif, le, beneficiaires.aujourdHui());
        outbox.publier(Evenements.OrientationSuivie.type(o), o.id().toString(), Evenements.OrientationSuivie.de(o, le, null));
        return o;
    }

    /** The accompaniment starts: the RSA path's first appointment is done on that day. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Orientation demarrer(UUID id, LocalDate le) {
        Orientation o = pourLaStructure(id, false);
        o.demarrer(le, beneficiaires.aujourdHui());
        faireEtape(o, TypeEtapeRsa.PREMIER_RDV, le);
        outbox.publier(Evenements.OrientationSuivie.type(o), o.id().toString(), Evenements.OrientationSuivie.de(o, le, null));
        return o;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Orientation cloturer(UUID id, LocalDate le) {
        Orientation o = pourLaStructure(id, true);
        o.cloturer(le, beneficiaires.aujourdHui());
        outbox.publier(Evenements.OrientationSuivie.type(o), o.id().toString(), Evenements.OrientationSuivie.de(o, le, null));
        return o;
    }

    /**
     * The orientation, for reading: the structures it concerns (or an administrator); 404 for anyone else, its existence being itself
     * information (the rule of GET /orientations/{id}).
     */
    public Orientation lisible(UUID id) {
        Orientation o = trouver(id);
        if (o == null || !(appelant.a(Roles.ADMIN) || o.concerne(appelant.institution()))) {
            throw ProblemeException.introuvable("Orientation", id);
        }
        return o;
    }

    /**
     * Corrects a wrong orientation date, by the structure that recorded it (or an administrator): the RSA steps that ran from the
     * old day follow the new one, the correction is kept with its reason, orientation-corrigee tells the others, and a closed month
     * whose figures it changes has its indicators published again, all in this transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Correction corrigerDate(UUID id, LocalDate le, String motif) {
        Orientation o = lisible(id);
        if (!appelant.a(Roles.ADMIN) && !appelant.institution().equals(o.orientePar())) {
            // the receiving structure reads it, but only who recorded the date vouches for it
            throw new ProblemeException(TypeProbleme.ACCES_REFUSE, "Seule la structure qui a enregistré l'orientation (" + o.orientePar()
                    + ") peut corriger sa date.");
        }
        LocalDate aujourdHui = beneficiaires.aujourdHui();
        LocalDate ancien = o.jour();
        Instant ancienneDate = o.dateOrientation();
        List<Droit> rsa = o.beneficiaireId() == null || !o.droitsVises().contains(DroitVise.RSA) ? List.of()
                : em.createQuery("from Droit where beneficiaireId = :b and type = :t and ouvertLe is not null", Droit.class)
                        .setParameter("b", o.beneficiaireId()).setParameter("t", DroitVise.RSA).getResultList();
        // the opening it follows: an orientation made before the right opened did not follow it, and may stay before it
        Droit suivie = rsa.stream().filter(d -> !ancien.isBefore(d.ouvertLe())).max(java.util.Comparator.comparing(Droit::ouvertLe)).orElse(null);
        o.corrigerDate(le, aujourdHui, suivie == null ? null : suivie.ouvertLe(), "l'ouverture du RSA");
        Set<YearMonth> mois = new LinkedHashSet<>(List.of(YearMonth.from(ancien), YearMonth.from(le)));
        for (Droit d : rsa) {
            if (suivreLaDate(d, ancien, le)) {
                mois.add(YearMonth.from(d.ouvertLe())); // the cohort of entrants whose steps moved
            }
        }
        Correction c = new Correction(o.id(), "date", ancien.toString(), le.toString(), motif, appelant.institution(),
                appelant.identifiant() == null ? appelant.institution() : appelant.identifiant(), Instant.now(horloge));
        em.persist(c);
        em.flush(); // the version the event carries is the one written
        outbox.publier(OrientationCorrigee.TYPE, o.id().toString(), OrientationCorrigee.de(o, ancienneDate));
        YearMonth courant = YearMonth.from(aujourdHui);
        Beneficiaire b = o.beneficiaireId() == null ? null : em.find(Beneficiaire.class, o.beneficiaireId());
        List<String> communes = b == null || b.commune().equals(o.commune()) ? List.of(o.commune()) : List.of(o.commune(), b.commune());
        mois.stream().filter(m -> m.isBefore(courant)).sorted().forEach(m -> indicateurs.publier(m, communes));
        return c;
    }

    /**
     * The steps of an RSA right that ran from the orientation's old day (the orientation step done that day, the first appointment
     * and CER clocks started from it) follow the new one; the clocks never start before the opening.
     *
     * @return whether any step moved
     */
    private boolean suivreLaDate(Droit d, LocalDate ancien, LocalDate nouveau) {
        LocalDate avant = ancien.isBefore(d.ouvertLe()) ? d.ouvertLe() : ancien;
        LocalDate apres = nouveau.isBefore(d.ouvertLe()) ? d.ouvertLe() : nouveau;
        List<EtapeRsa> etapes = em.createQuery("from EtapeRsa where droitId = :d", EtapeRsa.class).setParameter("d", d.id()).getResultList();
        boolean parCetteOrientation = etapes.stream().anyMatch(e -> e.type() == TypeEtapeRsa.ORIENTATION && avant.equals(e.faiteLe()));
        if (!parCetteOrientation || avant.equals(apres)) {
            return false;
        }
        for (EtapeRsa e : etapes) {
            if (e.type() == TypeEtapeRsa.ORIENTATION) {
                e.corrigerFaiteLe(apres);
            } else if (e.type().partDeLOrientation() && avant.equals(e.dateDepart())) {
                e.redater(apres);
            }
        }
        return true;
    }

    /** A person's corrections of an orientation, oldest first. */
    public List<Correction> corrections(UUID orientationId) {
        return em.createQuery("from Correction where orientationId = :o order by le, id", Correction.class).setParameter("o", orientationId)
                .getResultList();
    }

    private void faireEtape(Orientation o, TypeEtapeRsa type, LocalDate le) {
        if (o.beneficiaireId() == null) {
            return;
        }
        em.createQuery("from EtapeRsa where beneficiaireId = :b and type = :t and faiteLe is null", EtapeRsa.class).setParameter("b", o.beneficiaireId())
                .setParameter("t", type).getResultStream().forEach(e -> e.faire(le, beneficiaires.aujourdHui()));
    }
}
