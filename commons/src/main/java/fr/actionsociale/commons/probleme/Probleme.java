package fr.actionsociale.commons.probleme;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem, in French for the people who read it. {@code erreurs} names each field at fault
 * and why.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Probleme", description = "Erreur au format application/problem+json (RFC 9457)")
public record Probleme(
        @Schema(example = "/problemes/requete-invalide") String type,
        @Schema(example = "Requête invalide") String title,
        @Schema(example = "400") int status,
        @Schema(example = "Le champ commune est invalide.") String detail,
        @Schema(example = "/orientations") String instance,
        List<Erreur> erreurs) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record Erreur(@Schema(example = "commune") String champ,
            @Schema(example = "doit être un code INSEE de commune (5 caractères)") String raison) {
    }

    public static Probleme de(TypeProbleme type, String detail, List<Erreur> erreurs) {
        return new Probleme(type.uri(), type.titre(), type.statut(), detail, null, erreurs);
    }

    public static Probleme de(TypeProbleme type, String detail) {
        return de(type, detail, List.of());
    }

    public Probleme a(String instance) {
        return new Probleme(type, title, status, detail, instance, erreurs);
    }

    public Response reponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
