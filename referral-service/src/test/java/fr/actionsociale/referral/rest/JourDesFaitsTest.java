package fr.actionsociale.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SchemasEvenements;
import fr.actionsociale.commons.test.SondeKafka;
import fr.actionsociale.referral.Referentiel;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * Issues 17/15: a registration and a CAF file recorded late keep the day they happened. A person met in the past is registered on
 * that day (the journal and retention count from it), and a monthly file imported after the fact orients its entrants on the day the
 * Département processed it: the orientation, its orientation-faite event, its decision and the clocks that follow it.
 */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class JourDesFaitsTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final LocalDate T = LocalDate.now(PARIS);
    static final String CDAS = Jetons.entete("agent", "cdas-pays-de-redon");
    static final String MISSION_LOCALE = Jetons.entete("agent", "mission-locale-redon");
    static final String ADMIN = Referentiel.ADMIN;

    @Inject
    EntityManager em;

    private static ValidatableResponse inscrire(String dateInscription) {
        Referentiel.structures();
        return given().header("Authorization", CDAS).contentType(ContentType.JSON).body("""
                {"nom":"Exemple","prenom":"Camille","dateNaissance":"1985-04-12","commune":"35236"%s}"""
                .formatted(dateInscription == null ? "" : ",\"dateInscription\":\"" + dateInscription + "\"")).post("/beneficiaires").then();
    }

    private static ValidatableResponse importer(String csv, String dateTraitement) {
        var r = given().header("Authorization", ADMIN).contentType("text/csv").body(csv);
        if (dateTraitement != null) {
            r = r.queryParam("dateTraitement", dateTraitement);
        }
        return r.post("/imports/entrants-rsa").then();
    }

    private static JsonPath dossier(String ben) {
        return given().header("Authorization", ADMIN).get("/beneficiaires/" + ben).then().statusCode(200).extract().jsonPath();
    }

    private static String etape(JsonPath d, String type, String champ) {
        return d.getString("parcoursRsa.find { it.type == '%s' }.%s".formatted(type, champ));
    }

    @Test
    void uneInscriptionSaisieApresCoupGardeLeJourDeLaRencontreEtUneDateFutureEstRefusee() {
        LocalDate rencontre = T.minusDays(400);
        String ben = inscrire(rencontre.toString()).statusCode(201).body("dateInscription", equalTo(rencontre.toString())).extract().path("reference");
        assertEquals(rencontre.toString(), dossier(ben).getString("beneficiaire.dateInscription"));
        // the journal dates the registration on the day it happened; the record keeps when it was typed in
        given().header("Authorization", CDAS).get("/beneficiaires/" + ben + "/journal").then().statusCode(200)
                .body("find { it.quoi == 'Inscription' }.date", equalTo(rencontre.toString()));
        Object[] l = (Object[]) em.createNativeQuery("select inscrit_le, (cree_le at time zone 'Europe/Paris')::date from beneficiaire where reference = ?1")
                .setParameter(1, ben).getSingleResult();
        assertEquals(rencontre, fr.actionsociale.commons.jdbc.Colonnes.date(l[0]));
        assertEquals(T, fr.actionsociale.commons.jdbc.Colonnes.date(l[1]));

        // without a date: today
        inscrire(null).statusCode(201).body("dateInscription", equalTo(T.toString()));
        // in the future, or before the birth: refused, the field named, nothing written
        long avant = ((Number) em.createNativeQuery("select count(*) from beneficiaire").getSingleResult()).longValue();
        inscrire(T.plusDays(1).toString()).statusCode(400).contentType("application/problem+json").body("erreurs[0].champ", equalTo("dateInscription"))
                .body("erreurs[0].raison", containsString("futur"));
        inscrire("1985-04-11").statusCode(400).body("erreurs[0].champ", equalTo("dateInscription"))
                .body("erreurs[0].raison", containsString("1985-04-12"));
        inscrire("2026-02-30").statusCode(400).body("erreurs[0].champ", equalTo("dateInscription"));
        assertEquals(avant, ((Number) em.createNativeQuery("select count(*) from beneficiaire").getSingleResult()).longValue());
    }

    @Test
    void unFichierTraiteUnJourPasseOrienteCeJourLaEtLesHorlogesEnPartent() {
        OrientationAutomatiqueTest.regles();
        LocalDate traitement = T.minusDays(300);
        LocalDate ouverture = traitement.minusDays(20);
        String jeune = OrientationAutomatiqueTest.numero();
        String csv = """
                numero_allocataire;date_ouverture;date_naissance;commune;foyer
                %s;%s;%s;35236;isole
                """.formatted(jeune, ouverture, traitement.minusYears(24));
        String ben;
        try (SondeKafka orientations = SondeKafka.aLaFinDe("orientation-faite")) {
            importer(csv, traitement.toString()).statusCode(200).body("dateTraitement", equalTo(traitement.toString())).body("importes", equalTo(1))
                    .body("orientes", equalTo(1));
            ben = (String) em.createNativeQuery("select reference from beneficiaire where numero_allocataire = ?1").setParameter(1, jeune)
                    .getSingleResult();
            String id = dossier(ben).getString("orientations[0].id");
            List<ConsumerRecord<String, String>> o = orientations.attendre(r -> id.equals(r.key()), 1, Duration.ofSeconds(15));
            assertEquals(Set.of(), SchemasEvenements.violations("orientation-faite", o.get(0).value()));
            // budget-service and conventions-service count it in the month it happened, not the month it was imported
            assertEquals(traitement, LocalDate.ofInstant(Instant.parse(JsonPath.from(o.get(0).value()).getString("dateOrientation")), PARIS));
        }
        JsonPath d = dossier(ben);
        assertEquals(traitement.toString(), d.getString("beneficiaire.dateInscription"));
        assertEquals("mission-locale-redon", d.getString("orientations[0].structure"));
        assertEquals(traitement.toString(), d.getString("orientations[0].date"));
        assertEquals(T, LocalDate.ofInstant(Instant.parse(d.getString("orientations[0].enregistreeLe")), PARIS), "recorded today");
        assertEquals(ouverture.toString(), d.getString("droits[0].ouvertLe"));
        // the legal deadlines run from the opening; the orientation, done that day, starts the next clocks
        assertEquals(ouverture.plusDays(15).toString(), etape(d, "PREMIERE_INVITATION", "dateLimite"));
        assertEquals(ouverture.plusMonths(1).toString(), etape(d, "ORIENTATION", "dateLimite"));
        assertEquals(traitement.toString(), etape(d, "ORIENTATION", "faiteLe"));
        assertEquals("true", etape(d, "ORIENTATION", "faiteDansLeDelai"));
        assertEquals(traitement.toString(), etape(d, "PREMIER_RDV", "depart"));
        assertEquals(traitement.plusWeeks(2).toString(), etape(d, "PREMIER_RDV", "dateLimite"));
        assertEquals(traitement.plusMonths(2).toString(), etape(d, "PREMIER_CER", "dateLimite"));
        assertEquals("true", etape(d, "PREMIER_RDV", "enRetard"));
        // the decision is dated on that day too (retention counts it as activity)
        OffsetDateTime decidee = OffsetDateTime.parse(given().header("Authorization", ADMIN).queryParam("beneficiaire", ben).get("/decisions-orientation")
                .then().statusCode(200).extract().path("[0].decideeLe"));
        assertEquals(traitement, decidee.atZoneSameInstant(PARIS).toLocalDate());
        // the structure's worklist shows the first appointment late since the day its clock ran out
        // (the worklist is paged: read every page)
        List<Long> retards = new java.util.ArrayList<>();
        String curseur = null;
        do {
            var requete = given().header("Authorization", MISSION_LOCALE).queryParam("structure", "mission-locale-redon").queryParam("jours", 0)
                    .queryParam("taille", 500);
            if (curseur != null) {
                requete = requete.queryParam("apres", curseur);
            }
            JsonPath page = requete.get("/suivi/a-traiter").then().statusCode(200).extract().jsonPath();
            retards.addAll(page.getList("elements.findAll { it.beneficiaire == '%s' && it.etape.type == 'PREMIER_RDV' }.etape.joursDeRetard"
                    .formatted(ben), Long.class));
            curseur = page.getString("suivant");
        } while (curseur != null);
        assertEquals(List.of(ChronoUnit.DAYS.between(traitement.plusWeeks(2), T)), retards);
        given().header("Authorization", ADMIN).get("/beneficiaires/" + ben + "/journal").then().statusCode(200)
                .body("find { it.quoi == 'Inscription' }.date", equalTo(traitement.toString()))
                .body("find { it.quoi.startsWith('Orientée vers mission-locale-redon') }.date", equalTo(traitement.toString()));

        // the follow-up can now be dated truthfully: never before the orientation, but any day after it
        String o = d.getString("orientations[0].id");
        ParcoursTest.post(MISSION_LOCALE, "/orientations/" + o + "/acceptation", "{\"referent\":\"Conseiller\",\"date\":\"%s\"}"
                .formatted(traitement.minusDays(1))).statusCode(400).body("erreurs[0].raison", containsString(traitement.toString()));
        ParcoursTest.post(MISSION_LOCALE, "/orientations/" + o + "/acceptation", "{\"referent\":\"Conseiller\",\"date\":\"%s\"}"
                .formatted(traitement.plusDays(3))).statusCode(200).body("accepteeLe", equalTo(traitement.plusDays(3).toString()));
        ParcoursTest.post(MISSION_LOCALE, "/orientations/" + o + "/demarrage", "{\"date\":\"%s\"}".formatted(traitement.plusDays(10))).statusCode(200);
        JsonPath apres = dossier(ben);
        assertEquals(traitement.plusDays(10).toString(), etape(apres, "PREMIER_RDV", "faiteLe"));
        assertEquals("true", etape(apres, "PREMIER_RDV", "faiteDansLeDelai"));
    }

    @Test
    void unJourDeTraitementFuturOuAvantLOuvertureDUneLigneEstRefuseEtRienNEstImporte() {
        OrientationAutomatiqueTest.regles();
        String a = OrientationAutomatiqueTest.numero();
        String b = OrientationAutomatiqueTest.numero();
        LocalDate traitement = T.minusDays(60);
        String csv = """
                %s;%s;1980-01-01;35236;isole
                %s;%s;1980-01-01;35236;isole
                """.formatted(a, traitement.minusDays(3), b, traitement.plusDays(2));
        importer(csv, traitement.toString()).statusCode(400).contentType("application/problem+json")
                .body("erreurs.champ", equalTo(List.of("ligne 2, date_ouverture")))
                .body("erreurs[0].raison", containsString("dateTraitement " + traitement));
        importer(csv, T.plusDays(1).toString()).statusCode(400).contentType("application/problem+json")
                .body("erreurs.champ", equalTo(List.of("dateTraitement"))).body("erreurs[0].raison", containsString("futur"));
        importer(csv, "01/02/2026").statusCode(400).body("erreurs.champ", equalTo(List.of("dateTraitement")));
        assertEquals(0L, ((Number) em.createNativeQuery("select count(*) from beneficiaire where numero_allocataire in (?1, ?2)").setParameter(1, a)
                .setParameter(2, b).getSingleResult()).longValue());
        // processed on the day of the last opening: accepted
        importer(csv, traitement.plusDays(2).toString()).statusCode(200).body("importes", equalTo(2))
                .body("dateTraitement", equalTo(traitement.plusDays(2).toString()));
    }
}
