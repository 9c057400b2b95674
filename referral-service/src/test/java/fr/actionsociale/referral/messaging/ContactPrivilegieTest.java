package fr.actionsociale.referral.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.evenement.CloudEvents;
import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SchemasEvenements;
import fr.actionsociale.commons.test.SondeKafka;
import fr.actionsociale.referral.Referentiel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Seed 001: the privileged contact a convention designates (contact-privilegie-designe, published by conventions-service through its
 * outbox) becomes the contact of the structure of the same code, on the real broker and database. Each test uses institutions of
 * its own: the test topics keep every earlier run's events.
 */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class ContactPrivilegieTest {

    static final String TYPE = "contact-privilegie-designe";
    static final String CDAS = Jetons.entete("agent", "cdas-pays-de-redon");
    static final Duration DELAI = Duration.ofSeconds(20);
    static final String COMMUNE = "35999";

    @Inject
    EntityManager em;

    @Test
    void leContactDesigneParLaConventionDevientCeluiDeLaStructureEtOuvreLesSaisines() {
        String msa = institution("msa");
        enregistrer(msa, "MSA", null).statusCode(201).body("contactPrivilegie", nullValue()).body("contactSource", nullValue());
        String ben = Referentiel.beneficiaire(CDAS);
        saisir(ben, msa).statusCode(400).body("erreurs[0].champ", equalTo("institution"))
                .body("erreurs[0].raison", containsString("n'a pas désigné de contact privilégié"));

        UUID convention = UUID.randomUUID();
        String contact = "Service action sociale de la MSA – accueil des partenaires – 02 23 48 00 00";
        publier(UUID.randomUUID(), msa, convention, contact, LocalDate.of(2024, 7, 8));

        Awaitility.await().atMost(DELAI).untilAsserted(() -> structure(msa).body("contactPrivilegie", equalTo(contact)));
        structure(msa).body("contactSource", equalTo("convention " + convention)).body("contactDesigneLe", equalTo("2024-07-08"));
        saisir(ben, msa).statusCode(201).body("institution", equalTo(msa)).body("contact", equalTo(contact));
    }

    @Test
    void laMemeDesignationLivreeDeuxFoisEstAppliqueeUneFois() {
        String caf = institution("caf");
        enregistrer(caf, "CAF", null).statusCode(201);
        LocalDate le = LocalDate.of(2024, 7, 8);
        UUID premiere = UUID.randomUUID();
        publier(premiere, caf, UUID.randomUUID(), "Pôle partenaires de la CAF – première désignation", le);
        Awaitility.await().atMost(DELAI).untilAsserted(() -> structure(caf).body("contactPrivilegie", equalTo("Pôle partenaires de la CAF – première désignation")));
        // a second designation of the same day, published after it, wins
        UUID convention = UUID.randomUUID();
        publier(UUID.randomUUID(), caf, convention, "Pôle partenaires de la CAF – seconde désignation", le);
        Awaitility.await().atMost(DELAI).untilAsserted(() -> structure(caf).body("contactPrivilegie", equalTo("Pôle partenaires de la CAF – seconde désignation")));
        // the broker delivers the first one again (same ce_id): applied again, it would bring the first contact back
        double doublons = doublons();
        publier(premiere, caf, UUID.randomUUID(), "Pôle partenaires de la CAF – première désignation", le);
        // behind it on the same partition (same key), an older designation that changes nothing: once it is in, so is the replay
        UUID temoin = UUID.randomUUID();
        publier(temoin, caf, UUID.randomUUID(), "Ancien pôle partenaires de la CAF", le.minusYears(3));
        Awaitility.await().atMost(DELAI).until(() -> recus(temoin) == 1);
        assertEquals(1, recus(premiere), "one inbox row for the event delivered twice");
        assertEquals(doublons + 1, doublons(), "the second delivery is counted as a duplicate, not applied");
        structure(caf).body("contactPrivilegie", equalTo("Pôle partenaires de la CAF – seconde désignation"))
                .body("contactSource", equalTo("convention " + convention));
    }

    @Test
    void uneDesignationPlusAncienneArriveeApresNEcrasePasLaPlusRecente() {
        String cpam = institution("cpam");
        enregistrer(cpam, "CPAM", null).statusCode(201);
        UUID recente = UUID.randomUUID();
        publier(UUID.randomUUID(), cpam, recente, "Cellule des situations complexes de la CPAM", LocalDate.of(2024, 7, 8));
        UUID ancienne = UUID.randomUUID();
        publier(ancienne, cpam, UUID.randomUUID(), "Ancien accueil de la CPAM", LocalDate.of(2019, 3, 1));
        Awaitility.await().atMost(DELAI).until(() -> recus(ancienne) == 1);
        structure(cpam).body("contactPrivilegie", equalTo("Cellule des situations complexes de la CPAM"))
                .body("contactSource", equalTo("convention " + recente)).body("contactDesigneLe", equalTo("2024-07-08"));
    }

    @Test
    void uneStructureEnregistreeApresPrendLaDesignationSaufSiElleSaisitLeSienJusquAUneDesignationPlusRecente() {
        // designated before the structure exists: a structure registered without a contact takes it
        String carsat = institution("carsat");
        UUID convention = UUID.randomUUID();
        UUID evenement = UUID.randomUUID();
        publier(evenement, carsat, convention, "Service social de la CARSAT", LocalDate.of(2024, 7, 8));
        Awaitility.await().atMost(DELAI).until(() -> recus(evenement) == 1);
        enregistrer(carsat, "CARSAT", null).statusCode(201).body("contactPrivilegie", equalTo("Service social de la CARSAT"))
                .body("contactSource", equalTo("convention " + convention)).body("contactDesigneLe", equalTo("2024-07-08"));

        // a contact entered at registration is kept over a designation already known, and over an older one arriving later
        String ccas = institution("ccas");
        UUID premiere = UUID.randomUUID();
        publier(premiere, ccas, UUID.randomUUID(), "Accueil du CCAS selon la convention", LocalDate.of(2024, 7, 8));
        Awaitility.await().atMost(DELAI).until(() -> recus(premiere) == 1);
        enregistrer(ccas, "CCAS", "Directrice du CCAS, ligne directe").statusCode(201)
                .body("contactPrivilegie", equalTo("Directrice du CCAS, ligne directe")).body("contactSource", equalTo("saisie"))
                .body("contactDesigneLe", nullValue());
        UUID ancienne = UUID.randomUUID();
        publier(ancienne, ccas, UUID.randomUUID(), "Accueil du CCAS, ancienne convention", LocalDate.of(2020, 1, 1));
        Awaitility.await().atMost(DELAI).until(() -> recus(ancienne) == 1);
        structure(ccas).body("contactPrivilegie", equalTo("Directrice du CCAS, ligne directe")).body("contactSource", equalTo("saisie"));
        // a newer designation replaces it
        UUID nouvelle = UUID.randomUUID();
        publier(UUID.randomUUID(), ccas, nouvelle, "Pôle accès aux droits du CCAS", LocalDate.of(2025, 1, 6));
        Awaitility.await().atMost(DELAI).untilAsserted(() -> structure(ccas).body("contactPrivilegie", equalTo("Pôle accès aux droits du CCAS")));
        structure(ccas).body("contactSource", equalTo("convention " + nouvelle)).body("contactDesigneLe", equalTo("2025-01-06"));
    }

    @Test
    void uneDesignationInvalideVaEnLettreMorteEtLaSuivanteEstAppliquee() {
        String ml = institution("mission-locale");
        enregistrer(ml, "MISSION_LOCALE", null).statusCode(201);
        try (SondeKafka lettresMortes = SondeKafka.aLaFinDe("referral-service.dlq." + TYPE)) {
            // no contact: refused by the schema, and by the consumer
            String sansContact = "{\"conventionId\":\"%s\",\"institution\":\"%s\",\"designeLe\":\"2024-07-08\"}".formatted(UUID.randomUUID(), ml);
            assertEquals(1, SchemasEvenements.violations(TYPE, sansContact).size());
            String id = UUID.randomUUID().toString();
            SondeKafka.publier(TYPE, ml, entetes(id, ml), sansContact);
            publier(UUID.randomUUID(), ml, UUID.randomUUID(), "Accueil de la Mission locale", LocalDate.of(2024, 7, 8));
            ConsumerRecord<String, String> garee = lettresMortes.attendre(r -> id.equals(SondeKafka.entete(r, CloudEvents.ID)), 1, DELAI).get(0);
            assertEquals(sansContact, garee.value());
            String raison = SondeKafka.entete(garee, "dead-letter-reason");
            assertEquals(true, raison != null && raison.contains("contact"), raison);
        }
        Awaitility.await().atMost(DELAI).untilAsserted(() -> structure(ml).body("contactPrivilegie", equalTo("Accueil de la Mission locale")));
    }

    @Test
    void leSchemaEtLeCatalogueDecriventLEvenement() {
        given().get("/schemas/" + TYPE + ".json").then().statusCode(200).body("required", equalTo(java.util.List.of("conventionId", "institution",
                "contact", "designeLe")));
        given().get("/asyncapi.yaml").then().statusCode(200).body(containsString("address: " + TYPE))
                .body(containsString("address: referral-service.dlq." + TYPE));
    }

    /** A code of this run's own, of the form of an institution code. */
    static String institution(String prefixe) {
        return prefixe + "-essai-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** As conventions-service's outbox relay publishes it: key and ce_subject = the institution, its source and schema. */
    static void publier(UUID id, String institution, UUID convention, String contact, LocalDate le) {
        String donnees = "{\"conventionId\":\"%s\",\"institution\":\"%s\",\"contact\":\"%s\",\"designeLe\":\"%s\"}".formatted(convention, institution,
                contact, le);
        assertEquals(Set.of(), SchemasEvenements.violations(TYPE, donnees));
        SondeKafka.publier(TYPE, institution, entetes(id.toString(), institution), donnees);
    }

    static Map<String, String> entetes(String id, String institution) {
        Map<String, String> h = new HashMap<>(SondeKafka.entetesCloudEvent(id, TYPE, institution));
        h.put(CloudEvents.SOURCE, "/conventions-service");
        h.put(CloudEvents.DATASCHEMA, CloudEvents.schema(TYPE));
        return h;
    }

    /** Inbox rows of this event: 1 once consumed (applied or not), whatever the number of deliveries. */
    long recus(UUID evenement) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from inbox_evenement where consommateur = 'contacts-privilegies' and evenement_id = ?1")
                .setParameter(1, evenement.toString()).getSingleResult()).longValue());
    }

    /** The inbox's count of events of this topic skipped as already applied (Prometheus). */
    static double doublons() {
        String metriques = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metriques.lines().filter(l -> l.startsWith("inbox_evenements_total{") && l.contains("consommateur=\"contacts-privilegies\"")
                && l.contains("issue=\"doublon\"")).mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    /** Covering only a commune no other test uses: the other tests' automatic orientations must never pick these structures. */
    static ValidatableResponse enregistrer(String code, String type, String contact) {
        String corps = contact == null ? "{\"code\":\"%s\",\"nom\":\"%s\",\"type\":\"%s\",\"communes\":[\"%s\"]}".formatted(code, code, type, COMMUNE)
                : "{\"code\":\"%s\",\"nom\":\"%s\",\"type\":\"%s\",\"communes\":[\"%s\"],\"contactPrivilegie\":\"%s\"}".formatted(code, code,
                        type, COMMUNE, contact);
        return given().header("Authorization", Referentiel.ADMIN).contentType(ContentType.JSON).body(corps).post("/structures").then();
    }

    static ValidatableResponse structure(String code) {
        return given().header("Authorization", CDAS).get("/structures").then().statusCode(200).rootPath("find { it.code == '%s' }".formatted(code));
    }

    static ValidatableResponse saisir(String ben, String institution) {
        return given().header("Authorization", CDAS).contentType(ContentType.JSON)
                .body("{\"beneficiaire\":\"%s\",\"institution\":\"%s\",\"objet\":\"Dossier bloqué depuis trois mois\",\"urgente\":true}".formatted(ben,
                        institution))
                .post("/saisines").then();
    }
}
