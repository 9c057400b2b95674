package fr.actionsociale.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
            given().header("Authorization", Referentiel.ADMIN).post("/retention/execution").then().statusCode(200)
                    .body("sansActiviteDepuis", equalTo(AUJOURDHUI.minusYears(2).toString())).body("anonymises", greaterThanOrEqualTo(1));

            String e = sonde.attendre(r -> ancien.equals(r.key()), 1, Duration.ofSeconds(15)).get(0).value();
            assertEquals(Set.of(), SchemasEvenements.violations("beneficiaire-anonymise", e));
            ParcoursTest.sansDonneePersonnelle(e);

            // run again: nothing more for this person, and never the recent one
            given().header("Authorization", Referentiel.ADMIN).post("/retention/execution").then().statusCode(200);
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

    Map<String, Object> indicateurs(String commune) {
        return given().header("Authorization", Jetons.entete("coordinateur", "departement-35"))
                .get("/indicateurs?communes=" + commune + "&debut=" + AUJOURDHUI.minusYears(4) + "&fin=" + AUJOURDHUI).then().statusCode(200)
                .extract().jsonPath().getMap("$");
    }

    /** Moves every date of the person's path this many years back. */
    void vieillir(String reference, int ans) {
        QuarkusTransaction.requiringNew().run(() -> {
            String decalage = "interval '" + ans + " years'";
            em.createNativeQuery("update beneficiaire set cree_le = cree_le - " + decalage + ", consentement_donne_le = (consentement_donne_le - "
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
