package fr.actionsociale.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.evenement.CloudEvents;
import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SchemasEvenements;
import fr.actionsociale.commons.test.SondeKafka;
import fr.actionsociale.referral.Referentiel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Issue 15: a wrong orientation date is corrected with a reason by the structure that recorded it; the RSA steps follow, the
 * correction is kept, orientation-corrigee tells the others (never the reason) and a closed month's indicators are republished.
 */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class CorrectionTest {

    static final String CDAS = ParcoursDateTest.CDAS;
    static final String CAF_AGENT = ParcoursDateTest.CAF_AGENT;
    static final String AUTRE = Jetons.entete("agent", "ccas-pipriac");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalDate T = LocalDate.now(PARIS);
    static final String MOTIF = "Date de l'entretien du 12 saisie par erreur au lieu du 3";

    private static String commune() {
        return "9%04d".formatted(new Random().nextInt(10000)).substring(0, 5);
    }

    private static String personne(String commune, LocalDate rsaOuvertLe) {
        String ben = Referentiel.beneficiaire(CDAS, commune);
        ParcoursTest.post(ParcoursDateTest.CAF_PARTENAIRE, "/droits/signalements",
                "{\"beneficiaire\":\"%s\",\"droit\":\"RSA\",\"etat\":\"OUVERT\",\"date\":\"%s\"}".formatted(ben, rsaOuvertLe)).statusCode(201);
        return ben;
    }

    private static String orienter(String ben, String commune, LocalDate le) {
        return ParcoursTest.post(CDAS, "/orientations", """
                {"beneficiaire":"%s","structure":"caf-35","commune":"%s","motif":"RSA","droitsVises":["RSA"],"date":"%s"}"""
                .formatted(ben, commune, le)).statusCode(201).extract().path("id");
    }

    private static ValidatableResponse corriger(String jeton, String id, String corps) {
        return ParcoursTest.post(jeton, "/orientations/" + id + "/corrections", corps);
    }

    private static String correction(LocalDate le) {
        return "{\"date\":\"%s\",\"motif\":\"%s\"}".formatted(le, MOTIF);
    }

    private static JsonPath dossier(String ben) {
        return given().header("Authorization", CDAS).header("X-Motif-Acces", "suivi du parcours").get("/beneficiaires/" + ben).then()
                .statusCode(200).extract().jsonPath();
    }

    private static String etape(JsonPath d, String type, String champ) {
        return d.getString("parcoursRsa.find { it.type == '%s' }.%s".formatted(type, champ));
    }

    private static JsonPath orientation(String id) {
        return given().header("Authorization", CDAS).get("/orientations/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static int corrections(String id) {
        return given().header("Authorization", CDAS).get("/orientations/" + id + "/corrections").then().statusCode(200).extract().jsonPath()
                .getList("$").size();
    }

    @Test
    void uneCorrectionDeplaceLaDateLesEtapesEtLaTraceEtPublieSansLeMotif() {
        String commune = commune();
        LocalDate ouverture = T.minusDays(150);
        LocalDate ancien = ouverture.plusDays(35);
        LocalDate nouveau = ouverture.plusDays(20);
        String ben = personne(commune, ouverture);
        String id = orienter(ben, commune, ancien);
        assertEquals(ancien.toString(), etape(dossier(ben), "ORIENTATION", "faiteLe"));

        try (SondeKafka corrigees = SondeKafka.aLaFinDe("orientation-corrigee");
                SondeKafka indicateurs = SondeKafka.aLaFinDe("indicateurs-parcours")) {
            corriger(CDAS, id, correction(nouveau)).statusCode(201)
                    .header("Location", containsString("/orientations/" + id + "/corrections"))
                    .body("orientation", equalTo(id)).body("champ", equalTo("date"))
                    .body("ancienneValeur", equalTo(ancien.toString())).body("nouvelleValeur", equalTo(nouveau.toString()))
                    .body("motif", equalTo(MOTIF)).body("parInstitution", equalTo("cdas-pays-de-redon"))
                    .body("par", equalTo("agent@cdas-pays-de-redon"));

            // the orientation's date and the RSA steps that ran from it follow
            JsonPath o = orientation(id);
            assertEquals(nouveau.toString(), o.getString("date"));
            JsonPath d = dossier(ben);
            assertEquals(nouveau.toString(), etape(d, "ORIENTATION", "faiteLe"));
            assertEquals("true", etape(d, "ORIENTATION", "faiteDansLeDelai"));
            assertEquals(nouveau.toString(), etape(d, "PREMIER_RDV", "depart"));
            assertEquals(nouveau.plusWeeks(2).toString(), etape(d, "PREMIER_RDV", "dateLimite"));
            assertEquals(nouveau.toString(), etape(d, "PREMIER_CER", "depart"));
            assertEquals(nouveau.plusMonths(2).toString(), etape(d, "PREMIER_CER", "dateLimite"));

            // the audit trail: who, what, when, why; read by the structures that read the orientation
            given().header("Authorization", CAF_AGENT).get("/orientations/" + id + "/corrections").then().statusCode(200)
                    .body("$", hasSize(1)).body("[0].ancienneValeur", equalTo(ancien.toString())).body("[0].motif", equalTo(MOTIF))
                    .body("[0].par", equalTo("agent@cdas-pays-de-redon"));
            given().header("Authorization", AUTRE).get("/orientations/" + id + "/corrections").then().statusCode(404);

            // the event: the orientation's public data, the old and new dates, its version; no motive, no name
            List<ConsumerRecord<String, String>> recus = corrigees.attendre(r -> id.equals(r.key()), 1, Duration.ofSeconds(15));
            assertEquals(1, recus.size());
            ConsumerRecord<String, String> r = recus.get(0);
            assertEquals("orientation-corrigee", SondeKafka.entete(r, CloudEvents.TYPE));
            assertEquals(id, SondeKafka.entete(r, CloudEvents.SUBJECT));
            assertEquals(Set.of(), SchemasEvenements.violations("orientation-corrigee", r.value()));
            JsonPath e = JsonPath.from(r.value());
            assertEquals(nouveau, LocalDate.ofInstant(Instant.parse(e.getString("dateOrientation")), PARIS));
            assertEquals(ancien, LocalDate.ofInstant(Instant.parse(e.getString("ancienneDateOrientation")), PARIS));
            assertEquals(o.getLong("version"), e.getLong("version"));
            assertEquals(ben, e.getString("beneficiaire"));
            assertEquals("cdas-pays-de-redon", e.getString("orientePar"));
            assertFalse(r.value().contains("saisie par erreur"), r.value());
            assertFalse(r.value().contains("Camille") || r.value().contains("Exemple") || r.value().contains("1985"), r.value());

            // both months are closed, and so is the month of the RSA opening whose entrants' steps moved: their indicators are
            // published again, the orientation counted in its new month only, the entrant now oriented within a month
            String cleAncien = commune + "/" + YearMonth.from(ancien);
            String cleNouveau = commune + "/" + YearMonth.from(nouveau);
            String cleOuverture = commune + "/" + YearMonth.from(ouverture);
            Set<String> cles = Set.copyOf(List.of(cleAncien, cleNouveau, cleOuverture));
            List<ConsumerRecord<String, String>> publies = indicateurs.attendre(x -> cles.contains(x.key()), cles.size(), Duration.ofSeconds(15));
            assertEquals(cles.size(), publies.size(), "un indicateurs-parcours par mois clos touché");
            JsonPath n = JsonPath.from(publies.stream().filter(x -> cleNouveau.equals(x.key())).findFirst().orElseThrow().value());
            assertEquals(1, n.getLong("orientationsParStructure.'caf-35'"));
            JsonPath a = JsonPath.from(publies.stream().filter(x -> cleAncien.equals(x.key())).findFirst().orElseThrow().value());
            assertNull(a.get("orientationsParStructure.'caf-35'"));
            JsonPath c = JsonPath.from(publies.stream().filter(x -> cleOuverture.equals(x.key())).findFirst().orElseThrow().value());
            assertEquals(1, c.getLong("nouveauxEntrants"));
            assertEquals(1, c.getLong("nouveauxEntrantsOrientesEnUnMoisEtMoins"));
            publies.forEach(x -> assertEquals(Set.of(), SchemasEvenements.violations("indicateurs-parcours", x.value())));
        }
    }

    @Test
    void lesCorrectionsRefuseesNEcriventRien() {
        String commune = commune();
        LocalDate ouverture = T.minusDays(100);
        LocalDate jour = ouverture.plusDays(10);
        String ben = personne(commune, ouverture);
        String id = orienter(ben, commune, jour);

        // a structure that does not see the orientation does not learn it exists; the receiving one sees it but did not record it
        corriger(AUTRE, id, correction(jour.minusDays(2))).statusCode(404).contentType("application/problem+json");
        corriger(CAF_AGENT, id, correction(jour.minusDays(2))).statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("cdas-pays-de-redon"));
        // the reason is required
        corriger(CDAS, id, "{\"date\":\"%s\"}".formatted(jour.minusDays(2))).statusCode(400).body("erreurs[0].champ", equalTo("motif"));
        corriger(CDAS, id, "{\"date\":\"%s\",\"motif\":\"  \"}".formatted(jour.minusDays(2))).statusCode(400).body("erreurs[0].champ", equalTo("motif"));
        corriger(CDAS, id, "{\"date\":\"%s\",\"motif\":\"%s\"}".formatted(jour.minusDays(2), "m".repeat(1001))).statusCode(400)
                .body("erreurs[0].champ", equalTo("motif"));
        corriger(CDAS, id, "{\"motif\":\"oubli\"}").statusCode(400).body("erreurs[0].champ", equalTo("date"));
        // never in the future, never before the RSA opening it follows (both dates named)
        corriger(CDAS, id, correction(T.plusDays(1))).statusCode(400).body("erreurs[0].champ", equalTo("date"));
        corriger(CDAS, id, correction(ouverture.minusDays(1))).statusCode(400).body("erreurs[0].champ", equalTo("date"))
                .body("erreurs[0].raison", containsString(ouverture.minusDays(1).toString())).body("erreurs[0].raison", containsString(ouverture.toString()));
        // never after the acceptance (both dates named)
        ParcoursTest.post(CAF_AGENT, "/orientations/" + id + "/acceptation", "{\"referent\":\"Conseillère RSA\",\"date\":\"%s\"}"
                .formatted(jour.plusDays(5))).statusCode(200);
        corriger(CDAS, id, correction(jour.plusDays(6))).statusCode(400).body("erreurs[0].champ", equalTo("date"))
                .body("erreurs[0].raison", containsString(jour.plusDays(6).toString())).body("erreurs[0].raison", containsString(jour.plusDays(5).toString()));
        // a first CER already signed would then precede the clock it belongs to
        String cer = etape(dossier(ben), "PREMIER_CER", "id");
        ParcoursTest.post(CAF_AGENT, "/suivi/etapes/" + cer + "/faite", "{\"date\":\"%s\"}".formatted(jour.plusDays(3))).statusCode(200);
        corriger(CDAS, id, correction(jour.plusDays(4))).statusCode(400).body("erreurs[0].champ", equalTo("date"))
                .body("erreurs[0].raison", containsString(jour.plusDays(3).toString())).body("erreurs[0].raison", containsString(jour.plusDays(4).toString()));

        // nothing was written by any of them
        assertEquals(jour.toString(), orientation(id).getString("date"));
        assertEquals(0, corrections(id));
        JsonPath d = dossier(ben);
        assertEquals(jour.toString(), etape(d, "ORIENTATION", "faiteLe"));
        assertEquals(jour.toString(), etape(d, "PREMIER_RDV", "depart"));
        // an administrator may correct it, within the same bounds
        corriger(Referentiel.ADMIN, id, correction(jour.minusDays(1))).statusCode(201).body("parInstitution", equalTo("departement-35"));
        assertEquals(1, corrections(id));
    }
}
