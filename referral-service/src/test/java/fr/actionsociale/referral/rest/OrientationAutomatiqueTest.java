package fr.actionsociale.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SchemasEvenements;
import fr.actionsociale.commons.test.SondeKafka;
import fr.actionsociale.referral.Referentiel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(Jetons.class)
class OrientationAutomatiqueTest {

    static final String ADMIN = Referentiel.ADMIN;
    static final LocalDate AUJOURDHUI = LocalDate.now(ZoneId.of("Europe/Paris"));

    @Inject
    EntityManager em;

    /** Called by each test: RestAssured knows the application's random port only once a test runs. */
    static void regles() {
        Referentiel.structures();
        // seed 003: under 26 to a Mission locale; people living alone to France Travail; the rest to a diagnostic interview
        for (String r : List.of("""
                {"rang":1,"libelle":"Moins de 26 ans vers la Mission locale","ageMax":25,"typeStructure":"MISSION_LOCALE"}""", """
                {"rang":2,"libelle":"Personnes isolées vers France Travail","ageMin":26,"foyers":["isole"],"typeStructure":"FRANCE_TRAVAIL"}""", """
                {"rang":3,"libelle":"Entretien de diagnostic au CDAS","typeStructure":"CDAS"}""")) {
            int s = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(r).post("/regles-orientation").then().extract().statusCode();
            assertEquals(true, s == 201 || s == 409, "règle : " + s);
        }
    }

    static String numero() {
        return String.valueOf(1_000_000_000L + ThreadLocalRandom.current().nextLong(8_000_000_000L));
    }

    static ValidatableResponse importer(String csv) {
        return given().header("Authorization", ADMIN).contentType("text/csv").body(csv).post("/imports/entrants-rsa").then();
    }

    @Test
    void leFichierDeLaCafOuvreLesDroitsDemarreLesHorlogesEtOrienteSelonLesRegles() {
        regles();
        String jeune = numero();
        String isole = numero();
        String famille = numero();
        String csv = """
                numero_allocataire;date_ouverture;date_naissance;commune;foyer
                %s;%s;%s;35236;isole
                %s;%s;1980-02-02;35236;isole
                %s;%s;1975-03-03;35220;couple_enfants
                %s;%s;1975-03-03;35220;couple_enfants
                """.formatted(jeune, AUJOURDHUI.minusDays(20), AUJOURDHUI.minusYears(24), isole, AUJOURDHUI.minusDays(10), famille,
                AUJOURDHUI.minusDays(3), famille, AUJOURDHUI.minusDays(3));
        try (SondeKafka ouverts = SondeKafka.aLaFinDe("droit-ouvert"); SondeKafka orientations = SondeKafka.aLaFinDe("orientation-faite")) {
            importer(csv).statusCode(200).body("lignes", equalTo(4)).body("doublonsDansLeFichier", equalTo(1)).body("importes", equalTo(3))
                    .body("orientes", equalTo(3)).body("regle", containsString("Tout ou rien"));
            List<ConsumerRecord<String, String>> o = orientations.attendre(r -> r.value().contains("orientation-automatique"), 3, Duration.ofSeconds(15));
            assertEquals(3, o.size());
            List<ConsumerRecord<String, String>> d = ouverts.attendre(r -> true, 3, Duration.ofSeconds(15));
            for (ConsumerRecord<String, String> r : o) {
                assertEquals(Set.of(), SchemasEvenements.violations("orientation-faite", r.value()));
            }
            for (ConsumerRecord<String, String> r : d) {
                assertEquals(Set.of(), SchemasEvenements.violations("droit-ouvert", r.value()));
                assertFalse(r.value().contains(jeune) || r.value().contains(isole) || r.value().contains(famille), "no CAF number in an event");
            }
        }
        String refJeune = reference(jeune);
        given().header("Authorization", ADMIN).get("/beneficiaires/" + refJeune).then()
                .body("orientations[0].structure", equalTo("mission-locale-redon"))
                .body("droits[0].ouvertLe", equalTo(AUJOURDHUI.minusDays(20).toString()))
                .body("parcoursRsa.find { it.type == 'PREMIERE_INVITATION' }.dateLimite", equalTo(AUJOURDHUI.minusDays(5).toString()))
                .body("parcoursRsa.find { it.type == 'ORIENTATION' }.faiteLe", equalTo(AUJOURDHUI.toString()));
        given().header("Authorization", ADMIN).queryParam("beneficiaire", refJeune).get("/decisions-orientation").then()
                .body("", hasSize(1)).body("[0].raison", equalTo("Règle 1 « Moins de 26 ans vers la Mission locale » : âge 24 ans ≤ 25"));
        given().header("Authorization", ADMIN).get("/beneficiaires/" + reference(isole)).then().body("orientations[0].structure", equalTo("france-travail-35"));
        given().header("Authorization", ADMIN).get("/beneficiaires/" + reference(famille)).then().body("orientations[0].structure", equalTo("cdas-pays-de-redon"));

        // the same file again: everyone is known, nothing is duplicated
        importer(csv).statusCode(200).body("dejaConnus", equalTo(3)).body("importes", equalTo(0));

        // an agent overrides the rules, with a reason: the automatic orientation is closed by the new one, and both decisions stay
        String decision = given().header("Authorization", ADMIN).queryParam("beneficiaire", refJeune).get("/decisions-orientation").then().extract().path("[0].id");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"structure\":\"mission-locale-redon\",\"motif\":\"x\"}")
                .post("/decisions-orientation/" + decision + "/forcage").then().statusCode(400).body("erreurs[0].champ", equalTo("structure"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"structure\":\"caf-35\"}")
                .post("/decisions-orientation/" + decision + "/forcage").then().statusCode(400).body("erreurs[0].champ", equalTo("motif"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"structure\":\"cdas-pays-de-redon\",\"motif\":\"Parent isolé : accompagnement social d'abord\"}")
                .post("/decisions-orientation/" + decision + "/forcage").then().statusCode(200).body("forcee", equalTo(true));
        given().header("Authorization", ADMIN).queryParam("beneficiaire", refJeune).get("/decisions-orientation").then().body("", hasSize(2))
                .body("[1].motifForcage", equalTo("Parent isolé : accompagnement social d'abord"));
        given().header("Authorization", ADMIN).get("/beneficiaires/" + refJeune).then().body("orientations.statut", equalTo(List.of("CLOTUREE", "PROPOSEE")));
    }

    @Test
    void unFichierAvecDesLignesInvalidesEstRefuseEnEntier() {
        regles();
        String bon = numero();
        importer("""
                %s;%s;1980-01-01;35236;isole
                12AB;%s;1980-01-01;35236;isole
                %s;%s;1980-01-01;3523;isole
                """.formatted(bon, AUJOURDHUI, AUJOURDHUI, numero(), AUJOURDHUI.plusDays(3))).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("2 ligne(s) invalide(s) : rien n'a été importé"))
                .body("erreurs.champ", equalTo(List.of("ligne 2, numero_allocataire", "ligne 3, date_ouverture", "ligne 3, commune")));
        assertEquals(0L, ((Number) em.createNativeQuery("select count(*) from beneficiaire where numero_allocataire = ?1").setParameter(1, bon)
                .getSingleResult()).longValue());
        given().header("Authorization", Jetons.entete("agent", "cdas-pays-de-redon")).contentType("text/csv").body("x").post("/imports/entrants-rsa").then()
                .statusCode(403);
    }

    @Test
    void laPasseMensuelleOrienteLesEntrantsQuePersonneNAOrientes() {
        regles();
        String ben = Referentiel.beneficiaire(Jetons.entete("agent", "cdas-pays-de-redon"));
        given().header("Authorization", Jetons.entete("partenaire", "caf-35")).contentType(ContentType.JSON)
                .body("{\"beneficiaire\":\"%s\",\"droit\":\"RSA\",\"etat\":\"OUVERT\",\"date\":\"%s\"}".formatted(ben, AUJOURDHUI.minusDays(5)))
                .post("/droits/signalements").then().statusCode(201);
        given().header("Authorization", Jetons.entete("gestionnaire", "departement-35")).post("/orientation-automatique/executions").then()
                .statusCode(200).body("orientes", greaterThanOrEqualTo(1));
        given().header("Authorization", ADMIN).get("/beneficiaires/" + ben).then().body("orientations[0].structure", equalTo("cdas-pays-de-redon"))
                .body("orientations[0].orientePar", equalTo("orientation-automatique"));
        given().header("Authorization", ADMIN).queryParam("beneficiaire", ben).get("/decisions-orientation").then()
                .body("[0].raison", equalTo("Règle 3 « Entretien de diagnostic au CDAS » : règle par défaut"));
    }

    String reference(String numeroAllocataire) {
        return (String) em.createNativeQuery("select reference from beneficiaire where numero_allocataire = ?1").setParameter(1, numeroAllocataire)
                .getSingleResult();
    }
}
