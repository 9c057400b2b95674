package fr.actionsociale.referral.domain;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.actionsociale.commons.temps.Horloges;

/**
 * What one RDV-Insertion webhook says, read from its published shape (app/models/concerns/webhook_deliverable.rb: {@code data}
 * is the record's blueprint, {@code meta} its {@code model}, {@code event} and {@code timestamp}): an invitation sent
 * (app/blueprints/invitation_blueprint.rb, extended view with its user) or a RDV with its participations
 * (app/blueprints/rdv_blueprint.rb, participation_blueprint.rb). Each person is carried by the identifiers both sides hold
 * (user_blueprint.rb: {@code id}, {@code affiliation_number}), never by name. Anything else is {@link Illisible}.
 */
public record WebhookRdvi(String modele, String evenement, OffsetDateTime horodatage, long ressourceId, List<Fait> faits) {

    public static final String INVITATION = "Invitation";
    public static final String RDV = "Rdv";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The person as RDV-Insertion knows them: its user id, and the CAF allocataire number when the organisation may see it. */
    public record Personne(Long rdviId, String numeroAllocataire) {
    }

    /** What a webhook says about one person; {@link #cle()} names it within the webhook (to apply it again later). */
    public sealed interface Fait {
        Personne personne();

        String cle();
    }

    /** An invitation sent on {@code le} by {@code canal} (created_at; format sms, email or postal). */
    public record InvitationEnvoyee(long invitationId, Personne personne, CanalContact canal, LocalDate le) implements Fait {
        @Override
        public String cle() {
            return INVITATION + "/" + invitationId;
        }
    }

    /** One person's participation in a RDV: its status, the day of the RDV, the day it was taken. */
    public record Participation(long participationId, Personne personne, StatutParticipation statut, LocalDate rdvLe, LocalDate priseLe)
            implements Fait {
        @Override
        public String cle() {
            return "Participation/" + participationId;
        }
    }

    /** RDV-Insertion's participation statuses (app/models/concerns/rdv_participation_status.rb). */
    public enum StatutParticipation {
        /** Taken, not held yet (or not reported). */
        UNKNOWN,
        /** Held: the person came. */
        SEEN,
        /** Cancelled by the person. */
        EXCUSED,
        /** Cancelled by the organisation. */
        REVOKED,
        /** The person did not come. */
        NOSHOW
    }

    /** The body cannot be read as a RDV-Insertion webhook: the field and the reason, in French. */
    public static class Illisible extends RuntimeException {
        private final String champ;

        public Illisible(String champ, String raison) {
            super(raison, null, false, false);
            this.champ = champ;
        }

        public String champ() {
            return champ;
        }
    }

    public static WebhookRdvi lire(byte[] corps) {
        JsonNode racine;
        try {
            racine = JSON.readTree(corps);
        } catch (JsonProcessingException e) {
            throw new Illisible("corps", "n'est pas du JSON lisible");
        } catch (IOException e) {
            throw new Illisible("corps", "illisible");
        }
        if (racine == null || !racine.isObject()) {
            throw new Illisible("corps", "doit être un objet JSON avec data et meta");
        }
        JsonNode meta = objet(racine, "meta");
        JsonNode data = objet(racine, "data");
        String modele = texte(meta, "meta.model");
        String evenement = texte(meta, "meta.event");
        if (!List.of("created", "updated", "destroyed").contains(evenement)) {
            throw new Illisible("meta.event", "doit être created, updated ou destroyed");
        }
        OffsetDateTime horodatage = instant(meta, "timestamp", "meta.timestamp");
        long id = entier(data, "id", "data.id");
        List<Fait> faits = new ArrayList<>();
        switch (modele) {
            case INVITATION -> {
                if (!evenement.equals("destroyed")) {
                    faits.add(new InvitationEnvoyee(id, personne(objet(data, "user", "data.user"), "data.user"), canal(data),
                            jour(data, "created_at", "data.created_at")));
                }
            }
            case RDV -> {
                JsonNode participations = data.get("participations");
                if (participations == null || !participations.isArray()) {
                    throw new Illisible("data.participations", "absent : le RDV doit porter ses participations (vue étendue)");
                }
                if (!evenement.equals("destroyed")) {
                    for (int i = 0; i < participations.size(); i++) {
                        faits.add(participation(participations.get(i), data, "data.participations[" + i + "]"));
                    }
                }
            }
            default -> throw new Illisible("meta.model", "modèle inconnu (" + court(modele) + ") : seuls Invitation et Rdv sont lus");
        }
        return new WebhookRdvi(modele, evenement, horodatage, id, List.copyOf(faits));
    }

    private static Participation participation(JsonNode p, JsonNode rdv, String chemin) {
        if (p == null || !p.isObject()) {
            throw new Illisible(chemin, "doit être un objet");
        }
        String s = texte(p, chemin + ".status");
        StatutParticipation statut;
        try {
            statut = StatutParticipation.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Illisible(chemin + ".status", "statut inconnu (" + court(s) + ") : unknown, seen, excused, revoked ou noshow");
        }
        // the participation's own start, else the RDV's
        LocalDate rdvLe = p.hasNonNull("starts_at") ? jour(p, "starts_at", chemin + ".starts_at") : jour(rdv, "starts_at", "data.starts_at");
        return new Participation(entier(p, "id", chemin + ".id"), personne(objet(p, "user", chemin + ".user"), chemin + ".user"), statut, rdvLe,
                jour(p, "created_at", chemin + ".created_at"));
    }

    private static Personne personne(JsonNode u, String chemin) {
        Long id = u.hasNonNull("id") ? entier(u, "id", chemin + ".id") : null;
        String allocataire = u.hasNonNull("affiliation_number") ? u.get("affiliation_number").asText().strip() : null;
        if (id == null && (allocataire == null || allocataire.isEmpty())) {
            throw new Illisible(chemin, "ni id ni affiliation_number : la personne ne peut être reconnue");
        }
        return new Personne(id, allocataire == null || allocataire.isEmpty() ? null : allocataire);
    }

    private static CanalContact canal(JsonNode data) {
        String f = texte(data, "data.format");
        return switch (f) {
            case "sms" -> CanalContact.TELEPHONE;
            case "email" -> CanalContact.COURRIEL;
            case "postal" -> CanalContact.COURRIER;
            default -> throw new Illisible("data.format", "format inconnu (" + court(f) + ") : sms, email ou postal");
        };
    }

    private static JsonNode objet(JsonNode n, String champ) {
        return objet(n, champ, champ);
    }

    private static JsonNode objet(JsonNode n, String champ, String chemin) {
        JsonNode v = n.get(champ);
        if (v == null || !v.isObject()) {
            throw new Illisible(chemin, v == null || v.isNull() ? "absent" : "doit être un objet");
        }
        return v;
    }

    private static String texte(JsonNode n, String chemin) {
        JsonNode v = n.get(chemin.substring(chemin.lastIndexOf('.') + 1));
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new Illisible(chemin, v == null || v.isNull() ? "absent" : "doit être un texte non vide");
        }
        return v.asText();
    }

    private static long entier(JsonNode n, String champ, String chemin) {
        JsonNode v = n.get(champ);
        if (v == null || !v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() <= 0) {
            throw new Illisible(chemin, v == null || v.isNull() ? "absent" : "doit être un entier positif");
        }
        return v.asLong();
    }

    private static OffsetDateTime instant(JsonNode n, String champ, String chemin) {
        JsonNode v = n.get(champ);
        if (v == null || !v.isTextual()) {
            throw new Illisible(chemin, v == null || v.isNull() ? "absent" : "doit être une date et heure ISO 8601");
        }
        try {
            return OffsetDateTime.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw new Illisible(chemin, "doit être une date et heure ISO 8601 avec son décalage (2026-11-30T09:15:00.000+01:00)");
        }
    }

    /** The day in Paris when it happened (RDV-Insertion writes its instants with their offset). */
    private static LocalDate jour(JsonNode n, String champ, String chemin) {
        return instant(n, champ, chemin).atZoneSameInstant(Horloges.PARIS).toLocalDate();
    }

    /** A value quoted back in a reason: short, never a whole field of the body. */
    private static String court(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
