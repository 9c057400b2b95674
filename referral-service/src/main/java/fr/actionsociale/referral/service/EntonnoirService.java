package fr.actionsociale.referral.service;

import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.jdbc.UnParmi;

/**
 * The outreach funnel as open data (seed 000: aller-vers, RDV des droits, orientation, rights opened): per commune, quartier
 * and month, four counts, each by the date the fact happened (never the date it was recorded):
 * <ul>
 * <li>{@code contactes}: people reached by outreach that month (date of the contact). A person with a record counts once
 * however often they were contacted that month; a contact without an identified person counts for one. An attempt that
 * reached nobody (outcome ABSENT) is not a contact.</li>
 * <li>{@code rdvDesDroits}: RDV des droits held that month (date of the RDV), one per person and day.</li>
 * <li>{@code orientes}: people oriented that month (the day the orientation happened, in Paris: the day given when it is
 * recorded late, else the day it is recorded), each once whatever the number of orientations and whatever became of them; automatic
 * orientations included.</li>
 * <li>{@code droitsOuverts}: rights opened that month (opening date as reported, not the date of the report), each right
 * once: a suspension lifted keeps its first opening date. Rights the CAF's monthly file brings already opened
 * (IMPORT_CAF) are left out: they open without any outreach, and would turn the funnel's last step into the CAF's intake.</li>
 * </ul>
 * Each fact is placed where the person lives as their record says (commune, quartier); a contact without an identified
 * person at the commune of the contact, without a quartier. Identity never enters: only ids are counted.
 * <p>
 * What is published must identify no one ({@link #publier}). A quartier is typed freely: it is named only once at least
 * {@link #SEUIL} registered people of its commune live there; the facts of a smaller one are left out rather than added to the
 * commune's row without quartier, so that the day it reaches the threshold no earlier figure can be subtracted from another.
 */
@ApplicationScoped
public class EntonnoirService {

    /** Statistical secrecy: a count from 1 to 10 is published as "< 11". */
    public static final int SEUIL = 11;
    public static final String MASQUE = "< " + SEUIL;
    /** At most three years in one request. */
    public static final int MOIS_MAX = 36;

    private static final String QUARTIER_NORMALISE = "regexp_replace(btrim(%s), '\\s+', ' ', 'g')";

    private static final String FAITS = """
            with quartier as (
                select commune, lower(%1$s) as cle, mode() within group (order by %1$s) as libelle, count(*) as personnes
                from beneficiaire where btrim(coalesce(quartier, '')) <> ''%4$s group by commune, lower(%1$s)
            ), brut as (
                -- bid: the person, if any; lieu: where a fact without a person goes
                select c.beneficiaire_id as bid, c.commune as lieu, c.date_contact as jour, 'C' as etape,
                    coalesce(cast(c.beneficiaire_id as text), cast(c.id as text)) as unite
                from contact_campagne c where c.issue <> 'ABSENT' and c.date_contact between ?1 and ?2
                union all
                select r.beneficiaire_id, null, r.date_rdv, 'R', cast(r.beneficiaire_id as text) || '/' || cast(r.date_rdv as text)
                from rdv_droits r where r.date_rdv between ?1 and ?2
                union all
                select o.beneficiaire_id, o.commune, cast(o.date_orientation at time zone 'Europe/Paris' as date), 'O',
                    coalesce(cast(o.beneficiaire_id as text), o.beneficiaire)
                from orientation o where cast(o.date_orientation at time zone 'Europe/Paris' as date) between ?1 and ?2
                union all
                select d.beneficiaire_id, null, d.ouvert_le, 'D', cast(d.id as text)
                from droit d where d.ouvert_le between ?1 and ?2 and d.source <> 'IMPORT_CAF'
            ), fait as (
                -- only the people the period's facts name are read, each by its key; quartier null when too small to be named
                select case when b.id is null then f.lieu else b.commune end as commune,
                    case when b.id is null or btrim(coalesce(b.quartier, '')) = '' then '' when q.personnes >= ?3 then q.libelle end as quartier,
                    f.jour, f.etape, f.unite
                from brut f left join beneficiaire b on b.id = f.bid left join quartier q on q.commune = b.commune and q.cle = lower(%2$s)
            )
            select commune, quartier, to_char(jour, 'YYYY-MM'),
                count(distinct unite) filter (where etape = 'C'), count(distinct unite) filter (where etape = 'R'),
                count(distinct unite) filter (where etape = 'O'), count(distinct unite) filter (where etape = 'D')
            from fait where quartier is not null%3$s
            group by commune, quartier, to_char(jour, 'YYYY-MM')""";

    private final EntityManager em;

    EntonnoirService(EntityManager em) {
        this.em = em;
    }

    /** One (commune, quartier, month) with at least one fact; quartier "" when the person's record has none. */
    public record Ligne(String commune, String quartier, YearMonth mois, long contactes, long rdvDesDroits, long orientes, long droitsOuverts) {
    }

    /** The same row as it may be published: every count from 1 to 10 masked. */
    public record LignePubliee(String commune, String quartier, String mois, String contactes, String rdvDesDroits, String orientes,
            String droitsOuverts) {
    }

    /**
     * The funnel from the first month to the last, both included, sorted by commune, quartier and month.
     *
     * @param commune null for every commune
     */
    public List<Ligne> calculer(YearMonth du, YearMonth au, String commune) {
        if (au.isBefore(du)) {
            throw new RegleMetierException("au", "doit être le même mois que du ou un mois après");
        }
        if (du.plusMonths(MOIS_MAX - 1).isBefore(au)) {
            throw new RegleMetierException("au", "au plus " + MOIS_MAX + " mois de du à au inclus");
        }
        UnParmi territoire = new UnParmi("commune", commune == null ? List.of() : List.of(commune), 4);
        // the commune filter also narrows the quartiers counted: a row's quartier is always one of its own commune's
        String sql = FAITS.formatted(QUARTIER_NORMALISE.formatted("quartier"), QUARTIER_NORMALISE.formatted("b.quartier"), territoire.condition(),
                territoire.condition());
        List<?> lignes = territoire.lier(em.createNativeQuery(sql).setParameter(1, du.atDay(1)).setParameter(2, au.atEndOfMonth())
                .setParameter(3, SEUIL)).getResultList();
        return lignes.stream().map(o -> (Object[]) o)
                .map(l -> new Ligne((String) l[0], (String) l[1], YearMonth.parse((String) l[2]), nombre(l[3]), nombre(l[4]), nombre(l[5]),
                        nombre(l[6])))
                // sorted here rather than by the database's collation: the same order on every server
                .sorted(Comparator.comparing(Ligne::commune).thenComparing(Ligne::quartier).thenComparing(Ligne::mois))
                .toList();
    }

    /**
     * Primary secrecy only: no total (per commune, per month, for the period) is published, so no masked cell can be found again
     * by subtracting the others from a total; the rows are disjoint (a fact belongs to one commune, quartier and month).
     */
    public static List<LignePubliee> publier(List<Ligne> lignes) {
        return lignes.stream().map(l -> new LignePubliee(l.commune(), l.quartier(), l.mois().toString(), masquer(l.contactes()),
                masquer(l.rdvDesDroits()), masquer(l.orientes()), masquer(l.droitsOuverts()))).toList();
    }

    /** 0 stays 0: that nothing happened identifies no one; 1 to 10 could point at a person, and are masked. */
    public static String masquer(long n) {
        return n == 0 || n >= SEUIL ? Long.toString(n) : MASQUE;
    }

    /** RFC 4180 ({@link Csv}). */
    public static String csv(List<LignePubliee> lignes) {
        StringBuilder sb = new StringBuilder("commune,quartier,mois,contactes,rdvDesDroits,orientes,droitsOuverts\r\n");
        for (LignePubliee l : lignes) {
            sb.append(String.join(",", Csv.champ(l.commune()), Csv.champ(l.quartier()), l.mois(), l.contactes(), l.rdvDesDroits(), l.orientes(),
                    l.droitsOuverts())).append("\r\n");
        }
        return sb.toString();
    }

    private static long nombre(Object colonne) {
        return ((Number) colonne).longValue();
    }
}
