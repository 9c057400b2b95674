package fr.actionsociale.referral.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.actionsociale.commons.jdbc.Colonnes;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.referral.domain.Beneficiaire;
import fr.actionsociale.referral.domain.Structure;

/**
 * Seed 001: an agent escalates a blocked or urgent individual situation to the privileged contact a partner designated under its
 * convention; the answer is due within 2 working days when urgent, 10 days otherwise, and its absence is tracked.
 */
@ApplicationScoped
public class SaisineService {

    public static final int JOURS_URGENT = 2;
    public static final int JOURS_NORMAL = 10;

    private final EntityManager em;
    private final BeneficiaireService beneficiaires;
    private final StructureService structures;
    private final Appelant appelant;

    SaisineService(EntityManager em, BeneficiaireService beneficiaires, StructureService structures, Appelant appelant) {
        this.em = em;
        this.beneficiaires = beneficiaires;
        this.structures = structures;
        this.appelant = appelant;
    }

    public record Saisine(UUID id, String beneficiaire, String par, String institution, String contact, String objet, boolean urgente,
            LocalDate saisieLe, LocalDate reponseDueLe, LocalDate reponduLe, String reponse, String etat) {
    }

    /** The day an answer is due: urgent, 2 working days (weekends skipped); otherwise 10 calendar days. */
    public static LocalDate echeance(LocalDate saisie, boolean urgente) {
        if (!urgente) {
            return saisie.plusDays(JOURS_NORMAL);
        }
        LocalDate d = saisie;
        for (int ouvres = 0; ouvres < JOURS_URGENT;) {
            d = d.plusDays(1);
            if (d.getDayOfWeek().getValue() < 6) {
                ouvres++;
            }
        }
        return d;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Saisine saisir(String reference, String institution, String objet, boolean urgente, LocalDate le) {
        Beneficiaire b = beneficiaires.modifiable(reference);
        Structure s = structures.connue("institution", institution);
        if (s.contactPrivilegie() == null) {
            throw new RegleMetierException("institution", institution + " n'a pas désigné de contact privilégié");
        }
        LocalDate aujourdHui = beneficiaires.aujourdHui();
        if (le != null && le.isAfter(aujourdHui)) {
            throw new RegleMetierException("date", "ne peut pas être dans le futur (" + le + " après le " + aujourdHui + ")");
        }
        LocalDate saisie = le == null ? aujourdHui : le;
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into saisine (id, beneficiaire_id, par, institution, contact, objet, urgente, saisie_le, reponse_due_le) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)").setParameter(1, id).setParameter(2, b.id()).setParameter(3, appelant.institution())
                .setParameter(4, institution).setParameter(5, s.contactPrivilegie()).setParameter(6, objet).setParameter(7, urgente)
                .setParameter(8, saisie).setParameter(9, echeance(saisie, urgente)).executeUpdate();
        return trouver(id);
    }

    /** The partner institution (its agents or partner role) answers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Saisine repondre(UUID id, String reponse, LocalDate le) {
        Saisine s = trouver(id);
        if (!appelant.a(Roles.ADMIN) && !s.institution().equals(appelant.institution())) {
            throw ProblemeException.introuvable("Saisine", id);
        }
        if (s.reponduLe() != null) {
            throw ProblemeException.conflit("Cette saisine a déjà reçu sa réponse le " + s.reponduLe() + ".");
        }
        if (le.isAfter(beneficiaires.aujourdHui()) || le.isBefore(s.saisieLe())) {
            throw new RegleMetierException("date", "doit être entre la saisine (" + s.saisieLe() + ") et aujourd'hui");
        }
        em.createNativeQuery("update saisine set repondue_le = ?1, reponse = ?2 where id = ?3").setParameter(1, le).setParameter(2, reponse)
                .setParameter(3, id).executeUpdate();
        return trouver(id);
    }

    /** The escalations made by or to the caller's institution. */
    public List<Saisine> lister(String institution) {
        if (!appelant.a(Roles.ADMIN) && !institution.equals(appelant.institution())) {
            throw ProblemeException.introuvable("Saisines de", institution);
        }
        return requete("where s.institution = ?1 or s.par = ?1 order by s.reponse_due_le", institution);
    }

    Saisine trouver(UUID id) {
        List<Saisine> s = requete("where s.id = ?1", id);
        if (s.isEmpty()) {
            throw ProblemeException.introuvable("Saisine", id);
        }
        return s.get(0);
    }

    private List<Saisine> requete(String condition, Object parametre) {
        LocalDate aujourdHui = beneficiaires.aujourdHui();
        List<?> lignes = em.createNativeQuery("select s.id, b.reference, s.par, s.institution, s.contact, s.objet, s.urgente, s.saisie_le, "
                + "s.reponse_due_le, s.repondue_le, s.reponse from saisine s join beneficiaire b on b.id = s.beneficiaire_id " + condition)
                .setParameter(1, parametre).getResultList();
        return lignes.stream().map(o -> (Object[]) o).map(l -> {
            LocalDate due = Colonnes.date(l[8]);
            LocalDate repondu = Colonnes.date(l[9]);
            String etat = repondu != null ? (repondu.isAfter(due) ? "REPONDUE_EN_RETARD" : "REPONDUE")
                    : aujourdHui.isAfter(due) ? "SANS_REPONSE_DANS_LE_DELAI" : "EN_ATTENTE";
            return new Saisine((UUID) l[0], (String) l[1], (String) l[2], (String) l[3], (String) l[4], (String) l[5], (Boolean) l[6], Colonnes.date(l[7]),
                    due, repondu, (String) l[10], etat);
        }).toList();
    }

}
