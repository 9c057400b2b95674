package fr.actionsociale.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.temps.Horloges;
import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.referral.HorlogeReglable;
import fr.actionsociale.referral.Referentiel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The outreach funnel as open data, on known facts in two quartiers over two past months: each count by the date the fact
 * happened, small counts masked, no total, nobody recognisable.
 */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class EntonnoirTest {

    // communes of this test alone (codes no commune has), so that the rows asserted are exactly its facts
    static final String COMMUNE = "56991";
    static final String AUTRE = "56992";
    static final String AGENT = Jetons.entete("agent", "ccas-redon");
    static final String COORDINATEUR = Jetons.entete("coordinateur", "departement-35");
    static final YearMonth M1 = YearMonth.now(Horloges.PARIS).minusMonths(3);
    static final YearMonth M2 = YearMonth.now(Horloges.PARIS).minusMonths(2);
    static final String HORTENSIAS = "Les Hortensias";
    static final String BOURG = "Le Vieux Bourg";
    // a quartier typed as an address naming someone: too small to be named, so never published
    static final String ADRESSE = "Chez Dominique Lefort, 4 impasse des Lilas";
    static final String TELEPHONE = "06 12 34 56 78";

    /** Everything that must never appear in what is published: identities, contacts, numbers, references. */
    static final List<String> INTERDITS = new ArrayList<>(List.of("Lefort", "Dominique", "Morvan", "Gwenola", "06 12", "1979-03-21", "Lilas",
            "impasse", "ben-"));
    static volatile boolean faits;

    @Inject
    HorlogeReglable horloge;

    static LocalDate jour(YearMonth m, int j) {
        return m.atDay(j);
    }

    static String inscrire(String quartier, int i) {
        String numero = String.valueOf(1_000_000_000L + ThreadLocalRandom.current().nextLong(8_000_000_000L));
        INTERDITS.add(numero);
        String ref = ParcoursTest.post(AGENT, "/beneficiaires", """
                {"nom":"%s","prenom":"%s","dateNaissance":"1979-03-21","commune":"%s","quartier":"%s","canalContact":"TELEPHONE",
                 "contact":"%s","numeroAllocataire":"%s"}""".formatted(i % 2 == 0 ? "Lefort" : "Morvan", i % 2 == 0 ? "Dominique" : "Gwenola",
                COMMUNE, quartier, TELEPHONE, numero)).statusCode(201).extract().path("reference");
        INTERDITS.add(ref);
        return ref;
    }

    static void contact(String campagne, String ben, String commune, String canal, String issue, LocalDate le) {
        // a contact without a known person leaves the reference out
        ParcoursTest.post(AGENT, "/campagnes/" + campagne + "/contacts", """
                {%s"commune":"%s","canal":"%s","issue":"%s","date":"%s"}""".formatted(ben == null ? "" : "\"beneficiaire\":\"" + ben + "\",",
                commune, canal, issue, le)).statusCode(200);
    }

    static void rdv(String ben, LocalDate le) {
        ParcoursTest.post(AGENT, "/beneficiaires/" + ben + "/rdv-des-droits", """
                {"date":"%s","droitsExamines":["C2S","AAH"],"droitsPotentiels":[]}""".formatted(le)).statusCode(201);
    }

    static void signaler(String partenaire, String ben, String droit, String etat, LocalDate le) {
        ParcoursTest.post(Jetons.entete("partenaire", partenaire), "/droits/signalements", """
                {"beneficiaire":"%s","droit":"%s","etat":"%s","date":"%s"}""".formatted(ben, droit, etat, le)).statusCode(201);
    }

    /**
     * The facts, recorded today (orientations excepted: they are dated when made, so the clock is set back to make them):
     * <ul>
     * <li>month 1, Les Hortensias: 12 people contacted (one twice, one also found absent), 3 RDV des droits; the commune without
     * quartier: 11 contacts without a known person (and 2 visits that found nobody); the other commune: one contact;</li>
     * <li>month 2, Le Vieux Bourg (exactly 11 people): RDV des droits of its 11 people, one a second time another day, one recorded
     * twice the same day: 12; Les Hortensias: its 12 people oriented, one re-oriented the same day, and 12 rights opened for 6 of
     * them, one asked in month 1; the other commune: an RSA the CAF's file brings already opened;</li>
     * <li>the person whose quartier is an address: contacted and seen at a RDV des droits in month 1.</li>
     * </ul>
     */
    synchronized void faits() {
        if (faits) {
            return;
        }
        Referentiel.structures();
        List<String> hortensias = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // the same quartier typed another way still is the same quartier
            hortensias.add(inscrire(i == 11 ? "  les   hortensias " : HORTENSIAS, i));
        }
        List<String> bourg = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            bourg.add(inscrire(BOURG, i));
        }
        String isole = inscrire(ADRESSE, 0);

        String campagne = ParcoursTest.post(AGENT, "/campagnes", """
                {"nom":"Porte-à-porte entonnoir","communes":["%s","%s"],"debut":"%s","fin":"%s"}""".formatted(COMMUNE, AUTRE, M1.atDay(1),
                LocalDate.now(Horloges.PARIS))).statusCode(201).extract().path("id");
        for (String ben : hortensias) {
            contact(campagne, ben, COMMUNE, "PORTE_A_PORTE", "INFORME", jour(M1, 5));
        }
        contact(campagne, hortensias.get(0), COMMUNE, "TELEPHONE", "RDV_PRIS", jour(M1, 6));
        contact(campagne, hortensias.get(1), COMMUNE, "PORTE_A_PORTE", "ABSENT", jour(M1, 7));
        for (int i = 0; i < 11; i++) {
            contact(campagne, null, COMMUNE, "PERMANENCE", "INFORME", jour(M1, 8));
        }
        contact(campagne, null, COMMUNE, "PORTE_A_PORTE", "ABSENT", jour(M1, 8));
        contact(campagne, null, COMMUNE, "PORTE_A_PORTE", "ABSENT", jour(M1, 9));
        contact(campagne, null, AUTRE, "EVENEMENT", "INFORME", jour(M1, 9));
        contact(campagne, isole, COMMUNE, "PORTE_A_PORTE", "RDV_PRIS", jour(M1, 9));

        for (int i = 0; i < 3; i++) {
            rdv(hortensias.get(i), jour(M1, 10));
        }
        rdv(isole, jour(M1, 12));
        for (String ben : bourg) {
            rdv(ben, jour(M2, 3));
        }
        rdv(bourg.get(0), jour(M2, 20));
        rdv(bourg.get(1), jour(M2, 3));

        try {
            horloge.fixer(jour(M2, 12).atTime(12, 0).atZone(Horloges.PARIS).toInstant());
            for (String ben : hortensias) {
                ParcoursTest.post(AGENT, "/orientations", """
                        {"beneficiaire":"%s","structure":"caf-35","commune":"%s","motif":"C2S à ouvrir","droitsVises":["C2S"]}"""
                        .formatted(ben, COMMUNE)).statusCode(201);
            }
            ParcoursTest.post(AGENT, "/orientations", """
                    {"beneficiaire":"%s","structure":"cpam-35","commune":"%s","motif":"C2S plutôt à la CPAM","droitsVises":["C2S"]}"""
                    .formatted(hortensias.get(0), COMMUNE)).statusCode(201);
        } finally {
            horloge.liberer();
        }

        // asked in month 1, opened in month 2: counted when it opened
        signaler("caf-35", hortensias.get(0), "RSA", "DEMANDE", jour(M1, 25));
        ParcoursTest.post(Jetons.entete("partenaire", "caf-35"), "/droits/signalements", """
                {"beneficiaire":"%s","droit":"RSA","etat":"OUVERT","date":"%s"}""".formatted(hortensias.get(0), jour(M2, 14))).statusCode(201);
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                signaler("caf-35", hortensias.get(i), "RSA", "OUVERT", jour(M2, 14));
            }
            signaler("cpam-35", hortensias.get(i), "C2S", "OUVERT", jour(M2, 15));
        }

        String numero = String.valueOf(1_000_000_000L + ThreadLocalRandom.current().nextLong(8_000_000_000L));
        INTERDITS.add(numero);
        given().header("Authorization", Referentiel.ADMIN).contentType("text/csv").body("""
                numero_allocataire;date_ouverture;date_naissance;commune;foyer
                %s;%s;1979-03-21;%s;isole
                """.formatted(numero, jour(M2, 14), AUTRE)).post("/imports/entrants-rsa").then().statusCode(200).body("importes", equalTo(1));
        faits = true;
    }

    static Response csv(String jeton, Map<String, String> parametres) {
        return given().header("Authorization", jeton).queryParams(parametres).get("/indicateurs/entonnoir.csv");
    }

    static final String ENTETE = "commune,quartier,mois,contactes,rdvDesDroits,orientes,droitsOuverts";

    static List<String> attendu() {
        return List.of(ENTETE,
                COMMUNE + ",," + M1 + ",11,0,0,0",
                COMMUNE + "," + BOURG + "," + M2 + ",0,12,0,0",
                COMMUNE + "," + HORTENSIAS + "," + M1 + ",12,< 11,0,0",
                COMMUNE + "," + HORTENSIAS + "," + M2 + ",0,0,12,12");
    }

    static void sansPersonne(String publie) {
        for (String interdit : INTERDITS) {
            assertFalse(publie.contains(interdit), "« " + interdit + " » publié :\n" + publie);
        }
    }

    @Test
    void chaqueFaitCompteAuMoisOuIlAEuLieuLesPetitsNombresSontMasquesEtPersonneNApparait() {
        faits();
        Response r = csv(COORDINATEUR, Map.of("du", M1.toString(), "au", M2.toString(), "commune", COMMUNE));
        r.then().statusCode(200).contentType(containsString("text/csv")).header("Content-Type", containsString("charset=UTF-8"))
                .header("Content-Disposition", equalTo("attachment; filename=\"entonnoir-" + M1 + "-" + M2 + "-" + COMMUNE + ".csv\""));
        String corps = r.asString();
        // RFC 4180: CRLF after every record, the last one included
        assertEquals(String.join("\r\n", attendu()) + "\r\n", corps);
        sansPersonne(corps);

        // up to this month: every fact recorded today (or made with the clock set back) stays in the month it happened
        assertEquals(String.join("\r\n", attendu()) + "\r\n", csv(Jetons.entete("gestionnaire", "departement-35"),
                Map.of("du", M1.toString(), "au", YearMonth.now(Horloges.PARIS).toString(), "commune", COMMUNE)).then().statusCode(200)
                .extract().asString());
        // month 1 alone: the RSA asked then is not counted as opened
        assertEquals(String.join("\r\n", attendu().subList(0, 2)) + "\r\n" + attendu().get(3) + "\r\n",
                csv(COORDINATEUR, Map.of("du", M1.toString(), "au", M1.toString(), "commune", COMMUNE)).then().statusCode(200).extract().asString());

        // every commune: the other one's contact is there, the RSA from the CAF's file is not; sorted; every count published is
        // 0, 11 or more, or masked
        String tout = csv(Referentiel.ADMIN, Map.of("du", M1.toString(), "au", M2.toString())).then().statusCode(200).extract().asString();
        List<String> lignes = List.of(tout.split("\r\n"));
        assertEquals(ENTETE, lignes.get(0));
        List<String> miennes = lignes.stream().filter(l -> l.startsWith(COMMUNE + ",") || l.startsWith(AUTRE + ",")).toList();
        List<String> attendues = new ArrayList<>(attendu().subList(1, 5));
        attendues.add(AUTRE + ",," + M1 + ",< 11,0,0,0");
        assertEquals(attendues, miennes);
        Pattern compte = Pattern.compile("0|< 11|1[1-9]|[2-9][0-9]|[1-9][0-9]{2,}");
        List<List<String>> champs = lignes.subList(1, lignes.size()).stream().map(EntonnoirTest::champs).toList();
        for (List<String> c : champs) {
            assertEquals(7, c.size(), c.toString());
            c.subList(3, 7).forEach(n -> assertTrue(compte.matcher(n).matches(), "compte publié " + n + " dans " + c));
        }
        for (int i = 1; i < champs.size(); i++) {
            String avant = String.join("\u0000", champs.get(i - 1).subList(0, 3));
            String apres = String.join("\u0000", champs.get(i).subList(0, 3));
            assertTrue(avant.compareTo(apres) < 0, "triées : " + champs.get(i - 1) + " puis " + champs.get(i));
        }
        sansPersonne(tout);

        // the JSON says the same, masked the same way (the contract checks each count against its pattern)
        String json = given().header("Authorization", COORDINATEUR).queryParam("du", M1.toString()).queryParam("au", M2.toString())
                .queryParam("commune", COMMUNE).get("/indicateurs/entonnoir").then().statusCode(200).contentType(ContentType.JSON)
                .body("du", equalTo(M1.toString())).body("au", equalTo(M2.toString())).body("commune", equalTo(COMMUNE))
                .body("lignes.size()", equalTo(4))
                .body("lignes[2].quartier", equalTo(HORTENSIAS)).body("lignes[2].mois", equalTo(M1.toString()))
                .body("lignes[2].contactes", equalTo("12")).body("lignes[2].rdvDesDroits", equalTo("< 11"))
                .body("lignes[2].orientes", equalTo("0")).body("lignes[2].droitsOuverts", equalTo("0"))
                .extract().asString();
        List<Map<String, String>> vues = given().header("Authorization", COORDINATEUR).queryParam("du", M1.toString())
                .queryParam("au", M2.toString()).queryParam("commune", COMMUNE).get("/indicateurs/entonnoir").then().extract().jsonPath()
                .getList("lignes");
        List<String> commeCsv = new ArrayList<>(List.of(ENTETE));
        vues.forEach(v -> commeCsv.add(String.join(",", v.get("commune"), v.get("quartier"), v.get("mois"), v.get("contactes"),
                v.get("rdvDesDroits"), v.get("orientes"), v.get("droitsOuverts"))));
        assertEquals(attendu(), commeCsv);
        sansPersonne(json);
        given().header("Authorization", COORDINATEUR).queryParam("du", M1.toString()).queryParam("au", M1.toString())
                .get("/indicateurs/entonnoir").then().statusCode(200).body("commune", nullValue());
    }

    /** RFC 4180 fields of one record (quoted fields with doubled quotes). */
    static List<String> champs(String ligne) {
        List<String> champs = new ArrayList<>();
        StringBuilder c = new StringBuilder();
        boolean cite = false;
        for (int i = 0; i < ligne.length(); i++) {
            char x = ligne.charAt(i);
            if (cite && x == '"' && i + 1 < ligne.length() && ligne.charAt(i + 1) == '"') {
                c.append('"');
                i++;
            } else if (x == '"') {
                cite = !cite;
            } else if (x == ',' && !cite) {
                champs.add(c.toString());
                c.setLength(0);
            } else {
                c.append(x);
            }
        }
        champs.add(c.toString());
        return champs;
    }

    @Test
    void unParametreInvalideEstUn400QuiLeNomme() {
        for (String chemin : List.of("/indicateurs/entonnoir.csv", "/indicateurs/entonnoir")) {
            refuse(chemin, Map.of("du", "2026-06", "au", "2026-01"), "au", "doit être le même mois que du ou un mois après");
            refuse(chemin, Map.of("du", "2026-1", "au", "2026-06"), "du", "doit être un mois AAAA-MM");
            refuse(chemin, Map.of("du", "2026-01", "au", "2026-13"), "au", "doit être un mois AAAA-MM");
            refuse(chemin, Map.of("du", "2024-01", "au", "2027-01"), "au", "au plus 36 mois de du à au inclus");
            refuse(chemin, Map.of("au", "2026-06"), "du", null);
            refuse(chemin, Map.of("du", "2026-01", "au", "2026-06", "commune", "5699"), "commune", null);
            refuse(chemin, Map.of("du", "2026-01", "au", "2026-06", "mois", "2026-03"), "mois", "paramètre inconnu ; paramètres admis : au, commune, du");
            // year 0 is a month like any other, with nothing in it
            given().header("Authorization", COORDINATEUR).queryParam("du", "0000-01").queryParam("au", "0000-12").get(chemin).then()
                    .statusCode(200);
            // 36 months, both ends included, is the most one request takes
            given().header("Authorization", COORDINATEUR).queryParam("du", "2024-01").queryParam("au", "2026-12").queryParam("commune", "56990")
                    .get(chemin).then().statusCode(200);
        }
    }

    static void refuse(String chemin, Map<String, String> parametres, String champ, String raison) {
        var r = given().header("Authorization", COORDINATEUR).queryParams(parametres).get(chemin).then().statusCode(400)
                .contentType("application/problem+json").body("erreurs[0].champ", equalTo(champ));
        if (raison != null) {
            r.body("erreurs[0].raison", equalTo(raison));
        }
    }

    @Test
    void unRdvDesDroitsSansDroitTrouveNePeutPasEtreDansLeFutur() {
        Referentiel.structures();
        String ben = inscrire(HORTENSIAS + " bis", 1);
        ParcoursTest.post(AGENT, "/beneficiaires/" + ben + "/rdv-des-droits", """
                {"date":"%s","droitsExamines":["AAH"],"droitsPotentiels":[]}""".formatted(LocalDate.now(Horloges.PARIS).plusDays(1)))
                .statusCode(400).body("erreurs[0].champ", equalTo("date")).body("erreurs[0].raison", equalTo("ne peut pas être dans le futur"));
    }

    @Test
    void niUnAgentNiUnPartenaireNeLisentLEntonnoir() {
        for (String chemin : List.of("/indicateurs/entonnoir.csv", "/indicateurs/entonnoir")) {
            for (String jeton : List.of(AGENT, Jetons.entete("partenaire", "caf-35"))) {
                given().header("Authorization", jeton).queryParam("du", "2026-01").queryParam("au", "2026-06").get(chemin).then().statusCode(403)
                        .contentType("application/problem+json");
            }
            given().queryParam("du", "2026-01").queryParam("au", "2026-06").get(chemin).then().statusCode(401);
        }
    }
}
