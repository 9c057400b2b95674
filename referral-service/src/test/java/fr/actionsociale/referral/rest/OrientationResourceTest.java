package fr.actionsociale.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.evenement.CloudEvents;
import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.referral.Referentiel;
import fr.actionsociale.commons.test.SchemasEvenements;
import fr.actionsociale.commons.test.SondeKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(Jetons.class)
class OrientationResourceTest {

    static final String AGENT = Jetons.entete("agent", "cdas-pays-de-redon");

    @Inject
    EntityManager em;

    static String orientation(String beneficiaire) {
        return """
                {"beneficiaire":"%s","structure":"caf-35","commune":"35236","motif":"RSA et C2S identifiés au RDV des droits",
                 "droitsVises":["RSA","C2S"]}""".formatted(beneficiaire);
    }

    static String beneficiaire() {
        return Referentiel.beneficiaire(AGENT);
    }

    ValidatableResponse poster(String autorisation, String corps) {
        return given().header("Authorization", autorisation).contentType(ContentType.JSON).body(corps)
                .when().post("/orientations").then();
    }

    @Test
    void uneOrientationEstEnregistreeEtPublieeEnCloudEventConformeASonSchema() {
        String ben = beneficiaire();
        try (SondeKafka sonde = SondeKafka.aLaFinDe("orientation-faite")) {
            String id = poster(AGENT, orientation(ben))
                    .statusCode(201)
                    .header("Location", containsString("/orientations/"))
                    .body("statut", equalTo("PROPOSEE"))
                    .body("orientePar", equalTo("cdas-pays-de-redon"))
                    .body("droitsVises", hasItem("RSA"))
                    .extract().path("id");

            given().header("Authorization", AGENT).get("/orientations/" + id).then()
                    .statusCode(200).body("beneficiaire", equalTo(ben)).body("structure", equalTo("caf-35"));

            List<ConsumerRecord<String, String>> recus = sonde.attendre(r -> id.equals(r.key()), 1, Duration.ofSeconds(15));
            assertEquals(1, recus.size(), "un événement orientation-faite pour l'orientation");
            ConsumerRecord<String, String> r = recus.get(0);
            assertEquals("1.0", SondeKafka.entete(r, CloudEvents.SPECVERSION));
            assertEquals("orientation-faite", SondeKafka.entete(r, CloudEvents.TYPE));
            assertEquals("/referral-service", SondeKafka.entete(r, CloudEvents.SOURCE));
            assertEquals(id, SondeKafka.entete(r, CloudEvents.SUBJECT));
            assertEquals("application/json", SondeKafka.entete(r, CloudEvents.CONTENT_TYPE));
            assertTrue(SondeKafka.entete(r, CloudEvents.ID).matches("[0-9a-f-]{36}"));
            assertTrue(java.time.OffsetDateTime.parse(SondeKafka.entete(r, CloudEvents.TIME)).getYear() >= 2026);
            assertEquals(java.util.Set.of(), SchemasEvenements.violations("orientation-faite", r.value()));
            // the motive is free text and may name people: it never leaves the service
            assertFalse(r.value().contains("RDV des droits"), r.value());
        }
    }

    @Test
    void unPostRejoueAvecLaMemeCleRenvoieLaPremiereReponseSansDoublon() {
        String ben = beneficiaire();
        String cle = UUID.randomUUID().toString();
        String premier = given().header("Authorization", AGENT).header("Idempotency-Key", cle).contentType(ContentType.JSON)
                .body(orientation(ben)).post("/orientations").then().statusCode(201).extract().path("id");
        given().header("Authorization", AGENT).header("Idempotency-Key", cle).contentType(ContentType.JSON)
                .body(orientation(ben)).post("/orientations").then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", containsString(premier))
                .body("id", equalTo(premier));
        assertEquals(1L, compter(ben));

        // the same key for another request is refused and creates nothing
        given().header("Authorization", AGENT).header("Idempotency-Key", cle).contentType(ContentType.JSON)
                .body(orientation(beneficiaire())).post("/orientations").then()
                .statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problemes/cle-idempotence-reutilisee"))
                .body("erreurs[0].champ", equalTo("Idempotency-Key"));
        assertEquals(1L, compter(ben));
    }

    @Test
    void chaqueErreurDeSaisieNommeLeChampEtLaRaison() {
        poster(AGENT, "{\"beneficiaire\":").statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("/problemes/json-mal-forme")).body("erreurs[0].champ", equalTo("corps"));
        poster(AGENT, "{\"beneficiaire\":12,\"structure\":\"caf-35\",\"commune\":\"35236\",\"motif\":\"m\",\"droitsVises\":[\"RSA\"]}")
                .statusCode(400).body("erreurs[0].champ", equalTo("beneficiaire"));
        poster(AGENT, "{\"beneficiaire\":\"ben-1234\",\"structure\":\"caf-35\",\"commune\":\"35236\",\"motif\":\"m\",\"droitsVises\":\"RSA\"}")
                .statusCode(400).body("erreurs[0].champ", equalTo("droitsVises")).body("erreurs[0].raison", equalTo("doit être une liste"));
        poster(AGENT, "{\"beneficiaire\":\"ben-1234\",\"structure\":\"caf-35\",\"commune\":\"35236\",\"motif\":\"m\",\"droitsVises\":[\"RSA\",\"LOTO\"]}")
                .statusCode(400).body("erreurs[0].champ", equalTo("droitsVises[1]"))
                .body("erreurs[0].raison", containsString("valeurs admises : RSA"));
        poster(AGENT, "{\"beneficiaire\":\"ben-1234\",\"structure\":\"caf-35\",\"commune\":\"35236\",\"motif\":\"m\",\"droitsVises\":[\"RSA\"],\"age\":3}")
                .statusCode(400).body("erreurs[0].champ", equalTo("age")).body("erreurs[0].raison", equalTo("champ inconnu"));
        poster(AGENT, "{\"beneficiaire\":\"ben-1234\",\"structure\":\"CAF 35\",\"commune\":\"3523\",\"droitsVises\":[]}")
                .statusCode(400)
                .body("erreurs.champ", equalTo(List.of("commune", "droitsVises", "motif", "structure")))
                .body("erreurs.find { it.champ == 'commune' }.raison", containsString("code INSEE"))
                .body("erreurs.find { it.champ == 'motif' }.raison", equalTo("est obligatoire"));
        poster(AGENT, "").statusCode(400).body("erreurs[0].champ", equalTo("corps"));
        poster(AGENT, "[1,2]").statusCode(400).body("erreurs[0].champ", equalTo("corps"));
        // a social-security number is not an opaque reference
        poster(AGENT, orientation("1850435236123")).statusCode(400).body("erreurs[0].champ", equalTo("beneficiaire"))
                .body("erreurs[0].raison", containsString("sécurité sociale"));
        given().header("Authorization", AGENT).contentType(ContentType.TEXT).body("bonjour").post("/orientations").then()
                .statusCode(415).contentType("application/problem+json").body("type", equalTo("/problemes/type-non-supporte"));
        given().header("Authorization", AGENT).contentType(ContentType.JSON).body("{\"motif\":\"" + "a".repeat(300_000) + "\"}")
                .post("/orientations").then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void identifiantsInconnusOuMalFormes() {
        given().header("Authorization", AGENT).get("/orientations/" + UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json").body("type", equalTo("/problemes/introuvable"));
        given().header("Authorization", AGENT).get("/orientations/pas-un-uuid").then()
                .statusCode(400).body("erreurs[0].champ", equalTo("id"));
        given().header("Authorization", AGENT).get("/nulle-part").then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", AGENT).delete("/orientations").then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void sansJetonValideRienNePasse() {
        given().contentType(ContentType.JSON).body(orientation(beneficiaire())).post("/orientations").then()
                .statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("/problemes/non-authentifie"));
        poster("Bearer " + Jetons.expire("agent", "ccas-redon"), orientation(beneficiaire())).statusCode(401);
        poster("Bearer " + Jetons.signeParUnAutre("agent", "ccas-redon"), orientation(beneficiaire())).statusCode(401);
        poster("Bearer pas.un.jeton", orientation(beneficiaire())).statusCode(401).contentType("application/problem+json");
        // a coordinator sees aggregates, never an individual orientation
        poster(Jetons.entete("coordinateur", "departement-35"), orientation(beneficiaire())).statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void unAgentNeVoitQueLesOrientationsDeSaStructure() {
        String id = poster(AGENT, orientation(beneficiaire())).statusCode(201).extract().path("id");
        given().header("Authorization", Jetons.entete("agent", "caf-35")).get("/orientations/" + id).then().statusCode(200);
        given().header("Authorization", Jetons.entete("agent", "ccas-pipriac")).get("/orientations/" + id).then().statusCode(404);
        given().header("Authorization", Jetons.entete("admin", "departement-35")).get("/orientations/" + id).then().statusCode(200)
                .body("id", notNullValue());
    }

    @Test
    void lOpenApiDecritChaqueReponseEnErreurEnProblemJson() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/orientations'.post.responses.'401'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Probleme"))
                .body("paths.'/orientations'.post.responses.'400'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Probleme"))
                .body("paths.'/orientations'.post.responses.'422'.description", containsString("idempotence"))
                .body("components.schemas.Probleme.properties.erreurs.type", equalTo("array"));
    }

    long compter(String beneficiaire) {
        return ((Number) em.createNativeQuery("select count(*) from orientation where beneficiaire = ?1")
                .setParameter(1, beneficiaire).getSingleResult()).longValue();
    }
}
