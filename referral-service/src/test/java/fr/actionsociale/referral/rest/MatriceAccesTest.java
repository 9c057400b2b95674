package fr.actionsociale.referral.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.referral.Referentiel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Who may read a person's record, its log and its accesses, and the orientation made for them: every role, from the
 * structure that follows the person, from the structure they were oriented to (before and after they consent), and from an
 * unrelated structure. The expected answers are the rules of DOMAIN.md, written here as a table; the test prints the
 * matrix it observed and fails on any cell that differs, a leak (200 where 403 or 404 is due) above all.
 */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class MatriceAccesTest {

    static final String SUIT = "ccas-pipriac";
    static final String ORIENTEE_VERS = "caf-35";
    static final String SANS_LIEN = "ccas-redon";
    static final List<String> ROLES = List.of("agent", "gestionnaire", "coordinateur", "partenaire", "admin");
    static final List<String> INSTITUTIONS = List.of(SUIT, ORIENTEE_VERS, SANS_LIEN);

    @Test
    void chaqueRoleEtChaqueInstitutionRecoitCeQueLesReglesPrevoient() {
        String agentQuiSuit = Jetons.entete("agent", SUIT);
        String ben = Referentiel.beneficiaire(agentQuiSuit);
        String orientation = ParcoursTest.post(agentQuiSuit, "/orientations", """
                {"beneficiaire":"%s","structure":"%s","commune":"35236","motif":"matrice des accès","droitsVises":["RSA"]}"""
                .formatted(ben, ORIENTEE_VERS)).statusCode(201).extract().path("id");

        Map<String, String> operations = new LinkedHashMap<>();
        operations.put("GET /beneficiaires/{ref}", "/beneficiaires/" + ben);
        operations.put("GET /beneficiaires/{ref}/journal", "/beneficiaires/" + ben + "/journal");
        operations.put("GET /beneficiaires/{ref}/acces", "/beneficiaires/" + ben + "/acces");
        operations.put("GET /orientations/{id}", "/orientations/" + orientation);

        List<String> ecarts = new ArrayList<>();
        StringBuilder matrice = new StringBuilder("\nMatrice des accès de referral-service (attendu = observé, sinon attendu≠observé)\n");
        observer("sans consentement", operations, false, ecarts, matrice);
        ParcoursTest.post(agentQuiSuit, "/beneficiaires/" + ben + "/consentement", "{\"date\":\"%s\",\"portee\":[\"%s\"]}"
                .formatted(LocalDate.now(ZoneId.of("Europe/Paris")), ORIENTEE_VERS)).statusCode(200);
        observer("après consentement au partage avec " + ORIENTEE_VERS, operations, true, ecarts, matrice);
        System.out.println(matrice);
        assertEquals(List.of(), ecarts, "cellules de la matrice qui diffèrent des règles");
    }

    void observer(String situation, Map<String, String> operations, boolean consentement, List<String> ecarts, StringBuilder matrice) {
        matrice.append("\n").append(situation).append("\n").append(String.format("%-34s", ""));
        for (String role : ROLES) {
            for (String inst : INSTITUTIONS) {
                matrice.append(String.format("%-12s", abreger(role) + "@" + abreger(inst)));
            }
        }
        matrice.append('\n');
        for (Map.Entry<String, String> op : operations.entrySet()) {
            matrice.append(String.format("%-34s", op.getKey()));
            for (String role : ROLES) {
                for (String inst : INSTITUTIONS) {
                    int attendu = attendu(op.getKey(), role, inst, consentement);
                    int observe = given().header("Authorization", Jetons.entete(role, inst)).header("X-Motif-Acces", "matrice des accès")
                            .get(op.getValue()).then().extract().statusCode();
                    matrice.append(String.format("%-12s", observe == attendu ? String.valueOf(observe) : attendu + "≠" + observe));
                    if (observe != attendu) {
                        ecarts.add(situation + " : " + op.getKey() + " par " + role + "@" + inst + " → " + observe + " au lieu de " + attendu);
                    }
                }
            }
            matrice.append('\n');
        }
    }

    /**
     * The rules. A person's record: an administrator; an agent or gestionnaire of the structure that registered or oriented
     * them, or of the structure they are oriented to once they agreed to share with it; anyone else of those roles gets the
     * 404 of an unknown person; coordinators and partners never see a person (403). An orientation: an administrator, or an
     * agent of the structure that made it or receives it (it carries only the opaque reference); others 404; other roles 403.
     */
    static int attendu(String operation, String role, String institution, boolean consentement) {
        if (role.equals("admin")) {
            return 200;
        }
        if (operation.startsWith("GET /orientations")) {
            if (!role.equals("agent")) {
                return 403;
            }
            return institution.equals(SANS_LIEN) ? 404 : 200;
        }
        if (!role.equals("agent") && !role.equals("gestionnaire")) {
            return 403;
        }
        if (institution.equals(SUIT) || (institution.equals(ORIENTEE_VERS) && consentement)) {
            return 200;
        }
        return 404;
    }

    static String abreger(String s) {
        return switch (s) {
            case "agent" -> "agt";
            case "gestionnaire" -> "gest";
            case "coordinateur" -> "coord";
            case "partenaire" -> "part";
            case "admin" -> "adm";
            case SUIT -> "suit";
            case ORIENTEE_VERS -> "vers";
            default -> "autre";
        };
    }
}
