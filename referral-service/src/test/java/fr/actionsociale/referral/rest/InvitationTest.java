package fr.actionsociale.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.temps.Horloges;
import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SchemasEvenements;
import fr.actionsociale.commons.test.SondeKafka;
import fr.actionsociale.referral.BoiteCourriel;
import fr.actionsociale.referral.HorlogeReglable;
import fr.actionsociale.referral.Referentiel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Seed 002 art. 1, the first invitation within 15 days of the RSA opening, against the real database, broker and SMTP server
 * (GreenMail, started by deploy/local/suite): what the person receives is read back from the server, the day's letters from the
 * PDF the structure prints, the events from the topic.
 */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class InvitationTest {

    static final String STRUCTURE = "ccas-invitations";
    static final String NOM_STRUCTURE = "CCAS de Pipriac - accueil RSA";
    static final String AGENT = Jetons.entete("agent", STRUCTURE);
    static final String AUTRE_AGENT = Jetons.entete("agent", "ccas-redon");
    static final String CAF = Jetons.entete("partenaire", "caf-35");
    static final Duration DELAI = Duration.ofSeconds(20);
    static final SecureRandom HASARD = new SecureRandom();
    /** A NIR's shape (15 digits) or a CAF number's (7 to 13): none may be in what the person receives. */
    static final Pattern NUMERO = Pattern.compile("\\d{7,}");

    @Inject
    HorlogeReglable horloge;

    static LocalDate aujourdHui() {
        return LocalDate.now(Horloges.PARIS);
    }

    static void structure() {
        Referentiel.structures();
        int statut = given().header("Authorization", Referentiel.ADMIN).contentType(ContentType.JSON).body("""
                {"code":"%s","nom":"%s","type":"CCAS","contactPrivilegie":"Accueil du CCAS",
                 "adresse":{"voie":"3 place de la Mairie","codePostal":"35550","localite":"Pipriac"},
                 "priseRendezVous":"Appelez le 02 99 34 00 00, du lundi au vendredi de 9 h à 12 h"}""".formatted(STRUCTURE, NOM_STRUCTURE))
                .post("/structures").then().extract().statusCode();
        assertTrue(statut == 201 || statut == 409, "structure " + STRUCTURE + " : " + statut);
    }

    /** A person of the structure, fictitious; what each test needs of their channels. */
    record Personne(String reference, String courriel, String allocataire) {
    }

    static Personne personne(boolean adresse, boolean courriel, boolean consentAuCourriel) {
        structure();
        String suffixe = HexFormat.of().formatHex(new byte[] { (byte) HASARD.nextInt(), (byte) HASARD.nextInt(), (byte) HASARD.nextInt() });
        String adresseCourriel = "camille.exemple." + suffixe + "@exemple.fr";
        String allocataire = String.valueOf(1_000_000_000L + Math.abs(HASARD.nextLong() % 8_999_999_999L));
        String ben = post(AGENT, "/beneficiaires", """
                {"nom":"Exemple","prenom":"Camille","dateNaissance":"1985-04-12","commune":"35236","numeroAllocataire":"%s"%s%s}"""
                .formatted(allocataire, adresse ? ",\"adressePostale\":{\"voie\":\"12 rue des Lilas\",\"complement\":\"Bâtiment B\","
                        + "\"codePostal\":\"35550\",\"localite\":\"Pipriac\"}" : "",
                        courriel ? ",\"courriel\":\"" + adresseCourriel + "\"" : ""))
                .statusCode(201).extract().path("reference");
        if (consentAuCourriel) {
            post(AGENT, "/beneficiaires/" + ben + "/consentements-canaux", "{\"canal\":\"COURRIEL\",\"date\":\"%s\"}".formatted(aujourdHui().minusDays(5)))
                    .statusCode(200).body("consentementsCanaux.find { it.canal == 'COURRIEL' }.donneLe", equalTo(aujourdHui().minusDays(5).toString()));
        }
        return new Personne(ben, courriel ? adresseCourriel : null, allocataire);
    }

    /** RDV des droits, request, then the CAF reports the opening: the RSA clocks start. */
    static void ouvrirRsa(String ben) {
        String rsa = post(AGENT, "/beneficiaires/" + ben + "/rdv-des-droits", """
                {"date":"%s","droitsExamines":["RSA"],"droitsPotentiels":["RSA"]}""".formatted(aujourdHui().minusDays(3)))
                .statusCode(201).extract().path("[0].id");
        post(AGENT, "/droits/" + rsa + "/etat", "{\"etat\":\"DEMANDE\",\"date\":\"%s\"}".formatted(aujourdHui().minusDays(2))).statusCode(200);
        post(CAF, "/droits/signalements", "{\"beneficiaire\":\"%s\",\"droit\":\"RSA\",\"etat\":\"OUVERT\",\"date\":\"%s\"}"
                .formatted(ben, aujourdHui().minusDays(1))).statusCode(201);
    }

    static ValidatableResponse post(String jeton, String chemin, String corps) {
        return given().header("Authorization", jeton).contentType(ContentType.JSON).body(corps).post(chemin).then();
    }

    static JsonPath dossier(String ben) {
        return given().header("Authorization", AGENT).header("X-Motif-Acces", "suivi de l'invitation").get("/beneficiaires/" + ben).then()
                .statusCode(200).extract().jsonPath();
    }

    static JsonPath invitation(String reference) {
        return given().header("Authorization", AGENT).get("/invitations/" + reference).then().statusCode(200).extract().jsonPath();
    }

    /** The day's batch, read back with PDFBox (not the library that wrote it); one with letters is kept in target/, its last page as an image. */
    static String lot(String jeton, LocalDate jour) {
        byte[] pdf = given().header("Authorization", jeton).get("/structures/" + STRUCTURE + "/courriers?date=" + jour).then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (doc.getNumberOfPages() > 1) {
                Files.write(Path.of("target", "courriers-invitation.pdf"), pdf);
                ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(doc.getNumberOfPages() - 1, 72), "png", Path.of("target", "courrier-invitation.png").toFile());
            }
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new AssertionError("PDF illisible", e);
        }
    }

    static void sansDonneePersonnelle(String texte, Personne p) {
        for (String interdit : List.of("Exemple", "EXEMPLE", "Camille", "Lilas", "35550", "Pipriac", "1985-04-12", p.allocataire(), p.reference(),
                p.courriel() == null ? "@exemple.fr" : p.courriel(), "@")) {
            assertFalse(texte.contains(interdit), "« " + interdit + " » dans " + texte);
        }
    }

    @Test
    void lInvitationPartLeJourMemeParCourrielEtDansLeLotDeCourriersDuJour() {
        Personne p = personne(true, true, true);
        String inv;
        try (SondeKafka sonde = SondeKafka.aLaFinDe("invitation-envoyee")) {
            ouvrirRsa(p.reference());
            JsonPath d = dossier(p.reference());
            inv = d.getString("invitations[0].reference");
            assertTrue(inv.matches("^inv-[0-9a-f]{12}$"), inv);
            assertEquals(aujourdHui().toString(), d.getString("invitations[0].envoyeeLe"));
            assertEquals(List.of("COURRIEL", "COURRIER"), d.getList("invitations[0].canaux"));
            assertEquals(STRUCTURE, d.getString("invitations[0].structure"));
            // sending it is the step done, on the sending date (the right opened the day before)
            assertEquals(aujourdHui().toString(), d.getString("parcoursRsa.find { it.type == 'PREMIERE_INVITATION' }.faiteLe"));
            assertEquals(aujourdHui().minusDays(1).toString(), d.getString("parcoursRsa.find { it.type == 'PREMIERE_INVITATION' }.depart"));

            // the e-mail, as the SMTP server received it
            List<BoiteCourriel.Message> recus = BoiteCourriel.attendre(p.courriel(), 1, DELAI);
            assertEquals(1, recus.size(), "un courriel reçu par " + p.courriel());
            BoiteCourriel.Message m = recus.get(0);
            assertEquals("Votre premier rendez-vous d'accompagnement - " + NOM_STRUCTURE, m.sujet());
            assertEquals(List.of(p.courriel()), m.destinataires());
            assertTrue(m.corps().contains(inv), "la référence de l'invitation dans " + m.corps());
            assertTrue(m.corps().contains("Appelez le 02 99 34 00 00"), "comment prendre rendez-vous : " + m.corps());
            assertTrue(m.corps().contains("3 place de la Mairie"), "l'adresse de la structure : " + m.corps());
            // the opaque reference's random hex digits can run to 7 figures: it is asserted above, then left out of this search
            assertFalse(NUMERO.matcher(m.corps().replace("02 99 34 00 00", "").replaceAll("inv-[0-9a-f]{12}", "")).find(),
                    "ni NIR ni numéro d'allocataire : " + m.corps());
            assertFalse(m.brut().contains(p.allocataire()) || m.brut().contains("1985") || m.brut().contains(p.reference()), m.brut());

            // the letter, in the structure's one PDF of the day
            String lettres = lot(AGENT, aujourdHui());
            assertTrue(lettres.contains(NOM_STRUCTURE) && lettres.contains(inv), lettres);
            assertTrue(lettres.contains("Camille EXEMPLE") && lettres.contains("12 rue des Lilas") && lettres.contains("35550 PIPRIAC"), lettres);
            assertTrue(lettres.contains("3 place de la Mairie") && lettres.contains("Appelez le 02 99 34 00 00"), lettres);
            assertFalse(lettres.contains(p.allocataire()) || lettres.contains("1985") || lettres.contains(p.reference()), lettres);

            // one event per channel: the invitation's reference, the date and the channel, nothing about the person
            List<ConsumerRecord<String, String>> evenements = sonde.attendre(r -> inv.equals(r.key()), 2, DELAI);
            assertEquals(2, evenements.size());
            assertEquals(Set.of("COURRIER", "COURRIEL"), evenements.stream().map(r -> JsonPath.from(r.value()).getString("canal")).collect(Collectors.toSet()));
            for (ConsumerRecord<String, String> r : evenements) {
                assertEquals(Set.of(), SchemasEvenements.violations("invitation-envoyee", r.value()));
                assertEquals(Set.of("invitation", "date", "canal"), JsonPath.from(r.value()).getMap("").keySet());
                assertEquals(aujourdHui().toString(), JsonPath.from(r.value()).getString("date"));
                assertEquals(inv, SondeKafka.entete(r, "ce_subject"));
                sansDonneePersonnelle(r.value(), p);
            }
        }
        Awaitility.await().atMost(DELAI).untilAsserted(() -> assertEquals(List.of("ENVOYE", "ENVOYE"), invitation(inv).getList("envois.statut")));
        // printing the letters read the person's address: logged
        given().header("Authorization", AGENT).get("/beneficiaires/" + p.reference() + "/acces").then().statusCode(200)
                .body("motif", hasItem("lot de courriers d'invitation du " + aujourdHui()));
        // another structure prints its own letters only; a day needs its date
        given().header("Authorization", AUTRE_AGENT).get("/structures/" + STRUCTURE + "/courriers?date=" + aujourdHui()).then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", AGENT).get("/structures/inconnue-35/courriers?date=" + aujourdHui()).then().statusCode(404)
                .contentType("application/problem+json");
        given().header("Authorization", AGENT).get("/structures/" + STRUCTURE + "/courriers").then().statusCode(400)
                .body("erreurs[0].champ", equalTo("date"));
        given().header("Authorization", AGENT).get("/structures/" + STRUCTURE + "/courriers?date=31/12/2026").then().statusCode(400)
                .body("erreurs[0].champ", equalTo("date"));
        // a day without letters: the slip alone
        assertTrue(lot(Referentiel.ADMIN, aujourdHui().minusYears(3)).contains("Aucun courrier à imprimer ce jour."));
    }

    @Test
    void sansReponseLaRelancePartApresSeptJoursUneSeuleFois() {
        Personne p = personne(true, true, true);
        ouvrirRsa(p.reference());
        String inv = dossier(p.reference()).getString("invitations[0].reference");
        assertEquals(1, BoiteCourriel.attendre(p.courriel(), 1, DELAI).size());
        try (SondeKafka sonde = SondeKafka.aLaFinDe("invitation-envoyee")) {
            // six days later: not yet
            horloge.fixer(aujourdHui().plusDays(6).atTime(6, 15).atZone(Horloges.PARIS).toInstant());
            given().header("Authorization", Referentiel.ADMIN).post("/invitations/passe-quotidienne").then().statusCode(200)
                    .body("jour", equalTo(aujourdHui().plusDays(6).toString()));
            assertEquals(null, invitation(inv).getString("relanceeLe"));

            LocalDate j7 = aujourdHui().plusDays(7);
            horloge.fixer(j7.atTime(6, 15).atZone(Horloges.PARIS).toInstant());
            given().header("Authorization", Referentiel.ADMIN).post("/invitations/passe-quotidienne").then().statusCode(200)
                    .body("relancees", greaterThanOrEqualTo(1));
            JsonPath i = invitation(inv);
            assertEquals(j7.toString(), i.getString("relanceeLe"));
            assertEquals(List.of("COURRIEL", "COURRIER"), i.getList("envois.findAll { it.relance }.canal").stream().sorted().toList());
            // the reminder by e-mail, read back from the server, and in the letters of that day
            List<BoiteCourriel.Message> recus = BoiteCourriel.attendre(p.courriel(), 2, DELAI);
            assertEquals(2, recus.size());
            BoiteCourriel.Message relance = recus.stream().filter(m -> m.sujet().startsWith("Relance")).findFirst().orElseThrow();
            assertEquals("Relance : votre premier rendez-vous d'accompagnement - " + NOM_STRUCTURE, relance.sujet());
            assertTrue(relance.corps().contains(inv) && relance.corps().contains("n'avons pas encore eu de réponse"), relance.corps());
            String lettres = lot(AGENT, j7);
            assertTrue(lettres.contains(inv + " (relance)") && lettres.contains("Relance : votre premier rendez-vous"), lettres);
            List<ConsumerRecord<String, String>> e = sonde.attendre(r -> inv.equals(r.key()), 2, DELAI);
            assertEquals(2, e.size());
            for (ConsumerRecord<String, String> r : e) {
                assertEquals(Set.of(), SchemasEvenements.violations("invitation-envoyee", r.value()));
                assertEquals(j7.toString(), JsonPath.from(r.value()).getString("date"));
                sansDonneePersonnelle(r.value(), p);
            }

            // the day after: one reminder, not two
            horloge.fixer(aujourdHui().plusDays(8).atTime(6, 15).atZone(Horloges.PARIS).toInstant());
            given().header("Authorization", Referentiel.ADMIN).post("/invitations/passe-quotidienne").then().statusCode(200);
            assertEquals(j7.toString(), invitation(inv).getString("relanceeLe"));
            assertEquals(2, sonde.toutPendant(r -> inv.equals(r.key()), Duration.ofSeconds(2)).size(), "no second reminder");
        } finally {
            horloge.liberer();
        }
        assertEquals(2, BoiteCourriel.messages(p.courriel()).size());
    }

    @Test
    void leTauxDAbsenceAuPremierRendezVousVientDesReponsesAuxInvitations() {
        structure();
        // three RSA entrants of a commune of this test only, invited by letter: one came, two did not
        String commune = "9%04d".formatted(HASARD.nextInt(10000));
        List<String> reponses = List.of("VENU", "NON_VENU", "NON_VENU");
        for (String reponse : reponses) {
            String ben = post(AGENT, "/beneficiaires", """
                    {"nom":"Exemple","prenom":"Camille","commune":"%s","adressePostale":{"voie":"12 rue des Lilas","codePostal":"35550","localite":"Pipriac"}}"""
                    .formatted(commune)).statusCode(201).extract().path("reference");
            ouvrirRsa(ben);
            String inv = dossier(ben).getString("invitations[0].reference");
            post(AGENT, "/invitations/" + inv + "/reponse", "{\"reponse\":\"RDV_PRIS\",\"date\":\"%s\"}".formatted(aujourdHui())).statusCode(200);
            post(AGENT, "/invitations/" + inv + "/reponse", "{\"reponse\":\"%s\",\"date\":\"%s\"}".formatted(reponse, aujourdHui())).statusCode(200);
        }
        given().header("Authorization", Jetons.entete("coordinateur", "departement-35")).queryParam("communes", commune)
                .queryParam("debut", aujourdHui().minusDays(1).toString()).queryParam("fin", aujourdHui().toString()).get("/indicateurs").then()
                .statusCode(200).body("nouveauxEntrants", equalTo(3)).body("premiersRdvHonores", equalTo(1)).body("premiersRdvManques", equalTo(2))
                .body("tauxAbsencePremierRdv", equalTo(0.6667f));
    }

    @Test
    void laReponseDeLaPersonneEstEnregistreeEtArreteLaRelance() {
        Personne p = personne(true, false, false);
        ouvrirRsa(p.reference());
        String inv = dossier(p.reference()).getString("invitations[0].reference");
        assertEquals(List.of("COURRIER"), invitation(inv).getList("canaux"));
        String chemin = "/invitations/" + inv + "/reponse";
        post(AGENT, chemin, "{\"reponse\":\"RDV_PRIS\",\"date\":\"%s\"}".formatted(aujourdHui())).statusCode(200)
                .body("reponse", equalTo("RDV_PRIS")).body("rdvPrisLe", equalTo(aujourdHui().toString()));
        post(AGENT, chemin, "{\"reponse\":\"VENU\",\"date\":\"%s\"}".formatted(aujourdHui().plusDays(1))).statusCode(400)
                .contentType("application/problem+json").body("erreurs[0].champ", equalTo("date"))
                .body("erreurs[0].raison", equalTo("ne peut pas être dans le futur"));
        post(AGENT, chemin, "{\"reponse\":\"VENU\",\"date\":\"%s\"}".formatted(aujourdHui().minusDays(1))).statusCode(400)
                .body("erreurs[0].champ", equalTo("date")).body("erreurs[0].raison", containsString("précéder"));
        post(AGENT, chemin, "{\"reponse\":\"PEUT_ETRE\",\"date\":\"%s\"}".formatted(aujourdHui())).statusCode(400)
                .body("erreurs[0].champ", equalTo("reponse"));
        post(AGENT, chemin, "{\"reponse\":\"NON_VENU\",\"date\":\"%s\"}".formatted(aujourdHui())).statusCode(200)
                .body("reponse", equalTo("NON_VENU")).body("reponseLe", equalTo(aujourdHui().toString()))
                .body("rdvPrisLe", equalTo(aujourdHui().toString()));
        post(AGENT, chemin, "{\"reponse\":\"VENU\",\"date\":\"%s\"}".formatted(aujourdHui())).statusCode(409);
        // another structure does not even learn that the invitation exists
        post(AUTRE_AGENT, chemin, "{\"reponse\":\"VENU\",\"date\":\"%s\"}".formatted(aujourdHui())).statusCode(404);
        given().header("Authorization", AUTRE_AGENT).get("/invitations/" + inv).then().statusCode(404);
        given().header("Authorization", AGENT).get("/invitations/inv-000000000000").then().statusCode(404);
        // the structure's invitations and answers, for its no-show rate
        given().header("Authorization", AGENT).get("/invitations?structure=" + STRUCTURE + "&du=" + aujourdHui() + "&au=" + aujourdHui()).then()
                .statusCode(200).body("find { it.reference == '" + inv + "' }.reponse", equalTo("NON_VENU"))
                .body("find { it.reference == '" + inv + "' }.beneficiaire", equalTo(p.reference()));
        given().header("Authorization", AUTRE_AGENT).get("/invitations?structure=" + STRUCTURE + "&du=" + aujourdHui() + "&au=" + aujourdHui())
                .then().statusCode(403);
        given().header("Authorization", AGENT).get("/invitations?structure=" + STRUCTURE + "&du=" + aujourdHui() + "&au=" + aujourdHui().minusDays(1))
                .then().statusCode(400).body("erreurs[0].champ", equalTo("au"));
        // answered: never reminded
        try {
            horloge.fixer(aujourdHui().plusDays(10).atTime(6, 15).atZone(Horloges.PARIS).toInstant());
            given().header("Authorization", Referentiel.ADMIN).post("/invitations/passe-quotidienne").then().statusCode(200);
        } finally {
            horloge.liberer();
        }
        assertEquals(null, invitation(inv).getString("relanceeLe"));
    }

    @Test
    void sansAucunCanalLInvitationEstRefuseeEnDisantLequelManqueEtRienNEstEcrit() {
        Personne p = personne(false, false, false);
        ouvrirRsa(p.reference());
        // at the opening nothing could leave: the step waits in the worklist
        JsonPath d = dossier(p.reference());
        assertEquals(List.of(), d.getList("invitations"));
        assertEquals(null, d.getString("parcoursRsa.find { it.type == 'PREMIERE_INVITATION' }.faiteLe"));
        post(AGENT, "/beneficiaires/" + p.reference() + "/invitations", "{\"date\":\"%s\"}".formatted(aujourdHui())).statusCode(400)
                .contentType("application/problem+json")
                .body("erreurs.champ", equalTo(List.of("adressePostale", "courriel")))
                .body("erreurs[0].raison", equalTo("absente : pas d'invitation par courrier"))
                .body("erreurs[1].raison", equalTo("absent : pas d'invitation par courriel"));
        post(AGENT, "/beneficiaires/" + p.reference() + "/invitations", "{\"date\":\"%s\",\"canaux\":[\"COURRIER\"]}".formatted(aujourdHui()))
                .statusCode(400).body("erreurs[0].champ", equalTo("canaux"))
                .body("erreurs[0].raison", equalTo("COURRIER : la personne n'a pas d'adresse postale"));
        post(AGENT, "/beneficiaires/" + p.reference() + "/invitations", "{\"date\":\"%s\",\"canaux\":[\"TELEPHONE\"]}".formatted(aujourdHui()))
                .statusCode(400).body("erreurs[0].champ", equalTo("canaux"));
        d = dossier(p.reference());
        assertEquals(List.of(), d.getList("invitations"));
        assertEquals(null, d.getString("parcoursRsa.find { it.type == 'PREMIERE_INVITATION' }.faiteLe"));
    }

    @Test
    void unCourrielSansConsentementEstRefuseEtNePartPas() {
        Personne p = personne(false, true, false);
        ouvrirRsa(p.reference());
        assertEquals(List.of(), dossier(p.reference()).getList("invitations"));
        String chemin = "/beneficiaires/" + p.reference() + "/invitations";
        post(AGENT, chemin, "{\"date\":\"%s\",\"canaux\":[\"COURRIEL\"]}".formatted(aujourdHui())).statusCode(400)
                .contentType("application/problem+json").body("erreurs[0].champ", equalTo("canaux"))
                .body("erreurs[0].raison", equalTo("COURRIEL : la personne n'a pas consenti à être contactée par courriel : pas d'invitation par courriel"));
        post(AGENT, chemin, "{\"date\":\"%s\"}".formatted(aujourdHui())).statusCode(400)
                .body("erreurs.find { it.champ == 'courriel' }.raison", containsString("n'a pas consenti"));
        // a consent given then withdrawn is no consent
        post(AGENT, "/beneficiaires/" + p.reference() + "/consentements-canaux", "{\"canal\":\"COURRIEL\",\"date\":\"%s\"}".formatted(aujourdHui()))
                .statusCode(200);
        post(AGENT, "/beneficiaires/" + p.reference() + "/consentements-canaux/retrait", "{\"canal\":\"COURRIEL\",\"date\":\"%s\"}".formatted(aujourdHui()))
                .statusCode(200).body("consentementsCanaux.find { it.canal == 'COURRIEL' }.retireLe", equalTo(aujourdHui().toString()));
        post(AGENT, chemin, "{\"date\":\"%s\",\"canaux\":[\"COURRIEL\"]}".formatted(aujourdHui())).statusCode(400)
                .body("erreurs[0].champ", equalTo("canaux"));
        JsonPath d = dossier(p.reference());
        assertEquals(List.of(), d.getList("invitations"));
        assertEquals(null, d.getString("parcoursRsa.find { it.type == 'PREMIERE_INVITATION' }.faiteLe"));
        // nothing reached the server for that address
        assertEquals(List.of(), BoiteCourriel.attendre(p.courriel(), 1, Duration.ofSeconds(2)));
    }

    @Test
    void uneDateDansLeFuturEstRefuseePuisLAgentInviteAvecUnRendezVous() {
        Personne p = personne(false, false, false);
        ouvrirRsa(p.reference());
        String courriel = "camille.rdv." + HexFormat.of().formatHex(new byte[] { (byte) HASARD.nextInt(), (byte) HASARD.nextInt() }) + "@exemple.fr";
        // the person gives an address and an e-mail, and agrees to e-mails, after the opening
        post(AGENT, "/beneficiaires/" + p.reference() + "/coordonnees", """
                {"adressePostale":{"voie":"12 rue des Lilas","codePostal":"35550","localite":"Pipriac"},"courriel":"%s"}""".formatted(courriel))
                .statusCode(200).body("courriel", equalTo(courriel))
                .body("adressePostale.codePostal", equalTo("35550"));
        post(AGENT, "/beneficiaires/" + p.reference() + "/consentements-canaux", "{\"canal\":\"COURRIEL\",\"date\":\"%s\"}".formatted(aujourdHui()))
                .statusCode(200);
        String chemin = "/beneficiaires/" + p.reference() + "/invitations";
        LocalDate rdv = aujourdHui().plusDays(10);
        post(AGENT, chemin, """
                {"date":"%s","rendezVous":{"le":"%sT09:30:00","lieu":"CCAS de Pipriac, 3 place de la Mairie"}}"""
                .formatted(aujourdHui().plusDays(1), rdv)).statusCode(400).contentType("application/problem+json")
                .body("erreurs[0].champ", equalTo("date")).body("erreurs[0].raison", equalTo("ne peut pas être dans le futur"));
        assertEquals(List.of(), dossier(p.reference()).getList("invitations"));
        post(AGENT, chemin, "{\"date\":\"%s\",\"rendezVous\":{\"le\":\"%sT09:30:00\"}}".formatted(aujourdHui(), aujourdHui().minusDays(1)))
                .statusCode(400).body("erreurs[0].champ", equalTo("rendezVous.le"));
        post(AGENT, chemin, "{\"date\":\"%s\",\"canaux\":[\"COURRIEL\"],\"inconnu\":1}".formatted(aujourdHui())).statusCode(400)
                .body("erreurs[0].champ", equalTo("inconnu"));

        String inv = given().header("Authorization", AGENT).contentType(ContentType.JSON).body("""
                {"date":"%s","rendezVous":{"le":"%sT09:30:00","lieu":"CCAS de Pipriac, 3 place de la Mairie"}}"""
                .formatted(aujourdHui(), rdv)).post(chemin).then().statusCode(201).header("Location", containsString("/invitations/inv-"))
                .body("canaux", equalTo(List.of("COURRIEL", "COURRIER"))).body("rendezVous.lieu", equalTo("CCAS de Pipriac, 3 place de la Mairie"))
                .extract().path("reference");
        BoiteCourriel.Message m = BoiteCourriel.attendre(courriel, 1, DELAI).get(0);
        assertTrue(m.corps().contains("Vous êtes attendu(e) le ") && m.corps().contains(rdv.getDayOfMonth() + " ") && m.corps().contains("à 9 h 30, CCAS de Pipriac"),
                m.corps());
        assertTrue(m.corps().contains(inv), m.corps());
        assertEquals(aujourdHui().toString(), dossier(p.reference()).getString("parcoursRsa.find { it.type == 'PREMIERE_INVITATION' }.faiteLe"));
        // once sent, not twice: the reminder is the daily pass's
        post(AGENT, chemin, "{\"date\":\"%s\"}".formatted(aujourdHui())).statusCode(409).body("detail", containsString(inv));
    }

    @Test
    void unePersonneSansCanalALOuvertureEstInviteeParLaPasseDesQuElleEnAUn() {
        Personne p = personne(false, false, false);
        ouvrirRsa(p.reference());
        post(AGENT, "/beneficiaires/" + p.reference() + "/coordonnees",
                "{\"adressePostale\":{\"voie\":\"12 rue des Lilas\",\"codePostal\":\"35550\",\"localite\":\"Pipriac\"}}").statusCode(200);
        given().header("Authorization", Referentiel.ADMIN).post("/invitations/passe-quotidienne").then().statusCode(200)
                .body("invitees", greaterThanOrEqualTo(1));
        JsonPath d = dossier(p.reference());
        assertEquals(List.of("COURRIER"), d.getList("invitations[0].canaux"));
        assertTrue(lot(AGENT, aujourdHui()).contains(d.getString("invitations[0].reference")));
    }

    @Test
    void lesCoordonneesMalFormeesSontRefuseesEnNommantLeChamp() {
        structure();
        post(AGENT, "/beneficiaires", "{\"commune\":\"35236\",\"courriel\":\"pas-une-adresse\"}").statusCode(400)
                .body("erreurs[0].champ", equalTo("courriel"));
        post(AGENT, "/beneficiaires", "{\"commune\":\"35236\",\"adressePostale\":{\"voie\":\"1 rue\",\"codePostal\":\"355\",\"localite\":\"Pipriac\"}}")
                .statusCode(400).body("erreurs[0].champ", equalTo("adressePostale.codePostal"))
                .body("erreurs[0].raison", equalTo("doit être un code postal de 5 chiffres"));
        post(AGENT, "/beneficiaires", "{\"commune\":\"35236\",\"adressePostale\":{\"codePostal\":\"35550\",\"localite\":\"Pipriac\"}}")
                .statusCode(400).body("erreurs[0].champ", equalTo("adressePostale.voie"));
        Personne p = personne(false, false, false);
        post(AGENT, "/beneficiaires/" + p.reference() + "/consentements-canaux", "{\"canal\":\"COURRIEL\",\"date\":\"%s\"}".formatted(aujourdHui().plusDays(1)))
                .statusCode(400).body("erreurs[0].champ", equalTo("date"));
        post(AGENT, "/beneficiaires/" + p.reference() + "/consentements-canaux/retrait", "{\"canal\":\"COURRIEL\",\"date\":\"%s\"}".formatted(aujourdHui()))
                .statusCode(409);
        post(AGENT, "/beneficiaires/" + p.reference() + "/consentements-canaux", "{\"canal\":\"PIGEON\",\"date\":\"%s\"}".formatted(aujourdHui()))
                .statusCode(400).body("erreurs[0].champ", equalTo("canal"));
        given().header("Authorization", AGENT).header("X-Motif-Acces", "vérification").get("/beneficiaires/" + p.reference()).then().statusCode(200)
                .body("beneficiaire.consentementsCanaux", hasSize(0)).body("beneficiaire.adressePostale", nullValue())
                .body("invitations", not(hasItem(nullValue())));
    }
}
