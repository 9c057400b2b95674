package fr.actionsociale.referral.messaging;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.databind.JsonNode;

import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.commons.webhook.DestinatairesWebhook;

/**
 * Outgoing webhooks of referral-service: the orientation events, to the institutions that read the orientation
 * ({@code Orientation.concerne}: the structure oriented to and the one that oriented). Nothing else leaves this way:
 * the events carry no personal data, only the person's opaque reference.
 */
@ApplicationScoped
public class DestinatairesOrientations implements DestinatairesWebhook {

    static final Set<String> TYPES = Set.of(OrientationFaite.TYPE, "orientation-acceptee", "orientation-en-cours", "orientation-refusee",
            "orientation-cloturee", OrientationCorrigee.TYPE);

    private final EntityManager em;

    DestinatairesOrientations(EntityManager em) {
        this.em = em;
    }

    @Override
    public Set<String> institutions(String type, String cle, JsonNode donnees) {
        if (!TYPES.contains(type)) {
            return Set.of();
        }
        Set<String> institutions = new HashSet<>();
        JsonNode structure = donnees.path("structure");
        if (structure.isTextual()) {
            institutions.add(structure.asText());
        }
        JsonNode orientePar = donnees.path("orientePar");
        if (orientePar.isTextual()) {
            institutions.add(orientePar.asText());
        } else if (donnees.path("orientationId").isTextual()) {
            // the follow-up events name only the structure: the orienting institution is in the orientation
            @SuppressWarnings("unchecked")
            List<String> lignes = em.createNativeQuery("select oriente_par from orientation where id = ?1")
                    .setParameter(1, UUID.fromString(donnees.path("orientationId").asText())).getResultList();
            institutions.addAll(lignes);
        }
        return institutions;
    }

    /** Those who read orientations (agents, admin) and a structure's partner system (an assumption: the issue names it). */
    @Override
    public Set<String> typesVisibles(Appelant appelant) {
        return appelant.a(Roles.AGENT) || appelant.a(Roles.PARTENAIRE) || appelant.a(Roles.ADMIN) ? TYPES : Set.of();
    }
}
