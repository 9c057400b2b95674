package fr.actionsociale.referral.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.actionsociale.commons.jdbc.ListeTexte;
import fr.actionsociale.commons.jdbc.Colonnes;
import fr.actionsociale.commons.outbox.Outbox;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.referral.domain.Beneficiaire;
import fr.actionsociale.referral.messaging.Evenements;

/** Outreach ("aller-vers", seed 000): campaigns over a territory and period, and each contact with its channel and outcome. */
@ApplicationScoped
public class AllerVersService {

    public static final List<String> CANAUX = List.of("PORTE_A_PORTE", "TELEPHONE", "PERMANENCE", "EVENEMENT", "COURRIER");
    public static final List<String> ISSUES = List.of("ABSENT", "REFUS", "INFORME", "RDV_PRIS", "DEJA_SUIVI");

    private final EntityManager em;
    private final Outbox outbox;
    private final BeneficiaireService beneficiaires;
    private final Appelant appelant;

    AllerVersService(EntityManager em, Outbox outbox, BeneficiaireService beneficiaires, Appelant appelant) {
        this.em = em;
        this.outbox = outbox;
        this.beneficiaires = beneficiaires;
        this.appelant = appelant;
    }

    public record Campagne(UUID id, String nom, List<String> communes, LocalDate debut, LocalDate fin, String meneePar, long contacts,
            Map<String, Long> parCanal, Map<String, Long> parIssue) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Campagne creer(String nom, List<String> communes, LocalDate debut, LocalDate fin) {
        if (fin.isBefore(debut)) {
            throw new RegleMetierException("fin", "doit suivre le début");
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into campagne (id, nom, communes, debut, fin, menee_par) values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, id)
                .setParameter(2, nom).setParameter(3, ListeTexte.ecrire(communes)).setParameter(4, debut).setParameter(5, fin)
                .setParameter(6, appelant.institution()).executeUpdate();
        return campagne(id);
    }

    /** One contact; the person's reference when they have a record (and the caller may see it), the commune in any case. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Campagne contacter(UUID campagneId, String reference, String commune, String canal, String issue, LocalDate le) {
        Campagne c = campagne(campagneId);
        if (!c.communes().contains(commune)) {
            throw new RegleMetierException("commune", "hors du territoire de la campagne (" + String.join(", ", c.communes()) + ")");
        }
        if (le.isBefore(c.debut()) || le.isAfter(c.fin()) || le.isAfter(beneficiaires.aujourdHui())) {
            throw new RegleMetierException("date", "doit être dans la période de la campagne (" + c.debut() + " au " + c.fin() + ") et pas dans le futur");
        }
        Beneficiaire b = reference == null ? null : beneficiaires.modifiable(reference);
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into contact_campagne (id, campagne_id, beneficiaire_id, commune, canal, issue, date_contact, par) values "
                + "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)").setParameter(1, id).setParameter(2, campagneId).setParameter(3, b == null ? null : b.id())
                .setParameter(4, commune).setParameter(5, canal).setParameter(6, issue).setParameter(7, le).setParameter(8, appelant.institution())
                .executeUpdate();
        outbox.publier(Evenements.BeneficiaireContacte.TYPE, campagneId.toString(), new Evenements.BeneficiaireContacte(id, campagneId,
                b == null ? null : b.reference(), commune, canal, issue, le, appelant.institution()));
        return campagne(campagneId);
    }

    public Campagne campagne(UUID id) {
        List<?> c = em.createNativeQuery("select nom, communes, debut, fin, menee_par from campagne where id = ?1").setParameter(1, id).getResultList();
        if (c.isEmpty()) {
            throw ProblemeException.introuvable("Campagne", id);
        }
        Object[] l = (Object[]) c.get(0);
        Map<String, Long> parCanal = new TreeMap<>();
        Map<String, Long> parIssue = new TreeMap<>();
        long total = 0;
        for (Object o : em.createNativeQuery("select canal, issue, count(*) from contact_campagne where campagne_id = ?1 group by canal, issue")
                .setParameter(1, id).getResultList()) {
            Object[] x = (Object[]) o;
            long n = ((Number) x[2]).longValue();
            total += n;
            parCanal.merge((String) x[0], n, Long::sum);
            parIssue.merge((String) x[1], n, Long::sum);
        }
        return new Campagne(id, (String) l[0], ListeTexte.lire((String) l[1]), Colonnes.date(l[2]), Colonnes.date(l[3]),
                (String) l[4], total, parCanal, parIssue);
    }
}
