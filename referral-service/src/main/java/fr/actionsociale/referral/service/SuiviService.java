package fr.actionsociale.referral.service;

import fr.actionsociale.referral.domain.TypeEtapeRsa;

import fr.actionsociale.referral.domain.Droit;

import fr.actionsociale.referral.domain.Correction;

import java.time.YearMonth;

import java.time.Instant;

import java.time.Clock;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.probleme.TypeProbleme;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.referral.domain.Beneficiaire;
import fr.actionsociale.referral.domain.EtapeRsa;

/** The RSA path's steps: a structure's worklist of what is late or due soon, and steps marked done. */
@ApplicationScoped
public class SuiviService {

    private final EntityManager em;
    private final BeneficiaireService beneficiaires;
    private final Appelant appelant;

    private final IndicateurParcoursService indicateurs;
    private final Clock horloge;

    SuiviService(EntityManager em, BeneficiaireService beneficiaires, Appelant appelant, IndicateurParcoursService indicateurs,
            Clock horloge) {
        this.indicateurs = indicateurs;
        this.horloge = horloge;
        this.em = em;
        this.beneficiaires = beneficiaires;
        this.appelant = appelant;
    }

    public record ATraiter(EtapeRsa etape, String beneficiaire, String commune, boolean enRetard, long joursRestants) {
    }

    /** One page of the worklist; {@code suivant} the cursor of the next page, null on the last one. */
    public record PageATraiter(List<ATraiter> elements, String suivant) {
    }

    /**
     * Steps not done whose deadline is past or falls within the next {@code jours} days; late ones first, then by id, one page at a
     * time from the cursor {@code apres} (null: the first page). Keyset paging: a page costs the same at any depth, and a step added
     * meanwhile never shifts another one to the next page or repeats it. One query joins the person (no load per row).
     */
    public PageATraiter aTraiter(String structure, int jours, String apres, int taille) {
        exigerSaListe(structure);
        CurseurSuivi depuis = apres == null ? null : CurseurSuivi.lire("apres", apres);
        LocalDate aujourdHui = beneficiaires.aujourdHui();
        var requete = em.createQuery("select e, b.reference, b.commune from EtapeRsa e join Beneficiaire b on b.id = e.beneficiaireId "
                + "where e.structure = :s and e.faiteLe is null and e.dateLimite <= :h"
                + (depuis == null ? "" : " and (e.dateLimite, e.id) > (:d, :i)") + " order by e.dateLimite, e.id", Object[].class)
                .setParameter("s", structure).setParameter("h", aujourdHui.plusDays(jours)).setMaxResults(taille + 1);
        if (depuis != null) {
            requete.setParameter("d", depuis.jour()).setParameter("i", depuis.id());
        }
        List<Object[]> lignes = requete.getResultList();
        List<ATraiter> page = lignes.stream().limit(taille).map(l -> {
            EtapeRsa e = (EtapeRsa) l[0];
            return new ATraiter(e, (String) l[1], (String) l[2], e.enRetardAu(aujourdHui), ChronoUnit.DAYS.between(aujourdHui, e.dateLimite()));
        }).toList();
        EtapeRsa derniere = page.isEmpty() ? null : page.get(page.size() - 1).etape();
        return new PageATraiter(page, lignes.size() > taille ? new CurseurSuivi(derniere.dateLimite(), derniere.id()).ecrire() : null);
    }

    /** A break not dealt with yet: a right closed or suspended without renewal. */
    public record Rupture(UUID id, String beneficiaire, String commune, String droit, LocalDate date) {
    }

    /** One page of a structure's breaks; {@code suivant} the cursor of the next page, null on the last one. */
    public record PageRuptures(List<Rupture> elements, String suivant) {
    }

    /** The breaks not dealt with, oldest first then by id, one page at a time from the cursor {@code apres} (keyset, as the worklist). */
    public PageRuptures ruptures(String structure, String apres, int taille) {
        exigerSaListe(structure);
        CurseurSuivi depuis = apres == null ? null : CurseurSuivi.lire("apres", apres);
        var requete = em.createNativeQuery("select r.id, b.reference, b.commune, d.type, r.date_rupture from rupture r join beneficiaire b on "
                + "b.id = r.beneficiaire_id join droit d on d.id = r.droit_id where r.structure = ?1 and r.resolue_le is null"
                + (depuis == null ? "" : " and (r.date_rupture, r.id) > (?3, ?4)") + " order by r.date_rupture, r.id limit ?2")
                .setParameter(1, structure).setParameter(2, taille + 1);
        if (depuis != null) {
            requete.setParameter(3, depuis.jour()).setParameter(4, depuis.id());
        }
        List<?> lignes = requete.getResultList();
        List<Rupture> page = lignes.stream().limit(taille).map(o -> (Object[]) o).map(l -> new Rupture((UUID) l[0], (String) l[1], (String) l[2],
                (String) l[3], l[4] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) l[4])).toList();
        Rupture derniere = page.isEmpty() ? null : page.get(page.size() - 1);
        return new PageRuptures(page, lignes.size() > taille ? new CurseurSuivi(derniere.date(), derniere.id()).ecrire() : null);
    }

    /** The structure marks a break dealt with (renewal asked, person met…). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void traiterRupture(UUID id, LocalDate le) {
        // dealt with on a day that happened: never in the future, never before the break itself
        LocalDate aujourdHui = beneficiaires.aujourdHui();
        if (le.isAfter(aujourdHui)) {
            throw new RegleMetierException("date", "ne peut pas être dans le futur (" + le + " après le " + aujourdHui + ")");
        }
        List<?> rupture = em.createNativeQuery("select date_rupture from rupture where id = ?1").setParameter(1, id).getResultList();
        if (!rupture.isEmpty()) {
            LocalDate le0 = rupture.get(0) instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) rupture.get(0);
            if (le.isBefore(le0)) {
                throw new RegleMetierException("date", "le " + le + " ne peut pas précéder la rupture (" + le0 + ")");
            }
        }
        int n = em.createNativeQuery("update rupture set resolue_le = ?1 where id = ?2 and resolue_le is null and (structure = ?3 or ?4)")
                .setParameter(1, le).setParameter(2, id).setParameter(3, appelant.institution()).setParameter(4, appelant.a(Roles.ADMIN)).executeUpdate();
        if (n == 0) {
            throw ProblemeException.introuvable("Rupture à traiter", id);
        }
    }

    public List<EtapeRsa> etapes(UUID beneficiaireId) {
        return em.createQuery("from EtapeRsa where beneficiaireId = :b order by dateLimite", EtapeRsa.class).setParameter("b", beneficiaireId)
                .getResultList();
    }

    /** The structure following the person (or one that may see them) marks a step done. */
    @Transactional(Transactional.TxType.MANDATORY)
    public EtapeRsa faire(UUID id, LocalDate le) {
        EtapeRsa e = em.find(EtapeRsa.class, id);
        if (e == null) {
            throw ProblemeException.introuvable("Étape", id);
        }
        Beneficiaire b = em.find(Beneficiaire.class, e.beneficiaireId());
        boolean laSienne = appelant.institution() != null && appelant.institution().equals(e.structure());
        if (!laSienne && !beneficiaires.peutVoir(b)) {
            throw ProblemeException.introuvable("Étape", id);
        }
        e.faire(le, beneficiaires.aujourdHui());
        return e;
    }

    /**
     * A step recorded by mistake, or on the wrong day, corrected with a reason by the structure that holds it (or an
     * administrator): the trail keeps who changed what, when and why, and a closed month's indicators of the entrants it
     * belongs to are published again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Correction corrigerEtape(UUID id, LocalDate le, String motif) {
        EtapeRsa e = em.find(EtapeRsa.class, id);
        if (e == null) {
            throw ProblemeException.introuvable("Étape", id);
        }
        Beneficiaire b = em.find(Beneficiaire.class, e.beneficiaireId());
        boolean laSienne = appelant.institution() != null && appelant.institution().equals(e.structure());
        if (!laSienne && !appelant.a(Roles.ADMIN)) {
            if (!beneficiaires.peutVoir(b)) {
                throw ProblemeException.introuvable("Étape", id);
            }
            throw new ProblemeException(TypeProbleme.ACCES_REFUSE, "Seule la structure qui tient l'étape (" + e.structure() + ") peut la corriger.");
        }
        if (e.type() == TypeEtapeRsa.PREMIERE_INVITATION && ((Number) em.createNativeQuery(
                "select count(*) from invitation where etape_id = ?1").setParameter(1, id).getSingleResult()).longValue() > 0) {
            throw new RegleMetierException("date", "la première invitation a été envoyée par la suite : sa date d'envoi fait foi");
        }
        LocalDate ancienne = e.faiteLe();
        e.corriger(le, beneficiaires.aujourdHui());
        var c = Correction.dEtape(e.id(), "faiteLe", ancienne == null ? "" : ancienne.toString(),
                le == null ? "" : le.toString(), motif, appelant.institution(), appelant.identifiant() == null ? appelant.institution()
                        : appelant.identifiant(), Instant.now(horloge));
        em.persist(c);
        // the indicators count the entrants of the month their RSA opened: that month, if closed, is published again
        LocalDate ouvert = e.droitId() == null ? null : em.find(Droit.class, e.droitId()).ouvertLe();
        if (ouvert != null && YearMonth.from(ouvert).isBefore(YearMonth.from(beneficiaires.aujourdHui()))) {
            em.flush();
            indicateurs.publier(YearMonth.from(ouvert), List.of(b.commune()));
        }
        return c;
    }

    public List<Correction> correctionsDEtape(UUID id) {
        EtapeRsa e = em.find(EtapeRsa.class, id);
        Beneficiaire b = e == null ? null : em.find(Beneficiaire.class, e.beneficiaireId());
        if (e == null || !(appelant.a(Roles.ADMIN) || e.structure().equals(appelant.institution()) || beneficiaires.peutVoir(b))) {
            throw ProblemeException.introuvable("Étape", id);
        }
        return em.createQuery("from Correction where etapeId = :e order by le", Correction.class)
                .setParameter("e", id).getResultList();
    }

    /** A structure reads only its own worklist (an administrator, any). */
    private void exigerSaListe(String structure) {
        if (!appelant.a(Roles.ADMIN) && !structure.equals(appelant.institution())) {
            throw new ProblemeException(TypeProbleme.ACCES_REFUSE, "Une structure ne consulte que sa propre liste de suivi.");
        }
    }
}
