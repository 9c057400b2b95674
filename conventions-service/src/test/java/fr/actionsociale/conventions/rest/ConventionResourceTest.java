package fr.actionsociale.conventions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.evenement.CloudEvents;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.AppelantDeTest;
import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SchemasEvenements;
import fr.actionsociale.commons.test.SondeKafka;
import fr.actionsociale.conventions.domain.DeliberationCitee;
import fr.actionsociale.conventions.service.ConventionService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(Jetons.class)
class ConventionResourceTest {

    static final String ADMIN = Jetons.entete("admin", "departement-35");

    /** Three fresh institutions of this test: a porteur and two partners, with their populations. */
    public record Trio(String a, String b, String c) {
    }

    static Trio institutions(boolean avecPopulations) {
        String s = UUID.randomUUID().toString().substring(0, 6);
        Trio t = new Trio("epci-" + s, "ccas-a-" + s, "ccas-b-" + s);
        int[] pops = { 9944, 3142, 1913 };
        String[] codes = { t.a(), t.b(), t.c() };
        for (int i = 0; i < 3; i++) {
            String population = avecPopulations || i < 2 ? ",\"population\":" + pops[i] + ",\"populationAnnee\":2012" : "";
            given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                    .body("{\"code\":\"%s\",\"nom\":\"%s\",\"type\":\"CCAS\"%s}".formatted(codes[i], codes[i], population))
                    .post("/institutions").then().statusCode(201);
        }
        return t;
    }

    static String convention(Trio t, String debut, String fin, String montant) {
        return """
                {"reference":"REF-%s","objet":"Réseau des acteurs sociaux","type":"PARTENARIAT","porteur":"%s",
                 "territoire":["44015","44022"],"basesLegales":["VU le Code de l'action sociale et des familles"],
                 "dateDebut":"%s","dateFin":"%s","lieu":"Blain","nombreOriginaux":3,"montantTotal":%s,"preavisMois":3,
                 "parties":[
                   {"institution":"%s","role":"PORTEUR","representantQualite":"Le Président","representantNom":"Jeanne Martin",
                    "deliberation":{"numero":"D-2014-01","instance":"Conseil d'administration","date":"2014-01-20"}},
                   {"institution":"%s","role":"PARTENAIRE","representantQualite":"La Vice-présidente"},
                   {"institution":"%s","role":"PARTENAIRE","representantQualite":"Le Vice-président"}]}"""
                .formatted(UUID.randomUUID(), t.a(), debut, fin, montant, t.a(), t.b(), t.c());
    }

    static ValidatableResponse rediger(String corps) {
        return given().header("Authorization", Jetons.entete("gestionnaire", "departement-35")).contentType(ContentType.JSON)
                .body(corps).post("/conventions").then();
    }

    static ValidatableResponse signer(String id, String institution, String role, String date) {
        return given().header("Authorization", Jetons.entete(role, institution)).contentType(ContentType.JSON)
                .body("""
                        {"institution":"%s","date":"%s","deliberation":{"numero":"D-%s","instance":"Conseil d'administration","date":"%s"}}"""
                        .formatted(institution, date, institution, date))
                .post("/conventions/" + id + "/signatures").then();
    }

    @Test
    void laDerniereSignatureMetLaConventionEnVigueurEtPublieConventionSignee() {
        Trio t = institutions(true);
        String id = rediger(convention(t, "2014-03-01", "2030-12-31", "4000.00")).statusCode(201)
                .body("statut", equalTo("BROUILLON")).body("parties.size()", equalTo(3)).extract().path("id");

        // a draft cannot be signed
        signer(id, t.a(), "gestionnaire", "2014-02-10").statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("brouillon"));
        given().header("Authorization", Jetons.entete("gestionnaire", t.a())).post("/conventions/" + id + "/soumission").then()
                .statusCode(200).body("statut", equalTo("EN_SIGNATURE"));

        try (SondeKafka sonde = SondeKafka.aLaFinDe("convention-signee")) {
            signer(id, t.a(), "gestionnaire", "2014-02-10").statusCode(200).body("statut", equalTo("EN_SIGNATURE"));
            signer(id, t.a(), "gestionnaire", "2014-02-11").statusCode(409).body("detail", containsString("déjà signé"));
            signer(id, "ccas-inconnu", "admin", "2014-02-11").statusCode(400).body("erreurs[0].champ", equalTo("institution"));
            // a gestionnaire signs for their own institution only
            given().header("Authorization", Jetons.entete("gestionnaire", t.a())).contentType(ContentType.JSON)
                    .body("{\"institution\":\"%s\",\"date\":\"2014-02-12\"}".formatted(t.b()))
                    .post("/conventions/" + id + "/signatures").then().statusCode(403);
            signer(id, t.b(), "gestionnaire", "2014-02-12").statusCode(200);
            assertEquals(0, sonde.toutPendant(r -> id.equals(r.key()), Duration.ofMillis(500)).size(), "pas encore en vigueur");
            signer(id, t.c(), "gestionnaire", "2014-02-14").statusCode(200)
                    .body("statut", equalTo("EN_VIGUEUR")).body("dateSignature", equalTo("2014-02-14"));

            List<ConsumerRecord<String, String>> recus = sonde.attendre(r -> id.equals(r.key()), 1, Duration.ofSeconds(15));
            assertEquals(1, recus.size());
            ConsumerRecord<String, String> r = recus.get(0);
            assertEquals("convention-signee", SondeKafka.entete(r, CloudEvents.TYPE));
            assertEquals("/conventions-service", SondeKafka.entete(r, CloudEvents.SOURCE));
            assertEquals(Set.of(), SchemasEvenements.violations("convention-signee", r.value()));
            assertFalse(r.value().contains("Jeanne Martin"), "aucun nom de représentant dans l'événement");
            assertEquals("4000.00", io.restassured.path.json.JsonPath.from(r.value()).getString("montantTotal"));
        }
        // fully signed: nothing more to sign
        signer(id, t.a(), "admin", "2014-02-20").statusCode(409);
        given().header("Authorization", ADMIN).queryParam("statut", "EN_VIGUEUR").queryParam("institution", t.b())
                .queryParam("taille", 500).get("/conventions").then().statusCode(200).body("elements.id", hasItem(id));
        given().header("Authorization", ADMIN).queryParam("statut", "BROUILLON").queryParam("institution", t.b())
                .get("/conventions").then().statusCode(200).body("elements.id", not(hasItem(id)));
    }

    @Inject
    ConventionService conventions;

    /**
     * Found by `suite chaos`: two parties signing at the same moment each saw the other's signature missing, so the convention
     * stayed EN_SIGNATURE with every signature given and convention-signee never left. The second signature now waits for
     * the first one's transaction, here held open while it tries.
     */
    @Test
    void deuxDernieresSignaturesSimultaneesMettentLaConventionEnVigueur() throws Exception {
        Trio t = institutions(true);
        String id = rediger(convention(t, "2014-03-01", "2030-12-31", "4000.00")).statusCode(201).extract().path("id");
        given().header("Authorization", ADMIN).post("/conventions/" + id + "/soumission").then().statusCode(200);
        signer(id, t.a(), "admin", "2014-02-10").statusCode(200);
        DeliberationCitee d = new DeliberationCitee("D-1", "Conseil d'administration", LocalDate.parse("2014-02-01"));
        UUID uuid = UUID.fromString(id);
        // the two signatures are the service's own calls, on threads of their own: an administrator's
        QuarkusMock.installMockForType(AppelantDeTest.admin("departement-35"), Appelant.class);
        try (SondeKafka sonde = SondeKafka.aLaFinDe("convention-signee")) {
            CompletableFuture<Void> seconde = new CompletableFuture<>();
            QuarkusTransaction.requiringNew().run(() -> {
                conventions.signer(uuid, t.b(), LocalDate.parse("2014-02-11"), null, d);
                CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> conventions.signer(uuid, t.c(), LocalDate.parse("2014-02-12"), null, d)))
                        .whenComplete((v, e) -> {
                            if (e != null) {
                                seconde.completeExceptionally(e);
                            } else {
                                seconde.complete(null);
                            }
                        });
                // the other signature runs while this one is not committed yet
                try {
                    seconde.get(500, TimeUnit.MILLISECONDS);
                } catch (Exception attendue) {
                    // still waiting for this transaction: what the lock is for
                }
            });
            seconde.get(30, TimeUnit.SECONDS);
            given().header("Authorization", ADMIN).get("/conventions/" + id).then().statusCode(200).body("statut", equalTo("EN_VIGUEUR"))
                    .body("dateSignature", equalTo("2014-02-12"));
            assertEquals(1, sonde.attendre(r -> id.equals(r.key()), 1, Duration.ofSeconds(15)).size());
        }
    }

    @Test
    void uneConventionDontLaFinEstPasseeEstExpiree() {
        Trio t = institutions(true);
        String id = rediger(convention(t, "2014-01-01", "2016-12-31", "null")).statusCode(201).extract().path("id");
        given().header("Authorization", ADMIN).post("/conventions/" + id + "/soumission").then().statusCode(200);
        signer(id, t.a(), "admin", "2014-01-10").statusCode(200);
        signer(id, t.b(), "admin", "2014-01-10").statusCode(200);
        signer(id, t.c(), "admin", "2014-01-11").statusCode(200).body("statut", equalTo("EXPIREE"));
        given().header("Authorization", ADMIN).queryParam("statut", "EXPIREE").queryParam("institution", t.a())
                .get("/conventions").then().body("elements.id", hasItem(id));
    }

    public static String enVigueur(Trio t) {
        String id = rediger(convention(t, "2014-03-01", "2030-12-31", "4000.00")).statusCode(201).extract().path("id");
        given().header("Authorization", ADMIN).post("/conventions/" + id + "/soumission").then().statusCode(200);
        signer(id, t.a(), "admin", "2014-02-10").statusCode(200);
        signer(id, t.b(), "admin", "2014-02-10").statusCode(200);
        signer(id, t.c(), "admin", "2014-02-11").statusCode(200).body("statut", equalTo("EN_VIGUEUR"));
        return id;
    }

    @Test
    void unePartieResilieApresPreavisEtConventionResilieeEstPubliee() {
        Trio t = institutions(true);
        String id = enVigueur(t);
        String autre = enVigueur(institutions(true));
        try (SondeKafka sonde = SondeKafka.aLaFinDe("convention-resiliee")) {
            // a gestionnaire terminates for their own institution only
            given().header("Authorization", Jetons.entete("gestionnaire", t.a())).contentType(ContentType.JSON)
                    .body("{\"mode\":\"UNILATERALE\",\"institution\":\"%s\",\"dateLettre\":\"2026-01-15\"}".formatted(t.b()))
                    .post("/conventions/" + id + "/resiliation").then().statusCode(403);
            given().header("Authorization", Jetons.entete("gestionnaire", t.b())).contentType(ContentType.JSON)
                    .body("{\"mode\":\"UNILATERALE\",\"institution\":\"%s\",\"dateLettre\":\"2026-01-15\"}".formatted(t.b()))
                    .post("/conventions/" + id + "/resiliation").then().statusCode(200)
                    .body("resiliation.dateEffet", equalTo("2026-04-15")) // three months' notice
                    .body("statut", equalTo("RESILIEE"));
            given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                    .body("{\"mode\":\"COMMUN_ACCORD\",\"dateEffet\":\"2026-06-30\"}")
                    .post("/conventions/" + id + "/resiliation").then().statusCode(409).contentType("application/problem+json");
            List<ConsumerRecord<String, String>> recus = sonde.attendre(r -> id.equals(r.key()), 1, Duration.ofSeconds(15));
            assertEquals(1, recus.size());
            assertEquals(Set.of(), SchemasEvenements.violations("convention-resiliee", recus.get(0).value()));
            assertEquals("2026-04-15", io.restassured.path.json.JsonPath.from(recus.get(0).value()).getString("dateEffet"));
        }
        // a letter sent today takes effect after the notice: in force until then
        String aujourdhui = LocalDate.now(java.time.ZoneId.of("Europe/Paris")).toString();
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"mode\":\"UNILATERALE\",\"institution\":\"%s\",\"dateLettre\":\"%s\"}".formatted(
                        given().header("Authorization", ADMIN).get("/conventions/" + autre).then().extract().path("porteur"), aujourdhui))
                .post("/conventions/" + autre + "/resiliation").then().statusCode(200).body("statut", equalTo("EN_VIGUEUR"));
        given().header("Authorization", ADMIN).queryParam("statut", "RESILIEE").queryParam("institution", t.a())
                .get("/conventions").then().body("elements.id", hasItem(id));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"mode\":\"DENONCIATION\"}")
                .post("/conventions/" + id + "/resiliation").then().statusCode(400).body("erreurs[0].champ", equalTo("mode"));
    }

    @Test
    void lesChargesSontReparteesAuProrataDesPopulationsAuCentimePres() {
        Trio t = institutions(true);
        String id = rediger(convention(t, "2014-03-01", "2016-12-31", "4000.00")).statusCode(201).extract().path("id");
        List<String> montants = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"montant\":4000.00,\"annee\":2015}").post("/conventions/" + id + "/repartitions").then()
                .statusCode(200).body("regleArrondi", containsString("plus fort"))
                .body("parts[0].millesime", equalTo(2012)).extract().jsonPath().getList("parts.montant", String.class);
        assertEquals(new BigDecimal("4000.00"), montants.stream().map(BigDecimal::new).reduce(BigDecimal.ZERO, BigDecimal::add));

        Trio sansPopulation = institutions(false);
        String autre = rediger(convention(sansPopulation, "2014-03-01", "2016-12-31", "4000.00")).statusCode(201).extract().path("id");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"montant\":4000.00,\"annee\":2015}")
                .post("/conventions/" + autre + "/repartitions").then().statusCode(400)
                .body("erreurs[0].raison", containsString(sansPopulation.c()));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"montant\":-5,\"annee\":2015}")
                .post("/conventions/" + id + "/repartitions").then().statusCode(400).body("erreurs[0].champ", equalTo("montant"));
    }

    @Test
    void lesRedactionsIncoherentesSontRefuseesSansRienEcrire() {
        Trio t = institutions(true);
        rediger(convention(t, "2016-01-01", "2014-01-01", "10")).statusCode(400).body("erreurs[0].champ", equalTo("dateFin"));
        rediger(convention(t, "2014-01-01", "2016-01-01", "-10")).statusCode(400).body("erreurs[0].champ", equalTo("montantTotal"));
        rediger(convention(t, "2014-01-01", "2016-01-01", "10.005")).statusCode(400).body("erreurs[0].champ", equalTo("montantTotal"));
        rediger(convention(t, "2014-01-01", "2016-01-01", "\"douze\"")).statusCode(400).body("erreurs[0].champ", equalTo("montantTotal"));
        rediger(convention(t, "2014-01-01", "pas-une-date", "10")).statusCode(400).body("erreurs[0].champ", equalTo("dateFin"));
        rediger(convention(new Trio(t.a(), "ccas-qui-n-existe-pas", t.c()), "2014-01-01", "2016-01-01", "10")).statusCode(400)
                .body("erreurs[0].champ", equalTo("parties[1].institution"))
                .body("erreurs[0].raison", containsString("institution inconnue"));
        rediger(convention(new Trio(t.a(), t.b(), t.b()), "2014-01-01", "2016-01-01", "10")).statusCode(400)
                .body("erreurs[0].champ", equalTo("parties[2].institution"));
        given().header("Authorization", ADMIN).queryParam("institution", t.a()).get("/conventions").then()
                .statusCode(200).body("total", equalTo(0));
        given().header("Authorization", Jetons.entete("agent", t.a())).contentType(ContentType.JSON)
                .body(convention(t, "2014-01-01", "2016-01-01", "10")).post("/conventions").then().statusCode(403);
        given().header("Authorization", ADMIN).get("/conventions/" + UUID.randomUUID()).then().statusCode(404);
        given().header("Authorization", ADMIN).queryParam("statut", "SIGNEE").get("/conventions").then().statusCode(400)
                .contentType("application/problem+json").body("erreurs[0].champ", equalTo("statut"));
        given().header("Authorization", ADMIN).queryParam("activeLe", "2014-02-30").get("/conventions").then().statusCode(400)
                .body("erreurs[0].champ", equalTo("activeLe"));
    }
}
