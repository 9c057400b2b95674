package fr.actionsociale.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.ContratOpenApi;
import fr.actionsociale.commons.test.Jetons;
import io.restassured.path.json.JsonPath;

/**
 * Issue 14: what `suite up` loads says what the seeds say. The demo loader itself ({@code deploy/local/demo/charger}) runs
 * against the three packaged services, each on a fresh database; then every seed's convention is read back through the API:
 * parties, status, deadlines, tranches, budget envelope, commitments, governance, deliberations, contacts and anomalies.
 */
class DemoDesSeedsIT {

    static final Suite.Service CONVENTIONS = new Suite.Service("conventions-service", 28081, "conventions_demo_e2e",
            List.of("-Dsuite.topics.prefix=e2e.", "-Dmp.messaging.incoming.orientation-faite.group.id=conventions-service-demo-e2e",
                    "-Dmp.messaging.incoming.rapport-produit.group.id=conventions-service-demo-e2e"));
    static final Suite.Service BUDGET = new Suite.Service("budget-service", 28082, "budget_demo_e2e",
            List.of("-Dsuite.topics.prefix=e2e.", "-Dmp.messaging.incoming.convention-signee.group.id=budget-service-demo-e2e",
                    "-Dmp.messaging.incoming.orientation-faite.group.id=budget-service-demo-e2e"));
    static final Suite.Service REFERRAL = new Suite.Service("referral-service", 28083, "referral_demo_e2e",
            List.of("-Dsuite.topics.prefix=e2e.", "-Dmp.messaging.incoming.contact-privilegie-designe.group.id=referral-service-demo-e2e"));
    static final String ADMIN = Jetons.entete("admin", "departement-35");
    static final List<Process> PROCESSUS = new ArrayList<>();

    @BeforeAll
    static void chargerLaDemo() throws Exception {
        ContratOpenApi.installer();
        Suite.baseNeuve(CONVENTIONS.base(), "conventions");
        Suite.baseNeuve(BUDGET.base(), "budget");
        Suite.baseNeuve(REFERRAL.base(), "referral");
        for (Suite.Service s : List.of(CONVENTIONS, BUDGET, REFERRAL)) {
            PROCESSUS.add(Suite.demarrer(s));
        }
        // the loader asks `suite token ROLE INSTITUTION`: here, tokens the test services trust
        StringBuilder script = new StringBuilder("#!/usr/bin/env bash\n[ \"$1\" = token ] || exit 2\ncase \"$2 $3\" in\n");
        for (String ligne : Files.readAllLines(Suite.RACINE.resolve("deploy/local/demo/institutions.tsv"))) {
            if (ligne.isBlank() || ligne.startsWith("#")) {
                continue;
            }
            String code = ligne.split("\t")[0];
            for (String role : List.of("admin", "agent", "gestionnaire", "coordinateur", "partenaire")) {
                script.append("  \"").append(role).append(' ').append(code).append("\") echo '")
                        .append(Jetons.entete(role, code).substring("Bearer ".length())).append("' ;;\n");
            }
        }
        script.append("  *) echo \"jeton inconnu : $2 $3\" >&2; exit 1 ;;\nesac\n");
        Path jetons = Files.createDirectories(Suite.RACINE.resolve("e2e-tests/target")).resolve("demo-jetons");
        Files.writeString(jetons, script);
        Files.setPosixFilePermissions(jetons, PosixFilePermissions.fromString("rwx------"));
        Path journal = Suite.RACINE.resolve("e2e-tests/target/e2e-logs/demo-charger.log");
        Files.createDirectories(journal.getParent());
        ProcessBuilder pb = new ProcessBuilder("bash", Suite.RACINE.resolve("deploy/local/demo/charger").toString(), jetons.toString())
                .redirectErrorStream(true).redirectOutput(journal.toFile());
        pb.environment().putAll(Map.of("DEMO_CONVENTIONS", CONVENTIONS.url(), "DEMO_BUDGET", BUDGET.url(), "DEMO_REFERRAL", REFERRAL.url()));
        Process charger = pb.start();
        assertTrue(charger.waitFor(6, TimeUnit.MINUTES), "le chargement de la démo n'a pas fini en 6 minutes");
        assertEquals(0, charger.exitValue(), "le chargement de la démo a échoué : " + Files.readString(journal));
    }

    @AfterAll
    static void arreter() throws InterruptedException {
        for (Process p : PROCESSUS) {
            p.destroy();
            p.waitFor();
        }
    }

    static JsonPath convention(String reference) {
        JsonPath page = given().baseUri(CONVENTIONS.url()).header("Authorization", ADMIN).queryParam("taille", 100).get("/conventions").then()
                .statusCode(200).extract().jsonPath();
        String id = page.getString("elements.find { it.reference == '%s' }.id".formatted(reference));
        assertTrue(id != null, reference + " absente de la démo");
        return given().baseUri(CONVENTIONS.url()).header("Authorization", ADMIN).get("/conventions/" + id).then().statusCode(200).extract().jsonPath();
    }

    static List<String> anomalies(JsonPath c, String type) {
        return c.getList("anomalies.findAll { it.type == '%s' }.institution".formatted(type));
    }

    @Test
    void seed000EstEnVigueurCommeSigneAvecSesAnomalies() {
        JsonPath c = convention("RAD-PHASE1-2024");
        assertEquals("EN_VIGUEUR", c.getString("statut"));
        assertEquals("2024-06-10", c.getString("dateSignature"));
        assertEquals(9, c.getList("parties").size());
        assertEquals(false, c.getBoolean("parties.find { it.institution == 'commune-pipriac' }.signataire"));
        // signed on 10 June 2024 on deliberations of 2, 8 and 11 July; the CCAS de Pipriac's board dated 8 July in the "VU", 11 July in the parties
        assertEquals(List.of("ccas-pipriac", "ccas-redon", "departement-35"), anomalies(c, "SIGNATURE_AVANT_DELIBERATION").stream().sorted().toList());
        assertEquals(List.of("ccas-pipriac"), anomalies(c, "VISA_DISCORDANT"));
        assertEquals(List.of("commune-pipriac"), anomalies(c, "ENGAGEMENT_SANS_SIGNATURE"));
        assertTrue(c.getString("anomalies.find { it.type == 'MEME_REPRESENTANT' }.constat").contains("Franck Pichot"));
        assertEquals(4, anomalies(c, "DELIBERATION_NON_EXECUTOIRE").size());
        // the State's 396,795 € are 80 % of the budget: 495,993.75 €, of which 99,198.75 € are valued but not quantified
        assertEquals(new BigDecimal("495993.75"), new BigDecimal(c.getString("financement.budget")));
        assertEquals(new BigDecimal("99198.75"), new BigDecimal(c.getString("financement.resteACouvrir")));
        assertTrue(c.getList("anomalies.type").contains("FINANCEMENT_INCOMPLET"));
        assertTrue(c.getList("hypotheses").size() >= 3);
        String id = c.getString("id");
        given().baseUri(CONVENTIONS.url()).header("Authorization", ADMIN).get("/conventions/" + id + "/engagements").then().statusCode(200)
                .body("size()", equalTo(15))
                .body("findAll { it.valorisation != null }.valorisation.taux", hasItems(15.0f, 50.0f));
        given().baseUri(CONVENTIONS.url()).header("Authorization", ADMIN).get("/conventions/" + id + "/gouvernance").then().statusCode(200)
                .body("type", hasItems("COMITE_SUIVI", "EQUIPE_PROJET", "GROUPE_TRAVAIL"))
                .body("find { it.type == 'COMITE_SUIVI' }.presidence", containsString("maire de Pipriac"))
                .body("find { it.type == 'COMITE_SUIVI' }.reunionsParAn", equalTo(4))
                .body("find { it.type == 'EQUIPE_PROJET' }.autresMembres", hasItem("CAF 35"));
        // the comité's meeting pack at the demo's assumed meeting of 18 March 2025, after its two assumed meetings
        String comite = given().baseUri(CONVENTIONS.url()).header("Authorization", ADMIN).get("/conventions/" + id + "/gouvernance").then()
                .extract().path("find { it.type == 'COMITE_SUIVI' }.id");
        given().baseUri(CONVENTIONS.url()).header("Authorization", ADMIN).queryParam("reunion", "2025-03-18")
                .get("/conventions/" + id + "/gouvernance/" + comite + "/dossier.html").then().statusCode(200)
                .body(containsString("Réunion précédente : 10 décembre 2024"));
        given().baseUri(CONVENTIONS.url()).header("Authorization", ADMIN).queryParam("convention", id).get("/deliberations").then()
                .statusCode(200).body("total", equalTo(4));
        given().baseUri(CONVENTIONS.url()).header("Authorization", ADMIN).queryParam("type", "VISA_DISCORDANT").get("/anomalies").then()
                .statusCode(200).body("reference", hasItem("RAD-PHASE1-2024"));
    }

    @Test
    void seed001AttendSesSignaturesEtSonContactPrivilegieVaAuParcours() {
        JsonPath c = convention("DEP35-MSA-ASIP-2024");
        assertEquals("EN_SIGNATURE", c.getString("statut"));
        assertEquals(List.of("departement-35", "msa-porte-de-bretagne"), c.getList("signaturesAttendues"));
        String id = c.getString("id");
        given().baseUri(CONVENTIONS.url()).header("Authorization", ADMIN).queryParam("convention", id).get("/deliberations").then()
                .statusCode(200).body("elements[0].numero", equalTo("CP20242444")).body("elements[0].votes.pour", equalTo(53))
                .body("elements[0].votes.abstentions", equalTo(1)).body("elements[0].votes.unanimite", equalTo(true))
                .body("elements[0].dateTransmission", equalTo("2024-07-09"));
        given().baseUri(CONVENTIONS.url()).header("Authorization", ADMIN).get("/conventions/" + id + "/engagements").then().body("size()", equalTo(6));
        // the MSA's privileged contact reaches referral-service by contact-privilegie-designe
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            String contact = given().baseUri(REFERRAL.url()).header("Authorization", ADMIN).get("/structures").then().statusCode(200)
                    .extract().jsonPath().getString("find { it.code == 'msa-porte-de-bretagne' }.contactPrivilegie");
            return contact != null && contact.contains("contacts privilégiés");
        });
    }

    @Test
    void seed002ASesTranchesSonEnveloppeEtSaLigneScdl() {
        JsonPath c = convention("EXPE-RSA-2023-2024");
        // signed (on the demo's assumed date), and ended on 31 December 2024
        assertEquals("EXPIREE", c.getString("statut"));
        assertEquals("2023-07-03", c.getString("dateSignature"));
        assertEquals("102", c.getString("imputation.programme"));
        assertTrue(c.getString("anomalies.find { it.type == 'IMPUTATION_INCOMPLETE' }.constat").contains("engagement juridique"));
        String id = c.getString("id");
        // 60 % within 15 days of the signature: 431,813.40 € by 18 July 2023
        given().baseUri(CONVENTIONS.url()).header("Authorization", ADMIN).queryParam("convention", id).get("/echeances").then().statusCode(200)
                .body("find { it.type == 'VERSEMENT' && it.dateDue == '2023-07-18' }.montant", equalTo(431813.40f));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> "OUVERTE".equals(
                given().baseUri(BUDGET.url()).header("Authorization", Jetons.entete("gestionnaire", "departement-35"))
                        .get("/programmes/EXPE-RSA-2023-2024").then().extract().path("enveloppe.statut")));
        // the interim report of 2023 (payment and production dates assumed): produced in budget-service, its deadline done that day in
        // conventions-service and the balance due a month later, exact to the cent
        String rapport = given().baseUri(BUDGET.url()).header("Authorization", ADMIN).get("/programmes/EXPE-RSA-2023-2024/rapports").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].produitLe", equalTo("2024-03-29")).extract().path("[0].csv");
        String bilan = given().baseUri(BUDGET.url()).header("Authorization", ADMIN).get(rapport).then().statusCode(200).extract().asString();
        assertTrue(bilan.contains("Versement 1 (60 %);18/07/2023;431 813,40 €\r\n"), bilan);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> "2024-03-29".equals(
                given().baseUri(CONVENTIONS.url()).header("Authorization", ADMIN).queryParam("convention", id).get("/echeances").then().extract()
                        .path("find { it.type == 'RAPPORT_INTERMEDIAIRE' }.faiteLe")));
        given().baseUri(CONVENTIONS.url()).header("Authorization", ADMIN).queryParam("convention", id).get("/echeances").then().statusCode(200)
                .body("find { it.type == 'VERSEMENT' && it.dateDue == '2024-04-28' }.montant", equalTo(287875.60f));
        String csv = given().baseUri(CONVENTIONS.url()).header("Authorization", ADMIN).get("/conventions/export/scdl-subventions.csv").then()
                .statusCode(200).extract().asString();
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("\"État, DREETS Bretagne\",99900000000011,2023-07-03,")), csv);
    }

    @Test
    void seed004SeRepartitAuProrataDesPopulationsInseeDeChaqueAnnee() {
        JsonPath c = convention("RESEAU-ACTEURS-SOCIAUX-2014");
        assertEquals("EXPIREE", c.getString("statut"));
        assertEquals("2014-01-24", c.getString("dateSignature"));
        for (int annee : List.of(2014, 2015, 2016)) {
            JsonPath r = given().baseUri(CONVENTIONS.url()).header("Authorization", ADMIN).contentType("application/json")
                    .body("{\"montant\":4000.00,\"annee\":%d}".formatted(annee)).post("/conventions/" + c.getString("id") + "/repartitions").then()
                    .statusCode(200).body("millesimeEnVigueur", equalTo(annee - 3)).body("parts", hasSize(6)).extract().jsonPath();
            assertEquals(new BigDecimal("4000.00"), r.getList("parts.montant", String.class).stream().map(BigDecimal::new)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
        }
    }
}
