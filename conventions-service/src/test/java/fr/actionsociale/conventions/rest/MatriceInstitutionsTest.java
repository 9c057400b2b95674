package fr.actionsociale.conventions.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.MatriceRoles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The access matrix of conventions-service: the role half for every operation (docs/matrice-des-acces.md), then the
 * institution half on a real convention: every write is tried first by the gestionnaire of an institution that is not a party
 * (403 due, and nothing written), then by a party's (accepted). Before this test, any gestionnaire could add commitments,
 * governance bodies, meetings and amendments to another institution's convention.
 */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class MatriceInstitutionsTest {

    @Test
    void chaqueOperationRepondACeQueLaRegleEcritePrevoitPourChaqueRole() {
        MatriceRoles.verifier("conventions-service");
    }

    @Test
    void seulesLesPartiesEcriventDansUneConvention() {
        ConventionResourceTest.Trio t = ConventionResourceTest.institutions(true);
        String etrangere = ConventionResourceTest.institutions(true).a();
        String id = ConventionResourceTest.rediger(ConventionResourceTest.convention(t, "2014-03-01", "2030-12-31", "4000.00")).statusCode(201)
                .extract().path("id");
        String c = "/conventions/" + id;
        List<String> ecarts = new ArrayList<>();
        StringBuilder matrice = new StringBuilder("\nMatrice des institutions de conventions-service (gestionnaire non partie, puis partie)\n");

        String engagement = essayer(ecarts, matrice, "POST " + c + "/engagements", etrangere, t.a(), 201, """
                {"institution":"%s","article":"Article 9","nature":"PERMANENCE","libelle":"Permanence","quantite":1,"unite":"demi-journée",
                 "rythme":"QUINZAINE","multiplicateur":1,"dateDebut":"2015-01-05","dateFin":"2016-01-03"}""".formatted(t.b()));
        String comite = essayer(ecarts, matrice, "POST " + c + "/gouvernance", etrangere, t.a(), 201,
                "{\"type\":\"COMITE_PILOTAGE\",\"nom\":\"Comité\",\"membres\":[\"%s\",\"%s\"],\"reunionsParAn\":4}".formatted(t.a(), t.b()));
        essayer(ecarts, matrice, "POST " + c + "/gouvernance/" + comite + "/reunions", etrangere, t.a(), 201, "{\"date\":\"2014-04-10\"}");
        essayer(ecarts, matrice, "POST " + c + "/repartitions", etrangere, t.a(), 200, "{\"montant\":4000.00,\"annee\":2015}");
        essayer(ecarts, matrice, "POST " + c + "/soumission", etrangere, t.a(), 200, null);
        // signing: each for itself (the foreign gestionnaire signing for a party is refused)
        for (String partie : List.of(t.a(), t.b(), t.c())) {
            essayer(ecarts, matrice, "POST " + c + "/signatures", etrangere, partie, 200, """
                    {"institution":"%s","date":"2014-02-10","deliberation":{"numero":"D-1","instance":"Conseil d'administration","date":"2014-02-01"}}"""
                    .formatted(partie));
        }
        // a party declares its own delay to the funder; a foreign institution declares none for it
        essayer(ecarts, matrice, "POST " + c + "/retards", etrangere, t.a(), 201, """
                {"institution":"%s","objet":"Permanence","motif":"Local indisponible","ancienneDate":"2015-01-05","nouvelleDate":"2015-02-02"}"""
                .formatted(t.a()));
        // the committed party records what it did, another party may not
        essayer(ecarts, matrice, "POST " + c + "/engagements/" + engagement + "/realisations", t.c(), t.b(), 201,
                "{\"date\":\"2015-01-12\",\"quantite\":2}");
        essayer(ecarts, matrice, "POST " + c + "/avenants", etrangere, t.a(), 201, "{\"objet\":\"Un an de plus\",\"nouvelleDateFin\":\"2031-12-31\"}");
        String admin = Jetons.entete("admin", "departement-35");
        int numero = given().header("Authorization", admin).get(c + "/avenants").then().statusCode(200).extract().path("[0].numero");
        // the CCAS approves on its board's deliberation (seed 004, article 9)
        String deliberation = given().header("Authorization", admin).contentType(io.restassured.http.ContentType.JSON).body("""
                {"institution":"%s","organe":"CONSEIL_ADMINISTRATION","dateSeance":"2015-01-05","objet":"Avenant","autorise":["APPROUVER_AVENANT"]}"""
                .formatted(t.a())).post("/deliberations").then().statusCode(201).extract().path("id");
        essayer(ecarts, matrice, "POST " + c + "/avenants/" + numero + "/approbations", etrangere, t.a(), 200,
                "{\"institution\":\"%s\",\"date\":\"2015-01-10\",\"deliberationId\":\"%s\"}".formatted(t.a(), deliberation));
        essayer(ecarts, matrice, "POST " + c + "/resiliation", etrangere, t.b(), 200,
                "{\"mode\":\"UNILATERALE\",\"institution\":\"%s\",\"dateLettre\":\"2026-01-15\"}".formatted(t.b()));
        System.out.println(matrice);
        // the refused writes left nothing behind: one of each, the party's
        for (String liste : List.of("/engagements", "/gouvernance", "/avenants", "/retards")) {
            assertEquals(1, given().header("Authorization", admin).get(c + liste).then().statusCode(200).extract().jsonPath().getList("$").size(), liste);
        }
        assertEquals(List.of(), ecarts, "cellules de la matrice des institutions qui diffèrent de la règle");
    }

    /**
     * The same request by the foreign institution's gestionnaire (403 due; the body names the party's institution where it
     * must, so that only the caller differs), then by the party's.
     *
     * @return the id of what the party created, if any
     */
    static String essayer(List<String> ecarts, StringBuilder matrice, String operation, String refusee, String admise, int attendu, String corps) {
        String methode = operation.substring(0, operation.indexOf(' '));
        String chemin = operation.substring(operation.indexOf(' ') + 1);
        int refus = appel(methode, chemin, refusee, corps).statusCode();
        io.restassured.response.ExtractableResponse<io.restassured.response.Response> r = appel(methode, chemin, admise, corps);
        matrice.append(String.format("%-80s non partie %s   partie %s%n", operation.replaceAll("[0-9a-f-]{36}", "{id}"), refus == 403 ? "403" : "403≠" + refus,
                r.statusCode() == attendu ? String.valueOf(attendu) : attendu + "≠" + r.statusCode()));
        if (refus != 403) {
            ecarts.add(operation + " par un gestionnaire de " + refusee + " → " + refus + " au lieu de 403");
        }
        if (r.statusCode() != attendu) {
            ecarts.add(operation + " par un gestionnaire de " + admise + " → " + r.statusCode() + " au lieu de " + attendu + " : " + r.asString());
        }
        return r.statusCode() == 201 ? r.path("id") : null;
    }

    static io.restassured.response.ExtractableResponse<io.restassured.response.Response> appel(String methode, String chemin, String institution,
            String corps) {
        var req = given().header("Authorization", Jetons.entete("gestionnaire", institution));
        if (corps != null) {
            req.contentType(ContentType.JSON).body(corps);
        }
        return req.request(methode, chemin).then().extract();
    }
}
