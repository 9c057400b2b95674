package fr.actionsociale.budget.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.actionsociale.budget.domain.ActionProgramme;
import fr.actionsociale.budget.domain.LigneBudgetaire;
import fr.actionsociale.budget.domain.Programme;
import fr.actionsociale.budget.domain.coherence.Coherence;
import fr.actionsociale.budget.domain.coherence.Incoherence;
import fr.actionsociale.commons.document.FormatFrancais;
import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.jdbc.UnParmi;

/**
 * The consistency check across what the suite holds for a programme: annex 9 against the action sheets, partners' amounts against
 * the action's State share, the consolidated table against the expenses recorded, the live counts against the values entered.
 * It reads and names; it corrects nothing.
 */
@ApplicationScoped
public class CoherenceService {

    /** The live counts an annex indicator can be checked against: orientation-faite, droit-ouvert, or a count of indicateurs-parcours. */
    public static final String ORIENTATIONS = "orientations";
    public static final String DROITS_OUVERTS = "droits-ouverts";
    public static final String PARCOURS = "parcours:";
    static final Set<String> CLES_PARCOURS = Set.of("nouveauxEntrants", "nouveauxEntrantsOrientesEnUnMoisEtMoins", "premiersRendezVousFixes",
            "premiersRendezVousFixesEnDeuxSemainesEtMoins", "premiersContratsEngagementsReciproques", "premiersContratsDansLesDeuxMois",
            "droitsOuvertsApresUnRdvDesDroits");
    public static final String SOURCES = "orientations, droits-ouverts ou parcours:<compte> (nouveauxEntrants, "
            + "nouveauxEntrantsOrientesEnUnMoisEtMoins, premiersRendezVousFixes, premiersRendezVousFixesEnDeuxSemainesEtMoins, "
            + "premiersContratsEngagementsReciproques, premiersContratsDansLesDeuxMois, droitsOuvertsApresUnRdvDesDroits)";

    private final EntityManager em;
    private final ProgrammeService programmes;
    private final FicheService fiches;

    CoherenceService(EntityManager em, ProgrammeService programmes, FicheService fiches) {
        this.em = em;
        this.programmes = programmes;
        this.fiches = fiches;
    }

    public record Resultat(String programme, int nombre, List<Incoherence> incoherences, List<String> reglesVerifiees) {
    }

    public Resultat verifier(Programme p) {
        List<Incoherence> r = new ArrayList<>();
        annexeContreFiches(p, r);
        partenaires(p, r);
        tableauContreDepenses(p, r);
        directContreSaisie(p, r);
        return new Resultat(p.code(), r.size(), List.copyOf(r), List.of(Coherence.REGLE_INDICATEUR, Coherence.REGLE_PARTENAIRES,
                Coherence.REGLE_DEPENSES, Coherence.REGLE_DIRECT));
    }

    private void annexeContreFiches(Programme p, List<Incoherence> r) {
        record Cle(String indicateur, String periode) {
        }
        record Releve(String libelle, BigDecimal annexe, List<String> actions, List<Optional<BigDecimal>> fiches) {
        }
        Map<Cle, Releve> releves = new LinkedHashMap<>();
        for (Object o : em.createNativeQuery("select a.code, fi.indicateur_code, i.libelle, fi.periode, fi.valeur, iv.valeur from fiche_indicateur fi "
                + "join action_programme a on a.id = fi.action_id join indicateur i on i.code = fi.indicateur_code "
                + "join indicateur_valeur iv on iv.indicateur_code = fi.indicateur_code and iv.periode = fi.periode "
                + "where a.programme_id = ?1 order by i.rang, fi.periode, a.rang").setParameter(1, p.id()).getResultList()) {
            Object[] l = (Object[]) o;
            Releve rel = releves.computeIfAbsent(new Cle((String) l[1], (String) l[3]),
                    k -> new Releve((String) l[2], (BigDecimal) l[5], new ArrayList<>(), new ArrayList<>()));
            rel.actions().add((String) l[0]);
            rel.fiches().add(Coherence.nombre((String) l[4]));
        }
        releves.forEach((cle, rel) -> {
            // a cell that is not a figure ("200 (travailleurs sociaux sensibilisés)") cannot be added up: nothing to compare
            if (rel.fiches().stream().allMatch(Optional::isPresent)) {
                Coherence.indicateur(rel.actions(), cle.indicateur(), rel.libelle(), cle.periode(), rel.annexe(),
                        rel.fiches().stream().map(Optional::get).toList()).ifPresent(r::add);
            }
        });
    }

    private void partenaires(Programme p, List<Incoherence> r) {
        for (ActionProgramme a : programmes.actions(p.id())) {
            List<LigneBudgetaire> lignes = programmes.lignes(a.id());
            for (LigneBudgetaire l : lignes) {
                Coherence.partenaires(a.code(), "Tableau consolidé " + l.periode() + ", nature des dépenses de l'action " + a.code(),
                        Coherence.montantsCites(l.natureDepenses()), "Tableau consolidé " + l.periode() + ", participation de l'État de l'action "
                                + a.code(), l.participationEtat()).ifPresent(r::add);
            }
            // the sheet reports on the action's latest period
            Optional<LigneBudgetaire> derniere = lignes.stream().max(Comparator.comparing(LigneBudgetaire::dateDebut));
            fiches.contenu(a).ifPresent(c -> derniere.ifPresent(l -> {
                List<BigDecimal> montants = c.partenaires().stream().map(FicheService.Partenaire::montant).filter(m -> m != null).toList();
                Coherence.partenaires(a.code(), "Fiche action " + a.code() + ", partenaires", montants, "Tableau consolidé " + l.periode()
                        + ", participation de l'État de l'action " + a.code(), l.participationEtat()).ifPresent(r::add);
            }));
        }
    }

    private void tableauContreDepenses(Programme p, List<Incoherence> r) {
        for (ActionProgramme a : programmes.actions(p.id())) {
            for (LigneBudgetaire l : programmes.lignes(a.id())) {
                if (l.dateConsommation() == null) {
                    continue;
                }
                Object[] d = (Object[]) em.createNativeQuery("select count(*), coalesce(sum(montant), 0) from depense where ligne_id = ?1 and eligible "
                        + "and date_depense <= ?2").setParameter(1, l.id()).setParameter(2, l.dateConsommation()).getSingleResult();
                if (((Number) d[0]).longValue() > 0) {
                    Coherence.depenses(a.code(), l.periode(), FormatFrancais.dateCourte(l.dateConsommation()), l.consommationInitiale(),
                            (BigDecimal) d[1]).ifPresent(r::add);
                }
            }
        }
    }

    private void directContreSaisie(Programme p, List<Incoherence> r) {
        for (Object o : em.createNativeQuery("select i.code, i.libelle, i.action_code, s.source, v.periode, v.date_debut, v.date_fin, v.valeur "
                + "from indicateur i join indicateur_source_directe s on s.indicateur_code = i.code join indicateur_valeur v on v.indicateur_code = i.code "
                + "where i.programme_id = ?1 order by i.rang, v.date_fin").setParameter(1, p.id()).getResultList()) {
            Object[] l = (Object[]) o;
            LocalDate debut = fr.actionsociale.commons.jdbc.Colonnes.date(l[5]);
            LocalDate fin = fr.actionsociale.commons.jdbc.Colonnes.date(l[6]);
            if (debut.equals(fin)) {
                continue; // a situation at a date is a stock, not a count of events over a period
            }
            String source = (String) l[3];
            compteDirect(source, p.territoire(), YearMonth.from(debut), YearMonth.from(fin)).flatMap(n -> Coherence.direct((String) l[2],
                    (String) l[0], (String) l[1], (String) l[4], source, (BigDecimal) l[7], n)).ifPresent(r::add);
        }
    }

    /** The live count over whole months, or empty when no event of that kind was received for them (nothing to compare). */
    Optional<BigDecimal> compteDirect(String source, List<String> communes, YearMonth depuis, YearMonth jusqua) {
        String table = source.equals(ORIENTATIONS) ? "orientation_comptee" : source.equals(DROITS_OUVERTS) ? "droit_ouvert_compte" : "indicateur_parcours";
        UnParmi territoire = new UnParmi("commune", communes, 3);
        verifierSource(source);
        // the count's name is one of CLES_PARCOURS (checked just above), never free text
        String mesure = source.startsWith(PARCOURS) ? "coalesce(sum((valeurs::jsonb ->> '" + source.substring(PARCOURS.length()) + "')::bigint), 0)"
                : "count(*)";
        var q = em.createNativeQuery("select count(*), " + mesure + " from " + table + " where mois between ?1 and ?2" + territoire.condition())
                .setParameter(1, depuis.toString()).setParameter(2, jusqua.toString());
        Object[] n = (Object[]) territoire.lier(q).getSingleResult();
        return ((Number) n[0]).longValue() == 0 ? Optional.empty() : Optional.of(new BigDecimal(((Number) n[1]).longValue()));
    }

    public static void verifierSource(String source) {
        if (!(source.equals(ORIENTATIONS) || source.equals(DROITS_OUVERTS)
                || (source.startsWith(PARCOURS) && CLES_PARCOURS.contains(source.substring(PARCOURS.length()))))) {
            throw new RegleMetierException("source", "doit être " + SOURCES);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lierSource(String indicateur, String source) {
        verifierSource(source);
        em.createNativeQuery("insert into indicateur_source_directe (indicateur_code, source) values (?1, ?2) on conflict (indicateur_code) do update "
                + "set source = excluded.source").setParameter(1, indicateur).setParameter(2, source).executeUpdate();
    }
}
