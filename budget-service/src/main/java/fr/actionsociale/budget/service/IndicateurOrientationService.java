package fr.actionsociale.budget.service;

import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
import fr.actionsociale.commons.jdbc.Ecriture;
import fr.actionsociale.commons.jdbc.UnParmi;
import fr.actionsociale.commons.inbox.EvenementInvalideException;
import fr.actionsociale.commons.domaine.RegleMetierException;

/** The orientation indicators: counted from orientation-faite, read by commune and month. */
@ApplicationScoped
public class IndicateurOrientationService {

    private final EntityManager em;

    IndicateurOrientationService(EntityManager em) {
        this.em = em;
    }

    /**
     * Applies one orientation-faite; runs inside the Inbox's transaction. Deliberately not {@code @Transactional}: an interceptor
     * would mark the whole transaction rollback-only when it refuses an event, and a replay must skip that event and go on.
     */
    public void compter(EvenementRecu evenement) {
        OrientationComptee o = lire(evenement);
        // the same orientation re-published under another event id is still one orientation; a correction applied first wins
        Ecriture.executer(em, "insert into orientation_comptee (orientation_id, evenement_id, commune, structure, droits_vises, "
                + "date_orientation, mois) values (?, ?, ?, ?, ?, ?, ?) on conflict (orientation_id) do nothing", o.orientationId(), o.evenementId(),
                o.commune(), o.structure(), o.droitsVises(), o.dateOrientation(), o.mois());
    }

    /**
     * Applies one orientation-corrigee (inside the Inbox's transaction, not {@code @Transactional} for the same reason as
     * {@link #compter(EvenementRecu)}): the orientation moves to its corrected month when the event's version is newer than the
     * one counted; a correction that arrives before its orientation-faite (a rebuild, another partition's lag) counts it from its
     * own data, and the original's insert is then ignored.
     */
    public void corriger(EvenementRecu evenement) {
        OrientationComptee o = lire(evenement);
        JsonNode v = evenement.donnees().get("version");
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 1) {
            throw new EvenementInvalideException("version absente ou invalide (entier ≥ 1 attendu)");
        }
        Ecriture.executer(em, "insert into orientation_comptee (orientation_id, evenement_id, commune, structure, droits_vises, "
                + "date_orientation, mois, version) values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (orientation_id) do update set "
                + "evenement_id = excluded.evenement_id, commune = excluded.commune, structure = excluded.structure, "
                + "droits_vises = excluded.droits_vises, date_orientation = excluded.date_orientation, mois = excluded.mois, "
                + "version = excluded.version, applique_le = clock_timestamp() where orientation_comptee.version < excluded.version",
                o.orientationId(), o.evenementId(), o.commune(), o.structure(), o.droitsVises(), o.dateOrientation(), o.mois(), v.asLong());
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
