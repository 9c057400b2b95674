package fr.actionsociale.conventions.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.conventions.domain.SchemaScdl;
import fr.actionsociale.conventions.domain.ScdlSubventions;
import fr.actionsociale.conventions.domain.Siret;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(Jetons.class)
class ScdlExportTest {

    static final String ADMIN = Jetons.entete("admin", "departement-35");

    static String siret() {
        Random r = new Random();
        while (true) {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < 13; i++) {
                s.append(r.nextInt(10));
            }
            for (int d = 0; d < 10; d++) {
                if (Siret.valide(s.toString() + d) && !s.toString().startsWith("356000000")) {
                    return s.toString() + d;
                }
            }
        }
    }

    static String institution(String code, String nom, String type, String siret) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"code\":\"%s\",\"nom\":\"%s\",\"type\":\"%s\"%s}".formatted(code, nom, type,
                        siret == null ? "" : ",\"siret\":\"" + siret + "\""))
                .post("/institutions").then().statusCode(201);
        return code;
    }

    /** The SCDL subventions 2.1.1 constraints, read from the official schema. */
    static void conforme(List<String> l) {
        assertEquals(List.of(), SchemaScdl.v211().ecarts(l), "écarts au schéma SCDL Subventions 2.1.1");
    }

    static List<List<String>> lire(String csv) {
        List<List<String>> lignes = new ArrayList<>();
        List<String> champs = new ArrayList<>();
        StringBuilder champ = new StringBuilder();
        boolean guillemets = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (guillemets) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    champ.append('"');
                    i++;
                } else if (c == '"') {
                    guillemets = false;
                } else {
                    champ.append(c);
                }
            } else if (c == '"') {
                guillemets = true;
            } else if (c == ',') {
                champs.add(champ.toString());
                champ.setLength(0);
            } else if (c == '\n') {
                champs.add(champ.toString().replace("\r", ""));
                champ.setLength(0);
                lignes.add(champs);
                champs = new ArrayList<>();
            } else {
                champ.append(c);
            }
        }
        return lignes;
    }

    @Test
    void lesConventionsDeFinancementSigneesSontExporteesConformesAuSchema() {
        String s = UUID.randomUUID().toString().substring(0, 6);
        String etat = institution("etat-" + s, "État, DREETS " + s, "ETAT", siret());
        String dep = institution("dep-" + s, "Département, " + s, "DEPARTEMENT", siret());
        String id = ConventionResourceTest.rediger("""
                {"reference":"SCDL-%s","objet":"Accompagnement rénové des allocataires du RSA, \\"France Travail\\"","type":"FINANCEMENT",
                 "porteur":"%s","territoire":[],"dateDebut":"2023-05-31","dateFin":"2024-12-31","montantTotal":719689.00,
                 "parties":[{"institution":"%s","role":"PORTEUR"},{"institution":"%s","role":"FINANCEUR",
                   "deliberation":{"numero":"ARR-2023-77","instance":"Préfecture","date":"2023-06-01"}}],
                 "versements":[{"pourcentage":60,"declencheur":"SIGNATURE","delaiJours":15},
                               {"pourcentage":40,"declencheur":"RAPPORT_INTERMEDIAIRE","delaiJours":30}]}"""
                .formatted(s, dep, dep, etat)).statusCode(201).extract().path("id");
        given().header("Authorization", ADMIN).post("/conventions/" + id + "/soumission").then().statusCode(200);
        ConventionResourceTest.signer(id, dep, "admin", "2023-06-20").statusCode(200);
        ConventionResourceTest.signer(id, etat, "admin", "2023-06-26").statusCode(200);
        // a funding convention whose parties have no SIRET cannot be published
        ConventionResourceTest.Trio sansSiret = ConventionResourceTest.institutions(true);
        String incomplete = ConventionResourceTest.rediger(EcheanceResourceTest.financement(sansSiret)).statusCode(201).extract().path("reference");

        Response r = given().header("Authorization", ADMIN).get("/conventions/export/scdl-subventions.csv");
        r.then().statusCode(200).contentType(containsString("text/csv")).header("X-Conventions-Incompletes", containsString(incomplete));
        List<List<String>> lignes = lire(r.asString());
        assertEquals(SchemaScdl.v211().colonnes(), lignes.get(0));
        lignes.subList(1, lignes.size()).forEach(ScdlExportTest::conforme);
        List<String> notre = lignes.stream().filter(l -> l.get(4).equals("Département, " + s)).findFirst().orElseThrow();
        // the decision is the financing party's deliberation, the one its signature recorded
        assertEquals(List.of("État, DREETS " + s, "2023-06-26", "D-" + etat, "719689.00", "échelonné"),
                List.of(notre.get(0), notre.get(2), notre.get(3), notre.get(8), notre.get(10)));
        // the balance's date is not known until the interim report: the period is the convention's
        assertEquals("2023-05-31/2024-12-31", notre.get(11));
        assertEquals("Accompagnement rénové des allocataires du RSA, \"France Travail\"", notre.get(7));
    }
}
