package fr.actionsociale.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SchemasEvenements;
import fr.actionsociale.commons.test.SondeKafka;
import fr.actionsociale.referral.Referentiel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Issue 15: a right's date recorded wrong (an RSA opening reported on the wrong day) is corrected with a reason by those who may
 * move the right along; the RSA clocks that run from the opening follow, the trail keeps who, what, when and why, and the closed
 * months' indicators are published again (no other event).
 */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class CorrectionDroitTest {

    static final String CDAS = ParcoursDateTest.CDAS;
    static final String CAF_PARTENAIRE = ParcoursDateTest.CAF_PARTENAIRE;
    static final String AUTRE = Jetons.entete("agent", "ccas-pipriac");
    static final String AUTRE_PARTENAIRE = Jetons.entete("partenaire", "msa-portes-de-bretagne");
    static final String COORDINATEUR = ParcoursDateTest.COORDINATEUR;
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalDate T = LocalDate.now(PARIS);
    static final String MOTIF = "Ouverture signalée à la date de traitement au lieu de la date d'effet";

    private static String signaler(String ben, String etat, LocalDate le) {
        return ParcoursTest.post(CAF_PARTENAIRE, "/droits/signalements", "{\"beneficiaire\":\"%s\",\"droit\":\"RSA\",\"etat\":\"%s\",\"date\":\"%s\"}"
                .formatted(ben, etat, le)).statusCode(201).extract().path("id");
    }

    private static ValidatableResponse corriger(String jeton, String droit, String champ, LocalDate le) {
        return ParcoursTest.post(jeton, "/droits/" + droit + "/corrections", "{\"champ\":\"%s\",\"date\":\"%s\",\"motif\":\"%s\"}"
                .formatted(champ, le, MOTIF));
    }

    private static JsonPath dossier(String ben) {
        return given().header("Authorization", CDAS).header("X-Motif-Acces", "suivi du parcours").get("/beneficiaires/" + ben).then()
                .statusCode(200).extract().jsonPath();
    }

    private static String etape(JsonPath d, String type, String champ) {
        return d.getString("parcoursRsa.find { it.type == '%s' }.%s".formatted(type, champ));
    }

    private static long entrants(String commune, LocalDate le) {
        return given().header("Authorization", COORDINATEUR).queryParam("communes", commune).queryParam("debut", le.toString())
                .queryParam("fin", le.toString()).get("/indicateurs").then().statusCode(200).extract().jsonPath().getLong("nouveauxEntrants");
    }

    private static List<?> trace(String jeton, String droit) {
        return given().header("Authorization", jeton).get("/droits/" + droit + "/corrections").then().statusCode(200).extract().jsonPath()
                .getList("$");
    }

    @Test
    void uneOuvertureRsaSaisieDixJoursTropTardSeCorrigeLesDelaisEtLesIndicateursSuivent() {
        String commune = "9%04d".formatted(new Random().nextInt(10000)).substring(0, 5);
        LocalDate d = T.minusDays(35);
        String ben = Referentiel.beneficiaire(CDAS, commune);
        // asked on D-15, opened on D, but the CAF reported the opening on D+10
        String droit = signaler(ben, "DEMANDE", d.minusDays(15));
        assertEquals(droit, signaler(ben, "OUVERT", d.plusDays(10)));
        JsonPath avant = dossier(ben);
        assertEquals(d.plusDays(10).toString(), etape(avant, "ORIENTATION", "depart"));
        assertEquals("false", etape(avant, "ORIENTATION", "enRetard"));
        assertEquals(0, entrants(commune, d));

        // refusals, each naming its field, none writing anything
        String chemin = "/droits/" + droit + "/corrections";
        ParcoursTest.post(CAF_PARTENAIRE, chemin, "{\"champ\":\"ouvertLe\",\"date\":\"%s\"}".formatted(d)).statusCode(400)
                .contentType("application/problem+json").body("erreurs[0].champ", equalTo("motif"));
        ParcoursTest.post(CAF_PARTENAIRE, chemin, "{\"champ\":\"ouvertLe\",\"date\":\"%s\",\"motif\":\"%s\"}".formatted(d, "m".repeat(1001)))
                .statusCode(400).body("erreurs[0].champ", equalTo("motif"));
        ParcoursTest.post(CAF_PARTENAIRE, chemin, "{\"champ\":\"nom\",\"date\":\"%s\",\"motif\":\"x\"}".formatted(d)).statusCode(400)
                .body("erreurs[0].champ", equalTo("champ"));
        corriger(CAF_PARTENAIRE, droit, "ouvertLe", T.plusDays(1)).statusCode(400).contentType("application/problem+json")
                .body("erreurs[0].champ", equalTo("date"));
        // an opening before the request (both dates named)
        corriger(CAF_PARTENAIRE, droit, "ouvertLe", d.minusDays(16)).statusCode(400).body("erreurs[0].champ", equalTo("date"))
                .body("erreurs[0].raison", containsString(d.minusDays(16).toString())).body("erreurs[0].raison", containsString(d.minusDays(15).toString()));
        // a request after the opening (both dates named)
        corriger(CAF_PARTENAIRE, droit, "demandeLe", d.plusDays(11)).statusCode(400).body("erreurs[0].champ", equalTo("date"))
                .body("erreurs[0].raison", containsString(d.plusDays(11).toString())).body("erreurs[0].raison", containsString(d.plusDays(10).toString()));
        // a date the right does not have
        corriger(CAF_PARTENAIRE, droit, "fermeLe", d.plusDays(20)).statusCode(400).body("erreurs[0].champ", equalTo("champ"));
        corriger(CAF_PARTENAIRE, droit, "refuseLe", d.plusDays(20)).statusCode(400).body("erreurs[0].champ", equalTo("champ"));
        // a structure that does not see the person, or another partner, does not learn the right exists (as for moving it along)
        corriger(AUTRE, droit, "ouvertLe", d).statusCode(404).contentType("application/problem+json");
        corriger(AUTRE_PARTENAIRE, droit, "ouvertLe", d).statusCode(404);
        given().header("Authorization", AUTRE).get(chemin).then().statusCode(404);
        given().header("Authorization", COORDINATEUR).get(chemin).then().statusCode(403);
        assertEquals(List.of(), trace(CDAS, droit));
        JsonPath inchange = dossier(ben);
        assertEquals(d.plusDays(10).toString(), inchange.getString("droits.find { it.id == '%s' }.ouvertLe".formatted(droit)));
        assertEquals(d.minusDays(15).toString(), inchange.getString("droits.find { it.id == '%s' }.demandeLe".formatted(droit)));
        assertEquals(d.plusDays(10).toString(), etape(inchange, "ORIENTATION", "depart"));
        assertEquals(0, entrants(commune, d));

        // the closed months of the old and the new opening get their indicators again; nothing else is published
        Set<String> cles = Stream.of(YearMonth.from(d), YearMonth.from(d.plusDays(10))).filter(m -> m.isBefore(YearMonth.from(T)))
                .map(m -> commune + "/" + m).collect(Collectors.toSet());
        try (SondeKafka indicateurs = SondeKafka.aLaFinDe("indicateurs-parcours"); SondeKafka ouverts = SondeKafka.aLaFinDe("droit-ouvert");
                SondeKafka demandes = SondeKafka.aLaFinDe("droit-demande")) {
            corriger(CAF_PARTENAIRE, droit, "ouvertLe", d).statusCode(201).header("Location", containsString(chemin))
                    .body("droit", equalTo(droit)).body("orientation", equalTo(null)).body("etape", equalTo(null))
                    .body("champ", equalTo("ouvertLe")).body("ancienneValeur", equalTo(d.plusDays(10).toString()))
                    .body("nouvelleValeur", equalTo(d.toString())).body("motif", equalTo(MOTIF)).body("parInstitution", equalTo("caf-35"));

            // the clocks that ran from the opening start from the right day: the orientation is now late
            JsonPath apres = dossier(ben);
            assertEquals(d.toString(), apres.getString("droits.find { it.id == '%s' }.ouvertLe".formatted(droit)));
            assertEquals(d.toString(), etape(apres, "ORIENTATION", "depart"));
            assertEquals(d.plusMonths(1).toString(), etape(apres, "ORIENTATION", "dateLimite"));
            assertEquals("true", etape(apres, "ORIENTATION", "enRetard"));
            assertEquals(d.toString(), etape(apres, "PREMIERE_INVITATION", "depart"));
            assertEquals(d.plusDays(15).toString(), etape(apres, "PREMIERE_INVITATION", "dateLimite"));

            // the entrant counts in D's month
            assertEquals(1, entrants(commune, d));
            assertEquals(0, entrants(commune, d.plusDays(10)));
            List<ConsumerRecord<String, String>> publies = indicateurs.attendre(x -> cles.contains(x.key()), cles.size(), Duration.ofSeconds(15));
            assertEquals(cles, publies.stream().map(ConsumerRecord::key).collect(Collectors.toSet()), "un indicateurs-parcours par mois clos touché");
            for (ConsumerRecord<String, String> r : publies) {
                assertEquals(Set.of(), SchemasEvenements.violations("indicateurs-parcours", r.value()));
                assertFalse(r.value().contains("date d'effet") || r.value().contains(ben) || r.value().contains("Camille"), r.value());
                JsonPath i = JsonPath.from(r.value());
                assertEquals(r.key().endsWith(YearMonth.from(d).toString()) ? 1 : 0, i.getLong("nouveauxEntrants"), r.key());
            }
            assertEquals(List.of(), ouverts.toutPendant(x -> ben.equals(x.key()), Duration.ofSeconds(2)));
            assertEquals(List.of(), demandes.toutPendant(x -> ben.equals(x.key()), Duration.ofSeconds(1)));
        }

        // the trail: read by the partner and by the structures that see the person
        given().header("Authorization", CDAS).get(chemin).then().statusCode(200).body("$", hasSize(1)).body("[0].champ", equalTo("ouvertLe"))
                .body("[0].ancienneValeur", equalTo(d.plusDays(10).toString())).body("[0].motif", equalTo(MOTIF))
                .body("[0].parInstitution", equalTo("caf-35"));
        assertEquals(1, trace(CAF_PARTENAIRE, droit).size());

        // once oriented on D+5, the opening cannot move after it (both dates named); an administrator corrects within the same bounds
        ParcoursTest.post(CDAS, "/orientations", """
                {"beneficiaire":"%s","structure":"caf-35","commune":"%s","motif":"RSA","droitsVises":["RSA"],"date":"%s"}"""
                .formatted(ben, commune, d.plusDays(5))).statusCode(201);
        assertEquals(d.plusDays(5).toString(), etape(dossier(ben), "ORIENTATION", "faiteLe"));
        corriger(Referentiel.ADMIN, droit, "ouvertLe", d.plusDays(8)).statusCode(400).body("erreurs[0].champ", equalTo("date"))
                .body("erreurs[0].raison", containsString(d.plusDays(5).toString())).body("erreurs[0].raison", containsString(d.plusDays(8).toString()));
        assertEquals(1, trace(CDAS, droit).size());
        corriger(Referentiel.ADMIN, droit, "demandeLe", d.minusDays(14)).statusCode(201).body("parInstitution", equalTo("departement-35"));
        assertEquals(2, trace(CDAS, droit).size());
    }
}
