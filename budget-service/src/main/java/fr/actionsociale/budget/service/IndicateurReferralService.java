package fr.actionsociale.budget.service;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.actionsociale.commons.evenement.EvenementRecu;
import fr.actionsociale.commons.inbox.EvenementInvalideException;
import fr.actionsociale.commons.jdbc.UnParmi;

/**
 * The live indicators fed by referral-service's other events: rights opened (droit-ouvert) and the RSA path's monthly counts
 * (indicateurs-parcours). Effects run inside the Inbox's transaction; not {@code @Transactional} so that a refused event can be
 * skipped by a replay without dooming its transaction.
 */
@ApplicationScoped
public class IndicateurReferralService {

    static final String REFERRAL = "/referral-service";

    private final EntityManager em;
    private final ObjectMapper json;

    IndicateurReferralService(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
        this.droits = projectionDroits(em);
        this.parcours = projectionParcours(em);
    }

    /** An opening of a right as counted: the same opening told twice (beneficiaire/droit/date) is one opening. */
    public record DroitOuvert(String cle, String evenementId, String droit, String institution, String commune, LocalDate date) {
    }

    /** The RSA path's counts of a commune for a month: the last publication wins. */
    public record Parcours(String commune, String mois, String valeurs) {
    }

    /** droit-ouvert told by referral-service (institutions' own reports carry no commune and are told again by it). */
    private final ProjectionIndicateur<DroitOuvert> droits;

    /** indicateurs-parcours. */
    private final ProjectionIndicateur<Parcours> parcours;

    public ProjectionIndicateur<DroitOuvert> droits() {
        return droits;
    }

    public ProjectionIndicateur<Parcours> parcours() {
        return parcours;
    }

    private ProjectionIndicateur<DroitOuvert> projectionDroits(EntityManager em) {
        return new ProjectionIndicateur<>(em, "droit_ouvert_compte", "droit-ouvert", "indicateurs-droits") {
            @Override
            public DroitOuvert lire(EvenementRecu e) {
                if (!REFERRAL.equals(e.source())) {
                    return null;
                }
                String commune = e.texte("commune");
                if (commune == null || !commune.matches("^(2[AB]|[0-9]{2})[0-9]{3}$")) {
                    throw new EvenementInvalideException("commune absente ou invalide");
                }
                LocalDate date;
                try {
                    date = LocalDate.parse(e.texte("date"));
                } catch (DateTimeParseException | NullPointerException ex) {
                    throw new EvenementInvalideException("date illisible");
                }
                String droit = e.texte("droit");
                String beneficiaire = e.texte("beneficiaire");
                if (droit == null || beneficiaire == null || e.texte("institution") == null) {
                    throw new EvenementInvalideException("droit, beneficiaire ou institution absent");
                }
                return new DroitOuvert(beneficiaire + "/" + droit + "/" + date, e.id(), droit, e.texte("institution"), commune, date);
            }

            @Override
            public void ecrire(List<DroitOuvert> valeurs, String cible) {
                Map<String, DroitOuvert> premiers = new LinkedHashMap<>();
                valeurs.forEach(d -> premiers.putIfAbsent(d.cle(), d));
                List<DroitOuvert> l = new ArrayList<>(premiers.values());
                Object[][] c = new Object[7][l.size()];
                for (int i = 0; i < l.size(); i++) {
                    DroitOuvert d = l.get(i);
                    c[0][i] = d.cle();
                    c[1][i] = d.evenementId();
                    c[2][i] = d.droit();
                    c[3][i] = d.institution();
                    c[4][i] = d.commune();
                    c[5][i] = d.date().toString();
                    c[6][i] = YearMonth.from(d.date()).toString();
                }
                executerColonnes("insert into " + cible + " (cle, evenement_id, droit, institution, commune, date_ouverture, mois) "
                        + "select k, e, d, i, c, t::date, m from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], "
                        + "?::text[]) as x(k, e, d, i, c, t, m) on conflict (cle) do nothing", c);
            }
        };
    }

    private ProjectionIndicateur<Parcours> projectionParcours(EntityManager em) {
        return new ProjectionIndicateur<>(em, "indicateur_parcours", "indicateurs-parcours", "indicateurs-parcours") {
            @Override
            public Parcours lire(EvenementRecu e) {
                String commune = e.texte("commune");
                String mois = e.texte("mois");
                if (commune == null || mois == null || !mois.matches("^[0-9]{4}-(0[1-9]|1[0-2])$")) {
                    throw new EvenementInvalideException("commune ou mois absent");
                }
                try {
                    return new Parcours(commune, mois, json.writeValueAsString(e.donnees()));
                } catch (JsonProcessingException ex) {
                    throw new EvenementInvalideException("données illisibles");
                }
            }

            @Override
            public void ecrire(List<Parcours> valeurs, String cible) {
                Map<String, Parcours> derniers = new LinkedHashMap<>();
                valeurs.forEach(p -> {
                    derniers.remove(p.commune() + "/" + p.mois());
                    derniers.put(p.commune() + "/" + p.mois(), p);
                });
                List<Parcours> l = new ArrayList<>(derniers.values());
                Object[][] c = new Object[3][l.size()];
                for (int i = 0; i < l.size(); i++) {
                    c[0][i] = l.get(i).commune();
                    c[1][i] = l.get(i).mois();
                    c[2][i] = l.get(i).valeurs();
                }
                executerColonnes("insert into " + cible + " (commune, mois, valeurs) select c, m, v from unnest(?::text[], ?::text[], "
                        + "?::text[]) as x(c, m, v) on conflict (commune, mois) do update set valeurs = excluded.valeurs, recu_le = now()", c);
            }
        };
    }

    public record DroitsOuverts(long total, Map<String, Long> parDroit, Map<String, Long> parInstitution, Map<String, Long> parMois) {
    }

    /** @param communes empty for every commune */
    public DroitsOuverts droitsOuverts(List<String> communes, YearMonth depuis, YearMonth jusqua) {
        Map<String, Long> parDroit = new TreeMap<>();
        Map<String, Long> parInstitution = new TreeMap<>();
        Map<String, Long> parMois = new TreeMap<>();
        long total = 0;
        UnParmi territoire = new UnParmi("commune", communes, 3);
        var q = em.createNativeQuery("select droit, institution, mois, count(*) from droit_ouvert_compte where mois between ?1 and ?2"
                + territoire.condition() + " group by droit, institution, mois")
                .setParameter(1, depuis.toString()).setParameter(2, jusqua.toString());
        for (Object o : territoire.lier(q).getResultList()) {
            Object[] l = (Object[]) o;
            long n = ((Number) l[3]).longValue();
            total += n;
            parDroit.merge((String) l[0], n, Long::sum);
            parInstitution.merge((String) l[1], n, Long::sum);
            parMois.merge((String) l[2], n, Long::sum);
        }
        return new DroitsOuverts(total, parDroit, parInstitution, parMois);
    }

    /** The RSA path's counts of a territory for one month: the sum over its communes of the last publication. */
    public Map<String, Long> parcoursRsa(List<String> communes, YearMonth mois) {
        Map<String, Long> somme = new TreeMap<>();
        UnParmi territoire = new UnParmi("commune", communes, 2);
        var q = em.createNativeQuery("select valeurs from indicateur_parcours where mois = ?1" + territoire.condition()).setParameter(1, mois.toString());
        for (Object o : territoire.lier(q).getResultList()) {
            try {
                JsonNode v = json.readTree((String) o);
                v.fields().forEachRemaining(f -> {
                    if (f.getValue().isNumber()) {
                        somme.merge(f.getKey(), f.getValue().asLong(), Long::sum);
                    }
                });
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return somme;
    }
}
