package fr.actionsociale.budget.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(Jetons.class)
class ReconstructionTest {

    static final String ADMIN = Jetons.entete("admin", "departement-35");

    @Test
    void rejouerLeTopicDepuisLeDebutRedonneLesMemesIndicateurs() {
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
        OrientationFaiteConsumerTest.attendreTotal("35236", mois, 20);
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

        JsonPath tout = given().header("Authorization", ADMIN).post("/indicateurs/reconstruction").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("orientation_comptee", "orientation_comptee", "droit_ouvert_compte", "indicateur_parcours"), tout.getList("projections.table"));
        assertEquals(List.of(fr.actionsociale.commons.test.SondeKafka.topic("orientation-faite"), fr.actionsociale.commons.test.SondeKafka.topic("orientation-corrigee")), tout.getList("projections.topic").subList(0, 2));
        JsonPath r = JsonPath.from(tout.prettify()).setRootPath("projections[0]");
        assertTrue(r.getLong("evenementsLus") >= 28, "tout le topic est relu");
        assertEquals(r.getLong("evenementsLus"), r.getLong("appliques") + r.getLong("ignores"));

        given().header("Authorization", OrientationFaiteConsumerTest.COORDINATEUR).queryParam("commune", "35236").queryParam("mois", mois)
                .get("/indicateurs/orientations").then().statusCode(200)
                .body("total", equalTo(20))
                .body("parStructure", equalTo(avant.getMap("parStructure")))
                .body("parDroitVise", equalTo(avant.getMap("parDroitVise")));
        // the corrections replayed after the originals: the corrected counts again, nothing left in the months they left
        OrientationFaiteConsumerTest.attendreTotal("35236", corrige, 3);
        OrientationFaiteConsumerTest.attendreTotal("35236", perdu, 0);
        // only an administrator rebuilds
        given().header("Authorization", Jetons.entete("gestionnaire", "departement-35")).post("/indicateurs/reconstruction").then().statusCode(403);
        // a second replay changes nothing
        given().header("Authorization", ADMIN).post("/indicateurs/reconstruction").then().statusCode(200)
                .body("projections[0].avant", equalTo(tout.getInt("projections[1].apres"))).body("projections[0].apres", equalTo(r.getInt("apres"))).body("projections[1].apres", equalTo(tout.getInt("projections[1].apres")));
    }
}
