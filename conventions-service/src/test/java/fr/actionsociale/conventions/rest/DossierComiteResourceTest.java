package fr.actionsociale.conventions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The meeting pack of a steering committee on seed 000-like data, through the API and the real database: its figures read back
 * from the PDF and the HTML, exact; the previous meeting; the trend from one meeting to the next; the refusals.
 */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class DossierComiteResourceTest {

    static final String ADMIN = Jetons.entete("admin", "departement-35");

    record Donnees(ConventionResourceTest.Trio t, String convention, String comite) {
        String chemin(String extension) {
            return "/conventions/" + convention + "/gouvernance/" + comite + "/dossier." + extension;
        }
    }

    /**
     * A 2024-2026 funding convention of 100,000.01 € (60 % at the signature of 10 June 2024 plus 15 days, the balance 30 days
     * after the interim report), with a co-financing plan that leaves 99,198.75 € uncovered (seed 000: the State's 396,795 €,
     * 80 % of the budget), a quarterly committee, and two commitments with réalisations on both sides of the meetings.
     */
    static Donnees donnees() {
        ConventionResourceTest.Trio t = ConventionResourceTest.institutions(true);
        String id = ConventionResourceTest.rediger("""
                {"reference":"RAD-%s","objet":"100%% Recours aux droits, phase 1","type":"FINANCEMENT","porteur":"%s",
                 "territoire":["35220","35236"],"dateDebut":"2024-01-01","dateFin":"2026-12-31","montantTotal":100000.01,"preavisMois":2,
                 "budgetPrevisionnel":495993.75,
                 "financements":[{"financeur":"État","institution":"%s","nature":"FINANCIERE","montant":396795.00,"taux":80}],
                 "parties":[{"institution":"%s","role":"PORTEUR"},{"institution":"%s","role":"FINANCEUR"},{"institution":"%s","role":"PARTENAIRE"}],
                 "versements":[{"pourcentage":60,"declencheur":"SIGNATURE","delaiJours":15},
                               {"pourcentage":40,"declencheur":"RAPPORT_INTERMEDIAIRE","delaiJours":30}]}"""
                .formatted(UUID.randomUUID().toString().substring(0, 8), t.a(), t.b(), t.a(), t.b(), t.c())).statusCode(201).extract().path("id");
        given().header("Authorization", ADMIN).post("/conventions/" + id + "/soumission").then().statusCode(200);
        for (String partie : List.of(t.a(), t.b(), t.c())) {
            ConventionResourceTest.signer(id, partie, "admin", "2024-06-10").statusCode(200);
        }
        String comite = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
                {"type":"COMITE_PILOTAGE","nom":"Comité de pilotage","membres":["%s","%s"],"autresMembres":["habitants"],
                 "presidence":"Co-présidé par les élus des parties","reunionsParAn":4}""".formatted(t.a(), t.b()))
                .post("/conventions/" + id + "/gouvernance").then().statusCode(201).extract().path("id");
        for (String date : List.of("2024-03-20", "2024-06-18", "2024-09-17", "2024-12-10", "2025-01-14", "2025-06-10")) {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"date\":\"%s\"}".formatted(date))
                    .post("/conventions/" + id + "/gouvernance/" + comite + "/reunions").then().statusCode(201);
        }
        // half a day every two weeks in each of two communes for 12 months, from July 2024
        String permanences = engagement(id, t.b(), """
                "nature":"PERMANENCE","libelle":"Permanences","quantite":1,"unite":"demi-journée","rythme":"QUINZAINE",
                "multiplicateur":2,"dateDebut":"2024-07-01","dateFin":"2025-06-30\"""");
        // the 6 of 20 April 2025 come after the meeting of 15 April; every réalisation is recorded long after its date
        for (String[] r : new String[][] { { "2024-09-30", "20" }, { "2025-01-10", "4" }, { "2025-04-01", "12" }, { "2025-04-20", "6" } }) {
            realiser(id, permanences, t.b(), r[0], r[1]);
        }
        // half a day a quarter in each of two places
        String tempsForts = engagement(id, t.c(), """
                "nature":"EVENEMENT","libelle":"Temps forts d'ouverture de droits","quantite":1,"unite":"demi-journée","rythme":"TRIMESTRIEL",
                "multiplicateur":2,"dateDebut":"2024-01-01","dateFin":"2026-12-31\"""");
        realiser(id, tempsForts, t.c(), "2024-12-01", "8");
        return new Donnees(t, id, comite);
    }

    static String engagement(String convention, String institution, String champs) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"institution\":\"%s\",\"article\":\"Article 9\",%s}".formatted(institution, champs))
                .post("/conventions/" + convention + "/engagements").then().statusCode(201).extract().path("id");
    }

    static void realiser(String convention, String engagement, String institution, String date, String quantite) {
        given().header("Authorization", Jetons.entete("agent", institution)).contentType(ContentType.JSON)
                .body("{\"date\":\"%s\",\"quantite\":%s}".formatted(date, quantite))
                .post("/conventions/" + convention + "/engagements/" + engagement + "/realisations").then().statusCode(201);
    }

    static String echeance(String convention, String type) {
        return given().header("Authorization", ADMIN).queryParam("convention", convention).get("/echeances").then().statusCode(200)
                .extract().path("find { it.type == '" + type + "' }.id");
    }

    static String textePdf(byte[] pdf, String nom) throws IOException {
        Path dossier = Path.of("target", "dossiers-comite");
        Files.createDirectories(dossier);
        Files.write(dossier.resolve(nom + ".pdf"), pdf);
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    @Test
    void leDossierDuneReunionSeRelitEnPdfEtEnHtmlAvecSesChiffresExacts() throws IOException {
        Donnees d = donnees();
        // the interim report of 2024, due 31 March 2025, is produced on 5 May 2025: after the meeting of 15 April
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"date\":\"2025-05-05\"}")
                .post("/echeances/" + echeance(d.convention(), "RAPPORT_INTERMEDIAIRE") + "/faite").then().statusCode(200);

        byte[] pdf = given().header("Authorization", Jetons.entete("partenaire", d.t().c())).queryParam("reunion", "2025-04-15")
                .get(d.chemin("pdf")).then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        String texte = textePdf(pdf, "dossier-2025-04-15");
        System.out.println(texte);
        for (String attendu : List.of(
                "Dossier de séance : Comité de pilotage",
                "réunion du 15 avril 2025",
                "Date de la réunion : 15 avril 2025",
                "Réunion précédente : 14 janvier 2025",
                "Rythme : 4 réunions par an",
                "Présidence : Co-présidé par les élus des parties",
                d.t().a() + " (" + d.t().a() + ")",
                "habitants",
                // 20 fortnights × 2 expected by 15 April 2025, 36 done by then (the 6 of 20 April left out)
                "Permanences demi-journée 40 36 4",
                // 5 quarters × 2 expected, 8 done
                "Temps forts d'ouverture de droits demi-journée 10 8 2",
                // missed: the interim report, 15 days late on the meeting's day though produced since
                "Rapport intermédiaire 2024 " + d.t().a() + " 31 mars 2025 15",
                "Aucune échéance dans les 60 jours suivant la réunion.",
                "Versement 1 (60 %) " + d.t().b() + " 25 juin 2024 (en retard) 60 000,01 €",
                "Versement 2 (40 %) " + d.t().b() + " à la remise du rapport intermédiaire 40 000,00 €",
                "Total restant dû 100 000,01 €",
                "Réalisé au 14/01/2025", "Réalisé au 15/04/2025",
                "Plan de financement : les parts chiffrées couvrent 396 795,00 € sur 495 993,75 € : 99 198,75 € restent sans contribution chiffrée",
                "Imputation : la convention de financement ne donne pas",
                "budget-service")) {
            assertTrue(texte.replace("\n", " ").replaceAll(" +", " ").contains(attendu), "« " + attendu + " » absent du PDF :\n" + texte);
        }

        String html = given().header("Authorization", Jetons.entete("agent", d.t().c())).queryParam("reunion", "2025-04-15")
                .get(d.chemin("html")).then().statusCode(200).contentType("text/html").extract().asString();
        for (String attendu : List.of("<h1>Dossier de séance : Comité de pilotage</h1>",
                "Réunion précédente : 14 janvier 2025",
                // 24 of 28 at the previous meeting, 36 of 40 now: up; 8 of 8, then 8 of 10: down
                "<td>" + d.t().b() + " : Permanences</td><td>demi-journée</td><td class=\"n\">24</td><td class=\"n\">36</td><td class=\"n\">40</td>"
                        + "<td class=\"n\">90 % (85,7 %)</td><td>en hausse</td>",
                "<td>" + d.t().c() + " : Temps forts d&#39;ouverture de droits</td><td>demi-journée</td><td class=\"n\">8</td><td class=\"n\">8</td>"
                        + "<td class=\"n\">10</td><td class=\"n\">80 % (100 %)</td><td>en baisse</td>",
                "<tr class=\"total\"><td>Total restant dû</td><td></td><td></td><td class=\"n\">100 000,01 €</td></tr>")) {
            assertTrue(html.contains(attendu), "« " + attendu + " » absent du HTML :\n" + html);
        }
    }

    @Test
    void unePremiereReunionNaPasDePrecedenteEtLesEcheancesProchesSontListees() throws IOException {
        Donnees d = donnees();
        String premiere = given().header("Authorization", ADMIN).queryParam("reunion", "2024-03-20").get(d.chemin("html")).then()
                .statusCode(200).extract().asString();
        assertTrue(premiere.contains("Réunion précédente : aucune réunion enregistrée avant celle-ci"), premiere);
        assertTrue(premiere.contains("pas de réunion précédente"), premiere);

        // 5 May 2026: the renegotiation (30 June 2026) is 56 days away; the interim reports of 2024 and 2025 are missed
        String texte = textePdf(given().header("Authorization", ADMIN).queryParam("reunion", "2026-05-05").get(d.chemin("pdf")).then()
                .statusCode(200).extract().asByteArray(), "dossier-2026-05-05").replace("\n", " ").replaceAll(" +", " ");
        assertTrue(texte.contains("Réunion précédente : 10 juin 2025"), texte);
        assertTrue(texte.contains("Renégociation, au moins 6 mois avant l'échéance " + d.t().a() + " 30 juin 2026 56"), texte);
        assertTrue(texte.contains("Rapport intermédiaire 2024 " + d.t().a() + " 31 mars 2025 400"), texte);
        assertTrue(texte.contains("Rapport intermédiaire 2025 " + d.t().a() + " 31 mars 2026 35"), texte);
        // the quarters from July 2025 to March 2026 went by without a meeting
        assertTrue(texte.contains("du 1er juillet 2025 au 30 septembre 2025"), texte);
        assertTrue(texte.contains("du 1er janvier 2026 au 31 mars 2026"), texte);
        assertFalse(texte.contains("du 1er avril 2025 au 30 juin 2025"), texte);
    }

    @Test
    void lesDemandesIncoherentesSontRefuseesEnProblemJson() {
        Donnees d = donnees();
        String autre = ConventionResourceTest.rediger(ConventionResourceTest.convention(ConventionResourceTest.institutions(true),
                "2024-01-01", "2026-12-31", "4000.00")).statusCode(201).extract().path("id");
        String comiteAutre = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"type\":\"COMITE_SUIVI\",\"nom\":\"Comité\",\"membres\":[],\"reunionsParAn\":4}")
                .post("/conventions/" + autre + "/gouvernance").then().statusCode(201).extract().path("id");
        for (String extension : List.of("html", "pdf")) {
            // a body of another convention, an unknown body, an unknown convention
            for (String chemin : List.of("/conventions/" + d.convention() + "/gouvernance/" + comiteAutre + "/dossier." + extension,
                    "/conventions/" + d.convention() + "/gouvernance/" + UUID.randomUUID() + "/dossier." + extension,
                    "/conventions/" + UUID.randomUUID() + "/gouvernance/" + d.comite() + "/dossier." + extension)) {
                given().header("Authorization", ADMIN).queryParam("reunion", "2025-04-15").get(chemin).then().statusCode(404)
                        .contentType("application/problem+json");
            }
            for (String reunion : List.of("2023-12-31", "2027-01-01", "2025-02-30", "15/04/2025", " ")) {
                given().header("Authorization", ADMIN).queryParam("reunion", reunion).get(d.chemin(extension)).then().statusCode(400)
                        .contentType("application/problem+json").body("erreurs[0].champ", equalTo("reunion"));
            }
            given().header("Authorization", ADMIN).get(d.chemin(extension)).then().statusCode(400)
                    .contentType("application/problem+json").body("erreurs[0].champ", equalTo("reunion"));
        }
    }
}
