package fr.actionsociale.budget.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.actionsociale.budget.domain.Indicateur;
import fr.actionsociale.budget.domain.Periode;
import fr.actionsociale.budget.domain.Programme;
import fr.actionsociale.commons.jdbc.Colonnes;
import fr.actionsociale.commons.probleme.ProblemeException;

/** Indicator definitions and their values per period, entered by hand as in seed 003's table. */
@ApplicationScoped
public class IndicateurService {

    private final EntityManager em;

    IndicateurService(EntityManager em) {
        this.em = em;
    }

    public record Valeur(String periode, LocalDate debut, LocalDate fin, BigDecimal valeur) {
    }

    public record Definition(String code, String libelle, String definition, String unite, String mesure, String programme, String action,
            List<Valeur> valeurs, String tendance) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Definition definir(String code, String libelle, String definition, String unite, String mesure, Programme programme, String action) {
        Indicateur.verifierUnite(unite);
        int rang = ((Number) em.createNativeQuery("select count(*) from indicateur").getSingleResult()).intValue();
        int n = em.createNativeQuery("insert into indicateur (code, libelle, definition, unite, mesure, programme_id, action_code, rang) "
                + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict (code) do nothing")
                .setParameter(1, code).setParameter(2, libelle).setParameter(3, definition).setParameter(4, unite).setParameter(5, mesure)
                .setParameter(6, programme == null ? null : programme.id()).setParameter(7, action).setParameter(8, rang).executeUpdate();
        if (n == 0) {
            throw ProblemeException.conflit("L'indicateur " + code + " existe déjà.");
        }
        return trouver(code);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Definition saisir(String code, Periode periode, BigDecimal valeur, String par) {
        Definition d = trouver(code);
        Indicateur.verifierValeur(d.unite(), valeur);
        em.createNativeQuery("insert into indicateur_valeur (indicateur_code, periode, date_debut, date_fin, valeur, saisie_par) values "
                + "(?1, ?2, ?3, ?4, ?5, ?6) on conflict (indicateur_code, periode) do update set valeur = excluded.valeur, "
                + "saisie_par = excluded.saisie_par, saisie_le = now()")
                .setParameter(1, code).setParameter(2, periode.code()).setParameter(3, periode.debut()).setParameter(4, periode.fin())
                .setParameter(5, valeur).setParameter(6, par).executeUpdate();
        return trouver(code);
    }

    public Definition trouver(String code) {
        List<Definition> d = lister("i.code = ?1", code);
        if (d.isEmpty()) {
            throw ProblemeException.introuvable("Indicateur", code);
        }
        return d.get(0);
    }

    public List<Definition> lister(Programme programme) {
        return programme == null ? lister("true", null) : lister("i.programme_id = ?1", programme.id());
    }

    private List<Definition> lister(String condition, Object parametre) {
        var q = em.createNativeQuery("select i.code, i.libelle, i.definition, i.unite, i.mesure, p.code, i.action_code from indicateur i "
                + "left join programme p on p.id = i.programme_id where " + condition + " order by i.rang, i.code");
        if (parametre != null) {
            q.setParameter(1, parametre);
        }
        List<Definition> resultat = new ArrayList<>();
        for (Object o : q.getResultList()) {
            Object[] r = (Object[]) o;
            String code = (String) r[0];
            List<Valeur> valeurs = new ArrayList<>();
            for (Object v : em.createNativeQuery("select periode, date_debut, date_fin, valeur from indicateur_valeur where indicateur_code = ?1 "
                    + "order by date_fin, date_debut desc").setParameter(1, code).getResultList()) {
                Object[] x = (Object[]) v;
                valeurs.add(new Valeur((String) x[0], Colonnes.date(x[1]), Colonnes.date(x[2]), (BigDecimal) x[3]));
            }
            // the trend compares whole years, the way the seed's table reads
            String tendance = Indicateur.tendance(valeurs.stream().filter(v -> v.periode().length() == 4).map(Valeur::valeur).toList());
            resultat.add(new Definition(code, (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6], valeurs, tendance));
        }
        return resultat;
    }
}
