package fr.actionsociale.conventions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SondeKafka;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Issue 14: deliberations as records, who signs on whose authority, the anomalies a signature leaves to regularise,
 * the co-financing plan, the budget imputation, privileged contacts and INSEE vintages, on the real database and broker.
 */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class DeliberationResourceTest {

    static final String ADMIN = Jetons.entete("admin", "departement-35");

    private static String code(String prefixe) {
        return prefixe + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static String institution(String prefixe, String type) {
        String code = code(prefixe);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"code\":\"%s\",\"nom\":\"%s\",\"type\":\"%s\"}".formatted(code, code, type)).post("/institutions").then().statusCode(201);
        return code;
    }

    private static ValidatableResponse deliberer(String corps) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(corps).post("/deliberations").then();
    }

    private static String deliberation(String institution, String date, String transmission, String publication, String autorise) {
        return deliberer("""
                {"institution":"%s","organe":"CONSEIL_ADMINISTRATION","numero":"%s","dateSeance":"%s","objet":"Convention de partenariat",
                 "dateTransmission":%s,"datePublication":%s,"autorise":[%s]}"""
                .formatted(institution, code("D"), date, transmission == null ? "null" : "\"" + transmission + "\"",
                        publication == null ? "null" : "\"" + publication + "\"", autorise))
                .statusCode(201).extract().path("id");
    }

    private static ValidatableResponse rediger(String corps) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(corps).post("/conventions").then();
    }

    private static ValidatableResponse signer(String id, String corps) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(corps).post("/conventions/" + id + "/signatures").then();
    }

    private static void soumettre(String id) {
        given().header("Authorization", ADMIN).post("/conventions/" + id + "/soumission").then().statusCode(200);
    }

    @Test
    void uneDeliberationSeLitAvecSesVoixEtSonCaractereExecutoire() {
        String dep = institution("dep", "DEPARTEMENT");
        // seed 001: 50 présents, 4 pouvoirs, 53 pour, 0 contre, 1 abstention, "adoptée à l'unanimité", transmise le 9 juillet
        String id = deliberer("""
                {"institution":"%s","organe":"COMMISSION_PERMANENTE","numero":"CP%s","dateSeance":"2024-07-08",
                 "objet":"Convention avec la MSA relative à l'accueil social inconditionnel de proximité",
                 "votes":{"presents":50,"representes":4,"pour":53,"contre":0,"abstentions":1},
                 "dateTransmission":"2024-07-09","autorise":["APPROUVER_CONVENTION","AUTORISER_SIGNATAIRE"]}"""
                .formatted(dep, UUID.randomUUID().toString().substring(0, 8)))
                .statusCode(201).body("votes.adoptee", equalTo(true)).body("votes.unanimite", equalTo(true))
                .body("executoireLe", nullValue()).body("nonExecutoire", containsString("publication non renseignée"))
                .extract().path("id");
        given().header("Authorization", ADMIN).get("/deliberations/" + id).then().statusCode(200).body("votes.pour", equalTo(53));
        given().header("Authorization", ADMIN).queryParam("institution", dep).queryParam("du", "2024-07-01").queryParam("au", "2024-07-31")
                .get("/deliberations").then().statusCode(200).body("total", equalTo(1)).body("elements[0].id", equalTo(id));
        given().header("Authorization", ADMIN).queryParam("institution", dep).queryParam("du", "2024-07-09")
                .get("/deliberations").then().statusCode(200).body("total", equalTo(0));
        String publiee = deliberation(dep, "2024-07-08", "2024-07-09", "2024-07-12", "\"VOTER_BUDGET\"");
        given().header("Authorization", ADMIN).get("/deliberations/" + publiee).then().body("executoireLe", equalTo("2024-07-12"))
                .body("nonExecutoire", nullValue())
                // votes the document does not give are null, written as such (not left out)
                .body("votes", org.hamcrest.Matchers.hasKey("pour")).body("votes.adoptee", nullValue());
    }

    @Test
    void uneDeliberationIncoherenteEstRefuseeSansRienEcrire() {
        String dep = institution("dep", "DEPARTEMENT");
        deliberer("""
                {"institution":"%s","organe":"COMMISSION_PERMANENTE","dateSeance":"2024-07-08","objet":"x",
                 "votes":{"presents":50,"representes":4,"pour":52,"contre":0,"abstentions":1},"autorise":["APPROUVER_CONVENTION"]}"""
                .formatted(dep)).statusCode(400).body("erreurs[0].champ", equalTo("votes")).body("erreurs[0].raison", containsString("54"));
        deliberer("""
                {"institution":"%s","organe":"COMMISSION_PERMANENTE","dateSeance":"2024-07-08","objet":"x",
                 "dateTransmission":"2024-07-07","autorise":["APPROUVER_CONVENTION"]}"""
                .formatted(dep)).statusCode(400).body("erreurs[0].champ", equalTo("dateTransmission"));
        deliberer("""
                {"institution":"%s","organe":"COMMISSION_PERMANENTE","dateSeance":"2024-07-08","objet":"x","autorise":[]}"""
                .formatted(dep)).statusCode(400).body("erreurs[0].champ", equalTo("autorise"));
        deliberer("""
                {"institution":"%s","organe":"CONSEIL_DE_GUERRE","dateSeance":"2024-07-08","objet":"x","autorise":["VOTER_BUDGET"]}"""
                .formatted(dep)).statusCode(400).body("erreurs[0].champ", equalTo("organe"));
        given().header("Authorization", ADMIN).queryParam("institution", dep).get("/deliberations").then().body("total", equalTo(0));
    }

    @Test
    void quiSigneSurDeliberationDependDuTypeDInstitution() {
        given().header("Authorization", ADMIN).get("/regles-signature").then().statusCode(200)
                .body("find { it.typeInstitution == 'CCAS' }.deliberationRequise", equalTo(true))
                .body("find { it.typeInstitution == 'MSA' }.deliberationRequise", equalTo(false));
        String ccas = institution("ccas", "CCAS");
        String msa = institution("msa", "MSA");
        String id = rediger(convention(ccas, msa, "")).statusCode(201).extract().path("id");
        soumettre(id);
        // the CCAS's board must deliberate: the refusal states the rule
        signer(id, "{\"institution\":\"%s\",\"date\":\"2024-06-10\"}".formatted(ccas)).statusCode(400)
                .body("erreurs[0].champ", equalTo("deliberationId")).body("erreurs[0].raison", containsString("conseil d'administration"));
        // a deliberation of another institution, or one that does not authorise a signature, is refused
        String autre = deliberation(institution("ccas", "CCAS"), "2024-06-01", null, null, "\"AUTORISER_SIGNATAIRE\"");
        signer(id, "{\"institution\":\"%s\",\"date\":\"2024-06-10\",\"deliberationId\":\"%s\"}".formatted(ccas, autre)).statusCode(400)
                .body("erreurs[0].champ", equalTo("deliberationId")).body("erreurs[0].raison", containsString("pas de " + ccas));
        String budget = deliberation(ccas, "2024-06-01", null, null, "\"VOTER_BUDGET\"");
        signer(id, "{\"institution\":\"%s\",\"date\":\"2024-06-10\",\"deliberationId\":\"%s\"}".formatted(ccas, budget)).statusCode(400)
                .body("erreurs[0].raison", containsString("n'autorise pas"));
        given().header("Authorization", ADMIN).get("/conventions/" + id).then().body("signaturesAttendues", hasItems(ccas, msa));
        // the MSA's director signs in her own capacity
        signer(id, "{\"institution\":\"%s\",\"date\":\"2024-06-10\"}".formatted(msa)).statusCode(200)
                .body("statut", equalTo("EN_SIGNATURE")).body("signaturesAttendues", equalTo(List.of(ccas)));
        // signed on 10 June on a deliberation of 11 July, never published: accepted, and flagged twice
        String tardive = deliberation(ccas, "2024-07-11", "2024-07-12", null, "\"APPROUVER_CONVENTION\",\"AUTORISER_SIGNATAIRE\"");
        signer(id, "{\"institution\":\"%s\",\"date\":\"2024-06-10\",\"deliberationId\":\"%s\"}".formatted(ccas, tardive)).statusCode(200)
                .body("statut", equalTo("EN_VIGUEUR"))
                .body("anomalies.type", hasItems("SIGNATURE_AVANT_DELIBERATION", "DELIBERATION_NON_EXECUTOIRE", "VISA_DISCORDANT"))
                .body("anomalies.find { it.type == 'VISA_DISCORDANT' }.constat", containsString("2024-07-08"));
        given().header("Authorization", ADMIN).queryParam("type", "SIGNATURE_AVANT_DELIBERATION").queryParam("institution", ccas)
                .get("/anomalies").then().statusCode(200).body("conventionId", hasItem(id))
                .body("constat", hasItem(containsString("2024-07-11")));
        given().header("Authorization", ADMIN).queryParam("convention", id).get("/deliberations").then().body("elements.id", equalTo(List.of(tardive)));
        given().header("Authorization", ADMIN).queryParam("type", "INCONNU").get("/anomalies").then().statusCode(400)
                .body("erreurs[0].champ", equalTo("type"));
    }

    /** A CCAS and the MSA; the "VU" cite the CCAS's board on 8 July 2024, as seed 000 does. */
    private static String convention(String ccas, String msa, String extra) {
        return """
                {"reference":"REF-%s","objet":"Recours aux droits","type":"PARTENARIAT","porteur":"%s","territoire":["35220"],
                 "dateDebut":"2024-01-01","dateFin":"2026-12-31",
                 "deliberationsVisees":[{"institution":"%s","date":"2024-07-08"}],
                 "parties":[{"institution":"%s","role":"PORTEUR","representantNom":"Franck Pichot"},
                            {"institution":"%s","role":"PARTENAIRE","representantNom":"Marine Marot"}]%s}"""
                .formatted(UUID.randomUUID(), ccas, ccas, ccas, msa, extra);
    }

    @Test
    void unePartieQuiSEngageSansSignerNeRetientPasLEntreeEnVigueurMaisEstSignalee() {
        String asso = institution("asso", "ASSOCIATION");
        String cpam = institution("cpam", "CPAM");
        String mairie = institution("mairie", "ASSOCIATION");
        String id = rediger("""
                {"reference":"REF-%s","objet":"x","type":"PARTENARIAT","porteur":"%s","territoire":[],"dateDebut":"2024-01-01","dateFin":"2026-12-31",
                 "parties":[{"institution":"%s","role":"OPERATEUR","representantNom":"Franck Pichot"},
                            {"institution":"%s","role":"PARTENAIRE","representantNom":"Franck  PICHOT"},
                            {"institution":"%s","role":"PARTENAIRE","signataire":false}]}"""
                .formatted(UUID.randomUUID(), asso, asso, cpam, mairie)).statusCode(201)
                .body("parties.find { it.institution == '%s' }.signataire".formatted(mairie), equalTo(false))
                .body("anomalies.type", hasItem("MEME_REPRESENTANT")).extract().path("id");
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
                {"institution":"%s","article":"Article 8","nature":"VALORISATION","libelle":"Création graphique","quantite":1,"unite":"lot",
                 "rythme":"PONCTUEL","multiplicateur":1,"dateDebut":"2024-01-01","dateFin":"2024-12-31"}""".formatted(mairie))
                .post("/conventions/" + id + "/engagements").then().statusCode(201);
        soumettre(id);
        signer(id, "{\"institution\":\"%s\",\"date\":\"2024-06-10\"}".formatted(mairie)).statusCode(400)
                .body("erreurs[0].champ", equalTo("institution"));
        signer(id, "{\"institution\":\"%s\",\"date\":\"2024-06-10\"}".formatted(asso)).statusCode(200);
        signer(id, "{\"institution\":\"%s\",\"date\":\"2024-06-10\"}".formatted(cpam)).statusCode(200)
                .body("statut", equalTo("EN_VIGUEUR")).body("dateSignature", equalTo("2024-06-10"))
                .body("anomalies.find { it.type == 'ENGAGEMENT_SANS_SIGNATURE' }.institution", equalTo(mairie));
    }

    @Test
    void lePlanDeFinancementEstRapprocheDuBudget() {
        String porteur = institution("epci", "EPCI");
        String cpam = institution("cpam", "CPAM");
        String parties = """
                "parties":[{"institution":"%s","role":"PORTEUR","deliberation":{"instance":"Conseil communautaire","date":"2024-05-27"}},
                           {"institution":"%s","role":"CO_PILOTE"}]""".formatted(porteur, cpam);
        // seed 000: the State's 396,795 € are 80 % of the budget, which makes it 495,993.75 €; the rest is valued, not quantified
        rediger("""
                {"reference":"REF-%s","objet":"x","type":"PARTENARIAT","porteur":"%s","territoire":[],"dateDebut":"2024-01-01","dateFin":"2026-12-31",
                 "financements":[{"financeur":"État","nature":"FINANCIERE","montant":396795.00,"taux":80,"base":"budget des 3 phases"},
                                 {"financeur":"CCAS de Redon","nature":"VALORISEE","base":"15 %% des frais salariaux"}],%s}"""
                .formatted(UUID.randomUUID(), porteur, parties)).statusCode(201)
                .body("financement.budget", equalTo(495993.75f)).body("financement.budgetDeduit", equalTo(true))
                .body("financement.resteACouvrir", equalTo(99198.75f)).body("financement.nonChiffres[0]", containsString("CCAS de Redon"))
                .body("anomalies.find { it.type == 'FINANCEMENT_INCOMPLET' }.constat", containsString("99198.75"));
        // a budget covered exactly, by amount and by rate
        rediger("""
                {"reference":"REF-%s","objet":"x","type":"PARTENARIAT","porteur":"%s","territoire":[],"dateDebut":"2024-01-01","dateFin":"2026-12-31",
                 "budgetPrevisionnel":1000.00,"financements":[{"financeur":"État","nature":"FINANCIERE","taux":80},
                                 {"financeur":"Agglomération","nature":"VALORISEE","montant":200.00}],%s}"""
                .formatted(UUID.randomUUID(), porteur, parties)).statusCode(201)
                .body("financement.parts[0].montantRetenu", equalTo(800.0f)).body("financement.resteACouvrir", equalTo(0.0f))
                .body("anomalies.type", not(hasItem("FINANCEMENT_INCOMPLET")));
        // shares beyond the budget, or an amount its rate contradicts: refused, nothing written
        String reference = "REF-" + UUID.randomUUID();
        rediger("""
                {"reference":"%s","objet":"x","type":"PARTENARIAT","porteur":"%s","territoire":[],"dateDebut":"2024-01-01","dateFin":"2026-12-31",
                 "budgetPrevisionnel":1000.00,"financements":[{"financeur":"État","nature":"FINANCIERE","taux":80},
                                 {"financeur":"Agglomération","nature":"FINANCIERE","montant":200.01}],%s}"""
                .formatted(reference, porteur, parties)).statusCode(400).body("erreurs[0].champ", equalTo("financements"))
                .body("erreurs[0].raison", containsString("dépassent"));
        rediger("""
                {"reference":"%s","objet":"x","type":"PARTENARIAT","porteur":"%s","territoire":[],"dateDebut":"2024-01-01","dateFin":"2026-12-31",
                 "budgetPrevisionnel":1000.00,"financements":[{"financeur":"État","nature":"FINANCIERE","montant":700.00,"taux":80}],%s}"""
                .formatted(reference, porteur, parties)).statusCode(400).body("erreurs[0].champ", equalTo("financements[0].taux"));
        given().header("Authorization", ADMIN).queryParam("institution", porteur).get("/conventions").then()
                .body("elements.reference", not(hasItem(reference)));
    }

    @Test
    void uneConventionDeFinancementSansNumeroDEJLeSignale() {
        String etat = institution("etat", "ETAT");
        String dep = institution("dep", "DEPARTEMENT");
        rediger("""
                {"reference":"REF-%s","objet":"x","type":"FINANCEMENT","porteur":"%s","territoire":[],"dateDebut":"2023-05-31","dateFin":"2024-12-31",
                 "montantTotal":719689.00,"imputation":{"programme":"102","activite":"010200002501",
                 "ordonnateur":"Préfet de Région Bretagne","comptableAssignataire":"DRFiP de Bretagne"},
                 "parties":[{"institution":"%s","role":"FINANCEUR"},{"institution":"%s","role":"PORTEUR"}]}"""
                .formatted(UUID.randomUUID(), dep, etat, dep)).statusCode(201).body("imputation.programme", equalTo("102"))
                .body("anomalies.find { it.type == 'IMPUTATION_INCOMPLETE' }.constat", containsString("engagement juridique"));
        rediger("""
                {"reference":"REF-%s","objet":"x","type":"PARTENARIAT","porteur":"%s","territoire":[],"dateDebut":"2023-05-31","dateFin":"2024-12-31",
                 "imputation":{"programme":"102"},"parties":[{"institution":"%s","role":"FINANCEUR"},{"institution":"%s","role":"PORTEUR"}]}"""
                .formatted(UUID.randomUUID(), dep, etat, dep)).statusCode(400).body("erreurs[0].champ", equalTo("imputation"));
    }

    @Test
    void unContactPrivilegieDesigneVaAReferralServiceParUnEvenement() throws Exception {
        String dep = institution("dep", "DEPARTEMENT");
        String msa = institution("msa", "MSA");
        String id = rediger("""
                {"reference":"REF-%s","objet":"Accueil social inconditionnel","type":"PARTENARIAT","porteur":"%s","territoire":[],
                 "dateDebut":"2024-07-08","dateFin":"2027-12-31","parties":[{"institution":"%s","role":"PORTEUR"},{"institution":"%s","role":"PARTENAIRE"}]}"""
                .formatted(UUID.randomUUID(), dep, dep, msa)).statusCode(201).extract().path("id");
        String corps = """
                {"institution":"%s","contact":"Service action sociale, boîte des contacts privilégiés","designeLe":"2024-07-08"}""".formatted(msa);
        // a draft designates nobody
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(corps).post("/conventions/" + id + "/contacts-privilegies")
                .then().statusCode(409);
        soumettre(id);
        try (SondeKafka sonde = SondeKafka.aLaFinDe("contact-privilegie-designe")) {
            given().header("Authorization", ADMIN).header("Idempotency-Key", UUID.randomUUID().toString()).contentType(ContentType.JSON)
                    .body(corps).post("/conventions/" + id + "/contacts-privilegies").then().statusCode(201).body("institution", equalTo(msa));
            List<ConsumerRecord<String, String>> recus = sonde.attendre(r -> msa.equals(r.key()), 1, Duration.ofSeconds(30));
            assertEquals(1, recus.size());
            org.hamcrest.MatcherAssert.assertThat(recus.get(0).value(), containsString("boîte des contacts privilégiés"));
        }
        given().header("Authorization", ADMIN).get("/conventions/" + id + "/contacts-privilegies").then().statusCode(200)
                .body("contact", equalTo(List.of("Service action sociale, boîte des contacts privilégiés")));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"institution\":\"%s\",\"contact\":\"x\",\"designeLe\":\"2024-07-08\"}".formatted(institution("caf", "CAF")))
                .post("/conventions/" + id + "/contacts-privilegies").then().statusCode(400).body("erreurs[0].champ", equalTo("institution"));
    }

    @Test
    void laRepartitionPrendLeMillesimeInseeEnVigueurAuPremierJanvier() {
        String a = institution("ccas", "CCAS");
        String b = institution("ccas", "CCAS");
        for (String[] p : new String[][] { { a, "2011", "9463" }, { b, "2011", "1421" }, { a, "2012", "9491" } }) {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                    .body("{\"millesime\":%s,\"population\":%s,\"source\":\"INSEE, populations légales %s\"}".formatted(p[1], p[2], p[1]))
                    .post("/institutions/" + p[0] + "/populations").then().statusCode(201).body("enVigueurLe", equalTo((Integer.parseInt(p[1]) + 3) + "-01-01"));
        }
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"population\":3018,\"source\":\"INSEE\"}")
                .post("/institutions/" + b + "/populations").then().statusCode(400).body("erreurs[0].champ", equalTo("millesime"));
        String id = rediger("""
                {"reference":"REF-%s","objet":"Réseau","type":"PARTENARIAT","porteur":"%s","territoire":[],"dateDebut":"2014-01-01","dateFin":"2016-12-31",
                 "parties":[{"institution":"%s","role":"PORTEUR"},{"institution":"%s","role":"PARTENAIRE"}]}"""
                .formatted(UUID.randomUUID(), a, a, b)).statusCode(201).extract().path("id");
        // 2014: the 2011 vintage (in force from 1 January 2014); 4,000 € split exactly
        var reponse = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"montant\":4000.00,\"annee\":2014}")
                .post("/conventions/" + id + "/repartitions").then().statusCode(200).body("millesimeEnVigueur", equalTo(2011))
                .body("parts.millesime", equalTo(List.of(2011, 2011))).extract().jsonPath();
        // 9463 / 10884 of 4,000 € = 3477.765… → 3477.77 with the largest remainder; 1421 / 10884 → 522.23
        assertEquals(new java.math.BigDecimal("3477.77"), new java.math.BigDecimal(reponse.getString("parts.find { it.institution == '%s' }.montant".formatted(a))));
        assertEquals(new java.math.BigDecimal("522.23"), new java.math.BigDecimal(reponse.getString("parts.find { it.institution == '%s' }.montant".formatted(b))));
        // 2015 wants the 2012 vintage, which b lacks: refused, naming the year and the vintage
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"montant\":4000.00,\"annee\":2015}")
                .post("/conventions/" + id + "/repartitions").then().statusCode(400).body("erreurs[0].champ", equalTo("annee"))
                .body("erreurs[0].raison", containsString("2012")).body("erreurs[0].raison", containsString(b));
    }
}
