package fr.actionsociale.budget.service;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import fr.actionsociale.commons.jdbc.ListeTexte;
import fr.actionsociale.budget.domain.OrientationComptee;
import fr.actionsociale.commons.evenement.EvenementRecu;
import fr.actionsociale.commons.jdbc.UnParmi;
import fr.actionsociale.commons.inbox.EvenementInvalideException;
import fr.actionsociale.commons.domaine.RegleMetierException;

/** The orientation indicators: counted from orientation-faite, read by commune and month. */
@ApplicationScoped
public class IndicateurOrientationService {

    private final EntityManager em;

    IndicateurOrientationService(EntityManager em) {
        this.em = em;
        this.faites = projectionFaites(em);
        this.corrections = projectionCorrections(em);
    }

    /**
     * orientation-faite: the same orientation re-published under another event id is still one orientation (the first counted
     * stays), and a correction applied first wins (version 0 never replaces anything).
     */
    private final ProjectionIndicateur<OrientationComptee> faites;

    /**
     * orientation-corrigee: the orientation moves to its corrected month when the event's version is newer than the one
     * counted; a correction that arrives before its orientation-faite (a rebuild, another partition's lag) counts it from its own
     * data, and the original's insert is then ignored.
     */
    private final ProjectionIndicateur<Correction> corrections;

    public record Correction(OrientationComptee orientation, long version) {
    }

    /** A method, not the field: callers hold a client proxy, whose fields are not the bean's. */
    public ProjectionIndicateur<OrientationComptee> faites() {
        return faites;
    }

    public ProjectionIndicateur<Correction> corrections() {
        return corrections;
    }

    private static final String COLONNES = "orientation_id, evenement_id, commune, structure, droits_vises, date_orientation, mois";
    private static final String VALEURS = "select o::uuid, e, c, s, d, t::timestamptz, m%s from unnest(?::text[], ?::text[], ?::text[], "
            + "?::text[], ?::text[], ?::text[], ?::text[]";

    private static Object[][] colonnes(List<OrientationComptee> lignes, int supplementaires) {
        Object[][] c = new Object[7 + supplementaires][lignes.size()];
        for (int i = 0; i < lignes.size(); i++) {
            OrientationComptee o = lignes.get(i);
            c[0][i] = o.orientationId().toString();
            c[1][i] = o.evenementId();
            c[2][i] = o.commune();
            c[3][i] = o.structure();
            c[4][i] = o.droitsVises();
            c[5][i] = o.dateOrientation().toString();
            c[6][i] = o.mois();
        }
        return c;
    }

    private static ProjectionIndicateur<OrientationComptee> projectionFaites(EntityManager em) {
        return new ProjectionIndicateur<>(em, "orientation_comptee", "orientation-faite", ReconstructionService.CONSOMMATEUR_ORIENTATIONS) {
            @Override
            public OrientationComptee lire(EvenementRecu evenement) {
                return IndicateurOrientationService.lire(evenement);
            }

            @Override
            public void ecrire(List<OrientationComptee> valeurs, String cible) {
                // one row per orientation in the statement (ON CONFLICT cannot meet the same key twice): the first, as live
                Map<UUID, OrientationComptee> premieres = new LinkedHashMap<>();
                valeurs.forEach(o -> premieres.putIfAbsent(o.orientationId(), o));
                executerColonnes("insert into " + cible + " (" + COLONNES + ") " + VALEURS.formatted("") + ") as x(o, e, c, s, d, t, m) "
                        + "on conflict (orientation_id) do nothing", colonnes(new ArrayList<>(premieres.values()), 0));
            }
        };
    }

    private static ProjectionIndicateur<Correction> projectionCorrections(EntityManager em) {
        return new ProjectionIndicateur<>(em, "orientation_comptee", "orientation-corrigee", ReconstructionService.CONSOMMATEUR_CORRECTIONS) {
            @Override
            public Correction lire(EvenementRecu evenement) {
                OrientationComptee o = IndicateurOrientationService.lire(evenement);
                JsonNode v = evenement.donnees().get("version");
                if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 1) {
                    throw new EvenementInvalideException("version absente ou invalide (entier ≥ 1 attendu)");
                }
                return new Correction(o, v.asLong());
            }

            @Override
            public void ecrire(List<Correction> valeurs, String cible) {
                // per orientation the newest version of the poll (the first of equal ones), as one event at a time would leave it
                Map<UUID, Correction> dernieres = new LinkedHashMap<>();
                valeurs.forEach(c -> dernieres.merge(c.orientation().orientationId(), c, (a, b) -> b.version() > a.version() ? b : a));
                List<Correction> lignes = new ArrayList<>(dernieres.values());
                Object[][] c = colonnes(lignes.stream().map(Correction::orientation).toList(), 1);
                for (int i = 0; i < lignes.size(); i++) {
                    c[7][i] = Long.toString(lignes.get(i).version());
                }
                executerColonnes("insert into " + cible + " as l (" + COLONNES + ", version) " + VALEURS.formatted(", v::bigint") + ", ?::text[]) "
                        + "as x(o, e, c, s, d, t, m, v) on conflict (orientation_id) do update set "
                        + "evenement_id = excluded.evenement_id, commune = excluded.commune, structure = excluded.structure, "
                        + "droits_vises = excluded.droits_vises, date_orientation = excluded.date_orientation, mois = excluded.mois, "
                        + "version = excluded.version, applique_le = clock_timestamp() where l.version < excluded.version", c);
            }
        };
    }

    private static OrientationComptee lire(EvenementRecu evenement) {
        try {
            JsonNode droits = evenement.donnees().get("droitsVises");
            if (droits == null || !droits.isArray()) {
                throw new EvenementInvalideException("droitsVises absent");
            }
            List<String> codes = new ArrayList<>();
            droits.forEach(d -> codes.add(d.asText()));
            return OrientationComptee.depuis(evenement.id(), UUID.fromString(evenement.texte("orientationId")),
                    evenement.texte("commune"), evenement.texte("structure"), codes,
                    Instant.parse(evenement.texte("dateOrientation")));
        } catch (RegleMetierException e) {
            throw new EvenementInvalideException(e.champ() + " " + e.raison());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new EvenementInvalideException("orientationId ou dateOrientation illisible");
        }
    }

    public record Comptage(String commune, String mois, long total, Map<String, Long> parStructure, Map<String, Long> parDroitVise) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Comptage compter(String commune, YearMonth mois) {
        Map<String, Long> parStructure = new TreeMap<>();
        Map<String, Long> parDroit = new TreeMap<>();
        long total = 0;
        @SuppressWarnings("unchecked")
        List<Object[]> lignes = em.createNativeQuery(
                "select structure, droits_vises, count(*) from orientation_comptee where commune = ?1 and mois = ?2 "
                        + "group by structure, droits_vises")
                .setParameter(1, commune).setParameter(2, mois.toString()).getResultList();
        for (Object[] l : lignes) {
            long n = ((Number) l[2]).longValue();
            total += n;
            parStructure.merge((String) l[0], n, Long::sum);
            for (String droit : ListeTexte.lire((String) l[1])) {
                parDroit.merge(droit, n, Long::sum);
            }
        }
        return new Comptage(commune, mois.toString(), total, parStructure, parDroit);
    }

    /** Orientations over a territory and a span of months: total, per month, per structure and per right aimed at. */
    public record Territoire(List<String> communes, String depuis, String jusqua, long total, Map<String, Long> parMois,
            Map<String, Long> parStructure, Map<String, Long> parDroit) {
    }

    /** @param communes empty for every commune */
    public Territoire territoire(List<String> communes, YearMonth depuis, YearMonth jusqua) {
        Map<String, Long> parMois = new TreeMap<>();
        Map<String, Long> parStructure = new TreeMap<>();
        Map<String, Long> parDroit = new TreeMap<>();
        long total = 0;
        UnParmi territoire = new UnParmi("commune", communes, 3);
        var q = em.createNativeQuery("select mois, structure, droits_vises, count(*) from orientation_comptee where mois between ?1 and ?2"
                + territoire.condition() + " group by mois, structure, droits_vises")
                .setParameter(1, depuis.toString()).setParameter(2, jusqua.toString());
        for (Object o : territoire.lier(q).getResultList()) {
            Object[] l = (Object[]) o;
            long n = ((Number) l[3]).longValue();
            total += n;
            parMois.merge((String) l[0], n, Long::sum);
            parStructure.merge((String) l[1], n, Long::sum);
            for (String droit : ListeTexte.lire((String) l[2])) {
                parDroit.merge(droit, n, Long::sum);
            }
        }
        return new Territoire(communes, depuis.toString(), jusqua.toString(), total, parMois, parStructure, parDroit);
    }
}
