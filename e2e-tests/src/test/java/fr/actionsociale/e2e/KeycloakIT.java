package fr.actionsociale.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The identity provider of production, tried: a real Keycloak (its Maven Central distribution, started by {@code suite test} with
 * deploy/k8s's realm) issues the tokens, and the packaged referral-service, verifying them with the settings of its
 * {@code %kubernetes} profile (issuer, the realm's JWKS, audience suite-api), accepts them with the roles and the institution the
 * realm maps: a partner's system by client_credentials, an agent by the authorization code with PKCE of the web client.
 */
class KeycloakIT {

    static final String KEYCLOAK = System.getProperty("suite.keycloak.url");
    static final String ROYAUME = KEYCLOAK + "/realms/action-sociale";
    static final String GROUPE = "referral-service-e2e-keycloak";
    // Keycloak matches a redirect with a wildcard at the end of the path only: the realm names each host that serves pages
    static final String RAPPEL = "https://budget.action-sociale.example.fr/tableau-de-bord.html";

    static Suite.Service referral;
    static Process processus;

    @BeforeAll
    static void demarrer() throws Exception {
        assertNotNull(KEYCLOAK, "suite.keycloak.url absent : lancer les tests par deploy/local/suite test, qui démarre Keycloak");
        // the lines of the %kubernetes profile (SUITE_OIDC_ISSUER, SUITE_OIDC_JWKS, audience suite-api), pointed at this Keycloak
        referral = new Suite.Service("referral-service", 18094, "referral_e2e_keycloak",
                List.of("-Dsuite.topics.prefix=e2e.", "-Dmp.jwt.verify.issuer=" + ROYAUME,
                        "-Dmp.jwt.verify.publickey.location=" + ROYAUME + "/protocol/openid-connect/certs",
                        "-Dmp.jwt.verify.audiences=suite-api",
                        "-Dmp.messaging.incoming.droit-ouvert.group.id=" + GROUPE, "-Dmp.messaging.incoming.droit-refuse.group.id=" + GROUPE,
                        "-Dmp.messaging.incoming.droit-ferme.group.id=" + GROUPE,
                        "-Dmp.messaging.incoming.contact-privilegie-designe.group.id=" + GROUPE));
        Suite.baseNeuve(referral.base(), "referral");
        processus = Suite.demarrer(referral);
    }

    @AfterAll
    static void arreter() throws InterruptedException {
        if (processus != null) {
            processus.destroy();
            processus.waitFor();
        }
    }

    @Test
    void lesJetonsDuRoyaumePortentRolesInstitutionEtAudienceEtLeServiceLesAccepte() throws Exception {
        JsonPath exploitation = revendications(jetonClient("suite-exploitation"));
        assertEquals(ROYAUME, exploitation.getString("iss"));
        assertTrue(audiences(exploitation).contains("suite-api"), "audience suite-api : " + exploitation.get("aud"));
        assertTrue(exploitation.getList("groups").contains("admin"), "rôles : " + exploitation.get("groups"));
        assertEquals("exploitation", exploitation.getString("institution"));

        String admin = "Bearer " + jetonClient("suite-exploitation");
        for (String s : List.of("ccas-pipriac", "ccas-redon", "caf-35")) {
            given().baseUri(referral.url()).header("Authorization", admin).contentType(ContentType.JSON)
                    .body("{\"code\":\"%s\",\"nom\":\"%s\",\"type\":\"%s\"}".formatted(s, s, s.startsWith("caf") ? "CAF" : "CCAS"))
                    .post("/structures").then().statusCode(201);
        }

        // an agent of the CCAS of Pipriac, through the web client's authorization code with PKCE
        String agentPipriac = jetonAgent("ccas-pipriac");
        JsonPath agent = revendications(agentPipriac);
        assertTrue(agent.getList("groups").contains("agent"), "rôles : " + agent.get("groups"));
        assertEquals("ccas-pipriac", agent.getString("institution"));
        assertTrue(audiences(agent).contains("suite-api"));
        String ben = given().baseUri(referral.url()).header("Authorization", "Bearer " + agentPipriac).contentType(ContentType.JSON)
                .body("""
                        {"nom":"Exemple","prenom":"Camille","dateNaissance":"1985-04-12","commune":"35220","quartier":"Bourg",
                         "canalContact":"TELEPHONE","contact":"02 99 00 00 00"}""")
                .post("/beneficiaires").then().statusCode(201).extract().path("reference");
        String orientation = given().baseUri(referral.url()).header("Authorization", "Bearer " + agentPipriac).contentType(ContentType.JSON)
                .body("{\"beneficiaire\":\"%s\",\"structure\":\"caf-35\",\"commune\":\"35220\",\"motif\":\"RSA\",\"droitsVises\":[\"RSA\"]}".formatted(ben))
                .post("/orientations").then().statusCode(201).extract().path("id");
        // the institution claim is the agent's scope: the orienting structure is the token's, another CCAS does not see it
        given().baseUri(referral.url()).header("Authorization", "Bearer " + agentPipriac).get("/orientations/" + orientation)
                .then().statusCode(200).body("orientePar", org.hamcrest.Matchers.equalTo("ccas-pipriac"));
        given().baseUri(referral.url()).header("Authorization", "Bearer " + jetonAgent("ccas-redon")).get("/orientations/" + orientation)
                .then().statusCode(404);

        // the CAF's system: role partenaire, institution caf-35; an agent's operation is refused to it
        String caf = jetonClient("caf-35");
        JsonPath partenaire = revendications(caf);
        assertTrue(partenaire.getList("groups").contains("partenaire"), "rôles : " + partenaire.get("groups"));
        assertEquals("caf-35", partenaire.getString("institution"));
        given().baseUri(referral.url()).header("Authorization", "Bearer " + caf).get("/data-inclusion/structures.json").then().statusCode(200);
        given().baseUri(referral.url()).header("Authorization", "Bearer " + caf).get("/orientations/" + orientation).then().statusCode(403);

        // a token the realm did not sign (the local key of `suite token`) is refused, as is no token at all
        given().baseUri(referral.url()).header("Authorization", Jetons.entete("agent", "ccas-pipriac")).get("/orientations/" + orientation)
                .then().statusCode(401);
        given().baseUri(referral.url()).get("/orientations/" + orientation).then().statusCode(401);
    }

    /**
     * Requests to Keycloak itself, without the OpenAPI contract filter that other end-to-end classes install for every request
     * (it checks the suite's services, not the identity provider).
     */
    static RequestSpecification keycloak() {
        return given().noFilters();
    }

    /** The bootstrap administrator's token, asked for each use: the master realm's tokens last one minute. */
    static String jetonAdminKeycloak() throws Exception {
        return keycloak().formParams(Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                "password", Files.readString(Path.of(System.getProperty("suite.keycloak.admin-password-file"))).strip()))
                .post(KEYCLOAK + "/realms/master/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    /** client_credentials with the secret Keycloak generated for the client when it imported the realm. */
    static String jetonClient(String client) throws Exception {
        return keycloak().auth().preemptive().basic(client, secretDuClient(client)).formParam("grant_type", "client_credentials")
                .post(ROYAUME + "/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    static String secretDuClient(String client) throws Exception {
        String admin = jetonAdminKeycloak();
        String id = keycloak().auth().oauth2(admin).queryParam("clientId", client)
                .get(KEYCLOAK + "/admin/realms/action-sociale/clients").then().statusCode(200).extract().path("[0].id");
        return keycloak().auth().oauth2(admin).get(KEYCLOAK + "/admin/realms/action-sociale/clients/" + id + "/client-secret")
                .then().statusCode(200).extract().path("value");
    }

    /** A new agent of the institution (realm role agent, attribute institution), logged in through the login form of suite-web. */
    static String jetonAgent(String institution) throws Exception {
        String identifiant = "agent-" + institution + "-" + UUID.randomUUID().toString().substring(0, 8);
        String motDePasse = "Mdp-" + UUID.randomUUID();
        String admin = jetonAdminKeycloak();
        String cree = keycloak().auth().oauth2(admin).contentType(ContentType.JSON).body(Map.of(
                "username", identifiant, "enabled", true, "email", identifiant + "@example.fr", "emailVerified", true,
                "firstName", "Agent", "lastName", "Essai", "attributes", Map.of("institution", List.of(institution)),
                "credentials", List.of(Map.of("type", "password", "value", motDePasse, "temporary", false))))
                .post(KEYCLOAK + "/admin/realms/action-sociale/users").then().statusCode(201).extract().header("Location");
        Map<String, Object> role = keycloak().auth().oauth2(admin).get(KEYCLOAK + "/admin/realms/action-sociale/roles/agent")
                .then().statusCode(200).extract().as(Map.class);
        keycloak().auth().oauth2(admin).contentType(ContentType.JSON).body(List.of(role)).post(cree + "/role-mappings/realm")
                .then().statusCode(204);

        byte[] alea = new byte[32];
        new SecureRandom().nextBytes(alea);
        String verificateur = Base64.getUrlEncoder().withoutPadding().encodeToString(alea);
        String defi = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verificateur.getBytes(StandardCharsets.US_ASCII)));
        // the login session's cookies are sent back by hand: Keycloak marks them Secure, and a cookie store would keep them
        // for https only, while this Keycloak listens on http (as a browser on localhost would allow)
        Response formulaire = keycloak().redirects().follow(false)
                .queryParams(Map.of("client_id", "suite-web", "response_type", "code", "scope", "openid", "redirect_uri", RAPPEL,
                        "state", "e2e", "code_challenge", defi, "code_challenge_method", "S256"))
                .get(ROYAUME + "/protocol/openid-connect/auth");
        assertEquals(200, formulaire.statusCode(), formulaire.asString());
        String page = formulaire.asString();
        Matcher action = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|<form[^>]*action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"")
                .matcher(page);
        assertTrue(action.find(), "formulaire de connexion introuvable");
        String url = (action.group(1) != null ? action.group(1) : action.group(2)).replace("&amp;", "&");
        Response connexion = keycloak().cookies(formulaire.getCookies()).redirects().follow(false).contentType(ContentType.URLENC)
                .formParams(Map.of("username", identifiant, "password", motDePasse, "credentialId", "")).post(url);
        assertEquals(302, connexion.statusCode(), "connexion refusée : " + connexion.asString());
        String retour = connexion.header("Location");
        assertTrue(retour.startsWith(RAPPEL), "retour : " + retour);
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(retour);
        assertTrue(code.find(), "pas de code dans " + retour);
        return keycloak().formParams(Map.of("grant_type", "authorization_code", "client_id", "suite-web", "code", code.group(1),
                "redirect_uri", RAPPEL, "code_verifier", verificateur))
                .post(ROYAUME + "/protocol/openid-connect/token").then().statusCode(200).extract().path("access_token");
    }

    static JsonPath revendications(String jeton) {
        return new JsonPath(new String(Base64.getUrlDecoder().decode(jeton.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    static List<String> audiences(JsonPath revendications) {
        Object aud = revendications.get("aud");
        return aud instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(aud));
    }
}
