package fr.actionsociale.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SchemasEvenements;
import fr.actionsociale.commons.test.SondeKafka;
import fr.actionsociale.referral.Referentiel;
import fr.actionsociale.referral.service.SaisineService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(Jetons.class)
class SuiviEtPartenairesTest {

    static final String CDAS = ParcoursTest.CDAS;
    static final LocalDate AUJOURDHUI = ParcoursTest.AUJOURDHUI;

    @Test
    void unDroitFermeSansRenouvellementEstUneRuptureChezLaStructureQuiSuitLaPersonne() {
        String ben = Referentiel.beneficiaire(CDAS);
        String orientation = ParcoursTest.orienter(CDAS, ben, "caf-35", "\"AIDE_LOGEMENT\"");
        ParcoursTest.post(Jetons.entete("agent", "caf-35"), "/orientations/" + orientation + "/acceptation",
                "{\"referent\":\"Conseillère logement\",\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(200);
        ParcoursTest.post(ParcoursTest.CAF_PARTENAIRE, "/droits/signalements", "{\"beneficiaire\":\"%s\",\"droit\":\"AIDE_LOGEMENT\",\"etat\":\"OUVERT\",\"date\":\"%s\"}"
                .formatted(ben, AUJOURDHUI.minusDays(30))).statusCode(201);
        try (SondeKafka sonde = SondeKafka.aLaFinDe("rupture-detectee")) {
            ParcoursTest.post(ParcoursTest.CAF_PARTENAIRE, "/droits/signalements",
                    "{\"beneficiaire\":\"%s\",\"droit\":\"AIDE_LOGEMENT\",\"etat\":\"SUSPENDU\",\"date\":\"%s\"}".formatted(ben, AUJOURDHUI.minusDays(1)))
                    .statusCode(201);
            String e = sonde.attendre(r -> ben.equals(r.key()), 1, Duration.ofSeconds(15)).get(0).value();
            assertEquals(Set.of(), SchemasEvenements.violations("rupture-detectee", e));
            ParcoursTest.sansDonneePersonnelle(e);
        }
        // the CAF follows the person (accepted orientation): the break lands in its worklist, not in the CDAS's
        given().header("Authorization", Jetons.entete("agent", "caf-35")).queryParam("structure", "caf-35").queryParam("taille", 500).get("/suivi/ruptures").then()
                .statusCode(200).body("elements.beneficiaire", hasItem(ben)).body("elements.find { it.beneficiaire == '%s' }.droit".formatted(ben), equalTo("AIDE_LOGEMENT"));
        given().header("Authorization", CDAS).queryParam("structure", "cdas-pays-de-redon").queryParam("taille", 500).get("/suivi/ruptures").then()
                .body("elements.beneficiaire", not(hasItem(ben)));
        // the suspension lifted: the break is over
        ParcoursTest.post(ParcoursTest.CAF_PARTENAIRE, "/droits/signalements",
                "{\"beneficiaire\":\"%s\",\"droit\":\"AIDE_LOGEMENT\",\"etat\":\"OUVERT\",\"date\":\"%s\"}".formatted(ben, AUJOURDHUI)).statusCode(201);
        given().header("Authorization", Jetons.entete("agent", "caf-35")).queryParam("structure", "caf-35").queryParam("taille", 500).get("/suivi/ruptures").then()
                .body("elements.beneficiaire", not(hasItem(ben)));
    }

    @Test
    void uneRuptureTraiteeQuitteLaListeDeLaStructureEtNeSeTraiteQuUneFois() {
        String caf = Jetons.entete("agent", "caf-35");
        String ben = Referentiel.beneficiaire(CDAS);
        String orientation = ParcoursTest.orienter(CDAS, ben, "caf-35", "\"AIDE_LOGEMENT\"");
        ParcoursTest.post(caf, "/orientations/" + orientation + "/acceptation",
                "{\"referent\":\"Conseillère logement\",\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(200);
        ParcoursTest.post(ParcoursTest.CAF_PARTENAIRE, "/droits/signalements", "{\"beneficiaire\":\"%s\",\"droit\":\"AIDE_LOGEMENT\",\"etat\":\"OUVERT\",\"date\":\"%s\"}"
                .formatted(ben, AUJOURDHUI.minusDays(30))).statusCode(201);
        ParcoursTest.post(ParcoursTest.CAF_PARTENAIRE, "/droits/signalements", "{\"beneficiaire\":\"%s\",\"droit\":\"AIDE_LOGEMENT\",\"etat\":\"FERME\",\"date\":\"%s\"}"
                .formatted(ben, AUJOURDHUI.minusDays(1))).statusCode(201);
        String rupture = given().header("Authorization", caf).queryParam("structure", "caf-35").queryParam("taille", 500).get("/suivi/ruptures").then().statusCode(200)
                .extract().path("elements.find { it.beneficiaire == '%s' }.id".formatted(ben));
        // dealt with on a day that happened: not tomorrow, not before the break (closed yesterday)
        ParcoursTest.post(caf, "/suivi/ruptures/" + rupture + "/traitee", "{\"date\":\"%s\"}".formatted(AUJOURDHUI.plusDays(1))).statusCode(400)
                .body("erreurs[0].champ", org.hamcrest.Matchers.equalTo("date"));
        ParcoursTest.post(caf, "/suivi/ruptures/" + rupture + "/traitee", "{\"date\":\"%s\"}".formatted(AUJOURDHUI.minusDays(2))).statusCode(400)
                .body("erreurs[0].raison", org.hamcrest.Matchers.containsString(AUJOURDHUI.minusDays(1).toString()));
        // nothing to say back: 204, as the document says
        ParcoursTest.post(caf, "/suivi/ruptures/" + rupture + "/traitee", "{\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(204);
        given().header("Authorization", caf).queryParam("structure", "caf-35").queryParam("taille", 500).get("/suivi/ruptures").then().body("elements.beneficiaire", not(hasItem(ben)));
        ParcoursTest.post(caf, "/suivi/ruptures/" + rupture + "/traitee", "{\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(404);
    }

    @Test
    void uneSituationBloqueeEstAdresseeAuContactPrivilegieAvecUneDateDeReponse() {
        String ben = Referentiel.beneficiaire(CDAS);
        String id = ParcoursTest.post(CDAS, "/saisines", "{\"beneficiaire\":\"%s\",\"institution\":\"msa-porte-de-bretagne\",\"objet\":\"Dossier bloqué\",\"urgente\":true}"
                .formatted(ben)).statusCode(201).body("contact", equalTo("Contact privilégié msa-porte-de-bretagne"))
                .body("reponseDueLe", equalTo(SaisineService.echeance(AUJOURDHUI, true).toString())).body("etat", equalTo("EN_ATTENTE"))
                .extract().path("id");
        // only the institution addressed answers, once
        ParcoursTest.post(Jetons.entete("partenaire", "cpam-35"), "/saisines/" + id + "/reponse", "{\"reponse\":\"x\",\"date\":\"%s\"}".formatted(AUJOURDHUI))
                .statusCode(404);
        ParcoursTest.post(Jetons.entete("partenaire", "msa-porte-de-bretagne"), "/saisines/" + id + "/reponse",
                "{\"reponse\":\"Droits rétablis\",\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(200).body("etat", equalTo("REPONDUE"));
        ParcoursTest.post(Jetons.entete("partenaire", "msa-porte-de-bretagne"), "/saisines/" + id + "/reponse",
                "{\"reponse\":\"encore\",\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(409);
        given().header("Authorization", CDAS).queryParam("institution", "cdas-pays-de-redon").get("/saisines").then().body("id", hasItem(id));
        given().header("Authorization", CDAS).queryParam("institution", "msa-porte-de-bretagne").get("/saisines").then().statusCode(404);
        ParcoursTest.post(CDAS, "/saisines", "{\"beneficiaire\":\"%s\",\"institution\":\"inconnue-1\",\"objet\":\"x\"}".formatted(ben)).statusCode(400)
                .body("erreurs[0].champ", equalTo("institution"));
    }

    @Test
    void uneSaisineUrgenteAttendDeuxJoursOuvres() {
        LocalDate vendredi = LocalDate.of(2026, 11, 20);
        assertEquals(DayOfWeek.FRIDAY, vendredi.getDayOfWeek());
        assertEquals(LocalDate.of(2026, 11, 24), SaisineService.echeance(vendredi, true));
        assertEquals(LocalDate.of(2026, 11, 30), SaisineService.echeance(vendredi, false));
    }

    @Test
    void uneCampagneDAllerVersCompteSesContactsParCanalEtParIssue() {
        String ben = Referentiel.beneficiaire(CDAS);
        String campagne = ParcoursTest.post(CDAS, "/campagnes", "{\"nom\":\"Porte-à-porte Bellevue\",\"communes\":[\"35236\"],\"debut\":\"%s\",\"fin\":\"%s\"}"
                .formatted(AUJOURDHUI.minusDays(7), AUJOURDHUI.plusDays(30))).statusCode(201).extract().path("id");
        try (SondeKafka sonde = SondeKafka.aLaFinDe("beneficiaire-contacte")) {
            ParcoursTest.post(CDAS, "/campagnes/" + campagne + "/contacts", "{\"commune\":\"35236\",\"canal\":\"PORTE_A_PORTE\",\"issue\":\"ABSENT\",\"date\":\"%s\"}"
                    .formatted(AUJOURDHUI)).statusCode(200);
            ParcoursTest.post(CDAS, "/campagnes/" + campagne + "/contacts", "{\"beneficiaire\":\"%s\",\"commune\":\"35236\",\"canal\":\"PORTE_A_PORTE\","
                    .formatted(ben) + "\"issue\":\"RDV_PRIS\",\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(200)
                    .body("contacts", equalTo(2)).body("parCanal.PORTE_A_PORTE", equalTo(2)).body("parIssue.RDV_PRIS", equalTo(1));
            String e = sonde.attendre(r -> campagne.equals(r.key()) && r.value().contains(ben), 1, Duration.ofSeconds(15)).get(0).value();
            assertEquals(Set.of(), SchemasEvenements.violations("beneficiaire-contacte", e));
            ParcoursTest.sansDonneePersonnelle(e);
        }
        ParcoursTest.post(CDAS, "/campagnes/" + campagne + "/contacts", "{\"commune\":\"35220\",\"canal\":\"TELEPHONE\",\"issue\":\"INFORME\",\"date\":\"%s\"}"
                .formatted(AUJOURDHUI)).statusCode(400).body("erreurs[0].champ", equalTo("commune"));
        ParcoursTest.post(CDAS, "/campagnes/" + campagne + "/contacts", "{\"commune\":\"35236\",\"canal\":\"PIGEON\",\"issue\":\"INFORME\",\"date\":\"%s\"}"
                .formatted(AUJOURDHUI)).statusCode(400).body("erreurs[0].champ", equalTo("canal"));
    }

    @Test
    void unCoordinateurVoitLesIndicateursDeSonTerritoireSansAucuneIdentite() {
        String ben = Referentiel.beneficiaire(CDAS, "35220");
        ParcoursTest.post(ParcoursTest.CAF_PARTENAIRE, "/droits/signalements", "{\"beneficiaire\":\"%s\",\"droit\":\"RSA\",\"etat\":\"OUVERT\",\"date\":\"%s\"}"
                .formatted(ben, AUJOURDHUI.minusDays(3))).statusCode(201);
        ParcoursTest.orienter(CDAS, ben, "cdas-pays-de-redon", "\"RSA\"");
        String corps = given().header("Authorization", Jetons.entete("coordinateur", "departement-35")).queryParam("communes", "35220")
                .queryParam("debut", AUJOURDHUI.minusDays(3).toString()).queryParam("fin", AUJOURDHUI.toString()).get("/indicateurs").then()
                .statusCode(200).body("nouveauxEntrants", org.hamcrest.Matchers.greaterThanOrEqualTo(1))
                .body("nouveauxEntrantsOrientesEnUnMoisEtMoins", org.hamcrest.Matchers.greaterThanOrEqualTo(1)).extract().asString();
        assertFalse(corps.contains(ben) || corps.contains("Exemple"), "des comptes, jamais une personne");
        given().header("Authorization", Jetons.entete("coordinateur", "departement-35")).queryParam("debut", "2026-02-30").queryParam("fin", "2026-03-01")
                .get("/indicateurs").then().statusCode(400).body("erreurs[0].champ", equalTo("debut"));
        given().header("Authorization", CDAS).queryParam("debut", "2026-01-01").queryParam("fin", "2026-03-01").get("/indicateurs").then().statusCode(403);
        try (SondeKafka sonde = SondeKafka.aLaFinDe("indicateurs-parcours")) {
            given().header("Authorization", Referentiel.ADMIN).queryParam("mois", AUJOURDHUI.toString().substring(0, 7)).post("/indicateurs/publication")
                    .then().statusCode(200);
            String e = sonde.attendre(r -> r.key().startsWith("35220/"), 1, Duration.ofSeconds(15)).get(0).value();
            assertEquals(Set.of(), SchemasEvenements.violations("indicateurs-parcours", e));
        }
    }

    @Test
    void apresUneReorientationLaStructurePrecedenteResteInformeePendantLaPassation() {
        String ben = Referentiel.beneficiaire(CDAS);
        ParcoursTest.post(CDAS, "/beneficiaires/" + ben + "/consentement", "{\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(200);
        ParcoursTest.orienter(CDAS, ben, "caf-35", "\"RSA\"");
        ParcoursTest.orienter(CDAS, ben, "france-travail-35", "\"RSA\"");
        given().header("Authorization", Jetons.entete("agent", "caf-35")).get("/beneficiaires/" + ben).then().statusCode(200)
                .body("orientations.statut", equalTo(java.util.List.of("CLOTUREE", "PROPOSEE")));
        given().header("Authorization", Jetons.entete("agent", "france-travail-35")).get("/beneficiaires/" + ben).then().statusCode(200);
        given().header("Authorization", Jetons.entete("agent", "cpam-35")).get("/beneficiaires/" + ben).then().statusCode(404)
                .body("detail", containsString("introuvable"));
    }

    @Test
    void chaqueEntreeDuJournalEstDateeEtLInscriptionDuJourOuElleAEteEnregistree() {
        String ben = Referentiel.beneficiaire(CDAS);
        ParcoursTest.post(CDAS, "/beneficiaires/" + ben + "/consentement", "{\"date\":\"%s\",\"portee\":[\"caf-35\"]}".formatted(AUJOURDHUI))
                .statusCode(200);
        ParcoursTest.post(CDAS, "/beneficiaires/" + ben + "/rdv-des-droits", """
                {"date":"%s","droitsExamines":["RSA","C2S"],"droitsPotentiels":["RSA","C2S"]}""".formatted(AUJOURDHUI.minusDays(6))).statusCode(201);
        String c2s = given().header("Authorization", CDAS).get("/beneficiaires/" + ben).then().extract().path("droits.find { it.droit == 'C2S' }.id");
        ParcoursTest.post(CDAS, "/droits/" + c2s + "/etat", "{\"etat\":\"ABANDONNE\",\"date\":\"%s\"}".formatted(AUJOURDHUI.minusDays(5))).statusCode(200);
        String orientation = ParcoursTest.orienter(CDAS, ben, "caf-35", "\"RSA\"");
        ParcoursTest.post(Jetons.entete("agent", "caf-35"), "/orientations/" + orientation + "/acceptation",
                "{\"referent\":\"Conseillère RSA\",\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(200);
        ParcoursTest.post(ParcoursTest.CAF_PARTENAIRE, "/droits/signalements", "{\"beneficiaire\":\"%s\",\"droit\":\"RSA\",\"etat\":\"OUVERT\",\"date\":\"%s\"}"
                .formatted(ben, AUJOURDHUI.minusDays(2))).statusCode(201);
        ParcoursTest.post(ParcoursTest.CAF_PARTENAIRE, "/droits/signalements", "{\"beneficiaire\":\"%s\",\"droit\":\"RSA\",\"etat\":\"FERME\",\"date\":\"%s\"}"
                .formatted(ben, AUJOURDHUI)).statusCode(201);
        String saisine = ParcoursTest.post(CDAS, "/saisines", "{\"beneficiaire\":\"%s\",\"institution\":\"msa-porte-de-bretagne\",\"objet\":\"Dossier bloqué\"}"
                .formatted(ben)).statusCode(201).extract().path("id");
        ParcoursTest.post(Jetons.entete("partenaire", "msa-porte-de-bretagne"), "/saisines/" + saisine + "/reponse",
                "{\"reponse\":\"Vu\",\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(200);
        ParcoursTest.post(CDAS, "/beneficiaires/" + ben + "/consentement/retrait", "{\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(200);

        List<Map<String, String>> journal = given().header("Authorization", CDAS).get("/beneficiaires/" + ben + "/journal").then().statusCode(200)
                .extract().jsonPath().getList("");
        List<String> attendues = List.of("Inscription", "Consentement au partage", "Retrait du consentement", "RSA identifié (RDV_DES_DROITS)",
                "C2S identifié (RDV_DES_DROITS)", "C2S abandonné", "RSA demandé", "RSA ouvert", "RSA fermé ou suspendu",
                "Orientée vers caf-35 par cdas-pays-de-redon", "Orientation acceptée par caf-35 (référent unique)",
                "Orientation, dans le mois de l'ouverture du droit : faite",
                "Situation signalée au contact privilégié de msa-porte-de-bretagne par cdas-pays-de-redon", "Réponse de msa-porte-de-bretagne");
        for (String quoi : attendues) {
            assertTrue(journal.stream().anyMatch(e -> e.get("quoi").startsWith(quoi)), quoi + " dans " + journal);
        }
        for (Map<String, String> e : journal) {
            assertNotNull(e.get("date"), "une date pour " + e);
        }
        assertEquals(AUJOURDHUI.toString(), journal.stream().filter(e -> e.get("quoi").equals("Inscription")).findFirst().orElseThrow().get("date"));
    }

    @Test
    void leJournalNeMontreAChaqueStructureQueCeQueLeConsentementPermet() {
        String ben = Referentiel.beneficiaire(CDAS);
        ParcoursTest.post(CDAS, "/beneficiaires/" + ben + "/consentement", "{\"date\":\"%s\",\"portee\":[\"caf-35\"]}".formatted(AUJOURDHUI)).statusCode(200);
        ParcoursTest.orienter(CDAS, ben, "caf-35", "\"RSA\"");
        ParcoursTest.orienter(CDAS, ben, "cpam-35", "\"C2S\"");
        given().header("Authorization", CDAS).get("/beneficiaires/" + ben + "/journal").then().statusCode(200)
                .body("quoi", hasItem("Orientée vers cpam-35 par cdas-pays-de-redon")).body("quoi", hasItem("Orientée vers caf-35 par cdas-pays-de-redon"));
        String caf = given().header("Authorization", Jetons.entete("agent", "caf-35")).get("/beneficiaires/" + ben + "/journal").then().statusCode(200)
                .body("quoi", hasItem("Orientée vers caf-35 par cdas-pays-de-redon"))
                .body("quoi", not(hasItem("Orientée vers cpam-35 par cdas-pays-de-redon"))).extract().asString();
        assertFalse(caf.contains("RDV des droits de Camille"), "no free text in the journal");
        // consent to share with all: the CAF now sees the whole path; an institution the person was never oriented to sees nothing
        ParcoursTest.post(CDAS, "/beneficiaires/" + ben + "/consentement", "{\"date\":\"%s\"}".formatted(AUJOURDHUI)).statusCode(200);
        given().header("Authorization", Jetons.entete("agent", "caf-35")).get("/beneficiaires/" + ben + "/journal").then()
                .body("quoi", hasItem("Orientée vers cpam-35 par cdas-pays-de-redon"));
        given().header("Authorization", Jetons.entete("agent", "msa-porte-de-bretagne")).get("/beneficiaires/" + ben + "/journal").then().statusCode(404);
    }
}
