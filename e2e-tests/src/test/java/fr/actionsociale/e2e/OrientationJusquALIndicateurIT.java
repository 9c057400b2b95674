package fr.actionsociale.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import fr.actionsociale.banc.Verifier;
import fr.actionsociale.commons.test.ContratOpenApi;
import fr.actionsociale.commons.test.Jetons;
import io.restassured.http.ContentType;

/**
 * An orientation recorded in referral-service reaches budget-service's indicators through Kafka exactly
 * once, whatever is killed in between.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrientationJusquALIndicateurIT {

    /** -Dsuite.e2e.suffixe=_x gives a run databases of its own (the shared PostgreSQL serves several runs at once). */
    static final String SUFFIXE = System.getProperty("suite.e2e.suffixe", "");
    static final Suite.Service REFERRAL = new Suite.Service("referral-service", 18083, "referral_e2e" + SUFFIXE,
            List.of("-Dsuite.topics.prefix=e2e."));
    // a group of its own, so that a running `suite up` keeps its offsets; auto-commit of offsets is off, so a kill
    // re-delivers what was applied but not yet committed: the inbox must absorb it
    static final Suite.Service BUDGET = new Suite.Service("budget-service", 18082, "budget_e2e" + SUFFIXE,
            List.of("-Dsuite.topics.prefix=e2e.", "-Dmp.messaging.incoming.orientation-faite.group.id=budget-service-e2e"));
    static final String AGENT = Jetons.entete("agent", "cdas-pays-de-redon");
    static final String COORDINATEUR = Jetons.entete("coordinateur", "departement-35");
    static final Random HASARD = new Random();

    static Process referral;
    static Process budget;
    /** The databases are new from here, the e2e topics and the groups' offsets are not: what the verifier can prove starts here. */
    static Instant debut;

    @BeforeAll
    static void demarrer() throws Exception {
        ContratOpenApi.installer();
        debut = Instant.now();
        Suite.baseNeuve(REFERRAL.base(), "referral");
        Suite.baseNeuve(BUDGET.base(), "budget");
        budget = Suite.demarrer(BUDGET);
        referral = Suite.demarrer(REFERRAL);
        for (String[] s : new String[][] { { "caf-35", "CAF" }, { "france-travail-35", "FRANCE_TRAVAIL" } }) {
            given().baseUri(REFERRAL.url()).header("Authorization", Jetons.entete("admin", "departement-35")).contentType(ContentType.JSON)
                    .body("{\"code\":\"%s\",\"nom\":\"%s\",\"type\":\"%s\"}".formatted(s[0], s[0], s[1])).post("/structures").then().statusCode(201);
        }
    }

    @AfterAll
    static void arreter() throws InterruptedException {
        for (Process p : new Process[] { referral, budget }) {
            if (p != null) {
                p.destroy();
                p.waitFor();
            }
        }
    }

    /** A commune code of this run only: earlier runs' events replayed into budget_e2e cannot be mistaken for ours. */
    static String communeDeCeTest() {
        return "%02d%03d".formatted(10 + HASARD.nextInt(90), HASARD.nextInt(1000));
    }

    /** A person registered by the agent's structure, then oriented: referral-service orients only people it knows. */
    static String orienter(String commune, int n) {
        String personne = given().baseUri(REFERRAL.url()).header("Authorization", AGENT).contentType(ContentType.JSON)
                .body("{\"commune\":\"%s\",\"prenom\":\"Personne %d\"}".formatted(commune, n)).post("/beneficiaires").then().statusCode(201)
                .extract().path("reference");
        return given().baseUri(REFERRAL.url()).header("Authorization", AGENT).contentType(ContentType.JSON)
                .body("""
                        {"beneficiaire":"%s","structure":"%s","commune":"%s","motif":"bout en bout","droitsVises":["RSA"]}"""
                        .formatted(personne, n % 2 == 0 ? "caf-35" : "france-travail-35", commune))
                .post("/orientations").then().statusCode(201).extract().path("id");
    }

    static int total(String commune) {
        Integer t = given().baseUri(BUDGET.url()).header("Authorization", COORDINATEUR)
                .queryParam("commune", commune).queryParam("mois", YearMonth.now(ZoneId.of("Europe/Paris")).toString())
                .get("/indicateurs/orientations").then().statusCode(200).extract().path("total");
        return t;
    }

    static void attendreEtGarder(String commune, int attendu) throws InterruptedException {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> total(commune) >= attendu);
        Thread.sleep(2000); // anything counted twice would show now
        assertEquals(attendu, total(commune));
    }

    @Test
    @Order(0)
    void uneOrientationPosteeApparaitSurLeTableauDeBordSansRechargerLaPage() throws Exception {
        String commune = communeDeCeTest();
        String programme = "E2E-" + HASARD.nextInt(1_000_000);
        String gestionnaire = Jetons.entete("gestionnaire", "departement-35");
        given().baseUri(BUDGET.url()).header("Authorization", gestionnaire).contentType(ContentType.JSON).body("""
                {"code":"%s","libelle":"CALPAE 2022 (bout en bout)","dateDebut":"2022-01-01","dateFin":"2023-06-30","territoire":["%s"]}"""
                .formatted(programme, commune)).post("/programmes").then().statusCode(201);
        given().baseUri(BUDGET.url()).header("Authorization", gestionnaire).contentType("text/plain; charset=UTF-8")
                .body(Files.readString(Suite.RACINE.resolve("deploy/local/demo/calpae-2022-tableau-consolide.tsv")))
                .queryParam("programme", programme).queryParam("periode", "2022").post("/imports/tableau-consolide").then().statusCode(201);

        String page = BUDGET.url() + "/tableau-de-bord.html#programme=" + programme + "&jeton=" + Jetons.pour("coordinateur", "departement-35");
        try (Navigateur chromium = Navigateur.ouvrir(page)) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "0".equals(chromium.evaluer("document.getElementById('orientations-total').textContent")));
            assertEquals("en direct", chromium.evaluer("document.getElementById('etat').textContent"));
            assertEquals("1 897 106,39 €", chromium.evaluer("document.getElementById('recettes').textContent").replace('\u202f', ' ')
                    .replace('\u00a0', ' '));
            // a mark in the page's memory: a reload would erase it
            chromium.evaluer("window.marqueDuTest = 'sans rechargement'");

            orienter(commune, 1);
            orienter(commune, 2);
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "2".equals(chromium.evaluer("document.getElementById('orientations-total').textContent")));
            assertEquals("sans rechargement", chromium.evaluer("window.marqueDuTest"));
            assertEquals("1", chromium.evaluer("document.querySelector('#structures tr td:nth-child(2)').textContent"));
            chromium.capturer(Suite.RACINE.resolve("e2e-tests/target/tableau-de-bord.png"));
        }
        assertTrue(Files.size(Suite.RACINE.resolve("e2e-tests/target/tableau-de-bord.png")) > 10_000, "a screenshot of the page");
    }

    @Test
    @Order(1)
    void uneOrientationPosteeEstCompteeDansLIndicateur() throws InterruptedException {
        String commune = communeDeCeTest();
        orienter(commune, 1);
        orienter(commune, 2);
        attendreEtGarder(commune, 2);
        given().baseUri(BUDGET.url()).header("Authorization", COORDINATEUR).queryParam("commune", commune)
                .queryParam("mois", YearMonth.now(ZoneId.of("Europe/Paris")).toString()).get("/indicateurs/orientations").then()
                .body("parStructure.caf-35", equalTo(1)).body("parStructure.france-travail-35", equalTo(1))
                .body("parDroitVise.RSA", equalTo(2));
    }

    /** Issue 15: an orientation recorded today but made last month counts in last month, in budget-service too. */
    @Test
    @Order(1)
    void uneOrientationSaisieEnRetardCompteDansLeMoisOuElleAEteFaite() {
        String commune = communeDeCeTest();
        YearMonth precedent = YearMonth.now(ZoneId.of("Europe/Paris")).minusMonths(1);
        String personne = given().baseUri(REFERRAL.url()).header("Authorization", AGENT).contentType(ContentType.JSON)
                .body("{\"commune\":\"%s\",\"prenom\":\"Personne en retard\"}".formatted(commune)).post("/beneficiaires").then().statusCode(201)
                .extract().path("reference");
        given().baseUri(REFERRAL.url()).header("Authorization", AGENT).contentType(ContentType.JSON).body("""
                {"beneficiaire":"%s","structure":"caf-35","commune":"%s","motif":"saisie tardive","droitsVises":["RSA"],"date":"%s"}"""
                .formatted(personne, commune, precedent.atDay(15))).post("/orientations").then().statusCode(201)
                .body("date", equalTo(precedent.atDay(15).toString()));
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Integer t = given().baseUri(BUDGET.url()).header("Authorization", COORDINATEUR).queryParam("commune", commune)
                    .queryParam("mois", precedent.toString()).get("/indicateurs/orientations").then().statusCode(200).extract().path("total");
            return t != null && t == 1;
        });
        assertEquals(0, total(commune), "nothing in the month it was recorded");
    }

    @Test
    @Order(2)
    void desEvenementsValidesMaisNonPubliesAvantUnSigkillPartentAuRedemarrage() throws Exception {
        String commune = communeDeCeTest();
        Suite.tuer(referral);
        // a relay that never runs: every commit stays in the outbox, as if the process died right after it
        referral = Suite.demarrer(REFERRAL, "-Doutbox.relay.enabled=false");
        for (int i = 0; i < 20; i++) {
            orienter(commune, i);
        }
        assertEquals(20, Suite.compter(REFERRAL.base(),
                "select count(*) from outbox_evenement where publie_le is null and donnees->>'commune' = '" + commune + "'"));
        Suite.tuer(referral);
        Thread.sleep(1000);
        assertEquals(0, total(commune), "rien ne peut être compté avant la publication");

        referral = Suite.demarrer(REFERRAL);
        attendreEtGarder(commune, 20);
        assertEquals(0, Suite.compter(REFERRAL.base(),
                "select count(*) from outbox_evenement where publie_le is null and donnees->>'commune' = '" + commune + "'"));
    }

    @Test
    @Order(3)
    void unConsommateurTueEnPleinFluxNePerdRienEtNeCompteRienDeuxFois() throws Exception {
        String commune = communeDeCeTest();
        int n = 300;
        AtomicInteger postes = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> envois = new java.util.ArrayList<>();
            for (int c = 0; c < 4; c++) {
                envois.add(clients.submit(() -> {
                    int i;
                    while ((i = postes.getAndIncrement()) < n) {
                        orienter(commune, i);
                    }
                }));
            }
            // kill budget-service while events flow, and referral-service too, mid-stream
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> total(commune) >= 50);
            Suite.tuer(budget);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> postes.get() >= 200);
            Suite.tuer(referral);
            referral = Suite.demarrer(REFERRAL);
            budget = Suite.demarrer(BUDGET);
            // the clients whose POST met the dead process retry it on the new one
            for (Future<?> f : envois) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    // a POST cut by the kill: it may or may not have committed, so it is not counted as sent
                }
            }
        } finally {
            clients.shutdownNow();
        }
        long enregistrees = Suite.compter(REFERRAL.base(),
                "select count(*) from orientation where commune = '" + commune + "'");
        attendreEtGarder(commune, (int) enregistrees);
        assertEquals(enregistrees, Suite.compter(BUDGET.base(),
                "select count(*) from orientation_comptee where commune = '" + commune + "'"));
    }

    /** SIGTERM, as Kubernetes stops a pod: the process is told to stop and waited for. */
    static void arreterProprement(Process p) throws InterruptedException {
        p.destroy();
        assertTrue(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "the service did not stop within 30 s of SIGTERM");
    }

    @Test
    @Order(4)
    void unArretParSigtermSousChargeNePerdRienDeCeQuiAEteAccepteEtNeCompteRienDeuxFois() throws Exception {
        String commune = communeDeCeTest();
        int n = 300;
        AtomicInteger postes = new AtomicInteger();
        List<String> acceptees = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        AtomicInteger refusees = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> envois = new java.util.ArrayList<>();
            for (int c = 0; c < 4; c++) {
                envois.add(clients.submit(() -> {
                    int i;
                    while ((i = postes.getAndIncrement()) < n) {
                        try {
                            acceptees.add(orienter(commune, i));
                        } catch (Exception | AssertionError arrete) {
                            // refused (503) or no one listening while the service stops and restarts: not accepted
                            refusees.incrementAndGet();
                            try {
                                Thread.sleep(100);
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                }));
            }
            // stop budget-service (the consumer) while events flow, then referral-service (the producer) mid-stream
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> total(commune) >= 50);
            arreterProprement(budget);
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> acceptees.size() >= 150);
            arreterProprement(referral);
            // what referral-service acknowledged before it stopped has left its outbox: its relay flushed on the way out
            long enAttente = Suite.compter(REFERRAL.base(),
                    "select count(*) from outbox_evenement where publie_le is null and donnees->>'commune' = '" + commune + "'");
            assertEquals(0, enAttente, "events acknowledged to clients but left in the outbox by the SIGTERM");
            referral = Suite.demarrer(REFERRAL);
            budget = Suite.demarrer(BUDGET);
            for (Future<?> f : envois) {
                f.get();
            }
        } finally {
            clients.shutdownNow();
        }
        long enregistrees = Suite.compter(REFERRAL.base(), "select count(*) from orientation where commune = '" + commune + "'");
        assertEquals(acceptees.size(), enregistrees, "every 201 is in referral-service's database, and nothing else");
        attendreEtGarder(commune, acceptees.size());
        String ids = String.join("','", acceptees);
        assertEquals(acceptees.size(), Suite.compter(BUDGET.base(),
                "select count(*) from orientation_comptee where orientation_id in ('" + ids + "')"));
    }

    @Test
    @Order(5)
    void chaqueCompteDeLaPasseEstProuveContreLeJournalDEvenements() throws Exception {
        // every event of this run on the e2e topics, applied once by each consumer of budget-service and referral-service, kills included
        ByteArrayOutputStream sortie = new ByteArrayOutputStream();
        Verifier.Rapport r = Verifier.verifier(new Verifier.Options("127.0.0.1:9092", Suite.PG,
                Map.of("budget", BUDGET.base(), "referral", REFERRAL.base()), Map.of("budget", "budget-service-e2e"), "e2e.",
                Set.of("budget", "referral"), debut, Duration.ofSeconds(60), 50), new PrintStream(sortie, true, StandardCharsets.UTF_8));
        String texte = sortie.toString(StandardCharsets.UTF_8);
        System.out.println(texte);
        assertEquals(List.of(), r.constats(), texte);
        assertTrue(r.bilans().stream().anyMatch(b -> b.consommateur().equals("indicateurs-orientations") && b.appliques() >= 300),
                "the run's orientations were applied and counted: " + texte);
    }
}
