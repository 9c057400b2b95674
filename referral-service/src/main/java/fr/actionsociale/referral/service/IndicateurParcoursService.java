package fr.actionsociale.referral.service;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.actionsociale.commons.jdbc.UnParmi;
import fr.actionsociale.commons.outbox.Outbox;
import fr.actionsociale.referral.messaging.Evenements;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The indicators of the RSA path per territory and period, named as seed 003's table names them; counts only, never a person.
 * Each month's figures per commune are also published (indicateurs-parcours) for budget-service's dashboards.
 */
@ApplicationScoped
public class IndicateurParcoursService {

    public static final String TYPE = "indicateurs-parcours";

    private final EntityManager em;
    private final Outbox outbox;
    private final BeneficiaireService beneficiaires;

    IndicateurParcoursService(EntityManager em, Outbox outbox, BeneficiaireService beneficiaires) {
        this.em = em;
        this.outbox = outbox;
        this.beneficiaires = beneficiaires;
    }

    public record Indicateurs(List<String> communes, LocalDate debut, LocalDate fin, long nouveauxEntrants, long nouveauxEntrantsOrientesEnUnMoisEtMoins,
            long premiersRendezVousFixes, long premiersRendezVousFixesEnDeuxSemainesEtMoins, long premiersContratsEngagementsReciproques,
            long premiersContratsDansLesDeuxMois, long droitsOuvertsApresUnRdvDesDroits, Map<String, Long> orientationsParStructure,
            @Schema(description = "Nouveaux entrants orientés dans les 30 jours de l'ouverture du droit") long nouveauxEntrantsOrientesEnTrenteJours,
            @Schema(description = "Part des nouveaux entrants orientés dans les 30 jours (0 à 1, 4 décimales) ; null sans entrant") BigDecimal partOrientesEnTrenteJours,
            @Schema(description = "Délai moyen en jours, du départ de chaque délai à l'étape faite, pour les étapes faites des nouveaux entrants "
                    + "(PREMIERE_INVITATION, ORIENTATION, PREMIER_RDV, PREMIER_CER) ; une étape sans aucune faite est absente") Map<String, BigDecimal> delaiMoyenJours,
            @Schema(description = "Premières invitations des nouveaux entrants auxquelles la personne est venue") long premiersRdvHonores,
            @Schema(description = "Premières invitations des nouveaux entrants auxquelles la personne n'est pas venue") long premiersRdvManques,
            @Schema(description = "Taux d'absence au premier rendez-vous : manqués / (honorés + manqués), 4 décimales ; null sans réponse") BigDecimal tauxAbsencePremierRdv) {
    }

    /** @param communes empty for every commune */
    public Indicateurs calculer(List<String> communes, LocalDate debut, LocalDate fin) {
        // the new entrants of the period (RSA opened in it), and among them each step done, done in time: one pass
        String etape = "exists (select 1 from etape_rsa e where e.droit_id = d.id and e.type = '%s' and e.faite_le is not null%s)";
        String dansLeDelai = " and e.faite_le <= e.date_limite";
        String reponse = "exists (select 1 from etape_rsa e join invitation i on i.etape_id = e.id where e.droit_id = d.id and i.reponse = '%s')";
        UnParmi territoire = new UnParmi("b.commune", communes, 3);
        Object[] n = (Object[]) territoire.lier(em.createNativeQuery("select count(*), "
                + "count(*) filter (where " + etape.formatted("ORIENTATION", dansLeDelai) + "), "
                + "count(*) filter (where " + etape.formatted("PREMIER_RDV", "") + "), "
                + "count(*) filter (where " + etape.formatted("PREMIER_RDV", dansLeDelai) + "), "
                + "count(*) filter (where " + etape.formatted("PREMIER_CER", "") + "), "
                + "count(*) filter (where " + etape.formatted("PREMIER_CER", dansLeDelai) + "), "
                // oriented within 30 days of the opening; the answers to the first invitation (one per entrant)
                + "count(*) filter (where " + etape.formatted("ORIENTATION", " and e.faite_le - d.ouvert_le <= 30") + "), "
                + "count(*) filter (where " + reponse.formatted("VENU") + "), "
                + "count(*) filter (where " + reponse.formatted("NON_VENU") + ") "
                + "from droit d join beneficiaire b on b.id = d.beneficiaire_id where d.type = 'RSA' and d.ouvert_le between ?1 and ?2"
                + territoire.condition()).setParameter(1, debut).setParameter(2, fin)).getSingleResult();
        long apresRdv = ((Number) territoire.lier(em.createNativeQuery("select count(*) from droit d join beneficiaire b on b.id = d.beneficiaire_id "
                + "where d.source = 'RDV_DES_DROITS' and d.ouvert_le between ?1 and ?2" + territoire.condition()).setParameter(1, debut)
                .setParameter(2, fin)).getSingleResult()).longValue();
        Map<String, Long> parStructure = new TreeMap<>();
        UnParmi communeOrientee = new UnParmi("o.commune", communes, 3);
        for (Object o : communeOrientee.lier(em.createNativeQuery("select o.structure, count(*) from orientation o where "
                + "cast(o.date_orientation at time zone 'Europe/Paris' as date) between ?1 and ?2" + communeOrientee.condition()
                + " group by o.structure").setParameter(1, debut).setParameter(2, fin)).getResultList()) {
            Object[] l = (Object[]) o;
            parStructure.put((String) l[0], ((Number) l[1]).longValue());
        }
        // the same entrants: each step's average delay, from the steps' effective dates
        long enTrenteJours = nombre(n[6]);
        Map<String, BigDecimal> delais = new TreeMap<>();
        for (Object o : territoire.lier(em.createNativeQuery("select e.type, avg(e.faite_le - e.date_depart) from droit d join beneficiaire b on "
                + "b.id = d.beneficiaire_id join etape_rsa e on e.droit_id = d.id where d.type = 'RSA' and d.ouvert_le between ?1 and ?2 "
                + "and e.faite_le is not null" + territoire.condition() + " group by e.type").setParameter(1, debut).setParameter(2, fin))
                .getResultList()) {
            Object[] l = (Object[]) o;
            delais.put((String) l[0], new BigDecimal(l[1].toString()).setScale(1, RoundingMode.HALF_UP));
        }
        long venus = nombre(n[7]);
        long absents = nombre(n[8]);
        long entrants = nombre(n[0]);
        return new Indicateurs(communes, debut, fin, entrants, nombre(n[1]), nombre(n[2]), nombre(n[3]), nombre(n[4]), nombre(n[5]), apresRdv,
                parStructure, enTrenteJours, entrants == 0 ? null : BigDecimal.valueOf(enTrenteJours).divide(BigDecimal.valueOf(entrants), 4,
                        RoundingMode.HALF_UP), delais, venus, absents,
                venus + absents == 0 ? null : BigDecimal.valueOf(absents).divide(BigDecimal.valueOf(venus + absents), 4, RoundingMode.HALF_UP));
    }

    private static long nombre(Object colonne) {
        return ((Number) colonne).longValue();
    }

    /** Publishes one month's figures per commune (each month at most once per commune: re-publishing replaces, budget keeps the last). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int publier(YearMonth mois) {
        @SuppressWarnings("unchecked")
        List<String> communes = em.createNativeQuery("select distinct commune from beneficiaire order by commune").getResultList();
        return publier(mois, communes);
    }

    /** The month's figures of these communes only (a correction changes its own commune's, no other). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int publier(YearMonth mois, List<String> communes) {
        for (String commune : communes) {
            Indicateurs i = calculer(List.of(commune), mois.atDay(1), mois.atEndOfMonth());
            outbox.publier(TYPE, commune + "/" + mois, new Evenements.IndicateursParcours(commune, mois.toString(), i.nouveauxEntrants(),
                    i.nouveauxEntrantsOrientesEnUnMoisEtMoins(), i.premiersRendezVousFixes(), i.premiersRendezVousFixesEnDeuxSemainesEtMoins(),
                    i.premiersContratsEngagementsReciproques(), i.premiersContratsDansLesDeuxMois(), i.droitsOuvertsApresUnRdvDesDroits(),
                    i.orientationsParStructure()));
        }
        return communes.size();
    }

    /** The first of each month, the month before. */
    @Scheduled(cron = "{referral.indicateurs.cron:0 30 5 1 * ?}", timeZone = "Europe/Paris", identity = "indicateurs-parcours")
    void chaqueMois() {
        QuarkusTransaction.requiringNew().run(() -> publier(YearMonth.from(beneficiaires.aujourdHui()).minusMonths(1)));
    }
}
