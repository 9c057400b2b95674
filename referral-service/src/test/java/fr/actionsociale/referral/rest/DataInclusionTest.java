package fr.actionsociale.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.referral.Referentiel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * Issue 19: the structures and services referral-service knows, published in the data·inclusion schema v1. Every row of both
 * exports, JSON and CSV read back, is validated against data·inclusion's own JSON Schemas (vendored, v1.0.8, formats asserted);
 * a service outside data·inclusion's enumerations is refused with the field named and nothing written; an orientation names
 * a service of the structure it orients to, never another's.
 */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class DataInclusionTest {

    static final String ADMIN = Referentiel.ADMIN;
    static final String COORDINATEUR = Jetons.entete("coordinateur", "departement-35");
    static final String AGENT = Jetons.entete("agent", "cdas-pays-de-redon");
    static final String SOURCE = "action-sociale-pays-de-redon";
    static final String ACCES_AUX_DROITS = "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits";
    static final String CONTACT = "Mme Contact-Privilegie 06 12 34 56 78";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    /** A structure of this run, with its public details, its address and a privileged contact that must never be published. */
    static String structure() {
        String code = "di-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("""
                {"code":"%s","nom":"CCAS de test, data·inclusion","type":"CCAS","communes":["35220"],"contactPrivilegie":"%s",
                 "adresse":{"voie":"1 place de la Mairie","codePostal":"35550","localite":"Pipriac"},"codeInsee":"35220",
                 "siret":"99900000000029","telephone":"+33299000000","courriel":"accueil@ccas-test.fr","siteWeb":"https://www.pipriac.fr/ccas",
                 "horairesAccueil":"Mo-Fr 09:00-12:00","description":"Le centre communal d'action sociale de Pipriac."}"""
                .formatted(code, CONTACT)).post("/structures").then().statusCode(201)
                .body("reseauxPorteurs[0]", equalTo("ccas-cias")).body("siret", equalTo("99900000000029"));
        return code;
    }

    static String service(String nom, String type, String thematique, String publics) {
        return """
                {"nom":"%s","description":"Un entretien pour faire le point sur tous vos droits et les demander.","type":"%s",
                 "thematiques":["%s"],"frais":"gratuit","publics":%s,"modesAccueil":["en-presentiel","a-distance"],
                 "modesMobilisation":["telephoner","se-presenter"],"mobilisablePar":["usagers","professionnels"],
                 "telephone":"+33299000000","volumeHoraireHebdomadaire":1.5,"nombreSemaines":1,"dateMaj":"2026-11-20"}"""
                .formatted(nom, type, thematique, publics);
    }

    static ValidatableResponse poster(String code, String cle, String corps) {
        return given().header("Authorization", ADMIN).header("Idempotency-Key", cle).contentType(ContentType.JSON).body(corps)
                .post("/structures/" + code + "/services").then();
    }

    static JsonSchema schema(String nom) throws IOException {
        try (InputStream in = DataInclusionTest.class.getResourceAsStream("/data-inclusion/" + nom + ".json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        }
    }

    /** Every row valid against data·inclusion's schema; returns the rows. */
    static List<JsonNode> valides(String nom, JsonNode lignes) throws IOException {
        JsonSchema s = schema(nom);
        List<String> violations = new ArrayList<>();
        List<JsonNode> l = new ArrayList<>();
        for (JsonNode ligne : lignes) {
            Set<ValidationMessage> v = s.validate(ligne);
            v.forEach(m -> violations.add(ligne.path("id").asText() + " : " + m.getMessage()));
            l.add(ligne);
        }
        assertEquals(List.of(), violations, "lignes " + nom + " invalides contre le schéma data·inclusion");
        return l;
    }

    @Test
    void lesStructuresEtLeursServicesSontPubliesEnJsonEtEnCsvValidesContreLeSchemaDataInclusion() throws IOException {
        String code = structure();
        String id = poster(code, "di-" + code + "-rdv", service("Rendez-vous des droits", "accompagnement", ACCES_AUX_DROITS,
                "[\"beneficiaires-des-minimas-sociaux\",\"familles\"]")).statusCode(201)
                .header("Location", containsString("/structures/" + code + "/services/"))
                .body("zoneEligibilite[0]", equalTo("35220")).body("dateMaj", equalTo("2026-11-20")).extract().path("id");
        // a service with little more than what data·inclusion requires: the lists not given stay absent
        poster(code, "di-" + code + "-min", "{\"nom\":\"Domiciliation, etc.\",\"description\":\"Une adresse pour recevoir son courrier.\"}")
                .statusCode(201).body("thematiques.size()", equalTo(0));

        given().header("Authorization", AGENT).get("/structures/" + code + "/services").then().statusCode(200)
                .body("size()", equalTo(2)).body("find { it.id == '%s' }.publics[1]".formatted(id), equalTo("familles"));

        // JSON: every row of both exports, the ones of other tests too
        String structuresJson = given().header("Authorization", COORDINATEUR).get("/data-inclusion/structures.json").then().statusCode(200)
                .contentType(ContentType.JSON).extract().asString();
        String servicesJson = given().header("Authorization", COORDINATEUR).get("/data-inclusion/services.json").then().statusCode(200)
                .contentType(ContentType.JSON).extract().asString();
        List<JsonNode> structures = valides("structure", JSON.readTree(structuresJson));
        List<JsonNode> services = valides("service", JSON.readTree(servicesJson));
        JsonNode s = structures.stream().filter(n -> n.path("id").asText().equals(SOURCE + "--" + code)).findFirst().orElseThrow();
        assertEquals(SOURCE, s.path("source").asText());
        assertEquals("CCAS de test, data·inclusion", s.path("nom").asText());
        assertEquals("ccas-cias", s.path("reseaux_porteurs").get(0).asText());
        assertEquals("35220", s.path("code_insee").asText());
        assertEquals("Pipriac", s.path("commune").asText());
        assertEquals("accueil@ccas-test.fr", s.path("courriel").asText());
        JsonNode rdv = services.stream().filter(n -> n.path("id").asText().equals(SOURCE + "--" + id)).findFirst().orElseThrow();
        assertEquals(SOURCE + "--" + code, rdv.path("structure_id").asText());
        assertEquals("[\"en-presentiel\",\"a-distance\"]", rdv.path("modes_accueil").toString());
        assertEquals("1 place de la Mairie", rdv.path("adresse").asText(), "l'adresse du service est celle de sa structure");
        assertEquals(1.5, rdv.path("volume_horaire_hebdomadaire").asDouble());
        // the validator is live: the same row with a value outside an enumeration, or a malformed e-mail, is refused
        ObjectNode faux = rdv.deepCopy();
        faux.putArray("thematiques").add("acces-aux-droits");
        faux.put("courriel", "pas-un-courriel");
        Set<String> refus = schema("service").validate(faux).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        assertTrue(refus.stream().anyMatch(m -> m.startsWith("/thematiques/0")) && refus.stream().anyMatch(m -> m.startsWith("/courriel")),
                refus.toString());
        assertTrue(services.stream().allMatch(n -> structures.stream().anyMatch(t -> t.path("id").equals(n.path("structure_id")))),
                "chaque service publié rattaché à une structure publiée");
        // open data: the privileged contact (a person) appears nowhere
        assertFalse(structuresJson.contains("Contact-Privilegie") || servicesJson.contains("Contact-Privilegie"), "contact privilégié publié");

        // CSV read back: the same rows, each valid against the schema once lists and numbers are read as data·inclusion types them
        String structuresCsv = given().header("Authorization", COORDINATEUR).get("/data-inclusion/structures.csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).header("Content-Disposition", containsString("structures.csv")).extract().asString();
        String servicesCsv = given().header("Authorization", COORDINATEUR).get("/data-inclusion/services.csv").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertFalse(structuresCsv.contains("Contact-Privilegie"), "contact privilégié publié en CSV");
        ArrayNode structuresLues = lireCsv(structuresCsv, "structure");
        ArrayNode servicesLus = lireCsv(servicesCsv, "service");
        valides("structure", structuresLues);
        valides("service", servicesLus);
        assertEquals(sansNuls(JSON.readTree(structuresJson)), sansNuls(structuresLues), "le CSV des structures dit ce que dit le JSON");
        assertEquals(sansNuls(JSON.readTree(servicesJson)), sansNuls(servicesLus), "le CSV des services dit ce que dit le JSON");
        assertTrue(structuresCsv.startsWith("source,id,nom,date_maj,siret,reseaux_porteurs,"), structuresCsv.lines().findFirst().orElse(""));
        assertTrue(structuresCsv.contains("\"CCAS de test, data·inclusion\""), "un nom qui contient une virgule est cité");
    }

    @Test
    void unServiceHorsDesEnumerationsDataInclusionEstRefuseEnNommantLeChampEtRienNEstEcrit() {
        String code = structure();
        Map<String, String> refus = new LinkedHashMap<>();
        refus.put("type", service("Rendez-vous des droits", "conseil", ACCES_AUX_DROITS, "[\"familles\"]"));
        refus.put("thematiques", service("Rendez-vous des droits", "accompagnement", "acces-aux-droits", "[\"familles\"]"));
        refus.put("publics", service("Rendez-vous des droits", "accompagnement", ACCES_AUX_DROITS, "[\"tous-publics\",\"familles\"]"));
        refus.put("frais", service("Rendez-vous des droits", "accompagnement", ACCES_AUX_DROITS, "[\"familles\"]")
                .replace("\"gratuit\"", "\"gratuite\""));
        refus.put("modesAccueil", service("Rendez-vous des droits", "accompagnement", ACCES_AUX_DROITS, "[\"familles\"]")
                .replace("\"a-distance\"", "\"telephone\""));
        refus.put("mobilisablePar", service("Rendez-vous des droits", "accompagnement", ACCES_AUX_DROITS, "[\"familles\"]")
                .replace("\"usagers\"", "\"beneficiaires\""));
        refus.put("zoneEligibilite", service("Rendez-vous des droits", "accompagnement", ACCES_AUX_DROITS, "[\"familles\"]")
                .replace("\"telephone\":", "\"zoneEligibilite\":[\"Pipriac\"],\"telephone\":"));
        refus.put("dateMaj", service("Rendez-vous des droits", "accompagnement", ACCES_AUX_DROITS, "[\"familles\"]")
                .replace("2026-11-20", "2999-01-01"));
        refus.put("nom", service("RD", "accompagnement", ACCES_AUX_DROITS, "[\"familles\"]"));
        int n = 0;
        for (Map.Entry<String, String> r : refus.entrySet()) {
            poster(code, "di-refus-" + code + "-" + n++, r.getValue()).statusCode(400).contentType("application/problem+json")
                    .body("erreurs[0].champ", equalTo(r.getKey())).body("erreurs[0].raison", org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyOrNullString()));
        }
        given().header("Authorization", ADMIN).get("/structures/" + code + "/services").then().statusCode(200).body("size()", equalTo(0));
        assertEquals(0L, em.createQuery("select count(s) from Service s where s.structure = :c", Long.class).setParameter("c", code).getSingleResult(),
                "rien d'écrit");
        // the raison says what data·inclusion would have accepted
        poster(code, "di-refus-" + code + "-theme", refus.get("thematiques")).statusCode(400)
                .body("erreurs[0].raison", containsString("« acces-aux-droits » n'est pas une thématique de data·inclusion"));
        // a structure's network outside data·inclusion's
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"code\":\"%s-bis\",\"nom\":\"CCAS bis\",\"type\":\"CCAS\",\"reseauxPorteurs\":[\"ccas\"]}".formatted(code))
                .post("/structures").then().statusCode(400).contentType("application/problem+json").body("erreurs[0].champ", equalTo("reseauxPorteurs"));
        given().header("Authorization", ADMIN).get("/structures").then().statusCode(200).body("find { it.code == '%s-bis' }".formatted(code), nullValue());
        // an unknown structure
        poster("di-inconnue", "di-inconnue-" + code, refus.get("nom").replace("\"RD\"", "\"Rendez-vous\"")).statusCode(404);
    }

    @Test
    void lePostDUnServiceEstIdempotent() {
        String code = structure();
        String corps = service("Accompagnement RSA", "accompagnement", ACCES_AUX_DROITS, "[\"beneficiaires-des-minimas-sociaux\"]");
        String premier = poster(code, "di-idem-" + code, corps).statusCode(201).extract().path("id");
        String second = poster(code, "di-idem-" + code, corps).statusCode(201).extract().path("id");
        assertEquals(premier, second, "la même clé et le même corps rendent la première réponse");
        poster(code, "di-idem-" + code, corps.replace("Accompagnement RSA", "Autre nom")).statusCode(422);
        given().header("Authorization", ADMIN).get("/structures/" + code + "/services").then().statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void uneOrientationNommeUnServiceDeLaStructureOrienteeJamaisCeluiDUneAutre() {
        Referentiel.structures();
        String code = structure();
        String service = poster(code, "di-orient-" + code, service("Rendez-vous des droits", "accompagnement", ACCES_AUX_DROITS,
                "[\"familles\"]")).statusCode(201).extract().path("id");
        String ben = Referentiel.beneficiaire(AGENT);
        String vers = """
                {"beneficiaire":"%s","structure":"%s","commune":"35236","motif":"RDV des droits","droitsVises":["C2S"],"service":"%s"}""";

        ParcoursTest.post(AGENT, "/orientations", vers.formatted(ben, "caf-35", service)).statusCode(400).contentType("application/problem+json")
                .body("erreurs[0].champ", equalTo("service")).body("erreurs[0].raison", containsString("n'est pas un service de la structure caf-35"));
        ParcoursTest.post(AGENT, "/orientations", vers.formatted(ben, code, UUID.randomUUID())).statusCode(400)
                .body("erreurs[0].champ", equalTo("service")).body("erreurs[0].raison", containsString("service inconnu"));
        assertEquals(0L, em.createQuery("select count(o) from Orientation o where o.beneficiaire = :b", Long.class).setParameter("b", ben)
                .getSingleResult(), "rien d'écrit");

        String id = ParcoursTest.post(AGENT, "/orientations", vers.formatted(ben, code, service)).statusCode(201)
                .body("service", equalTo(service)).body("structure", equalTo(code)).extract().path("id");
        given().header("Authorization", AGENT).get("/orientations/" + id).then().statusCode(200).body("service", equalTo(service));
        // without a service, as before
        String autre = Referentiel.beneficiaire(AGENT);
        ParcoursTest.post(AGENT, "/orientations", """
                {"beneficiaire":"%s","structure":"caf-35","commune":"35236","motif":"RDV des droits","droitsVises":["C2S"]}""".formatted(autre))
                .statusCode(201).body("service", nullValue());
    }

    /** The demo's services (deploy/local/demo, loaded by charger without their first three keys) are accepted as they are. */
    @Test
    void lesServicesDeLaDemoSontAcceptesTelsQueChargerLesEnvoie() throws IOException {
        String code = structure();
        List<String> lignes = java.nio.file.Files.readAllLines(java.nio.file.Path.of("..", "deploy", "local", "demo", "services-data-inclusion.jsonl"));
        assertEquals(7, lignes.size());
        for (String ligne : lignes) {
            ObjectNode o = (ObjectNode) JSON.readTree(ligne);
            assertEquals(List.of("structure", "cle", "source"), java.util.stream.StreamSupport.stream(
                    java.util.Spliterators.spliteratorUnknownSize(o.fieldNames(), 0), false).limit(3).toList(), "les clés que charger retire");
            String cle = "di-demo-" + code + "-" + o.path("structure").asText() + "-" + o.path("cle").asText();
            o.remove(List.of("structure", "cle", "source"));
            poster(code, cle, o.toString()).statusCode(201);
        }
        given().header("Authorization", ADMIN).get("/structures/" + code + "/services").then().statusCode(200).body("size()", equalTo(7));
    }

    /**
     * RFC 4180 read back, each row typed as data·inclusion types its columns (from its schema): an empty field is null, an array
     * column's values are split on commas, a number column parsed.
     */
    static ArrayNode lireCsv(String csv, String nom) throws IOException {
        JsonNode proprietes;
        try (InputStream in = DataInclusionTest.class.getResourceAsStream("/data-inclusion/" + nom + ".json")) {
            proprietes = JSON.readTree(in).path("properties");
        }
        List<List<String>> lignes = rfc4180(csv);
        List<String> entete = lignes.get(0);
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (List<String> l : lignes.subList(1, lignes.size())) {
            assertEquals(entete.size(), l.size(), "une ligne de " + entete.size() + " champs : " + l);
            ObjectNode o = a.addObject();
            for (int i = 0; i < entete.size(); i++) {
                String c = entete.get(i);
                String v = l.get(i);
                Set<String> types = types(proprietes.path(c));
                assertFalse(types.isEmpty(), "colonne " + c + " absente du schéma data·inclusion " + nom);
                if (v.isEmpty()) {
                    o.putNull(c);
                } else if (types.contains("array")) {
                    ArrayNode valeurs = o.putArray(c);
                    for (String x : v.split(",")) {
                        valeurs.add(x);
                    }
                } else if (types.contains("integer") || types.contains("number")) {
                    o.set(c, JSON.readTree(v));
                } else {
                    o.put(c, v);
                }
            }
        }
        return a;
    }

    /** A field absent and a field null say the same in data·inclusion's schema. */
    static JsonNode sansNuls(JsonNode lignes) {
        JsonNode copie = lignes.deepCopy();
        copie.forEach(l -> {
            List<String> nuls = new ArrayList<>();
            l.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    nuls.add(e.getKey());
                }
            });
            ((ObjectNode) l).remove(nuls);
        });
        return copie;
    }

    static Set<String> types(JsonNode propriete) {
        Set<String> t = new java.util.HashSet<>();
        if (propriete.has("type")) {
            t.add(propriete.path("type").asText());
        }
        propriete.path("anyOf").forEach(x -> t.add(x.path("type").asText()));
        if (propriete.has("$ref") || propriete.path("anyOf").findValue("$ref") != null) {
            t.add("string");
        }
        t.remove("");
        return t;
    }

    static List<List<String>> rfc4180(String csv) {
        List<List<String>> lignes = new ArrayList<>();
        List<String> ligne = new ArrayList<>();
        StringBuilder champ = new StringBuilder();
        boolean cite = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (cite) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    champ.append('"');
                    i++;
                } else if (c == '"') {
                    cite = false;
                } else {
                    champ.append(c);
                }
            } else if (c == '"') {
                cite = true;
            } else if (c == ',') {
                ligne.add(champ.toString());
                champ.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                ligne.add(champ.toString());
                champ.setLength(0);
                lignes.add(ligne);
                ligne = new ArrayList<>();
                i++;
            } else {
                champ.append(c);
            }
        }
        assertEquals(0, champ.length() + ligne.size(), "le CSV finit par CRLF");
        return lignes.stream().collect(Collectors.toList());
    }
}
