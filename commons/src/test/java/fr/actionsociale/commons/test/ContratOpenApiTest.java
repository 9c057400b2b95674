package fr.actionsociale.commons.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;

/** The contract check that every REST Assured call goes through fails on each kind of drift, and only on drift. */
class ContratOpenApiTest {

    static final String DOCUMENT = """
            openapi: 3.0.3
            info: {title: essai, version: '1'}
            paths:
              /choses/{id}:
                get:
                  parameters: [{name: id, in: path, required: true, schema: {type: string, format: uuid}}]
                  responses:
                    '200':
                      description: ok
                      content: {application/json: {schema: {$ref: '#/components/schemas/Chose'}}}
                    '404':
                      description: inconnue
                      content: {application/problem+json: {schema: {type: object}}}
              /choses:
                post:
                  requestBody:
                    required: true
                    content: {application/json: {schema: {type: object, required: [nom], properties: {nom: {type: string}}}}}
                  responses:
                    '201':
                      description: créée
                      content: {application/json: {schema: {$ref: '#/components/schemas/Chose'}}}
                    '400':
                      description: invalide
                      content: {application/problem+json: {schema: {type: object}}}
            components:
              schemas:
                Chose:
                  type: object
                  properties:
                    nom: {type: string}
                    note: {type: string, nullable: true}
            """;

    static final OpenApiInteractionValidator V = OpenApiInteractionValidator.createForInlineApiSpecification(DOCUMENT).build();
    static final String ID = "/choses/0b7e2f9c-6a3e-4a43-9d2b-5d3f1c9e8a11";

    static SimpleResponse json(int statut, String corps) {
        return new SimpleResponse.Builder(statut).withContentType("application/json").withBody(corps).build();
    }

    static List<String> get(SimpleResponse r) {
        return ContratOpenApi.ecarts(V, Request.Method.GET, ID, SimpleRequest.Builder.get(ID).build(), r);
    }

    @Test
    void uneReponseConformePasse() {
        assertEquals(List.of(), get(json(200, "{\"nom\":\"a\",\"note\":null}")));
    }

    @Test
    void unNullQueLeSchemaNAdmetPasEstUnEcart() {
        List<String> e = get(json(200, "{\"nom\":null}"));
        assertTrue(e.stream().anyMatch(m -> m.contains("/nom")), e.toString());
    }

    @Test
    void unStatutNonDocumenteEstUnEcart() {
        List<String> e = get(new SimpleResponse.Builder(409).withContentType("application/problem+json").withBody("{}").build());
        assertTrue(e.stream().anyMatch(m -> m.startsWith("validation.response.status.unknown")), e.toString());
    }

    @Test
    void unTypeDeContenuNonDocumenteEstUnEcart() {
        List<String> e = get(new SimpleResponse.Builder(200).withContentType("text/plain").withBody("a").build());
        assertTrue(e.stream().anyMatch(m -> m.contains("contentType")), e.toString());
    }

    @Test
    void uneRequeteInvalideAccepteeEstUnEcartMaisRefuseeNeLEstPas() {
        SimpleRequest sansNom = SimpleRequest.Builder.post("/choses").withContentType("application/json").withBody("{}").build();
        List<String> acceptee = ContratOpenApi.ecarts(V, Request.Method.POST, "/choses", sansNom, json(201, "{\"nom\":\"a\"}"));
        assertTrue(acceptee.stream().anyMatch(m -> m.startsWith("validation.request.body")), acceptee.toString());
        List<String> refusee = ContratOpenApi.ecarts(V, Request.Method.POST, "/choses", sansNom,
                new SimpleResponse.Builder(400).withContentType("application/problem+json").withBody("{}").build());
        assertEquals(List.of(), refusee);
    }

    @Test
    void uneAdresseInconnueRepondue404NEstPasUnEcart() {
        assertEquals(List.of(), ContratOpenApi.ecarts(V, Request.Method.GET, "/ailleurs", SimpleRequest.Builder.get("/ailleurs").build(),
                new SimpleResponse.Builder(404).withContentType("application/problem+json").withBody("{}").build()));
    }

    /** An operation the document does not have, answered as a success: the document forgot it. */
    @Test
    void uneAdresseInconnueQuiReussitEstUnEcart() {
        List<String> e = ContratOpenApi.ecarts(V, Request.Method.GET, "/ailleurs", SimpleRequest.Builder.get("/ailleurs").build(), json(200, "{}"));
        assertTrue(e.stream().anyMatch(m -> m.contains("path.missing")), e.toString());
    }
}
