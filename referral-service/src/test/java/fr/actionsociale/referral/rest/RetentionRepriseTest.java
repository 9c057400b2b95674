package fr.actionsociale.referral.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SondeKafka;
import fr.actionsociale.referral.Referentiel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A lot that fails after its writes (the test-only fault referral.retention.test.echec-apres-lots) is rolled back whole; the run
 * keeps what its committed lots did and is resumed from its cursor: in the end each person is anonymised once, with one event.
 */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
@TestProfile(RetentionRepriseTest.PanneAuTroisiemeLot.class)
class RetentionRepriseTest {

    /**
     * Lots of 5; the third lot fails once; the pause after it is long, so that the test sees the state it left and then ends the
     * pause itself. Its own Quarkus start, hence a freshly cleaned database.
     */
    public static class PanneAuTroisiemeLot implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("referral.retention.lot", "5", "referral.retention.test.echec-apres-lots", "2",
                    "referral.retention.pause-apres-echec", "1h", "referral.retention.reprise", "0.3s");
        }
    }

    @Inject
    EntityManager em;

    @Test
    void unLotEnPanneEstAnnuleEntierementPuisLExecutionReprendSansRienRefaire() {
        List<String> dormants = Conservation.personnes(em, 23, 3, false);
        // nobody else in this database registered before the cut-off: the lots are made of these 23 people, by id
        assertEquals(0L, compter("select count(*) from beneficiaire where inscrit_le < current_date - interval '2 years' and not (reference in (?1))",
                dormants));
        try (SondeKafka sonde = SondeKafka.aLaFinDe("beneficiaire-anonymise")) {
            Response r = given().header("Authorization", Referentiel.ADMIN).post("/retention/execution");
            assertEquals(202, r.statusCode(), r.asString());
            String adresse = r.header("Location");

            // two lots committed, the third failed after anonymising its people and writing their events: all of it rolled back
            JsonPath enPanne = attendre(adresse, j -> j.getInt("echecs") == 1);
            assertEquals("EN_COURS", enPanne.getString("etat"));
            assertEquals(2, enPanne.getInt("lots"));
            assertEquals(10L, enPanne.getLong("anonymises"));
            assertTrue(enPanne.getString("derniereErreur").contains("panne simulée"), enPanne.getString("derniereErreur"));
            assertEquals(10L, compter("select count(*) from beneficiaire where reference in (?1) and anonymise_le is not null", dormants),
                    "the committed lots' people stay anonymised, the failed lot's are untouched");
            assertEquals(10L, compter("select count(*) from outbox_evenement where type = 'beneficiaire-anonymise' and cle in (?1)", dormants),
                    "no event of the failed lot");

            // during the pause a new request gets the run in progress (200), not a second run
            Response encore = given().header("Authorization", Referentiel.ADMIN).post("/retention/execution");
            assertEquals(200, encore.statusCode(), encore.asString());
            assertEquals(adresse, encore.header("Location"));

            // the pause is over: the replica's periodic check resumes the run from its cursor
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update retention_execution set bail_jusqu_a = now() - interval '1 second' where etat = 'EN_COURS'").executeUpdate());
            // resumed from the cursor after the pause: 23 people in 5 lots (5, 5, 5, 5, 3), the failed one not counted
            JsonPath fin = Conservation.suivre(adresse, Duration.ofSeconds(30));
            assertEquals("TERMINEE", fin.getString("etat"), fin.prettify());
            assertEquals(5, fin.getInt("lots"));
            assertEquals(23L, fin.getLong("examines"));
            assertEquals(23L, fin.getLong("anonymises"));
            assertEquals(1, fin.getInt("echecs"));

            sonde.attendre(e -> dormants.contains(e.key()), dormants.size(), Duration.ofSeconds(20));
            List<String> cles = sonde.toutPendant(e -> dormants.contains(e.key()), Duration.ofSeconds(2)).stream().map(e -> e.key()).toList();
            assertEquals(Set.copyOf(dormants), Set.copyOf(cles), "every person's event");
            assertEquals(dormants.size(), cles.size(), "none twice");
        }
        assertEquals(23L, compter("select count(*) from beneficiaire where reference in (?1) and anonymise_le is not null and nom is null "
                + "and version = 1", dormants), "each anonymised once (one version bump)");
        assertNull(((Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select executant, bail_jusqu_a from retention_execution order by demarree_le desc limit 1").getSingleResult()))[0],
                "the lease is given back at the end");
    }

    JsonPath attendre(String adresse, java.util.function.Predicate<JsonPath> condition) {
        AtomicReference<JsonPath> dernier = new AtomicReference<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonPath j = given().header("Authorization", Referentiel.ADMIN).get(adresse).then().statusCode(200).extract().jsonPath();
            dernier.set(j);
            return condition.test(j);
        });
        return dernier.get();
    }

    long compter(String sql, List<String> references) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, references).getSingleResult())
                .longValue());
    }
}
