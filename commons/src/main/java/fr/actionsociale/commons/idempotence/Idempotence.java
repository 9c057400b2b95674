package fr.actionsociale.commons.idempotence;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.actionsociale.commons.probleme.Probleme;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.probleme.TypeProbleme;

/**
 * {@code Idempotency-Key} for POST requests: the key is recorded in the same transaction as the record it
 * creates, with the fingerprint of the request and the answer given. A replay with the same body gets the
 * first answer again and creates nothing; the same key with another body is refused (422). Two concurrent
 * requests with one key serialise on the key's row: the second waits, then replays.
 */
@ApplicationScoped
public class Idempotence {

    public static final String ENTETE = "Idempotency-Key";
    public static final String ENTETE_REJOUE = "Idempotent-Replayed";

    private final EntityManager em;
    private final ObjectMapper json;
    /**
     * Canonical form of a request for its fingerprint: sorted properties, absent values left out, so that a
     * field added later to the API (absent from an old client's body) does not change the fingerprint.
     */
    private final ObjectMapper canonique;

    Idempotence(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
        this.canonique = json.copy().setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                .configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
                .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /**
     * @param cle the Idempotency-Key header, or null (then the action simply runs)
     * @param portee what the key is scoped to: method and path, and the caller's institution
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Response executer(String cle, String portee, Object requete, Supplier<Response> action) {
        if (cle == null) {
            return action.get();
        }
        if (cle.isBlank() || cle.length() > 200) {
            throw ProblemeException.champInvalide(ENTETE, "doit compter de 1 à 200 caractères");
        }
        String empreinte = empreinte(requete);
        int nouvelle = em.createNativeQuery("insert into idempotence_requete (portee, cle, empreinte, statut) "
                + "values (?1, ?2, ?3, 0) on conflict do nothing")
                .setParameter(1, portee).setParameter(2, cle).setParameter(3, empreinte)
                .executeUpdate();
        if (nouvelle == 0) {
            return rejouer(cle, portee, empreinte);
        }
        Response reponse = action.get();
        String corps = null;
        if (reponse.getEntity() != null) {
            try {
                corps = json.writeValueAsString(reponse.getEntity());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("réponse non sérialisable", e);
            }
        }
        Object location = reponse.getHeaders().getFirst(HttpHeaders.LOCATION);
        em.createNativeQuery("update idempotence_requete set statut = ?1, location = ?2, corps = ?3 where portee = ?4 and cle = ?5")
                .setParameter(1, reponse.getStatus())
                .setParameter(2, location == null ? null : location.toString())
                .setParameter(3, corps)
                .setParameter(4, portee).setParameter(5, cle)
                .executeUpdate();
        return reponse;
    }

    private Response rejouer(String cle, String portee, String empreinte) {
        Object[] ligne = (Object[]) em.createNativeQuery(
                "select empreinte, statut, location, corps from idempotence_requete where portee = ?1 and cle = ?2")
                .setParameter(1, portee).setParameter(2, cle)
                .getSingleResult();
        if (!empreinte.equals(ligne[0])) {
            throw new ProblemeException(TypeProbleme.CLE_IDEMPOTENCE_REUTILISEE,
                    "La clé " + cle + " a déjà servi pour une requête différente ; utilisez une nouvelle clé.",
                    List.of(new Probleme.Erreur(ENTETE, "déjà utilisée avec un autre corps")));
        }
        Response.ResponseBuilder r = Response.status(((Number) ligne[1]).intValue()).header(ENTETE_REJOUE, "true");
        if (ligne[2] != null) {
            r.header(HttpHeaders.LOCATION, ligne[2]);
        }
        if (ligne[3] != null) {
            r.entity(ligne[3]).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return r.build();
    }

    private String empreinte(Object requete) {
        try {
            byte[] corps = canonique.writeValueAsBytes(requete);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(corps));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("empreinte impossible", e);
        }
    }

    /** Scope of a key: the same key from two institutions are two keys. */
    public static String portee(String methodeEtChemin, String institution) {
        return methodeEtChemin + " " + (institution == null ? "" : institution);
    }

}
