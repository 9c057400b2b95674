package fr.actionsociale.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * What the document says beyond what ContratOpenApi can see: the contract check only flags a status a test actually
 * receives, so the success status of each creation and the defaults of parameters are read here from the document itself.
 */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class DocumentOpenApiTest {

    static ValidatableResponse document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200);
    }

    @Test
    void chaqueCreationDit201AvecLeSchemaDeSaReponseEtJamais200() {
        ValidatableResponse d = document();
        for (String chemin : List.of("/beneficiaires", "/campagnes", "/structures", "/orientations", "/saisines", "/regles-orientation",
                "/beneficiaires/{reference}/rdv-des-droits")) {
            String reponses = "paths.'%s'.post.responses".formatted(chemin);
            d.body(reponses + ".'201'.content.'application/json'.schema", notNullValue()).body(reponses + ".'200'", nullValue());
        }
        // a partner's report: 201 when it is news, 200 when already known, both answering the right as recorded
        d.body("paths.'/droits/signalements'.post.responses.'201'.content.'application/json'.schema.'$ref'", equalTo("#/components/schemas/Droit"))
                .body("paths.'/droits/signalements'.post.responses.'200'.content.'application/json'.schema.'$ref'", equalTo("#/components/schemas/Droit"))
                .body("paths.'/droits/signalements'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/droits/signalements'.post.responses.'422'", notNullValue())
                .body("components.schemas.Droit.required", hasItems("id", "beneficiaire", "droit", "etat", "date"))
                .body("components.schemas.Entree.required", hasItem("date"));
        // marking a break treated answers nothing: 204, not the 201 a void POST is documented with by default
        d.body("paths.'/suivi/ruptures/{id}/traitee'.post.responses.'204'", notNullValue())
                .body("paths.'/suivi/ruptures/{id}/traitee'.post.responses.'201'", nullValue());
    }

    @Test
    void unParametreQuiAUnDefautLeDitEtDitCeQuIlEst() {
        JsonPath d = document().extract().jsonPath();
        assertEquals(7, d.getInt("paths.'/suivi/a-traiter'.get.parameters.find { it.name == 'jours' }.schema.default"));
        assertEquals("caf-35", d.getString("paths.'/imports/entrants-rsa'.post.parameters.find { it.name == 'caisse' }.schema.default"));
        // the day a CAF file was processed, and the day a person was met: both optional dates, documented as such
        assertEquals("date", d.getString("paths.'/imports/entrants-rsa'.post.parameters.find { it.name == 'dateTraitement' }.schema.format"));
        assertEquals("date", d.getString("components.schemas.BeneficiaireRequete.properties.dateInscription.format"));
        assertEquals("date", d.getString("components.schemas.Beneficiaire.properties.dateInscription.format"));
        assertEquals("date", d.getString("components.schemas.Bilan.properties.dateTraitement.format"));
        List<String> sansDescription = new ArrayList<>();
        Map<String, Map<String, Map<String, Object>>> chemins = d.getMap("paths");
        chemins.forEach((chemin, operations) -> operations.forEach((methode, operation) -> {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> parametres = (List<Map<String, Object>>) operation.get("parameters");
            for (Map<String, Object> p : parametres == null ? List.<Map<String, Object>>of() : parametres) {
                @SuppressWarnings("unchecked")
                Map<String, Object> schema = (Map<String, Object>) p.get("schema");
                boolean aUnDefaut = schema != null && schema.get("default") != null;
                Object description = p.get("description");
                if (aUnDefaut && (description == null || description.toString().isBlank())) {
                    sansDescription.add(methode + " " + chemin + " " + p.get("name"));
                }
            }
        }));
        assertEquals(List.of(), sansDescription, "paramètres à valeur par défaut sans description");
    }
}
