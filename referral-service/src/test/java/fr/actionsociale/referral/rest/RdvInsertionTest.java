package fr.actionsociale.referral.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fr.actionsociale.commons.temps.Horloges;
import fr.actionsociale.commons.test.Jetons;
import fr.actionsociale.commons.test.SchemasEvenements;
import fr.actionsociale.commons.test.SondeKafka;
import fr.actionsociale.referral.ChargesRdvi;
import fr.actionsociale.referral.Referentiel;
import fr.actionsociale.referral.domain.SignatureRdvi;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/**
 * RDV-Insertion's webhooks, signed as its SendWebhookJob signs them and shaped as its blueprints build them (ChargesRdvi), posted
 * to the service on the real PostgreSQL: the RSA steps take the payloads' dates, the worklists and the indicators follow;
 * repeated and out-of-order deliveries change nothing twice; an unknown person waits in the structure's list and applies once
 * known; a bad signature writes nothing; an unreadable body is only a dead letter.
 */
@QuarkusTest
@QuarkusTestResource(Jetons.class)
class RdvInsertionTest {

    /** The organisation configured in %test (application.properties), its secret and its structure. */
    static final String ORGANISATION = "35001";
    static final String SECRET = "secret-test-rdvi-35001";
    static final String SECRET_AUTRE_ORGANISATION = "secret-test-rdvi-35002";
    static final String STRUCTURE = "ccas-rdvi";
    static final String AGENT = Jetons.entete("agent", STRUCTURE);
    static final String AGENT_CAF = Jetons.entete("agent", "caf-35");
    static final String AGENT_AUTRE = Jetons.entete("agent", "ccas-redon");
    static final String CAF = Jetons.entete("partenaire", "caf-35");
    static final String COORDINATEUR = Jetons.entete("coordinateur", "departement-35");
    static final LocalDate T = LocalDate.now(Horloges.PARIS);
    static final SecureRandom HASARD = new SecureRandom();

    @Inject
    EntityManager em;

    record Personne(String reference, String allocataire, long usager) {
        String usagerJson() {
            return ChargesRdvi.usager(usager, allocataire);
        }
    }

    static long id() {
        return 1 + Math.abs(HASARD.nextLong() % 1_000_000_000L);
    }

    static String allocataire() {
        return String.valueOf(1_000_000_000L + Math.abs(HASARD.nextLong() % 8_999_999_999L));
    }

    static void structure() {
        Referentiel.structures();
        int statut = given().header("Authorization", Referentiel.ADMIN).contentType(ContentType.JSON)
                .body("{\"code\":\"%s\",\"nom\":\"CCAS de Pipriac - RDV-Insertion\",\"type\":\"CCAS\",\"contactPrivilegie\":\"Accueil\"}".formatted(STRUCTURE))
                .post("/structures").then().extract().statusCode();
        assertTrue(statut == 201 || statut == 409, "structure " + STRUCTURE + " : " + statut);
    }

    /** A person the structure registered, with their CAF number, no postal address nor e-mail (the suite cannot invite them itself). */
    static String inscrire(String commune, String allocataire) {
        structure();
        return post(AGENT, "/beneficiaires", """
                {"nom":"Exemple","prenom":"Camille","dateNaissance":"1985-04-12","commune":"%s","numeroAllocataire":"%s"}"""
                .formatted(commune, allocataire)).statusCode(201).extract().path("reference");
    }

    static void ouvrirRsa(String ben, LocalDate le) {
        post(CAF, "/droits/signalements", "{\"beneficiaire\":\"%s\",\"droit\":\"RSA\",\"etat\":\"OUVERT\",\"date\":\"%s\"}".formatted(ben, le))
                .statusCode(201);
    }

    static Personne personne(String commune, LocalDate rsaOuvertLe) {
        String allocataire = allocataire();
        String ben = inscrire(commune, allocataire);
        ouvrirRsa(ben, rsaOuvertLe);
        return new Personne(ben, allocataire, id());
    }

    static void orienter(String ben, String commune, LocalDate le) {
        post(AGENT, "/orientations", """
                {"beneficiaire":"%s","structure":"caf-35","commune":"%s","motif":"RSA","droitsVises":["RSA"],"date":"%s"}"""
                .formatted(ben, commune, le)).statusCode(201);
    }

    static ValidatableResponse post(String jeton, String chemin, String corps) {
        return given().header("Authorization", jeton).contentType(ContentType.JSON).body(corps).post(chemin).then();
    }

    static ValidatableResponse webhook(String organisation, String secret, String corps) {
        byte[] octets = corps.getBytes(StandardCharsets.UTF_8);
        return given().contentType(ContentType.JSON).header(SignatureRdvi.ENTETE, SignatureRdvi.calculer(secret, octets)).body(octets)
                .post("/rdv-insertion/webhooks/" + organisation).then();
    }

    static ValidatableResponse webhook(String corps) {
        return webhook(ORGANISATION, SECRET, corps);
    }

    static JsonPath dossier(String ben) {
        return given().header("Authorization", AGENT).header("X-Motif-Acces", "suivi RDV-Insertion").get("/beneficiaires/" + ben).then()
                .statusCode(200).extract().jsonPath();
    }

    static String etape(String ben, String type, String champ) {
        return dossier(ben).getString("parcoursRsa.find { it.type == '%s' }.%s".formatted(type, champ));
    }

    static List<String> aTraiter(String jeton, String structure, String ben) {
        return given().header("Authorization", jeton).queryParam("structure", structure).queryParam("jours", 365).get("/suivi/a-traiter").then()
                .statusCode(200).extract().jsonPath().getList("elements.findAll { it.beneficiaire == '%s' }.etape.type".formatted(ben), String.class);
    }

    static JsonPath indicateurs(String commune, LocalDate debut, LocalDate fin) {
        return given().header("Authorization", COORDINATEUR).queryParam("communes", commune).queryParam("debut", debut.toString())
                .queryParam("fin", fin.toString()).get("/indicateurs").then().statusCode(200).extract().jsonPath();
    }

    static String commune() {
        return "9%04d".formatted(HASARD.nextInt(10000));
    }

    long compter(String table) {
        return ((Number) em.createNativeQuery("select count(*) from " + table).getSingleResult()).longValue();
    }

    Map<String, Long> compteurs() {
        return Map.of("rdvi_livraison", compter("rdvi_livraison"), "rdvi_reception", compter("rdvi_reception"), "rdvi_en_attente",
                compter("rdvi_en_attente"), "rdvi_lettre_morte", compter("rdvi_lettre_morte"), "invitation", compter("invitation"));
    }

    @Test
    void lesInvitationsEtLesRdvDeRdvInsertionDatentLeParcoursEtLesListesEtIndicateursSuivent() {
        String commune = commune();
        LocalDate ouverture = T.minusDays(20);
        Personne a = personne(commune, ouverture);
        Personne b = personne(commune, ouverture);
        assertTrue(aTraiter(AGENT, STRUCTURE, a.reference()).contains("PREMIERE_INVITATION"), "the first invitation waits in the worklist");
        assertNull(etape(a.reference(), "PREMIERE_INVITATION", "faiteLe"));

        // A invited by letter on D+2, B by e-mail on D+3: the steps take those dates, not today's
        long invA = id();
        String corps = ChargesRdvi.invitation(invA, "postal", ChargesRdvi.instant(T.minusDays(18), 10, 2), a.usagerJson(), "created",
                ChargesRdvi.instant(T.minusDays(18), 10, 3));
        String reponse = webhook(corps).statusCode(200).body("statut", equalTo("APPLIQUEE"))
                .body("details[0]", equalTo("Invitation/" + invA + " : première invitation faite le " + T.minusDays(18))).extract().asString();
        // no identity in what is answered
        assertFalse(reponse.contains("Camille") || reponse.contains("Exemple") || reponse.contains(a.allocataire()), reponse);
        webhook(ChargesRdvi.invitation(id(), "email", ChargesRdvi.instant(T.minusDays(17), 9, 0), b.usagerJson(), "created",
                ChargesRdvi.instant(T.minusDays(17), 9, 1))).statusCode(200).body("statut", equalTo("APPLIQUEE"));
        assertEquals(T.minusDays(18).toString(), etape(a.reference(), "PREMIERE_INVITATION", "faiteLe"));
        assertEquals("true", etape(a.reference(), "PREMIERE_INVITATION", "faiteDansLeDelai"));
        assertEquals(T.minusDays(17).toString(), etape(b.reference(), "PREMIERE_INVITATION", "faiteLe"));
        assertFalse(aTraiter(AGENT, STRUCTURE, a.reference()).contains("PREMIERE_INVITATION"), "the step done leaves the worklist");
        JsonPath invitation = dossier(a.reference());
        assertEquals(invA, invitation.getLong("invitations[0].rdvInsertion"));
        assertEquals(List.of("COURRIER"), invitation.getList("invitations[0].canaux"));
        assertEquals(List.of(), invitation.getList("invitations[0].envois"), "nothing leaves the suite for RDV-Insertion's invitation");

        // both oriented on D+5; A takes a RDV on D+6 for D+10 and comes; B takes one and does not come
        orienter(a.reference(), commune, T.minusDays(15));
        orienter(b.reference(), commune, T.minusDays(15));
        assertTrue(aTraiter(AGENT_CAF, "caf-35", a.reference()).contains("PREMIER_RDV"));
        long rdvA = id();
        long partA = id();
        String rdvLe = ChargesRdvi.instant(T.minusDays(10), 9, 0);
        webhook(ChargesRdvi.rdv(rdvA, "unknown", rdvLe, a.usagerJson(), ChargesRdvi.participation(partA, "unknown", ChargesRdvi.instant(T.minusDays(14),
                16, 40), rdvLe, a.usagerJson()), "created", ChargesRdvi.instant(T.minusDays(14), 16, 41))).statusCode(200)
                .body("statut", equalTo("APPLIQUEE")).body("details[0]", equalTo("Participation/" + partA + " : rendez-vous pris le " + T.minusDays(14)));
        assertNull(etape(a.reference(), "PREMIER_RDV", "faiteLe"), "a RDV taken is not a RDV held");
        webhook(ChargesRdvi.rdv(rdvA, "seen", rdvLe, a.usagerJson(), ChargesRdvi.participation(partA, "seen", ChargesRdvi.instant(T.minusDays(14),
                16, 40), rdvLe, a.usagerJson()), "updated", ChargesRdvi.instant(T.minusDays(10), 11, 5))).statusCode(200)
                .body("statut", equalTo("APPLIQUEE"));
        webhook(ChargesRdvi.rdv(id(), "noshow", rdvLe, b.usagerJson(), ChargesRdvi.participation(id(), "noshow", ChargesRdvi.instant(T.minusDays(13),
                8, 0), rdvLe, b.usagerJson()), "updated", ChargesRdvi.instant(T.minusDays(10), 12, 0))).statusCode(200)
                .body("statut", equalTo("APPLIQUEE"));

        assertEquals(T.minusDays(10).toString(), etape(a.reference(), "PREMIER_RDV", "faiteLe"));
        assertEquals("true", etape(a.reference(), "PREMIER_RDV", "faiteDansLeDelai"));
        assertNull(etape(b.reference(), "PREMIER_RDV", "faiteLe"), "a no-show is not a first appointment");
        JsonPath da = dossier(a.reference());
        assertEquals("VENU", da.getString("invitations[0].reponse"));
        assertEquals(T.minusDays(10).toString(), da.getString("invitations[0].reponseLe"));
        assertEquals(T.minusDays(14).toString(), da.getString("invitations[0].rdvPrisLe"));
        JsonPath db = dossier(b.reference());
        assertEquals("NON_VENU", db.getString("invitations[0].reponse"));
        assertEquals(T.minusDays(10).toString(), db.getString("invitations[0].reponseLe"));
        List<String> cafA = aTraiter(AGENT_CAF, "caf-35", a.reference());
        assertFalse(cafA.contains("PREMIER_RDV"), "A's first appointment left caf-35's worklist: " + cafA);
        assertTrue(aTraiter(AGENT_CAF, "caf-35", b.reference()).contains("PREMIER_RDV"), "B's still waits");

        // the month's entrants: two, one first appointment held within two weeks, one no-show of two answers
        JsonPath i = indicateurs(commune, ouverture, ouverture);
        assertEquals(2, i.getLong("nouveauxEntrants"));
        assertEquals(1, i.getLong("premiersRendezVousFixes"));
        assertEquals(1, i.getLong("premiersRendezVousFixesEnDeuxSemainesEtMoins"));
        assertEquals(1, i.getLong("premiersRdvHonores"));
        assertEquals(1, i.getLong("premiersRdvManques"));
        assertEquals(new BigDecimal("0.5"), new BigDecimal(i.getString("tauxAbsencePremierRdv")).stripTrailingZeros());
        assertEquals(new BigDecimal("2.5"), new BigDecimal(i.getString("delaiMoyenJours.PREMIERE_INVITATION")));
        assertEquals(new BigDecimal("5.0"), new BigDecimal(i.getString("delaiMoyenJours.PREMIER_RDV")));
        // the person matched by the CAF number is now known by RDV-Insertion's id too
        assertEquals(a.usager(), ((Number) em.createNativeQuery("select identifiant_rdvi from beneficiaire where reference = ?1")
                .setParameter(1, a.reference()).getSingleResult()).longValue());
    }

    @Test
    void unRdvTenuDansLeParcoursDUnMoisClosRepublieLesIndicateursDeCeMoisSurKafka() {
        // entrants of the previous month (closed, already published): their first appointment, reported late, changes its figures
        LocalDate ouverture = T.minusMonths(1).withDayOfMonth(1);
        String commune = commune();
        Personne e = personne(commune, ouverture);
        orienter(e.reference(), commune, ouverture.plusDays(1));
        String rdvLe = ChargesRdvi.instant(ouverture.plusDays(2), 9, 0);
        String mois = java.time.YearMonth.from(ouverture).toString();
        try (SondeKafka sonde = SondeKafka.aLaFinDe("indicateurs-parcours")) {
            webhook(ChargesRdvi.rdv(id(), "seen", rdvLe, e.usagerJson(), ChargesRdvi.participation(id(), "seen", ChargesRdvi.instant(ouverture.plusDays(1),
                    15, 0), rdvLe, e.usagerJson()), "updated", ChargesRdvi.instant(ouverture.plusDays(2), 10, 0))).statusCode(200)
                    .body("statut", equalTo("APPLIQUEE"));
            List<ConsumerRecord<String, String>> recus = sonde.attendre(r -> (commune + "/" + mois).equals(r.key()), 1, Duration.ofSeconds(20));
            assertEquals(1, recus.size());
            assertEquals(Set.of(), SchemasEvenements.violations("indicateurs-parcours", recus.get(0).value()));
            JsonPath i = JsonPath.from(recus.get(0).value());
            assertEquals(1, i.getLong("nouveauxEntrants"));
            assertEquals(1, i.getLong("premiersRendezVousFixes"));
            assertEquals(1, i.getLong("premiersRendezVousFixesEnDeuxSemainesEtMoins"));
            ParcoursTest.sansDonneePersonnelle(recus.get(0).value());
            assertFalse(recus.get(0).value().contains(e.allocataire()));
        }
        // and what the API computes for that month agrees
        JsonPath api = indicateurs(commune, ouverture, java.time.YearMonth.from(ouverture).atEndOfMonth());
        assertEquals(1, api.getLong("premiersRendezVousFixes"));
    }

    @Test
    void uneLivraisonRepeteeOuArriveeDansLeDesordreNeChangeRienUneSecondeFois() {
        String commune = commune();
        Personne c = personne(commune, T.minusDays(20));
        orienter(c.reference(), commune, T.minusDays(15));
        long rdv = id();
        long part = id();
        String rdvLe = ChargesRdvi.instant(T.minusDays(8), 9, 30);
        String plusRecent = ChargesRdvi.rdv(rdv, "seen", rdvLe, c.usagerJson(), ChargesRdvi.participation(part, "seen",
                ChargesRdvi.instant(T.minusDays(12), 10, 0), rdvLe, c.usagerJson()), "updated", ChargesRdvi.instant(T.minusDays(8), 11, 0));
        String plusAncien = ChargesRdvi.rdv(rdv, "revoked", ChargesRdvi.instant(T.minusDays(9), 9, 30), c.usagerJson(), ChargesRdvi.participation(part,
                "noshow", ChargesRdvi.instant(T.minusDays(12), 10, 0), ChargesRdvi.instant(T.minusDays(9), 9, 30), c.usagerJson()), "updated",
                ChargesRdvi.instant(T.minusDays(8), 10, 59));
        webhook(plusRecent).statusCode(200).body("statut", equalTo("APPLIQUEE"));
        assertEquals(T.minusDays(8).toString(), etape(c.reference(), "PREMIER_RDV", "faiteLe"));
        Map<String, Long> avant = compteurs();

        // the older one arrives late: ignored, recorded as such; the same delivery again: ignored
        webhook(plusAncien).statusCode(200).body("statut", equalTo("IGNOREE")).body("details[0]", containsString("pas plus récent"));
        webhook(plusRecent).statusCode(200).body("statut", equalTo("IGNOREE"));
        assertEquals(T.minusDays(8).toString(), etape(c.reference(), "PREMIER_RDV", "faiteLe"));
        Map<String, Long> apres = compteurs();
        assertEquals(avant.get("rdvi_livraison") + 2, apres.get("rdvi_livraison"), "each delivery is in the journal");
        assertEquals(avant.get("rdvi_reception"), apres.get("rdvi_reception"));
        assertEquals(List.of("APPLIQUEE", "IGNOREE", "IGNOREE"), em.createNativeQuery("select statut from rdvi_livraison where modele = 'Rdv' "
                + "and ressource_id = ?1 order by recue_le, statut").setParameter(1, rdv).getResultList());

        // an invitation delivered twice is one invitation
        long inv = id();
        Personne d = personne(commune, T.minusDays(20));
        String invitation = ChargesRdvi.invitation(inv, "sms", ChargesRdvi.instant(T.minusDays(19), 10, 0), d.usagerJson(), "created",
                ChargesRdvi.instant(T.minusDays(19), 10, 0));
        webhook(invitation).statusCode(200).body("statut", equalTo("APPLIQUEE"));
        webhook(invitation).statusCode(200).body("statut", equalTo("IGNOREE"));
        assertEquals(1L, ((Number) em.createNativeQuery("select count(*) from invitation where rdvi_invitation_id = ?1").setParameter(1, inv)
                .getSingleResult()).longValue());
        assertEquals(T.minusDays(19).toString(), etape(d.reference(), "PREMIERE_INVITATION", "faiteLe"));
    }

    @Test
    void unePersonneInconnueAttendDansLaListeDeLaStructureEtSAppliqueUneFoisConnue() {
        String allocataire = allocataire();
        long usager = id();
        long inv = id();
        String corps = ChargesRdvi.invitation(inv, "email", ChargesRdvi.instant(T.minusDays(5), 14, 0), ChargesRdvi.usager(usager, allocataire), "created",
                ChargesRdvi.instant(T.minusDays(5), 14, 0));
        webhook(corps).statusCode(200).body("statut", equalTo("EN_ATTENTE")).body("details[0]", containsString("personne inconnue"));
        JsonPath liste = given().header("Authorization", AGENT).queryParam("structure", STRUCTURE).get("/rdv-insertion/en-attente").then()
                .statusCode(200).extract().jsonPath();
        String filtre = "find { it.fait == 'Invitation/%d' }".formatted(inv);
        String attente = liste.getString(filtre + ".id");
        assertNotNull(attente, "listed for the structure's agents");
        assertEquals(usager, liste.getLong(filtre + ".usagerRdvi"));
        assertEquals(inv, liste.getLong(filtre + ".ressource"));
        assertTrue(liste.getString(filtre + ".raison").contains("personne inconnue"));
        assertFalse(liste.prettify().contains("Camille") || liste.prettify().contains(allocataire), "no identity in the list");
        // another structure neither reads this list nor finds the entry
        given().header("Authorization", AGENT_AUTRE).queryParam("structure", STRUCTURE).get("/rdv-insertion/en-attente").then().statusCode(403);
        given().header("Authorization", AGENT_AUTRE).queryParam("structure", "ccas-redon").get("/rdv-insertion/en-attente").then().statusCode(200)
                .body("fait", not(hasItem("Invitation/" + inv)));
        post(AGENT_AUTRE, "/rdv-insertion/en-attente/" + attente + "/reapplication", "").statusCode(404);

        // applied again too early: still waiting, with its reason
        post(AGENT, "/rdv-insertion/en-attente/" + attente + "/reapplication", "").statusCode(200).body("reappliqueeLe", equalTo(null))
                .body("raison", containsString("personne inconnue"));

        // the person registered with that CAF number, their RSA opened ten days ago: the invitation dates their step, five days ago
        String commune = commune();
        String ben = inscrire(commune, allocataire);
        ouvrirRsa(ben, T.minusDays(10));
        post(AGENT, "/rdv-insertion/en-attente/" + attente + "/reapplication", "").statusCode(200)
                .body("raison", equalTo("première invitation faite le " + T.minusDays(5))).body("reappliqueeLe", not(equalTo(null)));
        assertEquals(T.minusDays(5).toString(), etape(ben, "PREMIERE_INVITATION", "faiteLe"));
        given().header("Authorization", AGENT).queryParam("structure", STRUCTURE).get("/rdv-insertion/en-attente").then().statusCode(200)
                .body("fait", not(hasItem("Invitation/" + inv)));
        post(AGENT, "/rdv-insertion/en-attente/" + attente + "/reapplication", "").statusCode(404);
        assertEquals("", em.createNativeQuery("select corps from rdvi_en_attente where id = cast(?1 as uuid)").setParameter(1, attente)
                .getSingleResult(), "applied: the body that named the person is no longer kept");
        assertEquals(usager, ((Number) em.createNativeQuery("select identifiant_rdvi from beneficiaire where reference = ?1").setParameter(1, ben)
                .getSingleResult()).longValue());
    }

    @Test
    void lesCorpsGardesDeRdvInsertionSontEffacesAuTermeDeLaDureeDeConservation() {
        java.time.OffsetDateTime ancien = java.time.OffsetDateTime.now().minusYears(3);
        java.util.UUID livraison = java.util.UUID.randomUUID();
        java.util.UUID attente = java.util.UUID.randomUUID();
        java.util.UUID lettreAncienne = java.util.UUID.randomUUID();
        java.util.UUID lettreRecente = java.util.UUID.randomUUID();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("insert into rdvi_livraison (id, organisation, modele, evenement, ressource_id, horodatage, recue_le, statut) "
                    + "values (?1, '35001', 'Invitation', 'created', 1, ?2, ?2, 'EN_ATTENTE')").setParameter(1, livraison).setParameter(2, ancien)
                    .executeUpdate();
            em.createNativeQuery("insert into rdvi_en_attente (id, livraison_id, organisation, structure, modele, ressource_id, fait, raison, corps, "
                    + "recue_le) values (?1, ?2, '35001', 'ccas-rdvi', 'Invitation', 1, 'Invitation/1', 'personne inconnue', '{\"nom\":\"Exemple\"}', ?3)")
                    .setParameter(1, attente).setParameter(2, livraison).setParameter(3, ancien).executeUpdate();
            for (Object[] l : List.of(new Object[] { lettreAncienne, ancien }, new Object[] { lettreRecente, java.time.OffsetDateTime.now() })) {
                em.createNativeQuery("insert into rdvi_lettre_morte (id, organisation, corps, raison, recue_le) values (?1, '35001', 'Camille Exemple', "
                        + "'corps : illisible', ?2)").setParameter(1, l[0]).setParameter(2, l[1]).executeUpdate();
            }
        });
        Conservation.executerJusquAuBout();
        assertEquals(0L, ((Number) em.createNativeQuery("select count(*) from rdvi_en_attente where id = ?1").setParameter(1, attente)
                .getSingleResult()).longValue());
        assertEquals(0L, ((Number) em.createNativeQuery("select count(*) from rdvi_lettre_morte where id = ?1").setParameter(1, lettreAncienne)
                .getSingleResult()).longValue());
        assertEquals(1L, ((Number) em.createNativeQuery("select count(*) from rdvi_lettre_morte where id = ?1").setParameter(1, lettreRecente)
                .getSingleResult()).longValue(), "a recent dead letter stays");
    }

    @Test
    void uneSignatureAbsenteOuFausseEst401EtUneOrganisationInconnue404SansRienEcrire() {
        String commune = commune();
        Personne p = personne(commune, T.minusDays(10));
        String corps = ChargesRdvi.invitation(id(), "postal", ChargesRdvi.instant(T.minusDays(9), 10, 0), p.usagerJson(), "created",
                ChargesRdvi.instant(T.minusDays(9), 10, 0));
        Map<String, Long> avant = compteurs();

        given().contentType(ContentType.JSON).body(corps).post("/rdv-insertion/webhooks/" + ORGANISATION).then().statusCode(401)
                .contentType("application/problem+json").body("erreurs[0].champ", equalTo("X-RDVI-SIGNATURE"))
                .body("erreurs[0].raison", equalTo("absente"));
        // signed with another organisation's secret
        webhook(ORGANISATION, SECRET_AUTRE_ORGANISATION, corps).statusCode(401).contentType("application/problem+json")
                .body("erreurs[0].champ", equalTo("X-RDVI-SIGNATURE"));
        // the right signature of another body (the date changed on the way)
        given().contentType(ContentType.JSON).header(SignatureRdvi.ENTETE, SignatureRdvi.calculer(SECRET, corps.getBytes(StandardCharsets.UTF_8)))
                .body(corps.replace(T.minusDays(9).toString(), T.minusDays(8).toString())).post("/rdv-insertion/webhooks/" + ORGANISATION).then()
                .statusCode(401);
        // a bearer token is no substitute for the signature
        given().header("Authorization", Referentiel.ADMIN).contentType(ContentType.JSON).body(corps).post("/rdv-insertion/webhooks/" + ORGANISATION)
                .then().statusCode(401);
        webhook("99999", SECRET, corps).statusCode(404).contentType("application/problem+json").body("erreurs[0].champ", equalTo("organisation"));

        assertEquals(avant, compteurs(), "nothing written");
        assertNull(etape(p.reference(), "PREMIERE_INVITATION", "faiteLe"));
        // the same body, rightly signed, is applied
        webhook(corps).statusCode(200).body("statut", equalTo("APPLIQUEE"));
        assertEquals(T.minusDays(9).toString(), etape(p.reference(), "PREMIERE_INVITATION", "faiteLe"));
    }

    @Test
    void unCorpsIllisibleOuDUneFormeInconnueEstGardeEnLettreMorteEtRefuseEnNommantLeChamp() {
        Map<String, Long> avant = compteurs();
        webhook("pas du json").statusCode(400).contentType("application/problem+json").body("erreurs[0].champ", equalTo("corps"))
                .body("erreurs[0].raison", equalTo("n'est pas du JSON lisible"));
        String user = "{\"data\":{\"id\":77,\"first_name\":\"Camille\"},\"meta\":" + ChargesRdvi.meta("User", "updated",
                ChargesRdvi.instant(T.minusDays(1), 9, 0)) + "}";
        webhook(user).statusCode(400).body("erreurs[0].champ", equalTo("meta.model")).body("erreurs[0].raison", containsString("modèle inconnu"));
        String u = ChargesRdvi.usager(id(), allocataire());
        webhook(ChargesRdvi.rdv(id(), "seen", ChargesRdvi.instant(T.minusDays(1), 9, 0), u, ChargesRdvi.participation(id(), "present",
                ChargesRdvi.instant(T.minusDays(2), 9, 0), ChargesRdvi.instant(T.minusDays(1), 9, 0), u), "updated", ChargesRdvi.instant(T.minusDays(1),
                        9, 0))).statusCode(400).body("erreurs[0].champ", equalTo("data.participations[0].status"));

        Map<String, Long> apres = compteurs();
        assertEquals(avant.get("rdvi_lettre_morte") + 3, apres.get("rdvi_lettre_morte"));
        for (String t : List.of("rdvi_livraison", "rdvi_reception", "rdvi_en_attente", "invitation")) {
            assertEquals(avant.get(t), apres.get(t), t + ": nothing but the dead letter");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> lettres = em.createNativeQuery("select corps, raison from rdvi_lettre_morte where organisation = ?1 order by recue_le desc")
                .setParameter(1, ORGANISATION).setMaxResults(3).getResultList();
        assertEquals(user, lettres.get(1)[0], "the raw body is kept, in referral-service only");
        assertTrue(((String) lettres.get(1)[1]).startsWith("meta.model : modèle inconnu"), (String) lettres.get(1)[1]);
        assertEquals("corps : n'est pas du JSON lisible", lettres.get(2)[1]);
    }
}
