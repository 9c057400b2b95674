package fr.actionsociale.budget.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SchemasEvenements;
import fr.actionsociale.commons.test.SondeKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** orientation-corrigee moves a counted orientation from its old month to its new one, once, the newest version winning. */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class OrientationCorrigeeConsumerTest {

    static final String TOPIC = "orientation-corrigee";
    static final String DLQ = "budget-service.dlq.orientation-corrigee";

    /** The correction's data: the orientation as orientation-faite carries it, now in {@code mois}, from {@code ancienMois}, at a version. */
    static String correction(String id, String commune, String structure, String mois, String ancienMois, long version) {
        String o = OrientationFaiteConsumerTest.orientation(id, commune, structure, mois, "RSA");
        return o.substring(0, o.lastIndexOf('}')) + ",\"ancienneDateOrientation\":\"%s-15T10:00:00Z\",\"version\":%d}".formatted(ancienMois, version);
    }

    static void publier(String evenementId, String cle, String corps) {
        SondeKafka.publier(TOPIC, cle, SondeKafka.entetesCloudEvent(evenementId, TOPIC, cle), corps);
    }

    static void total(String mois, int n) {
        OrientationFaiteConsumerTest.attendreTotal("35236", mois, n);
    }

    @Test
    void uneOrientationCorrigeeChangeDeMoisUneSeuleFoisEtLaVersionLaPlusRecenteLEmporte() {
        String m = OrientationFaiteConsumerTest.moisUnique();
        String n = OrientationFaiteConsumerTest.moisUnique();
        String p = OrientationFaiteConsumerTest.moisUnique();
        String o = UUID.randomUUID().toString();
        String voisine = UUID.randomUUID().toString();
        OrientationFaiteConsumerTest.publier(UUID.randomUUID().toString(), o, OrientationFaiteConsumerTest.orientation(o, "35236", "caf-35", m, "RSA"));
        OrientationFaiteConsumerTest.publier(UUID.randomUUID().toString(), voisine,
                OrientationFaiteConsumerTest.orientation(voisine, "35236", "caf-35", m, "RSA"));
        total(m, 2);

        // corrected from M to N: M − 1, N + 1
        String corps = correction(o, "35236", "caf-35", n, m, 1);
        assertEquals(java.util.Set.of(), SchemasEvenements.violations(TOPIC, corps), "le corps de test suit le schéma publié");
        String evenement = UUID.randomUUID().toString();
        publier(evenement, o, corps);
        total(n, 1);
        total(m, 1);

        // the same correction delivered twice, then version 2 (to P), then version 1 again under another event id, then a witness
        // on the same key (same partition, applied after them): only version 2 counts
        publier(evenement, o, corps);
        publier(UUID.randomUUID().toString(), o, correction(o, "35236", "caf-35", p, n, 2));
        publier(UUID.randomUUID().toString(), o, correction(o, "35236", "caf-35", n, m, 1));
        String temoin = UUID.randomUUID().toString();
        publier(UUID.randomUUID().toString(), o, correction(temoin, "35236", "ccas-redon", p, m, 1));
        total(p, 2);
        total(n, 0);
        total(m, 1);
        given().header("Authorization", OrientationFaiteConsumerTest.COORDINATEUR).queryParam("commune", "35236").queryParam("mois", p)
                .get("/indicateurs/orientations").then().body("parStructure.caf-35", equalTo(1)).body("parStructure.ccas-redon", equalTo(1));
    }

    @Test
    void uneCorrectionArriveeAvantSonOriginaleDonneLeCompteCorrige() {
        String m = OrientationFaiteConsumerTest.moisUnique();
        String n = OrientationFaiteConsumerTest.moisUnique();
        String o = UUID.randomUUID().toString();
        publier(UUID.randomUUID().toString(), o, correction(o, "35236", "caf-35", n, m, 1));
        total(n, 1);
        // the original arrives later: ignored, the orientation stays in its corrected month; a witness after it shows it was read
        OrientationFaiteConsumerTest.publier(UUID.randomUUID().toString(), o, OrientationFaiteConsumerTest.orientation(o, "35236", "caf-35", m, "RSA"));
        String temoin = UUID.randomUUID().toString();
        OrientationFaiteConsumerTest.publier(UUID.randomUUID().toString(), o,
                OrientationFaiteConsumerTest.orientation(temoin, "35236", "ccas-redon", m, "RSA"));
        total(m, 1);
        given().header("Authorization", OrientationFaiteConsumerTest.COORDINATEUR).queryParam("commune", "35236").queryParam("mois", m)
                .get("/indicateurs/orientations").then().body("parStructure.ccas-redon", equalTo(1));
        total(n, 1);
    }

    @Test
    void uneCorrectionInvalideVaEnLettreMorteEtLaSuivanteEstAppliquee() {
        String m = OrientationFaiteConsumerTest.moisUnique();
        String o = UUID.randomUUID().toString();
        try (SondeKafka lettresMortes = SondeKafka.aLaFinDe(DLQ)) {
            String sansVersion = UUID.randomUUID().toString();
            String corps = correction(o, "35236", "caf-35", m, m, 1);
            publier(sansVersion, o, corps.replace(",\"version\":1", ""));
            publier(UUID.randomUUID().toString(), o, corps);
            total(m, 1);
            List<ConsumerRecord<String, String>> morts = lettresMortes.attendre(r -> o.equals(r.key()), 1, Duration.ofSeconds(20));
            assertEquals(1, morts.size());
            assertEquals(sansVersion, SondeKafka.entete(morts.get(0), "ce_id"));
            assertTrue(SondeKafka.entete(morts.get(0), "dead-letter-reason") != null);
        }
    }
}
