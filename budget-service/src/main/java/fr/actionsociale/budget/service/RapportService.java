package fr.actionsociale.budget.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.actionsociale.budget.domain.CategorieDepense;
import fr.actionsociale.budget.domain.LigneBudgetaire;
import fr.actionsociale.budget.domain.Programme;
import fr.actionsociale.budget.domain.rapport.ContenuRapport;
import fr.actionsociale.budget.domain.rapport.PeriodeRapport;
import fr.actionsociale.budget.domain.rapport.TypeRapport;
import fr.actionsociale.budget.messaging.RapportProduit;
import fr.actionsociale.commons.document.FormatFrancais;
import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.jdbc.Colonnes;
import fr.actionsociale.commons.outbox.Outbox;
import fr.actionsociale.commons.probleme.ProblemeException;

/**
 * Produces a funding convention's reports from the suite's data (seed 002, art. 3.2): the content is read once, kept as produced,
 * and announced by rapport-produit in the same transaction so that conventions-service marks the deadline done and dates the
 * payment it triggers. The final report also fixes the overpayment to refund (art. 6), as POST /bilan-final does.
 */
@ApplicationScoped
public class RapportService {

    /** The RSA path's monthly counts (indicateurs-parcours) as annex D would name them. */
    static final Map<String, String> LIBELLES_PARCOURS = new LinkedHashMap<>();
    static {
        LIBELLES_PARCOURS.put("nouveauxEntrants", "Nouveaux entrants au RSA");
        LIBELLES_PARCOURS.put("nouveauxEntrantsOrientesEnUnMoisEtMoins", "Nouveaux entrants orientés en un mois et moins");
        LIBELLES_PARCOURS.put("premiersRendezVousFixes", "Premiers rendez-vous d'accompagnement fixés");
        LIBELLES_PARCOURS.put("premiersRendezVousFixesEnDeuxSemainesEtMoins", "Premiers rendez-vous fixés en deux semaines et moins");
        LIBELLES_PARCOURS.put("premiersContratsEngagementsReciproques", "Premiers contrats d'engagements réciproques");
        LIBELLES_PARCOURS.put("premiersContratsDansLesDeuxMois", "Premiers contrats signés dans les deux mois");
        LIBELLES_PARCOURS.put("droitsOuvertsApresUnRdvDesDroits", "Droits ouverts après un RDV des droits");
    }

    private final EntityManager em;
    private final ObjectMapper json;
    private final Outbox outbox;
    private final ProgrammeService programmes;
    private final ConsommationService consommations;
    private final FinancementService financements;
    private final IndicateurOrientationService orientations;
    private final IndicateurReferralService referral;

    RapportService(EntityManager em, ObjectMapper json, Outbox outbox, ProgrammeService programmes, ConsommationService consommations,
            FinancementService financements, IndicateurOrientationService orientations, IndicateurReferralService referral) {
        this.em = em;
        this.json = json;
        this.outbox = outbox;
        this.programmes = programmes;
        this.consommations = consommations;
        this.financements = financements;
        this.orientations = orientations;
        this.referral = referral;
    }

    public record Rapport(UUID id, ContenuRapport contenu) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Rapport produire(String code, TypeRapport type, String periode, LocalDate date, String bilanMiseEnOeuvre, List<String> hypotheses,
            String par) {
        Programme p = programmes.verrouiller(code);
        LocalDate le = date == null ? programmes.aujourdHui() : date;
        PeriodeRapport pr = PeriodeRapport.de(p, type, periode, le, programmes.aujourdHui());
        if (type == TypeRapport.FINAL && (bilanMiseEnOeuvre == null || bilanMiseEnOeuvre.isBlank())) {
            throw new RegleMetierException("bilanMiseEnOeuvre", "le bilan final comporte le bilan de mise en œuvre du plan d'actions "
                    + "(convention de financement, art. 3.2)");
        }
        List<?> deja = em.createNativeQuery("select produit_le from rapport where programme_id = ?1 and type = ?2 and periode = ?3")
                .setParameter(1, p.id()).setParameter(2, type.name()).setParameter(3, pr.code()).getResultList();
        if (!deja.isEmpty()) {
            throw ProblemeException.conflit("Le " + type.libelle().toLowerCase() + (type == TypeRapport.FINAL ? "" : " " + pr.code())
                    + " du programme " + p.code() + " a déjà été produit le " + FormatFrancais.date(Colonnes.date(deja.get(0))) + ".");
        }
        BigDecimal tropPercu;
        if (type == TypeRapport.FINAL) {
            // fixes the overpayment on the programme (refused if POST /bilan-final already did)
            tropPercu = financements.bilanFinal(code, le).tropPercuArrete();
        } else {
            tropPercu = null;
        }
        ContenuRapport contenu = contenu(p, pr, le, tropPercu, bilanMiseEnOeuvre, hypotheses == null ? List.of() : hypotheses);
        UUID id = UUID.randomUUID();
        try {
            em.createNativeQuery("insert into rapport (id, programme_id, type, periode, date_debut, date_fin, produit_le, produit_par, contenu) "
                    + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)").setParameter(1, id).setParameter(2, p.id()).setParameter(3, type.name())
                    .setParameter(4, pr.code()).setParameter(5, pr.debut()).setParameter(6, pr.fin()).setParameter(7, le).setParameter(8, par)
                    .setParameter(9, json.writeValueAsString(contenu)).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        outbox.publier(RapportProduit.TYPE, p.code(), RapportProduit.de(id, contenu));
        return new Rapport(id, contenu);
    }

    ContenuRapport contenu(Programme p, PeriodeRapport pr, LocalDate le, BigDecimal tropPercuArrete, String bilanMiseEnOeuvre, List<String> hypotheses) {
        // expenses of the period by category, eligible or not
        Map<CategorieDepense, BigDecimal[]> parCategorie = new EnumMap<>(CategorieDepense.class);
        for (Object o : em.createNativeQuery("select d.categorie, d.eligible, sum(d.montant) from depense d join ligne_budgetaire l on l.id = d.ligne_id "
                + "join action_programme a on a.id = l.action_id where a.programme_id = ?1 and d.date_depense between ?2 and ?3 "
                + "group by d.categorie, d.eligible").setParameter(1, p.id()).setParameter(2, pr.debut()).setParameter(3, pr.fin()).getResultList()) {
            Object[] l = (Object[]) o;
            BigDecimal[] m = parCategorie.computeIfAbsent(CategorieDepense.valueOf((String) l[0]),
                    c -> new BigDecimal[] { BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2) });
            m[(Boolean) l[1] ? 0 : 1] = m[(Boolean) l[1] ? 0 : 1].add((BigDecimal) l[2]);
        }
        List<ContenuRapport.LigneCategorie> depenses = new ArrayList<>();
        BigDecimal eligibles = BigDecimal.ZERO.setScale(2);
        BigDecimal nonEligibles = BigDecimal.ZERO.setScale(2);
        for (Map.Entry<CategorieDepense, BigDecimal[]> e : parCategorie.entrySet()) {
            depenses.add(new ContenuRapport.LigneCategorie(e.getKey().name(), e.getKey().libelle(), e.getValue()[0], e.getValue()[1]));
            eligibles = eligibles.add(e.getValue()[0]);
            nonEligibles = nonEligibles.add(e.getValue()[1]);
        }
        // the consumption of the period, which also holds what an imported table reported
        List<LigneBudgetaire> lignes = programmes.actions(p.id()).stream().flatMap(a -> programmes.lignes(a.id()).stream()).toList();
        BigDecimal consommationPeriode = consommations.consommation(lignes, pr.fin()).subtract(consommations.consommation(lignes, pr.debut().minusDays(1)));
        BigDecimal reprise = consommationPeriode.subtract(eligibles);

        FinancementService.Situation s = financements.situation(p, le);
        List<ContenuRapport.Versement> versements = s.versements().stream()
                .map(v -> new ContenuRapport.Versement(v.date(), v.libelle(), v.montant())).toList();
        List<ContenuRapport.Tranche> tranches = s.enveloppe().tranches().stream()
                .map(t -> new ContenuRapport.Tranche(t.rang(), t.libelle(), t.montant(), t.dateLimite())).toList();
        BigDecimal consommationCumulee = consommations.consommation(lignes, pr.fin());
        BigDecimal tropPercu = tropPercuArrete != null ? tropPercuArrete
                : s.totalVerse().subtract(consommationCumulee).max(BigDecimal.ZERO.setScale(2));

        return new ContenuRapport(p.code(), p.libelle(), p.referenceConvention(), pr.type(), pr.code(), pr.debut(), pr.fin(), pr.echeance(), le,
                depenses, eligibles, nonEligibles, reprise, consommationPeriode, versements, s.totalVerse(), tranches, consommationCumulee, tropPercu,
                FinancementService.REGLE_TROP_PERCU, territoire(p), indicateurs(p, pr), bilanMiseEnOeuvre, List.copyOf(hypotheses));
    }

    private static String territoire(Programme p) {
        return p.territoire().isEmpty() ? "toutes les communes" : "communes " + String.join(", ", p.territoire());
    }

    /** Annex D's indicators for the period, from the live counts (orientations, rights opened, the RSA path's monthly counts). */
    List<ContenuRapport.Indicateur> indicateurs(Programme p, PeriodeRapport pr) {
        YearMonth depuis = YearMonth.from(pr.debut());
        YearMonth jusqua = YearMonth.from(pr.fin());
        List<ContenuRapport.Indicateur> r = new ArrayList<>();
        r.add(new ContenuRapport.Indicateur("orientations", "Orientations prononcées", orientations.territoire(p.territoire(), depuis, jusqua).total()));
        r.add(new ContenuRapport.Indicateur("droitsOuverts", "Droits ouverts", referral.droitsOuverts(p.territoire(), depuis, jusqua).total()));
        Map<String, Long> parcours = new LinkedHashMap<>();
        LIBELLES_PARCOURS.keySet().forEach(k -> parcours.put(k, 0L));
        for (YearMonth m = depuis; !m.isAfter(jusqua); m = m.plusMonths(1)) {
            referral.parcoursRsa(p.territoire(), m).forEach((k, v) -> parcours.merge(k, v, Long::sum));
        }
        parcours.forEach((k, v) -> r.add(new ContenuRapport.Indicateur(k, LIBELLES_PARCOURS.getOrDefault(k, k), v)));
        return r;
    }

    public List<Rapport> lister(Programme p) {
        List<Rapport> r = new ArrayList<>();
        for (Object o : em.createNativeQuery("select id, contenu from rapport where programme_id = ?1 order by date_fin, type").setParameter(1, p.id())
                .getResultList()) {
            Object[] l = (Object[]) o;
            r.add(new Rapport((UUID) l[0], lire((String) l[1])));
        }
        return r;
    }

    public Rapport trouver(Programme p, UUID id) {
        List<?> l = em.createNativeQuery("select contenu from rapport where programme_id = ?1 and id = ?2").setParameter(1, p.id()).setParameter(2, id)
                .getResultList();
        if (l.isEmpty()) {
            throw ProblemeException.introuvable("Rapport", id + " du programme " + p.code());
        }
        return new Rapport(id, lire((String) l.get(0)));
    }

    private ContenuRapport lire(String contenu) {
        try {
            return json.readValue(contenu, ContenuRapport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rapport illisible", e);
        }
    }
}
