package fr.actionsociale.commons.probleme;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

import fr.actionsociale.commons.idempotence.Idempotence;
import io.smallrye.openapi.internal.models.media.SchemaSupport;

/**
 * Completes every service's OpenAPI document with what the shared plumbing does the same way everywhere,
 * so that no resource repeats it and none forgets it:
 * <ul>
 * <li>the problem+json answers each operation can give, with their schema and an example: 400, 401, 403
 * and 503 always; 404 where the path names a resource; 409 on writes (a concurrent change, a duplicate);
 * 413 and 415 where a body is read; 422 where an {@code Idempotency-Key} is taken;</li>
 * <li>a description on every answer and every operation, and an {@code operationId} ({@code campagneCreer}
 * for {@code CampagneResource.creer});</li>
 * <li>every property that a schema does not require is {@code nullable}: the services answer {@code null}
 * for a value not known, and the document says so;</li>
 * <li>the roles admitted, as {@code x-roles} and in the description, instead of scopes that a bearer
 * scheme cannot declare.</li>
 * </ul>
 */
public class ProblemesOpenApiFilter implements OASFilter {

    private static final Map<String, String> TOUJOURS = Map.of(
            "400", "Requête invalide : le champ et la raison sont dans erreurs",
            "401", "Jeton absent, invalide ou expiré",
            "403", "Rôle ou institution sans accès",
            "503", "Base de données momentanément injoignable ; rien n'a été enregistré, réessayer après Retry-After");

    private static final Map<String, TypeProbleme> TYPES = Map.of(
            "400", TypeProbleme.REQUETE_INVALIDE, "401", TypeProbleme.NON_AUTHENTIFIE, "403", TypeProbleme.ACCES_REFUSE,
            "404", TypeProbleme.INTROUVABLE, "409", TypeProbleme.CONFLIT, "413", TypeProbleme.CORPS_TROP_VOLUMINEUX,
            "415", TypeProbleme.TYPE_NON_SUPPORTE, "422", TypeProbleme.CLE_IDEMPOTENCE_REUTILISEE,
            "503", TypeProbleme.SERVICE_INDISPONIBLE);

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("200", "Réussi"), Map.entry("201", "Créé ; l'adresse de la ressource est dans Location"),
            Map.entry("202", "Accepté ; traité en arrière-plan"), Map.entry("204", "Réussi, sans contenu"),
            Map.entry("404", "Aucune ressource à cette adresse (identifiant inconnu)"),
            Map.entry("409", "Conflit avec l'état de la ressource (déjà fait, modifiée entre-temps, doublon) ; rien n'a été enregistré"),
            Map.entry("413", "Corps de requête trop volumineux"),
            Map.entry("415", "Type de contenu non supporté"),
            Map.entry("422", "Clé d'idempotence déjà utilisée pour une autre requête"));


    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach((chemin, item) -> item.getOperations()
                    .forEach((methode, operation) -> completer(chemin, methode, operation)));
        }
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            Map<String, Schema> composants = openAPI.getComponents().getSchemas();
            java.util.Set<String> faits = new java.util.HashSet<>();
            composants.keySet().forEach(nom -> nullables(nom, composants, faits));
        }
    }

    private void completer(String chemin, PathItem.HttpMethod methode, Operation operation) {
        APIResponses reponses = operation.getResponses();
        if (reponses == null) {
            reponses = OASFactory.createAPIResponses();
            operation.setResponses(reponses);
        }
        Map<String, String> problemes = new LinkedHashMap<>(TOUJOURS);
        if (chemin.contains("{")) {
            problemes.put("404", DESCRIPTIONS.get("404"));
        }
        if (methode != PathItem.HttpMethod.GET && methode != PathItem.HttpMethod.HEAD) {
            problemes.put("409", DESCRIPTIONS.get("409"));
        }
        if (operation.getRequestBody() != null) {
            problemes.put("413", DESCRIPTIONS.get("413"));
            problemes.put("415", DESCRIPTIONS.get("415"));
        }
        if (operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && Idempotence.ENTETE.equalsIgnoreCase(p.getName()))) {
            problemes.put("422", DESCRIPTIONS.get("422"));
        }
        for (var e : problemes.entrySet()) {
            if (reponses.getAPIResponse(e.getKey()) == null) {
                reponses.addAPIResponse(e.getKey(), OASFactory.createAPIResponse().description(e.getValue()));
            }
        }
        reponses.getAPIResponses().forEach((code, reponse) -> {
            if (reponse.getDescription() == null || reponse.getDescription().isBlank()) {
                reponse.description(problemes.getOrDefault(code, DESCRIPTIONS.getOrDefault(code, "Réponse " + code)));
            }
            // every error answer, also those a resource documents by its status alone and the 400 the generator adds for
            // validated parameters, is a problem+json
            boolean erreur = code.startsWith("4") || code.startsWith("5");
            if (erreur && (reponse.getContent() == null || reponse.getContent().getMediaTypes() == null
                    || reponse.getContent().getMediaTypes().isEmpty())) {
                TypeProbleme type = TYPES.getOrDefault(code, TypeProbleme.REQUETE_INVALIDE);
                reponse.content(OASFactory.createContent().addMediaType(Probleme.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("#/components/schemas/Probleme"))
                        .example(Map.of("type", type.uri(), "title", type.titre(), "status", Integer.parseInt(code),
                                "detail", reponse.getDescription() + ".", "instance", chemin))));
            }
        });
        roles(operation);
        if (operation.getOperationId() != null) {
            operation.setOperationId(identifiant(operation.getOperationId()));
        }
        if (operation.getDescription() == null || operation.getDescription().isBlank()) {
            operation.setDescription(operation.getSummary());
        }
    }

    /** The roles Quarkus lists as the bearer scheme's scopes become {@code x-roles} and a sentence. */
    private static void roles(Operation operation) {
        if (operation.getSecurity() == null) {
            return;
        }
        List<String> roles = new ArrayList<>();
        List<SecurityRequirement> exigences = new ArrayList<>();
        for (SecurityRequirement exigence : operation.getSecurity()) {
            SecurityRequirement sansPortee = OASFactory.createSecurityRequirement();
            exigence.getSchemes().forEach((nom, portees) -> {
                if (portees != null) {
                    portees.stream().filter(r -> !roles.contains(r)).forEach(roles::add);
                }
                sansPortee.addScheme(nom);
            });
            exigences.add(sansPortee);
        }
        operation.setSecurity(exigences);
        if (!roles.isEmpty()) {
            operation.addExtension("x-roles", roles);
            String phrase = "Rôles admis : " + String.join(", ", roles) + ".";
            String description = operation.getDescription() == null || operation.getDescription().isBlank()
                    ? operation.getSummary() : operation.getDescription();
            operation.setDescription(description == null ? phrase : description + "\n\n" + phrase);
        }
    }

    /** {@code CampagneResource_creer} → {@code campagneCreer}: unique in the service, readable in generated clients. */
    static String identifiant(String genere) {
        int sep = genere.indexOf('_');
        if (sep < 0) {
            return genere;
        }
        String classe = genere.substring(0, sep).replaceFirst("Resource$", "");
        String methode = genere.substring(sep + 1);
        return classe.substring(0, 1).toLowerCase(Locale.ROOT) + classe.substring(1)
                + methode.substring(0, 1).toUpperCase(Locale.ROOT) + methode.substring(1);
    }

    /**
     * A property the schema does not require may be answered {@code null}. The schemas a property refers to are completed
     * first, so that the copy written in place of a reference carries their own nullable properties.
     */
    private static void nullables(String nom, Map<String, Schema> composants, java.util.Set<String> faits) {
        Schema schema = composants.get(nom);
        if (!faits.add(nom) || schema == null || schema.getProperties() == null) {
            return;
        }
        for (Schema propriete : schema.getProperties().values()) {
            String ref = reference(propriete);
            if (ref != null) {
                nullables(ref.substring(ref.lastIndexOf('/') + 1), composants, faits);
            }
        }
        List<String> requis = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (var e : new LinkedHashMap<>(schema.getProperties()).entrySet()) {
            if (requis.contains(e.getKey())) {
                continue;
            }
            Schema propriete = e.getValue();
            String ref = reference(propriete);
            if (ref != null) {
                Schema cible = composants.get(ref.substring(ref.lastIndexOf('/') + 1));
                // OpenAPI 3.0 ignores a $ref's siblings, and an allOf of a non-nullable schema refuses null: the referenced
                // schema is written in place (a date, a UUID, an enumeration, an object's properties), the nullable copy
                propriete = cible != null && scalaire(cible) ? copie(cible, propriete.getDescription())
                        : cible != null && objet(cible) ? copieObjet(cible, propriete.getDescription())
                        : OASFactory.createSchema().description(propriete.getDescription()).addType(Schema.SchemaType.OBJECT)
                                .addAllOf(OASFactory.createSchema().ref(ref));
                schema.addProperty(e.getKey(), propriete);
            }
            // SmallRye's own setter: "nullable: true" in 3.0, type [.., "null"] in 3.1
            SchemaSupport.setNullable(propriete, Boolean.TRUE);
        }
    }

    private static String reference(Schema propriete) {
        if (propriete.getRef() != null) {
            return propriete.getRef();
        }
        if (propriete.getAllOf() != null && propriete.getAllOf().size() == 1 && propriete.getAllOf().get(0).getRef() != null
                && propriete.getProperties() == null) {
            return propriete.getAllOf().get(0).getRef();
        }
        return null;
    }

    private static boolean scalaire(Schema s) {
        return s.getProperties() == null && s.getItems() == null && s.getAllOf() == null && s.getType() != null
                && s.getType().stream().noneMatch(t -> t == Schema.SchemaType.OBJECT || t == Schema.SchemaType.ARRAY);
    }

    private static boolean objet(Schema s) {
        return s.getProperties() != null && s.getAllOf() == null && s.getAnyOf() == null && s.getOneOf() == null;
    }

    private static Schema copieObjet(Schema cible, String description) {
        Schema s = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description(description != null ? description : cible.getDescription())
                .properties(new LinkedHashMap<>(cible.getProperties()));
        if (cible.getRequired() != null) {
            s.setRequired(new ArrayList<>(cible.getRequired()));
        }
        return s;
    }

    private static Schema copie(Schema cible, String description) {
        Schema s = OASFactory.createSchema().type(new ArrayList<>(cible.getType())).format(cible.getFormat())
                .pattern(cible.getPattern()).example(cible.getExample())
                .description(description != null ? description : cible.getDescription());
        if (cible.getEnumeration() != null) {
            s.setEnumeration(new ArrayList<>(cible.getEnumeration()));
        }
        return s;
    }
}
