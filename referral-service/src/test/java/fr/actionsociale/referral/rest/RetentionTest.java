package fr.actionsociale.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.jdbc.Colonnes;
import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SchemasEvenements;
import fr.actionsociale.commons.test.SondeKafka;
import fr.actionsociale.referral.Referentiel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(Jetons.class)
class RetentionTest {

    static final String CDAS = Jetons.entete("agent", "cdas-pays-de-redon");
    static final LocalDate AUJOURDHUI = LocalDate.now(ZoneId.of("Europe/Paris"));

    @Inject
    EntityManager em;

    @Test
    void deuxAnsSansActiviteEffacentLIdentiteEtLesIndicateursNeChangentPas() {
        String commune = "35" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        String ancien = Referentiel.beneficiaire(CDAS, commune);
        String recent = Referentiel.beneficiaire(CDAS, commune);
        for (String ben : List.of(ancien, recent)) {
            ParcoursTest.post(CDAS, "/orientations", """
                    {"beneficiaire":"%s","structure":"caf-35","commune":"%s","motif":"Droits identifiés au RDV des droits de Camille Exemple",
                     "droitsVises":["RSA"]}""".formatted(ben, commune)).statusCode(201);
        }
        // where the invitations would go: personal data too
        ParcoursTest.post(CDAS, "/beneficiaires/" + ancien + "/coordonnees", """
                {"adressePostale":{"voie":"12 rue des Lilas","codePostal":"35550","localite":"Pipriac"},"courriel":"camille.exemple@exemple.fr"}""")
                .statusCode(200);
        // the whole path of the first person happened three years ago, the second one's today
        vieillir(ancien, 3);
        Map<String, Object> avant = indicateurs(commune);
        assertEquals(Map.of("caf-35", 2), avant.get("orientationsParStructure"), "both orientations are counted before");

        try (SondeKafka sonde = SondeKafka.aLaFinDe("beneficiaire-anonymise")) {
            given().header("Authorization", CDAS).post("/retention/execution").then().statusCode(403);
            JsonPath fin = Conservation.executerJusquAuBout();
            assertEquals("TERMINEE", fin.getString("etat"));
            assertEquals(AUJOURDHUI.minusYears(2).toString(), fin.getString("sansActiviteDepuis"));
            assertTrue(fin.getLong("anonymises") >= 1, "at least the old person");

            String e = sonde.attendre(r -> ancien.equals(r.key()), 1, Duration.ofSeconds(15)).get(0).value();
            assertEquals(Set.of(), SchemasEvenements.violations("beneficiaire-anonymise", e));
            ParcoursTest.sansDonneePersonnelle(e);

            // run again: nothing more for this person, and never the recent one
            Conservation.executerJusquAuBout();
            assertEquals(List.of(), sonde.toutPendant(r -> recent.equals(r.key()), Duration.ofSeconds(2)));
            assertEquals(1, sonde.toutPendant(r -> ancien.equals(r.key()), Duration.ofSeconds(1)).size());
        }

        Object[] identite = ligne("select nom, prenom, date_naissance, contact, canal_contact, adresse_voie, adresse_code_postal, "
                + "adresse_localite, courriel, anonymise_le from beneficiaire where reference = ?1", ancien);
        for (int i = 0; i < 9; i++) {
            assertNull(identite[i], "identité effacée");
        }
        assertEquals(AUJOURDHUI, Colonnes.date(identite[9]));
        assertEquals("anonymisé", ligne("select motif, 1 from orientation o join beneficiaire b on b.id = o.beneficiaire_id where b.reference = ?1",
                ancien)[0], "the orientation's free text named the person");
        assertEquals("Exemple", ligne("select nom, anonymise_le from beneficiaire where reference = ?1", recent)[0]);

        given().header("Authorization", CDAS).header("X-Motif-Acces", "vérifier la conservation").get("/beneficiaires/" + ancien).then()
                .statusCode(200).body("beneficiaire.nom", nullValue()).body("beneficiaire.commune", equalTo(commune))
                .body("beneficiaire.anonymiseLe", equalTo(AUJOURDHUI.toString()));
        assertEquals(avant, indicateurs(commune), "the path stays, only the identity goes");

        // nothing new attaches to a record nobody can name any more: 409, and nothing written
        String aujourdhui = AUJOURDHUI.toString();
        ParcoursTest.post(CDAS, "/orientations", """
                {"beneficiaire":"%s","structure":"caf-35","commune":"%s","motif":"nouvelle demande","droitsVises":["RSA"]}""".formatted(ancien, commune))
                .statusCode(409).contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString("anonymisé"));
        ParcoursTest.post(CDAS, "/beneficiaires/" + ancien + "/rdv-des-droits", """
                {"date":"%s","droitsExamines":["AAH"],"droitsPotentiels":["AAH"]}""".formatted(aujourdhui)).statusCode(409);
        ParcoursTest.post(CDAS, "/beneficiaires/" + ancien + "/consentement", "{\"date\":\"%s\"}".formatted(aujourdhui)).statusCode(409);
        ParcoursTest.post(Jetons.entete("partenaire", "caf-35"), "/droits/signalements", """
                {"beneficiaire":"%s","droit":"AAH","etat":"OUVERT","date":"%s"}""".formatted(ancien, aujourdhui)).statusCode(409);
        assertEquals(1L, ((Number) ligne("select count(*), 1 from orientation o join beneficiaire b on b.id = o.beneficiaire_id where b.reference = ?1",
                ancien)[0]).longValue());
        assertEquals(0L, ((Number) ligne("select count(*), 1 from droit d join beneficiaire b on b.id = d.beneficiaire_id where b.reference = ?1 "
                + "and d.type = 'AAH'", ancien)[0]).longValue());
    }

    @Test
    void plusieursLotsAnonymisentChaquePersonneUneFoisEtPublientUnSeulEvenementChacune() {
        // lots of 7 in tests (referral.retention.lot): 20 dormant people take at least three lots
        List<String> dormants = Conservation.personnes(em, 20, 3, false);
        List<String> actifs = Conservation.personnes(em, 5, 3, true);
        try (SondeKafka sonde = SondeKafka.aLaFinDe("beneficiaire-anonymise")) {
            JsonPath fin = Conservation.executerJusquAuBout();
            assertEquals("TERMINEE", fin.getString("etat"));
            assertTrue(fin.getInt("lots") >= 3, "several lots: " + fin.getInt("lots"));
            assertTrue(fin.getLong("anonymises") >= 20 && fin.getLong("examines") >= 25, fin.prettify());
            assertEquals(0, fin.getInt("echecs"));
            assertNull(fin.getString("derniereErreur"));

            sonde.attendre(r -> dormants.contains(r.key()), dormants.size(), Duration.ofSeconds(20));
            List<String> cles = sonde.toutPendant(r -> dormants.contains(r.key()) || actifs.contains(r.key()), Duration.ofSeconds(2)).stream()
                    .map(r -> r.key()).toList();
            assertEquals(Set.copyOf(dormants), Set.copyOf(cles), "one event for each dormant person, none for the active ones");
            assertEquals(dormants.size(), cles.size(), "never two for the same person");
        }
        assertEquals(20L, compter("select count(*) from beneficiaire where reference in (?1) and anonymise_le = current_date and nom is null",
                dormants));
        assertEquals(5L, compter("select count(*) from beneficiaire where reference in (?1) and anonymise_le is null and nom = 'Exemple'", actifs));
    }

    @Test
    void uneExecutionSeSuitParSonAdresseEtLesExecutionsSeListentLaPlusRecenteDAbord() {
        given().header("Authorization", CDAS).get("/retention/executions").then().statusCode(403);
        io.restassured.response.Response r = given().header("Authorization", Referentiel.ADMIN).post("/retention/execution");
        assertTrue(r.statusCode() == 202 || r.statusCode() == 200, "202 for a new run, 200 for the one in progress: " + r.statusCode());
        String adresse = r.header("Location");
        String id = r.jsonPath().getString("id");
        assertTrue(adresse.endsWith("/retention/executions/" + id), adresse);
        assertEquals(AUJOURDHUI.minusYears(2).toString(), r.jsonPath().getString("sansActiviteDepuis"));
        assertEquals("API", r.jsonPath().getString("declencheePar"));
        JsonPath fin = Conservation.suivre(adresse, Duration.ofSeconds(60));
        assertEquals("TERMINEE", fin.getString("etat"));
        assertTrue(fin.getString("termineeLe") != null);

        JsonPath suivante = Conservation.executerJusquAuBout();
        given().header("Authorization", Referentiel.ADMIN).get("/retention/executions?taille=2").then().statusCode(200)
                .body("$", hasSize(2)).body("[0].id", equalTo(suivante.getString("id"))).body("[1].etat", equalTo("TERMINEE"));

        given().header("Authorization", Referentiel.ADMIN).get("/retention/executions/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("detail", startsWith("Exécution de la conservation"));
        given().header("Authorization", Referentiel.ADMIN).get("/retention/executions?taille=0").then().statusCode(400)
                .contentType("application/problem+json").body("erreurs[0].champ", equalTo("taille"));
    }

    long compter(String sql, List<String> references) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).setParameter(1, references).getSingleResult())
                .longValue());
    }

    Map<String, Object> indicateurs(String commune) {
        return given().header("Authorization", Jetons.entete("coordinateur", "departement-35"))
                .get("/indicateurs?communes=" + commune + "&debut=" + AUJOURDHUI.minusYears(4) + "&fin=" + AUJOURDHUI).then().statusCode(200)
                .extract().jsonPath().getMap("$");
    }

    /** Moves every date of the person's path this many years back. */
    void vieillir(String reference, int ans) {
        QuarkusTransaction.requiringNew().run(() -> {
            String decalage = "interval '" + ans + " years'";
            em.createNativeQuery("update beneficiaire set cree_le = cree_le - " + decalage + ", inscrit_le = (inscrit_le - " + decalage
                    + ")::date, consentement_donne_le = (consentement_donne_le - "
                    + decalage + ")::date where reference = ?1").setParameter(1, reference).executeUpdate();
            String personne = "(select id from beneficiaire where reference = ?1)";
            em.createNativeQuery("update orientation set date_orientation = date_orientation - " + decalage + ", acceptee_le = (acceptee_le - "
                    + decalage + ")::date, cloturee_le = (cloturee_le - " + decalage + ")::date where beneficiaire_id = " + personne)
                    .setParameter(1, reference).executeUpdate();
            StringBuilder droits = new StringBuilder("update droit set ");
            for (String c : List.of("identifie_le", "demande_le", "ouvert_le", "refuse_le", "abandonne_le", "ferme_le")) {
                droits.append(c).append(" = (").append(c).append(" - ").append(decalage).append(")::date, ");
            }
            em.createNativeQuery(droits.substring(0, droits.length() - 2) + " where beneficiaire_id = " + personne).setParameter(1, reference)
                    .executeUpdate();
            em.createNativeQuery("update etape_rsa set date_depart = (date_depart - " + decalage + ")::date, date_limite = (date_limite - " + decalage
                    + ")::date, faite_le = (faite_le - " + decalage + ")::date where beneficiaire_id = " + personne).setParameter(1, reference)
                    .executeUpdate();
            em.createNativeQuery("update decision_orientation set decidee_le = decidee_le - " + decalage + " where beneficiaire_id = " + personne)
                    .setParameter(1, reference).executeUpdate();
        });
    }

    Object[] ligne(String sql, String reference) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery(sql).setParameter(1, reference).getSingleResult());
    }
}
