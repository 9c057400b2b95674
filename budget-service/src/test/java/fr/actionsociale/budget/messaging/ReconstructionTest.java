package fr.actionsociale.budget.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import fr.actionsociale.budget.service.ReconstructionService;
import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SondeKafka;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The rebuild of the live indicators (issue 17), against the real PostgreSQL and Kafka: a background job that replays the
 * topics into new tables and swaps them in, the live consumers going on meanwhile.
 */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class ReconstructionTest {

    static final String ADMIN = Jetons.entete("admin", "departement-35");

    @Inject
    ReconstructionService service;

    @Inject
    EntityManager em;

    @AfterEach
    void sansRalenti() {
        service.ralentir(Duration.ZERO);
        service.enCours().ifPresent(r -> attendreLaFin(r.id().toString()));
    }

    /** Starts a run: 202, its address in Location, the job in the body. */
    static String lancer() {
        Response r = given().header("Authorization", ADMIN).post("/indicateurs/reconstruction");
        r.then().statusCode(202).contentType("application/json").body("etat", equalTo("EN_COURS"));
        String id = r.jsonPath().getString("id");
        r.then().header("Location", endsWith("/indicateurs/reconstructions/" + id));
        return id;
    }

    static JsonPath attendreLaFin(String id) {
        JsonPath[] fin = new JsonPath[1];
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200)).until(() -> {
            fin[0] = given().header("Authorization", ADMIN).get("/indicateurs/reconstructions/" + id).then().statusCode(200).extract().jsonPath();
            return List.of("TERMINEE", "ANNULEE", "ECHOUEE").contains(fin[0].getString("etat"));
        });
        return fin[0];
    }

    /** The first count of a run waits longer: the live consumers may still be joining their group on a busy machine. */
    static void attendreLePremierTotal(String mois, int total) {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> total(mois) == total);
    }

    static int total(String mois) {
        return given().header("Authorization", OrientationFaiteConsumerTest.COORDINATEUR).queryParam("commune", "35236").queryParam("mois", mois)
                .get("/indicateurs/orientations").then().statusCode(200).extract().jsonPath().getInt("total");
    }

    long compter(String sql, Object... parametres) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < parametres.length; i++) {
                q.setParameter(i + 1, parametres[i]);
            }
            return ((Number) q.getSingleResult()).longValue();
        });
    }

    @Test
    void rejouerLesTopicsDepuisLeDebutRedonneLesMemesIndicateurs() {
        String mois = OrientationFaiteConsumerTest.moisUnique();
        for (int i = 0; i < 20; i++) {
            String o = UUID.randomUUID().toString();
            String evenement = UUID.randomUUID().toString();
            String corps = OrientationFaiteConsumerTest.orientation(o, "35236", i % 3 == 0 ? "caf-35" : "ccas-redon", mois, "RSA");
            OrientationFaiteConsumerTest.publier(evenement, o, corps);
            if (i % 5 == 0) {
                OrientationFaiteConsumerTest.publier(evenement, o, corps); // redelivered
                OrientationFaiteConsumerTest.publier(UUID.randomUUID().toString(), o, corps); // re-published under another id
            }
        }
        attendreLePremierTotal(mois, 20);
        // two of them corrected to another month (one twice, the newest version winning), one correction whose original never came
        String corrige = OrientationFaiteConsumerTest.moisUnique();
        String perdu = OrientationFaiteConsumerTest.moisUnique();
        for (int i = 0; i < 2; i++) {
            String o = UUID.randomUUID().toString();
            OrientationFaiteConsumerTest.publier(UUID.randomUUID().toString(), o, OrientationFaiteConsumerTest.orientation(o, "35236", "caf-35", mois, "RSA"));
            OrientationCorrigeeConsumerTest.publier(UUID.randomUUID().toString(), o,
                    OrientationCorrigeeConsumerTest.correction(o, "35236", "caf-35", perdu, mois, 1));
            OrientationCorrigeeConsumerTest.publier(UUID.randomUUID().toString(), o,
                    OrientationCorrigeeConsumerTest.correction(o, "35236", "caf-35", corrige, perdu, 2));
        }
        String seule = UUID.randomUUID().toString();
        OrientationCorrigeeConsumerTest.publier(UUID.randomUUID().toString(), seule,
                OrientationCorrigeeConsumerTest.correction(seule, "35236", "caf-35", corrige, mois, 1));
        OrientationFaiteConsumerTest.attendreTotal("35236", corrige, 3);
        OrientationFaiteConsumerTest.attendreTotal("35236", mois, 20);
        JsonPath avant = given().header("Authorization", OrientationFaiteConsumerTest.COORDINATEUR).queryParam("commune", "35236")
                .queryParam("mois", mois).get("/indicateurs/orientations").then().extract().jsonPath();

        JsonPath tout = attendreLaFin(lancer());
        assertEquals("TERMINEE", tout.getString("etat"));
        assertEquals(List.of("orientation_comptee", "orientation_comptee", "droit_ouvert_compte", "indicateur_parcours"), tout.getList("projections.table"));
        assertEquals(List.of(SondeKafka.topic("orientation-faite"), SondeKafka.topic("orientation-corrigee")), tout.getList("projections.topic").subList(0, 2));
        JsonPath r = JsonPath.from(tout.prettify()).setRootPath("projections[0]");
        assertTrue(r.getLong("evenementsLus") >= 28, "tout le topic est relu");
        assertEquals(r.getLong("evenementsLus"), r.getLong("appliques") + r.getLong("ignores"));
        assertEquals(3, r.getMap("finsLues").size(), "la position de fin de chaque partition");
        assertTrue(tout.getLong("evenementsLus") >= r.getLong("evenementsLus"));
        assertTrue(tout.getString("fin") != null);

        given().header("Authorization", OrientationFaiteConsumerTest.COORDINATEUR).queryParam("commune", "35236").queryParam("mois", mois)
                .get("/indicateurs/orientations").then().statusCode(200)
                .body("total", equalTo(20))
                .body("parStructure", equalTo(avant.getMap("parStructure")))
                .body("parDroitVise", equalTo(avant.getMap("parDroitVise")));
        // the corrections replayed after the originals: the corrected counts again, nothing left in the months they left
        OrientationFaiteConsumerTest.attendreTotal("35236", corrige, 3);
        OrientationFaiteConsumerTest.attendreTotal("35236", perdu, 0);
        // the swapped-in table carries the live table's index names, and no rebuild table is left behind
        assertEquals(1, compter("select count(*) from pg_indexes where tablename = 'orientation_comptee' and indexname = 'orientation_comptee_commune_mois'"));
        assertEquals(0, compter("select count(*) from pg_tables where tablename like '%\\_reconstruction'"));
        // only an administrator rebuilds
        given().header("Authorization", Jetons.entete("gestionnaire", "departement-35")).post("/indicateurs/reconstruction").then().statusCode(403);
        // a second replay changes nothing of what this test wrote (the table's total may grow meanwhile: other classes' events
        // still arriving are counted by the live consumer and by the replay alike, once)
        JsonPath encore = attendreLaFin(lancer());
        assertEquals("TERMINEE", encore.getString("etat"));
        assertTrue(encore.getInt("projections[0].apres") >= encore.getInt("projections[0].avant"));
        given().header("Authorization", OrientationFaiteConsumerTest.COORDINATEUR).queryParam("commune", "35236").queryParam("mois", mois)
                .get("/indicateurs/orientations").then().statusCode(200)
                .body("total", equalTo(20))
                .body("parStructure", equalTo(avant.getMap("parStructure")));
        OrientationFaiteConsumerTest.attendreTotal("35236", corrige, 3);
        OrientationFaiteConsumerTest.attendreTotal("35236", perdu, 0);
    }

    /**
     * Orientations published before, during (while the replay is slowed down, so that some land in the main pass, some in the
     * catch-up, some in the swap's tail) and after a rebuild: the live consumer counts them while it runs, and at the end each
     * is counted once, in the swapped-in table, and the inbox knows each.
     */
    @Test
    void unEvenementArrivePendantLaReconstructionEstCompteUneFois() throws Exception {
        String mois = OrientationFaiteConsumerTest.moisUnique();
        List<String> evenements = new ArrayList<>();
        int n = 0;
        for (; n < 10; n++) {
            evenements.add(publier(mois, n));
        }
        attendreLePremierTotal(mois, 10);
        service.ralentir(Duration.ofMillis(1000));
        String id = lancer();
        boolean vuEnDirectPendantLaReconstruction = false;
        int pendant = 0;
        while (true) {
            evenements.add(publier(mois, n++));
            pendant++;
            Thread.sleep(50);
            String etat = given().header("Authorization", ADMIN).get("/indicateurs/reconstructions/" + id).then().statusCode(200)
                    .extract().path("etat");
            if (!etat.equals("EN_COURS")) {
                break;
            }
            // the live consumer does not wait for the replay
            if (pendant > 3 && total(mois) > 10) {
                vuEnDirectPendantLaReconstruction = true;
            }
        }
        assertTrue(vuEnDirectPendantLaReconstruction, "le consommateur en direct compte pendant la reconstruction");
        JsonPath fin = attendreLaFin(id);
        assertEquals("TERMINEE", fin.getString("etat"));
        for (int i = 0; i < 10; i++) {
            evenements.add(publier(mois, n++));
        }
        OrientationFaiteConsumerTest.attendreTotal("35236", mois, n);
        assertTrue(pendant >= 5, "des événements publiés pendant la reconstruction : " + pendant);
        // each once: in the table, in the inbox; and it stays so
        Thread.sleep(1500);
        assertEquals(n, total(mois));
        assertEquals(n, compter("select count(*) from orientation_comptee where mois = ?1", mois));
        assertEquals(n, compter("select count(*) from inbox_evenement where consommateur = 'indicateurs-orientations' "
                + "and evenement_id = any(string_to_array(?1, ','))", String.join(",", evenements)));
    }

    private static String publier(String mois, int i) {
        String o = UUID.randomUUID().toString();
        String evenement = UUID.randomUUID().toString();
        String corps = OrientationFaiteConsumerTest.orientation(o, "35236", "ccas-redon", mois, "RSA");
        OrientationFaiteConsumerTest.publier(evenement, o, corps);
        if (i % 4 == 0) {
            OrientationFaiteConsumerTest.publier(evenement, o, corps); // delivered twice
        }
        return evenement;
    }

    @Test
    void uneReconstructionAnnuleeLaisseLesTablesEnDirectCommeEllesEtaient() {
        String mois = OrientationFaiteConsumerTest.moisUnique();
        for (int i = 0; i < 5; i++) {
            publier(mois, i);
        }
        attendreLePremierTotal(mois, 5);
        long lignes = compter("select count(*) from orientation_comptee");
        service.ralentir(Duration.ofSeconds(2));
        String id = lancer();
        // one at a time: a second demand names the running one
        given().header("Authorization", ADMIN).post("/indicateurs/reconstruction").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("/indicateurs/reconstructions/" + id));
        given().header("Authorization", ADMIN).delete("/indicateurs/reconstructions/" + id).then().statusCode(200)
                .body("etat", equalTo("ANNULEE")).body("fin", org.hamcrest.Matchers.notNullValue());
        service.ralentir(Duration.ZERO);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> compter("select count(*) from pg_tables where tablename like '%\\_reconstruction'") == 0);
        assertEquals("ANNULEE", attendreLaFin(id).getString("etat"));
        assertEquals(lignes, compter("select count(*) from orientation_comptee"));
        assertEquals(5, total(mois));
        // too late to cancel an ended run
        given().header("Authorization", ADMIN).delete("/indicateurs/reconstructions/" + id).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("ANNULEE"));
    }

    @Test
    void uneReconstructionInconnueEst404() {
        given().header("Authorization", ADMIN).get("/indicateurs/reconstructions/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("introuvable"));
        given().header("Authorization", ADMIN).get("/indicateurs/reconstructions/pas-un-uuid").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", ADMIN).delete("/indicateurs/reconstructions/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", Jetons.entete("coordinateur", "departement-35")).get("/indicateurs/reconstructions/" + UUID.randomUUID())
                .then().statusCode(403);
    }

    /** A run cut by a stop of the service (its runner silent) is shown ECHOUEE and does not block the next one. */
    @Test
    void uneReconstructionInterrompueParUnArretEstEchouee() {
        UUID interrompue = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into reconstruction_indicateurs (id, etat, demandee_par, debut, vu_le) "
                + "values (?1, 'EN_COURS', 'admin', now() - interval '10 minutes', now() - interval '5 minutes')").setParameter(1, interrompue).executeUpdate());
        String id = lancer();
        given().header("Authorization", ADMIN).get("/indicateurs/reconstructions/" + interrompue).then().statusCode(200)
                .body("etat", equalTo("ECHOUEE")).body("raison", containsString("interrompue"));
        assertEquals("TERMINEE", attendreLaFin(id).getString("etat"));
    }
}
