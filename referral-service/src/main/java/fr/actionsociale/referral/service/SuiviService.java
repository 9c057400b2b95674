package fr.actionsociale.referral.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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

    SuiviService(EntityManager em, BeneficiaireService beneficiaires, Appelant appelant) {
        this.em = em;
        this.beneficiaires = beneficiaires;
        this.appelant = appelant;
    }

    public record ATraiter(EtapeRsa etape, String beneficiaire, String commune, boolean enRetard, long joursRestants) {
    }

    /** Steps not done whose deadline is past or falls within the next {@code jours} days; late ones first. */
    public List<ATraiter> aTraiter(String structure, int jours) {
        if (!appelant.a(Roles.ADMIN) && !structure.equals(appelant.institution())) {
            throw new ProblemeException(TypeProbleme.ACCES_REFUSE,
                    "Une structure ne consulte que sa propre liste de suivi.");
        }
        LocalDate aujourdHui = beneficiaires.aujourdHui();
        List<EtapeRsa> etapes = em.createQuery("from EtapeRsa where structure = :s and faiteLe is null and dateLimite <= :h order by dateLimite",
                EtapeRsa.class).setParameter("s", structure).setParameter("h", aujourdHui.plusDays(jours)).getResultList();
        return etapes.stream().map(e -> {
            Beneficiaire b = em.find(Beneficiaire.class, e.beneficiaireId());
            return new ATraiter(e, b.reference(), b.commune(), e.enRetardAu(aujourdHui),
                    ChronoUnit.DAYS.between(aujourdHui, e.dateLimite()));
        }).toList();
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
}
