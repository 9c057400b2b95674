package fr.actionsociale.commons.probleme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

import io.smallrye.openapi.internal.models.media.SchemaSupport;

class ProblemesOpenApiFilterTest {

    static Operation operation(String id) {
        return OASFactory.createOperation().operationId(id).summary("Faire")
                .responses(OASFactory.createAPIResponses().addAPIResponse("201", OASFactory.createAPIResponse()));
    }

    @Test
    void chaqueOperationDitSesReponsesDErreurSonIdentifiantEtSaDescription() {
        Operation ecriture = operation("ConventionResource_signer")
                .requestBody(OASFactory.createRequestBody())
                .addParameter(OASFactory.createParameter().name("Idempotency-Key").in(Parameter.In.HEADER));
        Operation lecture = operation("ConventionResource_lister");
        OpenAPI doc = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/conventions/{id}/signatures", OASFactory.createPathItem().POST(ecriture))
                .addPathItem("/conventions", OASFactory.createPathItem().GET(lecture)));

        new ProblemesOpenApiFilter().filterOpenAPI(doc);

        assertEquals(Set.of("201", "400", "401", "403", "404", "409", "413", "415", "422", "503"), ecriture.getResponses().getAPIResponses().keySet());
        assertEquals(Set.of("201", "400", "401", "403", "503"), lecture.getResponses().getAPIResponses().keySet());
        assertEquals("conventionSigner", ecriture.getOperationId());
        assertEquals("Faire", ecriture.getDescription());
        ecriture.getResponses().getAPIResponses().forEach((code, r) -> {
            assertNotNull(r.getDescription(), code);
            if (!code.startsWith("2")) {
                assertNotNull(r.getContent().getMediaType(Probleme.MEDIA_TYPE).getExample(), code);
            }
        });
    }

    @Test
    void uneProprieteNonRequiseEstNullableEtUneRequiseNeLEstPas() {
        Schema date = OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date");
        Schema partie = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("institution", OASFactory.createSchema().addType(Schema.SchemaType.STRING));
        Schema convention = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT).required(List.of("id"))
                .addProperty("id", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("lieu", OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                .addProperty("dateSignature", OASFactory.createSchema().ref("#/components/schemas/LocalDate"))
                .addProperty("porteur", OASFactory.createSchema().addAllOf(OASFactory.createSchema().ref("#/components/schemas/Partie")));
        OpenAPI doc = OASFactory.createOpenAPI().components(OASFactory.createComponents()
                .addSchema("LocalDate", date).addSchema("Partie", partie).addSchema("Convention", convention));

        new ProblemesOpenApiFilter().filterOpenAPI(doc);

        assertNull(SchemaSupport.getNullable(convention.getProperties().get("id")));
        assertEquals(Boolean.TRUE, SchemaSupport.getNullable(convention.getProperties().get("lieu")));
        Schema dateSignature = convention.getProperties().get("dateSignature");
        assertEquals("date", dateSignature.getFormat(), "a scalar reference is written in place, nullable");
        assertEquals(Boolean.TRUE, SchemaSupport.getNullable(dateSignature));
        Schema porteur = convention.getProperties().get("porteur");
        assertTrue(porteur.getProperties().containsKey("institution"), "an object reference is written in place, nullable");
        assertEquals(Boolean.TRUE, SchemaSupport.getNullable(porteur));
    }

    /** An object written in place of its reference carries its own nullable properties, whatever the order of the schemas. */
    @Test
    void uneCopieEnPlacePorteLesNullablesDeSonSchema() {
        Schema aTraiter = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("etape", OASFactory.createSchema().ref("#/components/schemas/Etape"));
        Schema etape = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("faiteLe", OASFactory.createSchema().ref("#/components/schemas/LocalDate"));
        OpenAPI doc = OASFactory.createOpenAPI().components(OASFactory.createComponents().addSchema("ATraiter", aTraiter)
                .addSchema("Etape", etape).addSchema("LocalDate", OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("date")));

        new ProblemesOpenApiFilter().filterOpenAPI(doc);

        Schema faiteLe = aTraiter.getProperties().get("etape").getProperties().get("faiteLe");
        assertEquals("date", faiteLe.getFormat());
        assertEquals(Boolean.TRUE, SchemaSupport.getNullable(faiteLe));
    }
}
