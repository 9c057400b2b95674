package fr.actionsociale.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.referral.Referentiel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The worklist read page by page with its cursor (issue 17): every step once, in order, while others are added. */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class PaginationListeDeTravailTest {

    static final String CAF_PARTENAIRE = Jetons.entete("partenaire", "caf-35");
    static final LocalDate AUJOURDHUI = LocalDate.now(ZoneId.of("Europe/Paris"));

    /** A structure of its own, so that no other test's steps enter its list. */
    final String structure = "ccas-pagination-" + UUID.randomUUID().toString().substring(0, 8);
    final String agent = Jetons.entete("agent", structure);

    /** A person registered by the structure whose RSA opened {@code joursAvant} days ago: two late steps in its list. */
    String entrant(int joursAvant) {
        String ben = Referentiel.beneficiaire(agent);
        given().header("Authorization", CAF_PARTENAIRE).contentType(ContentType.JSON)
                .body("{\"beneficiaire\":\"%s\",\"droit\":\"RSA\",\"etat\":\"OUVERT\",\"date\":\"%s\"}".formatted(ben, AUJOURDHUI.minusDays(joursAvant)))
                .post("/droits/signalements").then().statusCode(201);
        return ben;
    }

    JsonPath page(String apres, int taille) {
        var requete = given().header("Authorization", agent).queryParam("structure", structure).queryParam("jours", 0).queryParam("taille", taille);
        if (apres != null) {
            requete.queryParam("apres", apres);
        }
        return requete.get("/suivi/a-traiter").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void lesPagesCouvrentChaqueEtapeUneFoisDansLOrdreMemeSiDAutresSAjoutent() {
        for (int j = 60; j > 39; j -= 3) {
            entrant(j); // 7 people, 14 late steps, deadlines 15 days and a month after openings 60 to 42 days ago
        }
        List<Map<String, Object>> avant = page(null, 500).getList("elements");
        assertEquals(14, avant.size(), "la liste entière tient dans une page de 500");

        List<Map<String, Object>> lues = new ArrayList<>();
        String apres = null;
        int pages = 0;
        String ajouteApres = null;
        String ajouteAvant = null;
        do {
            JsonPath p = page(apres, 3);
            List<Map<String, Object>> elements = p.getList("elements");
            assertTrue(elements.size() <= 3, "taille respectée");
            lues.addAll(elements);
            apres = p.getString("suivant");
            pages++;
            if (pages == 2) {
                // meanwhile, one person whose steps sort after the cursor and one whose steps sort before it
                ajouteApres = entrant(35); // deadlines 20 and about 4 days ago: late, after the cursor
                ajouteAvant = entrant(90);
            }
        } while (apres != null);

        // every step present at the start, once, in the first read's order
        List<String> ids = lues.stream().map(e -> (String) ((Map<?, ?>) e.get("etape")).get("id")).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "aucune étape deux fois");
        List<String> idsAvant = avant.stream().map(e -> (String) ((Map<?, ?>) e.get("etape")).get("id")).toList();
        assertEquals(idsAvant, ids.stream().filter(idsAvant::contains).toList(), "chaque étape du début, une fois, dans l'ordre");
        // in (deadline, id) order across pages
        for (int i = 1; i < lues.size(); i++) {
            String d0 = (String) ((Map<?, ?>) lues.get(i - 1).get("etape")).get("dateLimite");
            String d1 = (String) ((Map<?, ?>) lues.get(i).get("etape")).get("dateLimite");
            assertTrue(d0.compareTo(d1) <= 0, "trié par délai : " + d0 + " puis " + d1);
        }
        // the steps added after the cursor come in the later pages; those before it are not read again by this walk
        String apresAjout = ajouteApres;
        String avantAjout = ajouteAvant;
        assertEquals(2, lues.stream().filter(e -> apresAjout.equals(e.get("beneficiaire"))).count(), "ajoutées après le curseur : lues");
        assertEquals(0, lues.stream().filter(e -> avantAjout.equals(e.get("beneficiaire"))).count(), "ajoutées avant le curseur : pas lues");
        assertEquals(16, lues.size());
        // a fresh walk reads all 18
        assertEquals(18, page(null, 500).getList("elements").size());
    }

    @Test
    void laDernierePageNAPasDeSuivantEtLeCurseurEstOpaque() {
        entrant(50);
        JsonPath p = page(null, 1);
        String suivant = p.getString("suivant");
        assertNotNull(suivant);
        assertTrue(suivant.matches("[A-Za-z0-9_-]+"), "curseur opaque et sûr dans une URL : " + suivant);
        given().header("Authorization", agent).queryParam("structure", structure).queryParam("jours", 0).queryParam("apres", suivant)
                .get("/suivi/a-traiter").then().statusCode(200).body("elements.size()", equalTo(1)).body("suivant", nullValue());
    }

    @Test
    void unCurseurQueLeServiceNAPasEcritEstUn400QuiNommeApres() {
        Set<String> mauvais = Set.of("abc!", "pas-un-curseur", Base64.getUrlEncoder().encodeToString("2026-13-40|x".getBytes(StandardCharsets.UTF_8)),
                Base64.getUrlEncoder().withoutPadding().encodeToString("2026-01-01".getBytes(StandardCharsets.UTF_8)), "x".repeat(300));
        for (String apres : mauvais) {
            given().header("Authorization", agent).queryParam("structure", structure).queryParam("apres", apres).get("/suivi/a-traiter").then()
                    .statusCode(400).contentType("application/problem+json").body("erreurs[0].champ", equalTo("apres"))
                    .body("erreurs[0].raison", containsString("curseur invalide"));
        }
        for (String taille : List.of("0", "501", "abc")) {
            given().header("Authorization", agent).queryParam("structure", structure).queryParam("taille", taille).get("/suivi/a-traiter").then()
                    .statusCode(400).contentType("application/problem+json").body("erreurs[0].champ", equalTo("taille"));
        }
    }

    @Test
    void lesRupturesSeLisentAussiParPagesChacuneUneFoisDansLOrdre() {
        List<String> rsaFermes = new ArrayList<>();
        for (int j = 30; j > 20; j -= 3) {
            String ben = entrant(j + 200);
            // the CAF closes the RSA: a break in the list of the structure that follows the person
            given().header("Authorization", CAF_PARTENAIRE).contentType(ContentType.JSON)
                    .body("{\"beneficiaire\":\"%s\",\"droit\":\"RSA\",\"etat\":\"FERME\",\"date\":\"%s\"}".formatted(ben, AUJOURDHUI.minusDays(j)))
                    .post("/droits/signalements").then().statusCode(201);
            rsaFermes.add(ben);
        }
        List<String> lus = new ArrayList<>();
        String apres = null;
        do {
            var requete = given().header("Authorization", agent).queryParam("structure", structure).queryParam("taille", 1);
            if (apres != null) {
                requete.queryParam("apres", apres);
            }
            JsonPath p = requete.get("/suivi/ruptures").then().statusCode(200).extract().jsonPath();
            assertTrue(p.getList("elements").size() <= 1);
            lus.addAll(p.getList("elements.beneficiaire", String.class));
            apres = p.getString("suivant");
        } while (apres != null);
        // the oldest break first: the RSA closed 30 days ago, then 27, 24, 21
        assertEquals(rsaFermes, lus);
        given().header("Authorization", agent).queryParam("structure", structure).queryParam("apres", "pas-un-curseur").get("/suivi/ruptures").then()
                .statusCode(400).contentType("application/problem+json").body("erreurs[0].champ", equalTo("apres"));
    }
}
