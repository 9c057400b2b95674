package fr.actionsociale.commons.probleme;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Documents on every operation of every service the problem+json answers that the shared mappers give
 * (400, 401, 403, 503), so that no resource has to repeat them and none forgets them.
 */
public class ProblemesOpenApiFilter implements OASFilter {

    private static final Map<String, String> COMMUNES = Map.of(
            "400", "Requête invalide : le champ et la raison sont dans erreurs",
            "401", "Jeton absent, invalide ou expiré",
            "403", "Rôle ou institution sans accès",
            "503", "Base de données momentanément injoignable ; rien n'a été enregistré");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((chemin, item) -> item.getOperations().values().forEach(this::completer));
    }

    private void completer(Operation operation) {
        APIResponses reponses = operation.getResponses();
        if (reponses == null) {
            reponses = OASFactory.createAPIResponses();
            operation.setResponses(reponses);
        }
        for (var e : COMMUNES.entrySet()) {
            var reponse = reponses.getAPIResponse(e.getKey());
            if (reponse == null) {
                reponse = OASFactory.createAPIResponse().description(e.getValue());
                reponses.addAPIResponse(e.getKey(), reponse);
            }
            // also the answers the generator adds on its own (400 for validated parameters), without a body
            if (reponse.getContent() == null || reponse.getContent().getMediaTypes() == null
                    || reponse.getContent().getMediaTypes().isEmpty()) {
                reponse.content(OASFactory.createContent().addMediaType(Probleme.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Probleme"))));
            }
        }
    }
}
