package fr.actionsociale.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SchemasEvenements;
import fr.actionsociale.commons.test.SondeKafka;
import fr.actionsociale.referral.Referentiel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(Jetons.class)
class ParcoursTest {

    static final String CDAS = Jetons.entete("agent", "cdas-pays-de-redon");
    static final String CAF_AGENT = Jetons.entete("agent", "caf-35");
    static final String CAF_PARTENAIRE = Jetons.entete("partenaire", "caf-35");
    static final LocalDate AUJOURDHUI = LocalDate.now(ZoneId.of("Europe/Paris"));

    static ValidatableResponse post(String jeton, String chemin, String corps) {
        return given().header("Authorization", jeton).contentType(ContentType.JSON).body(corps).post(chemin).then();
    }

    static String orienter(String jeton, String ben, String structure, String droits) {
        return post(jeton, "/orientations", """
                {"beneficiaire":"%s","structure":"%s","commune":"35236","motif":"Droits identifiés au RDV des droits de Camille Exemple",
                 "droitsVises":[%s]}""".formatted(ben, structure, droits)).statusCode(201).extract().path("id");
    }

    static void sansDonneePersonnelle(String evenement) {
        for (String interdit : List.of("Exemple", "Camille", "02 99", "1985-04-12", "Bellevue")) {
            assertFalse(evenement.contains(interdit), "aucune donnée personnelle dans " + evenement);
        }
    }

    @Test
    void seulesLesStructuresQuiSuiventLaPersonneEtQuiOntSonConsentementVoientSonDossier() {
        String ben = Referentiel.beneficiaire(CDAS);
        given().header("Authorization", CDAS).header("X-Motif-Acces", "préparer le RDV des droits").get("/beneficiaires/" + ben).then()
                .statusCode(200).body("beneficiaire.nom", equalTo("Exemple")).body("beneficiaire.reference", equalTo(ben));
        // another structure, a coordinator, a partner: nothing, not even the person's existence
        given().header("Authorization", CAF_AGENT).get("/beneficiaires/" + ben).then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", Jetons.entete("coordinateur", "departement-35")).get("/beneficiaires/" + ben).then().statusCode(403);
        given().header("Authorization", CAF_PARTENAIRE).get("/beneficiaires/" + ben).then().statusCode(403);

        orienter(CDAS, ben, "caf-35", "\"RSA\"");
        // oriented to the CAF, but no consent yet
        given().header("Authorization", CAF_AGENT).get("/beneficiaires/" + ben).then().statusCode(404);
        post(CDAS, "/beneficiaires/" + ben + "/consentement", "{\"date\":\"%s\",\"portee\":[\"caf-35\"]}".formatted(AUJOURDHUI)).statusCode(200);
        given().header("Authorization", CAF_AGENT).header("X-Motif-Acces", "instruction RSA").get("/beneficiaires/" + ben).then().statusCode(200);

        try (SondeKafka sonde = SondeKafka.aLaFinDe("consentement-retire")) {
            post(CDAS, "/beneficiaires/" + ben + "/consentement/retrait", "{\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(200)
                    .body("consentementRetireLe", equalTo(AUJOURDHUI.toString()));
            String e = sonde.attendre(r -> ben.equals(r.key()), 1, Duration.ofSeconds(15)).get(0).value();
            assertEquals(Set.of(), SchemasEvenements.violations("consentement-retire", e));
            sansDonneePersonnelle(e);
        }
        given().header("Authorization", CAF_AGENT).get("/beneficiaires/" + ben).then().statusCode(404);
        post(CDAS, "/beneficiaires/" + ben + "/consentement/retrait", "{\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(409);

        // every read is logged: who, which institution, why
        given().header("Authorization", CDAS).get("/beneficiaires/" + ben + "/acces").then().statusCode(200)
                .body("motif", hasItem("préparer le RDV des droits")).body("motif", hasItem("instruction RSA"))
                .body("find { it.motif == 'instruction RSA' }.institution", equalTo("caf-35"));
        // an orientation to an unknown structure, or for an unknown person
        post(CDAS, "/orientations", "{\"beneficiaire\":\"%s\",\"structure\":\"inconnue-35\",\"commune\":\"35236\",\"motif\":\"m\",\"droitsVises\":[\"RSA\"]}"
                .formatted(ben)).statusCode(400).body("erreurs[0].champ", equalTo("structure"));
        post(CDAS, "/orientations", "{\"beneficiaire\":\"ben-000000000000\",\"structure\":\"caf-35\",\"commune\":\"35236\",\"motif\":\"m\",\"droitsVises\":[\"RSA\"]}")
                .statusCode(400).body("erreurs[0].champ", equalTo("beneficiaire"));
        post(CDAS, "/beneficiaires", "{\"commune\":\"35236\",\"dateNaissance\":\"2999-01-01\"}").statusCode(400)
                .body("erreurs[0].champ", equalTo("dateNaissance"));
    }

    @Test
    void chaqueDroitSuitSonCycleEtLesInstitutionsSignalentCeQuEllesOuvrent() {
        String ben = Referentiel.beneficiaire(CDAS);
        List<String> droits;
        try (SondeKafka rdv = SondeKafka.aLaFinDe("rdv-droits-tenu")) {
            droits = post(CDAS, "/beneficiaires/" + ben + "/rdv-des-droits", """
                    {"date":"%s","droitsExamines":["RSA","C2S","AAH"],"droitsPotentiels":["RSA","C2S"]}""".formatted(AUJOURDHUI.minusDays(10)))
                    .statusCode(201).body("", hasSize(2)).body("etat", equalTo(List.of("POTENTIEL", "POTENTIEL"))).extract().path("id");
            String e = rdv.attendre(r -> ben.equals(r.key()), 1, Duration.ofSeconds(15)).get(0).value();
            assertEquals(Set.of(), SchemasEvenements.violations("rdv-droits-tenu", e));
            sansDonneePersonnelle(e);
        }
        String rsa = given().header("Authorization", CDAS).get("/beneficiaires/" + ben).then().extract().path("droits.find { it.droit == 'RSA' }.id");
        assertTrue(droits.contains(rsa));
        // a right never asked cannot open; no date in the future, none before the previous step
        post(CDAS, "/droits/" + rsa + "/etat", "{\"etat\":\"OUVERT\",\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(409)
                .body("detail", containsString("sans avoir été demandé"));
        post(CDAS, "/droits/" + rsa + "/etat", "{\"etat\":\"DEMANDE\",\"date\":\"%s\"}".formatted(AUJOURDHUI.plusDays(1))).statusCode(400)
                .body("erreurs[0].champ", equalTo("date"));
        post(CDAS, "/droits/" + rsa + "/etat", "{\"etat\":\"DEMANDE\",\"date\":\"%s\"}".formatted(AUJOURDHUI.minusDays(11))).statusCode(400)
                .body("erreurs[0].raison", containsString("précéder"));

        orienter(CDAS, ben, "caf-35", "\"RSA\"");
        try (SondeKafka ouverts = SondeKafka.aLaFinDe("droit-ouvert"); SondeKafka demandes = SondeKafka.aLaFinDe("droit-demande")) {
            post(CDAS, "/droits/" + rsa + "/etat", "{\"etat\":\"DEMANDE\",\"date\":\"%s\"}".formatted(AUJOURDHUI.minusDays(8))).statusCode(200)
                    .body("institution", equalTo("caf-35"));
            // the CAF reports the opening over REST; a second report changes nothing
            post(CAF_PARTENAIRE, "/droits/signalements", "{\"beneficiaire\":\"%s\",\"droit\":\"RSA\",\"etat\":\"OUVERT\",\"date\":\"%s\"}"
                    .formatted(ben, AUJOURDHUI.minusDays(5))).statusCode(201);
            post(CAF_PARTENAIRE, "/droits/signalements", "{\"beneficiaire\":\"%s\",\"droit\":\"RSA\",\"etat\":\"OUVERT\",\"date\":\"%s\"}"
                    .formatted(ben, AUJOURDHUI.minusDays(5))).statusCode(200);
            List<ConsumerRecord<String, String>> o = ouverts.attendre(r -> ben.equals(r.key()), 1, Duration.ofSeconds(15));
            assertEquals(1, ouverts.toutPendant(r -> ben.equals(r.key()), Duration.ofMillis(500)).size(), "the repeated report publishes nothing");
            assertEquals(Set.of(), SchemasEvenements.violations("droit-ouvert", o.get(0).value()));
            sansDonneePersonnelle(o.get(0).value());
            assertEquals(1, demandes.attendre(r -> ben.equals(r.key()), 1, Duration.ofSeconds(15)).size());
        }
        // C2S is opened by the CPAM, which publishes a CloudEvent on droit-ouvert itself
        String evenement = """
                {"beneficiaire":"%s","droit":"C2S","institution":"cpam-35","etat":"OUVERT","date":"%s"}""".formatted(ben, AUJOURDHUI.minusDays(2));
        assertEquals(Set.of(), SchemasEvenements.violations("droit-ouvert", evenement));
        var entetes = new java.util.HashMap<>(SondeKafka.entetesCloudEvent(UUID.randomUUID().toString(), "droit-ouvert", ben));
        entetes.put("ce_source", "/cpam-35");
        SondeKafka.publier("droit-ouvert", ben, entetes, evenement);
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", CDAS).get("/beneficiaires/" + ben)
                .then().body("droits.find { it.droit == 'C2S' }.etat", equalTo("OUVERT"))
                .body("droits.find { it.droit == 'C2S' }.demandeLe", equalTo(AUJOURDHUI.minusDays(2).toString())));
        // an opened right can close; a closed one cannot reopen
        String c2s = given().header("Authorization", CDAS).get("/beneficiaires/" + ben).then().extract().path("droits.find { it.droit == 'C2S' }.id");
        post(CDAS, "/droits/" + c2s + "/etat", "{\"etat\":\"FERME\",\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(200);
        post(CDAS, "/droits/" + c2s + "/etat", "{\"etat\":\"OUVERT\",\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(409);
        // another structure cannot touch it
        post(Jetons.entete("agent", "ccas-pipriac"), "/droits/" + rsa + "/etat", "{\"etat\":\"FERME\",\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(404);
        post(CAF_PARTENAIRE, "/droits/signalements", "{\"beneficiaire\":\"ben-000000000000\",\"droit\":\"RSA\",\"etat\":\"OUVERT\",\"date\":\"%s\"}"
                .formatted(AUJOURDHUI)).statusCode(400).body("erreurs[0].champ", equalTo("beneficiaire"));
    }

    @Test
    void unSignalementRepondLeDroitTelQuIlEstEnregistreEtSaCleLeRejoue() {
        String ben = Referentiel.beneficiaire(CDAS);
        String corps = "{\"beneficiaire\":\"%s\",\"droit\":\"C2S\",\"etat\":\"OUVERT\",\"date\":\"%s\"}".formatted(ben, AUJOURDHUI.minusDays(4));
        String cle = UUID.randomUUID().toString();
        ValidatableResponse cree = given().header("Authorization", CAF_PARTENAIRE).header("Idempotency-Key", cle).contentType(ContentType.JSON)
                .body(corps).post("/droits/signalements").then().statusCode(201)
                .body("beneficiaire", equalTo(ben)).body("droit", equalTo("C2S")).body("etat", equalTo("OUVERT"))
                .body("date", equalTo(AUJOURDHUI.minusDays(4).toString())).body("institution", equalTo("caf-35"));
        String id = cree.extract().path("id");
        sansDonneePersonnelle(cree.extract().asString());
        // the right answered is the one the record now follows
        given().header("Authorization", CDAS).get("/beneficiaires/" + ben).then()
                .body("droits.find { it.droit == 'C2S' }.id", equalTo(id)).body("droits.find { it.droit == 'C2S' }.beneficiaire", equalTo(ben));
        // the same key and body: the first answer again, nothing recorded twice; the same key with another body: 422
        given().header("Authorization", CAF_PARTENAIRE).header("Idempotency-Key", cle).contentType(ContentType.JSON).body(corps)
                .post("/droits/signalements").then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id))
                .body("date", equalTo(AUJOURDHUI.minusDays(4).toString()));
        given().header("Authorization", CAF_PARTENAIRE).header("Idempotency-Key", cle).contentType(ContentType.JSON)
                .body(corps.replace("OUVERT", "FERME")).post("/droits/signalements").then().statusCode(422)
                .body("erreurs[0].champ", equalTo("Idempotency-Key"));
        // without a key, a repeated report is no news: 200 and the same right
        post(CAF_PARTENAIRE, "/droits/signalements", corps).statusCode(200).body("id", equalTo(id)).body("beneficiaire", equalTo(ben));
    }

    @Test
    void lesHorlogesDuRsaPartentDeLOuvertureDuDroitEtRemplissentLaListeDeTravail() {
        String ben = Referentiel.beneficiaire(CDAS);
        // the CAF reports an RSA right opened 40 days ago; the person was never oriented
        post(CAF_PARTENAIRE, "/droits/signalements", "{\"beneficiaire\":\"%s\",\"droit\":\"RSA\",\"etat\":\"OUVERT\",\"date\":\"%s\"}"
                .formatted(ben, AUJOURDHUI.minusDays(40))).statusCode(201);
        JsonPath dossier = given().header("Authorization", CDAS).get("/beneficiaires/" + ben).then().extract().jsonPath();
        assertEquals(AUJOURDHUI.minusDays(25).toString(), dossier.getString("parcoursRsa.find { it.type == 'PREMIERE_INVITATION' }.dateLimite"));
        assertEquals(AUJOURDHUI.minusDays(40).plusMonths(1).toString(), dossier.getString("parcoursRsa.find { it.type == 'ORIENTATION' }.dateLimite"));
        assertTrue(dossier.getBoolean("parcoursRsa.find { it.type == 'ORIENTATION' }.enRetard"));
        given().header("Authorization", CDAS).queryParam("structure", "cdas-pays-de-redon").queryParam("jours", 0).get("/suivi/a-traiter").then()
                .statusCode(200).body("elements.findAll { it.beneficiaire == '%s' }.etape.type".formatted(ben), equalTo(List.of("PREMIERE_INVITATION", "ORIENTATION")))
                .body("elements.findAll { it.beneficiaire == '%s' }.enRetard".formatted(ben), equalTo(List.of(true, true)));
        // the orientation is done today (late); the first appointment and contract clocks start from it
        orienter(CDAS, ben, "caf-35", "\"RSA\"");
        dossier = given().header("Authorization", CDAS).get("/beneficiaires/" + ben).then().extract().jsonPath();
        assertEquals(AUJOURDHUI.toString(), dossier.getString("parcoursRsa.find { it.type == 'ORIENTATION' }.faiteLe"));
        assertEquals(AUJOURDHUI.plusWeeks(2).toString(), dossier.getString("parcoursRsa.find { it.type == 'PREMIER_RDV' }.dateLimite"));
        assertEquals(AUJOURDHUI.plusMonths(2).toString(), dossier.getString("parcoursRsa.find { it.type == 'PREMIER_CER' }.dateLimite"));
        // the CAF now holds the steps; a step due in two weeks is not late, and shows only within a 14-day horizon
        given().header("Authorization", CAF_AGENT).queryParam("structure", "caf-35").queryParam("jours", 14).get("/suivi/a-traiter").then()
                .body("elements.findAll { it.beneficiaire == '%s' }.etape.type".formatted(ben), equalTo(List.of("PREMIERE_INVITATION", "PREMIER_RDV")))
                .body("elements.find { it.beneficiaire == '%s' && it.etape.type == 'PREMIER_RDV' }.enRetard".formatted(ben), equalTo(false));
        given().header("Authorization", CAF_AGENT).queryParam("structure", "caf-35").queryParam("jours", 13).get("/suivi/a-traiter").then()
                .body("elements.findAll { it.beneficiaire == '%s' }.etape.type".formatted(ben), equalTo(List.of("PREMIERE_INVITATION")));
        // a structure reads only its own worklist
        given().header("Authorization", CDAS).queryParam("structure", "caf-35").get("/suivi/a-traiter").then().statusCode(403);
        String invitation = dossier.getString("parcoursRsa.find { it.type == 'PREMIERE_INVITATION' }.id");
        post(CAF_AGENT, "/suivi/etapes/" + invitation + "/faite", "{\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(200)
                .body("faiteLe", equalTo(AUJOURDHUI.toString())).body("enRetard", equalTo(false));
        post(CAF_AGENT, "/suivi/etapes/" + invitation + "/faite", "{\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(409);
        given().header("Authorization", CAF_AGENT).queryParam("structure", "caf-35").queryParam("jours", 13).get("/suivi/a-traiter").then()
                .body("elements.beneficiaire", not(hasItem(ben)));
    }

    @Test
    void uneOrientationEstAccepteeAvecUnReferentUniqueEtUneReorientationCloturePrecedente() {
        String ben = Referentiel.beneficiaire(CDAS);
        String premiere = orienter(CDAS, ben, "caf-35", "\"RSA\",\"PRIME_ACTIVITE\"");
        try (SondeKafka acceptees = SondeKafka.aLaFinDe("orientation-acceptee"); SondeKafka cloturees = SondeKafka.aLaFinDe("orientation-cloturee")) {
            post(CAF_AGENT, "/orientations/" + premiere + "/acceptation", "{\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(400)
                    .body("erreurs[0].champ", equalTo("referent"));
            post(Jetons.entete("agent", "ccas-pipriac"), "/orientations/" + premiere + "/acceptation",
                    "{\"referent\":\"X\",\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(404);
            post(CAF_AGENT, "/orientations/" + premiere + "/acceptation", "{\"referent\":\"Conseillère RSA\",\"date\":\"%s\"}".formatted(AUJOURDHUI))
                    .statusCode(200).body("statut", equalTo("ACCEPTEE")).body("referent", equalTo("Conseillère RSA"));
            post(CAF_AGENT, "/orientations/" + premiere + "/refus", "{\"motif\":\"trop tard\",\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(409);
            String e = acceptees.attendre(r -> premiere.equals(r.key()), 1, Duration.ofSeconds(15)).get(0).value();
            assertEquals(Set.of(), SchemasEvenements.violations("orientation-acceptee", e));

            // the first appointment is held: the accompaniment starts (orientation-en-cours)
            try (SondeKafka enCours = SondeKafka.aLaFinDe("orientation-en-cours")) {
                post(CAF_AGENT, "/orientations/" + premiere + "/demarrage", "{\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(200)
                        .body("statut", equalTo("EN_COURS"));
                String ec = enCours.attendre(r -> premiere.equals(r.key()), 1, Duration.ofSeconds(15)).get(0).value();
                assertEquals(Set.of(), SchemasEvenements.violations("orientation-en-cours", ec));
            }
            post(CAF_AGENT, "/orientations/" + premiere + "/demarrage", "{\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(409);

            // re-oriented to France Travail for the RSA: the CAF orientation is closed, and says by which one
            String seconde = orienter(CDAS, ben, "france-travail-35", "\"RSA\"");
            given().header("Authorization", CAF_AGENT).get("/orientations/" + premiere).then().body("statut", equalTo("CLOTUREE"));
            String c = cloturees.attendre(r -> premiere.equals(r.key()), 1, Duration.ofSeconds(15)).get(0).value();
            assertEquals(Set.of(), SchemasEvenements.violations("orientation-cloturee", c));
            assertEquals(seconde, JsonPath.from(c).getString("remplaceePar"));
            sansDonneePersonnelle(c);
            given().header("Authorization", CDAS).get("/orientations/" + seconde).then().body("precedente", equalTo(premiere));

            // France Travail refuses (the reason stays here); a refused orientation cannot be accepted
            post(Jetons.entete("agent", "france-travail-35"), "/orientations/" + seconde + "/refus",
                    "{\"motif\":\"Hors périmètre\",\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(200).body("statut", equalTo("REFUSEE"));
            post(Jetons.entete("agent", "france-travail-35"), "/orientations/" + seconde + "/acceptation",
                    "{\"referent\":\"X\",\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(409);
        }
    }
}
