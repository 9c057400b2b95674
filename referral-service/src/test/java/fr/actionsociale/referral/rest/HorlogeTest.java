package fr.actionsociale.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.temps.Horloges;
import fr.actionsociale.referral.HorlogeReglable;
import fr.actionsociale.referral.Referentiel;
import fr.actionsociale.commons.test.Jetons;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** "Today" is the clock bean's, in Paris: a test that fixes the date moves what the service calls the future. */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class HorlogeTest {

    static final String AGENT = Jetons.entete("agent", "cdas-pays-de-redon");

    @Inject
    HorlogeReglable horloge;

    @Test
    void leFuturEstCeluiDeLHorlogeDuService() {
        String ben = Referentiel.beneficiaire(AGENT);
        LocalDate hier = LocalDate.now(Horloges.PARIS).minusDays(1);
        try {
            // the day before yesterday in Paris: yesterday is still to come
            horloge.fixer(hier.minusDays(1).atTime(12, 0).atZone(Horloges.PARIS).toInstant());
            consentir(ben, hier).statusCode(400).body("erreurs[0].champ", equalTo("date"))
                    .body("erreurs[0].raison", equalTo("ne peut pas être dans le futur"));
        } finally {
            horloge.liberer();
        }
        consentir(ben, hier).statusCode(200).body("consentementDonneLe", equalTo(hier.toString()));
    }

    @Test
    void lInscriptionEstDateeDuJourDeParisOuElleAEteEnregistree() {
        // 23:30 in UTC is already the next day in Paris (UTC+1 or +2): the journal says the Paris day
        LocalDate jourParis = LocalDate.now(Horloges.PARIS).minusDays(2);
        String ben;
        try {
            horloge.fixer(jourParis.minusDays(1).atTime(23, 30).toInstant(ZoneOffset.UTC));
            ben = Referentiel.beneficiaire(AGENT);
        } finally {
            horloge.liberer();
        }
        given().header("Authorization", AGENT).get("/beneficiaires/" + ben + "/journal").then().statusCode(200)
                .body("find { it.quoi == 'Inscription' }.date", equalTo(jourParis.toString()))
                .body("find { it.quoi == 'Inscription' }.institution", equalTo("cdas-pays-de-redon"));
    }

    static io.restassured.response.ValidatableResponse consentir(String ben, LocalDate le) {
        return given().header("Authorization", AGENT).contentType(ContentType.JSON)
                .body("{\"date\":\"%s\",\"portee\":[\"caf-35\"]}".formatted(le))
                .post("/beneficiaires/" + ben + "/consentement").then();
    }
}
