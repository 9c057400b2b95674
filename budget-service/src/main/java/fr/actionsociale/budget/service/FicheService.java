package fr.actionsociale.budget.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.actionsociale.budget.domain.ActionProgramme;
import fr.actionsociale.budget.domain.Periode;
import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.jdbc.Ecriture;

/** The content of an action's sheet (seed 003's sections 1 to 8) as entered per action; an entry replaces the previous one whole. */
@ApplicationScoped
public class FicheService {

    private final EntityManager em;

    FicheService(EntityManager em) {
        this.em = em;
    }

    public record Partenaire(String nom, BigDecimal montant) {
    }

    /** One row of the sheet's indicators table: its values per period, as written, and the annex 9 indicator it reports on. */
    public record LigneIndicateur(String libelle, String indicateur, List<ValeurFiche> valeurs) {
    }

    /** @param libellePeriode the sheet's column heading ("Situation au 31 déc 2021"); {@code periode} the period it is read as */
    public record ValeurFiche(String periode, String libellePeriode, String valeur) {
    }

    public record Contenu(String description, String objectifs, String miseEnPlace, LocalDate dateDebut, LocalDate dateFin, String partenairesTexte,
            List<Partenaire> partenaires, String duree, String budgetTexte, List<LigneIndicateur> indicateurs, String indicateursTexte, String bilan,
            String perspectives) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void saisir(ActionProgramme a, Contenu c, String par) {
        for (int i = 0; i < c.indicateurs().size(); i++) {
            LigneIndicateur l = c.indicateurs().get(i);
            java.util.Set<String> vues = new java.util.HashSet<>();
            for (ValeurFiche v : l.valeurs()) {
                Periode.lire("indicateurs[" + i + "].valeurs.periode", v.periode());
                if (!vues.add(v.periode())) {
                    throw new RegleMetierException("indicateurs[" + i + "].valeurs", "la période " + v.periode() + " est donnée deux fois");
                }
            }
        }
        a.decrire(c.partenaires().isEmpty() ? c.partenairesTexte()
                : String.join(", ", c.partenaires().stream().map(Partenaire::nom).toList()), c.dateDebut(), c.dateFin());
        Ecriture.executer(em, "delete from fiche_action where action_id = ?", a.id());
        Ecriture.executer(em, "insert into fiche_action (action_id, description, objectifs, mise_en_place, partenaires_texte, duree, budget_texte, "
                + "indicateurs_texte, bilan, perspectives, saisie_par) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", a.id(), c.description(),
                c.objectifs(), c.miseEnPlace(), c.partenairesTexte(), c.duree(), c.budgetTexte(), c.indicateursTexte(), c.bilan(), c.perspectives(), par);
        int rang = 0;
        for (Partenaire p : c.partenaires()) {
            Ecriture.executer(em, "insert into fiche_partenaire (action_id, rang, nom, montant) values (?, ?, ?, ?)", a.id(), ++rang, p.nom(),
                    p.montant() == null ? null : p.montant().setScale(2));
        }
        rang = 0;
        for (LigneIndicateur l : c.indicateurs()) {
            rang++;
            for (ValeurFiche v : l.valeurs()) {
                Ecriture.executer(em, "insert into fiche_indicateur (action_id, rang, libelle, indicateur_code, periode, libelle_periode, valeur) "
                        + "values (?, ?, ?, ?, ?, ?, ?)", a.id(), rang, l.libelle(), l.indicateur(), v.periode(),
                        v.libellePeriode() == null ? v.periode() : v.libellePeriode(), v.valeur());
            }
        }
    }

    public Optional<Contenu> contenu(ActionProgramme a) {
        List<?> r = em.createNativeQuery("select description, objectifs, mise_en_place, partenaires_texte, duree, budget_texte, indicateurs_texte, "
                + "bilan, perspectives from fiche_action where action_id = ?1").setParameter(1, a.id()).getResultList();
        if (r.isEmpty()) {
            return Optional.empty();
        }
        Object[] f = (Object[]) r.get(0);
        List<Partenaire> partenaires = new ArrayList<>();
        for (Object o : em.createNativeQuery("select nom, montant from fiche_partenaire where action_id = ?1 order by rang").setParameter(1, a.id())
                .getResultList()) {
            Object[] p = (Object[]) o;
            partenaires.add(new Partenaire((String) p[0], (BigDecimal) p[1]));
        }
        return Optional.of(new Contenu((String) f[0], (String) f[1], (String) f[2], a.dateDebut(), a.dateFin(), (String) f[3], partenaires,
                (String) f[4], (String) f[5], indicateurs(a.id()), (String) f[6], (String) f[7], (String) f[8]));
    }

    private List<LigneIndicateur> indicateurs(UUID actionId) {
        Map<Integer, LigneIndicateur> lignes = new LinkedHashMap<>();
        for (Object o : em.createNativeQuery("select rang, libelle, indicateur_code, periode, libelle_periode, valeur from fiche_indicateur "
                + "where action_id = ?1 order by rang, periode").setParameter(1, actionId).getResultList()) {
            Object[] v = (Object[]) o;
            lignes.computeIfAbsent(((Number) v[0]).intValue(), k -> new LigneIndicateur((String) v[1], (String) v[2], new ArrayList<>())).valeurs()
                    .add(new ValeurFiche((String) v[3], (String) v[4], (String) v[5]));
        }
        return List.copyOf(lignes.values());
    }
}
