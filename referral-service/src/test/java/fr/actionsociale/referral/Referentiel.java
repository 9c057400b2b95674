package fr.actionsociale.referral;

import static io.restassured.RestAssured.given;

import fr.actionsociale.commons.test.Jetons;
import io.restassured.http.ContentType;

/** What every referral test needs first: the structures people are oriented to, and registered beneficiaries. */
public final class Referentiel {

    public static final String ADMIN = Jetons.entete("admin", "departement-35");
    private static volatile boolean structures;

    private Referentiel() {
    }

    /** The structures the tests orient to (created once per run; an existing one answers 409, which is fine). */
    public static void structures() {
        if (structures) {
            return;
        }
        String[][] s = { { "caf-35", "CAF"}, { "france-travail-35", "FRANCE_TRAVAIL" }, { "cdas-pays-de-redon", "CDAS" },
                { "ccas-pipriac", "CCAS" }, { "ccas-redon", "CCAS" }, { "mission-locale-redon", "MISSION_LOCALE" }, { "cpam-35", "CPAM" },
                { "msa-porte-de-bretagne", "MSA" } };
        for (String[] x : s) {
            int statut = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                    .body("{\"code\":\"%s\",\"nom\":\"%s\",\"type\":\"%s\",\"contactPrivilegie\":\"Contact privilégié %s\"}".formatted(x[0], x[0], x[1], x[0]))
                    .post("/structures").then().extract().statusCode();
            if (statut != 201 && statut != 409) {
                throw new IllegalStateException("structure " + x[0] + " : " + statut);
            }
        }
        structures = true;
    }

    /** A beneficiary registered by the agent's structure (fictitious identity); returns its opaque reference. */
    public static String beneficiaire(String agent) {
        return beneficiaire(agent, "35236");
    }

    public static String beneficiaire(String agent, String commune) {
        structures();
        return given().header("Authorization", agent).contentType(ContentType.JSON)
                .body("""
                        {"nom":"Exemple","prenom":"Camille","dateNaissance":"1985-04-12","commune":"%s","quartier":"Bellevue",
                         "canalContact":"TELEPHONE","contact":"02 99 00 00 00"}""".formatted(commune))
                .post("/beneficiaires").then().statusCode(201).extract().path("reference");
    }
}
