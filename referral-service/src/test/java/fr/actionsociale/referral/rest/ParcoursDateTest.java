package fr.actionsociale.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SondeKafka;
import fr.actionsociale.referral.Referentiel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Issue 15: every step of a path keeps the day it happened, even when recorded weeks later, and the clocks, the worklist, the
 * person's steps and seed 003's indicators all follow those days and agree with each other.
 */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class ParcoursDateTest {

    static final String CDAS = Jetons.entete("agent", "cdas-pays-de-redon");
    static final String CAF_AGENT = Jetons.entete("agent", "caf-35");
    static final String CAF_PARTENAIRE = Jetons.entete("partenaire", "caf-35");
    static final String COORDINATEUR = Jetons.entete("coordinateur", "departement-35");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalDate T = LocalDate.now(PARIS);

    private static String personne(String commune, LocalDate rsaOuvertLe) {
        String ben = Referentiel.beneficiaire(CDAS, commune);
        ParcoursTest.post(CAF_PARTENAIRE, "/droits/signalements", "{\"beneficiaire\":\"%s\",\"droit\":\"RSA\",\"etat\":\"OUVERT\",\"date\":\"%s\"}"
                .formatted(ben, rsaOuvertLe)).statusCode(201);
        return ben;
    }

    private static String orienter(String ben, String commune, LocalDate le) {
        return ParcoursTest.post(CDAS, "/orientations", """
                {"beneficiaire":"%s","structure":"caf-35","commune":"%s","motif":"RSA","droitsVises":["RSA"],"date":"%s"}"""
                .formatted(ben, commune, le)).statusCode(201).body("date", equalTo(le.toString())).extract().path("id");
    }

    private static JsonPath dossier(String ben) {
        return given().header("Authorization", CDAS).header("X-Motif-Acces", "suivi du parcours").get("/beneficiaires/" + ben).then()
                .statusCode(200).extract().jsonPath();
    }

    private static String etape(JsonPath d, String type, String champ) {
        return d.getString("parcoursRsa.find { it.type == '%s' }.%s".formatted(type, champ));
    }

    @Test
    void desEtapesSaisiesEnRetardGardentLeurDateEtLaListeLesEtapesEtLesIndicateursConcordent() throws Exception {
        String commune = "9%04d".formatted(new Random().nextInt(10000)).substring(0, 5);
        LocalDate dA = T.minusDays(150);
        LocalDate dB = T.minusDays(100);
        // A: RSA opened on D, oriented on D+35 (late), first appointment on D+45, first CER on D+110 (late), all recorded today
        String a = personne(commune, dA);
        // an orientation cannot be dated in the future, nor before the RSA opening it follows (both dates named)
        ParcoursTest.post(CDAS, "/orientations", """
                {"beneficiaire":"%s","structure":"caf-35","commune":"%s","motif":"RSA","droitsVises":["RSA"],"date":"%s"}"""
                .formatted(a, commune, T.plusDays(1))).statusCode(400).body("erreurs[0].champ", equalTo("date"));
        ParcoursTest.post(CDAS, "/orientations", """
                {"beneficiaire":"%s","structure":"caf-35","commune":"%s","motif":"RSA","droitsVises":["RSA"],"date":"%s"}"""
                .formatted(a, commune, dA.minusDays(1))).statusCode(400).body("erreurs[0].champ", equalTo("date"))
                .body("erreurs[0].raison", containsString(dA.minusDays(1).toString())).body("erreurs[0].raison", containsString(dA.toString()));
        String oa;
        try (SondeKafka faites = SondeKafka.aLaFinDe("orientation-faite")) {
            oa = orienter(a, commune, dA.plusDays(35));
            String e = faites.attendre(r -> oa.equals(r.key()), 1, Duration.ofSeconds(15)).get(0).value();
            // budget-service and conventions-service count it in the month it happened
            String quand = JsonPath.from(e).getString("dateOrientation");
            assertEquals(dA.plusDays(35), LocalDate.ofInstant(Instant.parse(quand), PARIS));
        }
        ParcoursTest.post(CAF_AGENT, "/orientations/" + oa + "/acceptation", "{\"referent\":\"Conseillère RSA\",\"date\":\"%s\"}"
                .formatted(dA.plusDays(30))).statusCode(400).body("erreurs[0].raison", containsString(dA.plusDays(35).toString()));
        ParcoursTest.post(CAF_AGENT, "/orientations/" + oa + "/acceptation", "{\"referent\":\"Conseillère RSA\",\"date\":\"%s\"}"
                .formatted(dA.plusDays(40))).statusCode(200);
        ParcoursTest.post(CAF_AGENT, "/orientations/" + oa + "/demarrage", "{\"date\":\"%s\"}".formatted(dA.plusDays(45))).statusCode(200);
        String cer = etape(dossier(a), "PREMIER_CER", "id");
        ParcoursTest.post(CAF_AGENT, "/suivi/etapes/" + cer + "/faite", "{\"date\":\"%s\"}".formatted(dA.plusDays(110))).statusCode(200);
        // B: RSA opened on D2, oriented on D2+10 (in time), nothing since; C: RSA opened on D, never oriented
        String b = personne(commune, dB);
        orienter(b, commune, dB.plusDays(10));
        String c = personne(commune, dA);

        // the person's steps: each clock runs from the day the step it follows happened, and a step done late stays late
        JsonPath da = dossier(a);
        assertEquals(dA.plusDays(35).toString(), etape(da, "ORIENTATION", "faiteLe"));
        assertEquals("false", etape(da, "ORIENTATION", "faiteDansLeDelai"));
        assertEquals(ChronoUnit.DAYS.between(dA.plusMonths(1), dA.plusDays(35)), Long.parseLong(etape(da, "ORIENTATION", "joursDeRetard")));
        assertEquals(dA.plusDays(35).toString(), etape(da, "PREMIER_RDV", "depart"));
        assertEquals(dA.plusDays(35).plusWeeks(2).toString(), etape(da, "PREMIER_RDV", "dateLimite"));
        assertEquals(dA.plusDays(45).toString(), etape(da, "PREMIER_RDV", "faiteLe"));
        assertEquals("true", etape(da, "PREMIER_RDV", "faiteDansLeDelai"));
        assertEquals("10", etape(da, "PREMIER_RDV", "delaiJours"));
        assertEquals("false", etape(da, "PREMIER_CER", "faiteDansLeDelai"));
        assertEquals(ChronoUnit.DAYS.between(dA.plusDays(35).plusMonths(2), dA.plusDays(110)), Long.parseLong(etape(da, "PREMIER_CER", "joursDeRetard")));
        assertEquals("false", etape(da, "PREMIER_CER", "enRetard"));
        JsonPath db = dossier(b);
        assertEquals("true", etape(db, "PREMIER_RDV", "enRetard"));
        assertEquals(ChronoUnit.DAYS.between(dB.plusDays(10).plusWeeks(2), T), Long.parseLong(etape(db, "PREMIER_RDV", "joursDeRetard")));
        JsonPath dc = dossier(c);
        assertEquals("true", etape(dc, "ORIENTATION", "enRetard"));

        // the worklist shows, late, exactly the steps the persons' files show late
        JsonPath liste = given().header("Authorization", CAF_AGENT).queryParam("structure", "caf-35").queryParam("jours", 0).get("/suivi/a-traiter")
                .then().statusCode(200).extract().jsonPath();
        for (var p : Map.of(a, da, b, db).entrySet()) {
            List<String> enRetardDossier = p.getValue().getList("parcoursRsa.findAll { it.enRetard && it.structure == 'caf-35' }.type");
            List<String> enRetardListe = liste.getList("elements.findAll { it.beneficiaire == '%s' && it.enRetard }.etape.type".formatted(p.getKey()));
            assertEquals(enRetardDossier.stream().sorted().toList(), enRetardListe.stream().sorted().toList(), "liste de travail de " + p.getKey());
        }
        assertEquals(List.of(ChronoUnit.DAYS.between(dB.plusDays(10).plusWeeks(2), T)),
                liste.getList("elements.findAll { it.beneficiaire == '%s' && it.etape.type == 'PREMIER_RDV' }.etape.joursDeRetard".formatted(b), Long.class));

        // seed 003's indicators over the entrants of [D-10, D2+10], from the same days
        JsonPath i = given().header("Authorization", COORDINATEUR).queryParam("communes", commune).queryParam("debut", dA.minusDays(10).toString())
                .queryParam("fin", dB.plusDays(10).toString()).get("/indicateurs").then().statusCode(200).extract().jsonPath();
        List<JsonPath> dossiers = List.of(da, db, dc);
        assertEquals(3, i.getLong("nouveauxEntrants"));
        assertEquals(compter(dossiers, "ORIENTATION", true), i.getLong("nouveauxEntrantsOrientesEnUnMoisEtMoins"));
        assertEquals(1, i.getLong("nouveauxEntrantsOrientesEnUnMoisEtMoins"));
        assertEquals(compter(dossiers, "PREMIER_RDV", null), i.getLong("premiersRendezVousFixes"));
        assertEquals(compter(dossiers, "PREMIER_RDV", true), i.getLong("premiersRendezVousFixesEnDeuxSemainesEtMoins"));
        assertEquals(1, i.getLong("premiersContratsEngagementsReciproques"));
        assertEquals(compter(dossiers, "PREMIER_CER", true), i.getLong("premiersContratsDansLesDeuxMois"));
        assertEquals(0, i.getLong("premiersContratsDansLesDeuxMois"));
        // the measures users ask for: the share oriented within 30 days, each step's average delay
        assertEquals(1, i.getLong("nouveauxEntrantsOrientesEnTrenteJours"));
        assertEquals(new BigDecimal("0.3333"), new BigDecimal(i.getString("partOrientesEnTrenteJours")));
        assertEquals(new BigDecimal("22.5"), new BigDecimal(i.getString("delaiMoyenJours.ORIENTATION")));
        assertEquals(new BigDecimal("10.0"), new BigDecimal(i.getString("delaiMoyenJours.PREMIER_RDV")));
        assertEquals(new BigDecimal("75.0"), new BigDecimal(i.getString("delaiMoyenJours.PREMIER_CER")));
        assertNull(i.get("delaiMoyenJours.PREMIERE_INVITATION"));
        // orientations per structure follow the day each orientation happened: none in the last 40 days
        JsonPath recent = given().header("Authorization", COORDINATEUR).queryParam("communes", commune).queryParam("debut", T.minusDays(40).toString())
                .queryParam("fin", T.toString()).get("/indicateurs").then().statusCode(200).extract().jsonPath();
        assertNull(recent.get("orientationsParStructure.'caf-35'"));
    }

    @Test
    void uneEtapeSaisieParErreurSeCorrigeAvecUnMotifEtLesIndicateursSuivent() {
        String commune = "9%04d".formatted(new Random().nextInt(10000)).substring(0, 5);
        LocalDate d = T.minusDays(150);
        String a = personne(commune, d);
        String oa = orienter(a, commune, d.plusDays(20));
        ParcoursTest.post(CAF_AGENT, "/orientations/" + oa + "/acceptation", "{\"referent\":\"R\",\"date\":\"%s\"}".formatted(d.plusDays(21))).statusCode(200);
        ParcoursTest.post(CAF_AGENT, "/orientations/" + oa + "/demarrage", "{\"date\":\"%s\"}".formatted(d.plusDays(25))).statusCode(200);
        JsonPath da = dossier(a);
        String cer = etape(da, "PREMIER_CER", "id");
        String rdv = etape(da, "PREMIER_RDV", "id");
        // the CER was recorded on D+110 (late) by mistake: it was signed on D+60
        ParcoursTest.post(CAF_AGENT, "/suivi/etapes/" + cer + "/faite", "{\"date\":\"%s\"}".formatted(d.plusDays(110))).statusCode(200);
        JsonPath avant = indicateurs(commune, d);
        assertEquals(0, avant.getLong("premiersContratsDansLesDeuxMois"));
        String chemin = "/suivi/etapes/" + cer + "/corrections";
        ParcoursTest.post(CAF_AGENT, chemin, "{\"date\":\"%s\"}".formatted(d.plusDays(60))).statusCode(400).body("erreurs[0].champ", equalTo("motif"));
        // another structure that sees the person does not correct the CAF's step
        ParcoursTest.post(CDAS, chemin, "{\"date\":\"%s\",\"motif\":\"erreur\"}".formatted(d.plusDays(60))).statusCode(403);
        ParcoursTest.post(CAF_AGENT, chemin, "{\"date\":\"%s\",\"motif\":\"erreur\"}".formatted(T.plusDays(1))).statusCode(400)
                .body("erreurs[0].champ", equalTo("date"));
        ParcoursTest.post(CAF_AGENT, chemin, "{\"date\":\"%s\",\"motif\":\"erreur\"}".formatted(d.plusDays(10))).statusCode(400)
                .body("erreurs[0].raison", containsString(d.plusDays(20).toString()));
        // the orientation step follows the orientation's date (an administrator, who may correct any step, is told so)
        ParcoursTest.post(Referentiel.ADMIN, "/suivi/etapes/" + etape(da, "ORIENTATION", "id") + "/corrections", "{\"date\":\"%s\",\"motif\":\"x\"}"
                .formatted(d.plusDays(21))).statusCode(400).body("erreurs[0].raison", containsString("corrigez l'orientation"));
        assertEquals(0, indicateurs(commune, d).getLong("premiersContratsDansLesDeuxMois"), "nothing written by the refusals");
        ParcoursTest.post(CAF_AGENT, chemin, "{\"date\":\"%s\",\"motif\":\"Contrat signé le jour de l'entretien, saisi plus tard\"}"
                .formatted(d.plusDays(60))).statusCode(201).body("etape", equalTo(cer)).body("ancienneValeur", equalTo(d.plusDays(110).toString()))
                .body("nouvelleValeur", equalTo(d.plusDays(60).toString())).body("parInstitution", equalTo("caf-35"));
        assertEquals("true", etape(dossier(a), "PREMIER_CER", "faiteDansLeDelai"));
        assertEquals(1, indicateurs(commune, d).getLong("premiersContratsDansLesDeuxMois"));
        // the first appointment was recorded for the wrong person: undone, it is late again and leaves the indicators
        ParcoursTest.post(CAF_AGENT, "/suivi/etapes/" + rdv + "/corrections", "{\"motif\":\"Rendez-vous d'une autre personne\"}").statusCode(201)
                .body("nouvelleValeur", equalTo(""));
        JsonPath apres = dossier(a);
        assertNull(etape(apres, "PREMIER_RDV", "faiteLe"));
        assertEquals("true", etape(apres, "PREMIER_RDV", "enRetard"));
        assertEquals(0, indicateurs(commune, d).getLong("premiersRendezVousFixes"));
        given().header("Authorization", CAF_AGENT).get(chemin).then().statusCode(200).body("motif", equalTo(List.of("Contrat signé le jour de l'entretien, saisi plus tard")));
    }

    @Test
    void unFaitSansDateEstDateDuJour() {
        String ben = Referentiel.beneficiaire(CDAS);
        ParcoursTest.post(CDAS, "/beneficiaires/" + ben + "/rdv-des-droits", "{\"droitsExamines\":[\"RSA\"],\"droitsPotentiels\":[\"RSA\"]}")
                .statusCode(201).body("[0].identifieLe", equalTo(T.toString()));
        String o = ParcoursTest.post(CDAS, "/orientations", """
                {"beneficiaire":"%s","structure":"caf-35","commune":"35236","motif":"RSA","droitsVises":["RSA"]}""".formatted(ben))
                .statusCode(201).body("date", equalTo(T.toString())).extract().path("id");
        ParcoursTest.post(CAF_AGENT, "/orientations/" + o + "/acceptation", "{\"referent\":\"R\"}").statusCode(200)
                .body("accepteeLe", equalTo(T.toString()));
    }

    private static JsonPath indicateurs(String commune, LocalDate d) {
        return given().header("Authorization", COORDINATEUR).queryParam("communes", commune).queryParam("debut", d.toString())
                .queryParam("fin", d.toString()).get("/indicateurs").then().statusCode(200).extract().jsonPath();
    }

    /** Steps of that type done among the files, in time (true), or done at all (null). */
    private static long compter(List<JsonPath> dossiers, String type, Boolean dansLeDelai) {
        return dossiers.stream().filter(d -> etape(d, type, "faiteLe") != null
                && (dansLeDelai == null || String.valueOf(dansLeDelai).equals(etape(d, type, "faiteDansLeDelai")))).count();
    }
}
