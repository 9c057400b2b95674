package fr.actionsociale.referral.rest;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;

import fr.actionsociale.referral.Referentiel;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** The retention job as its callers use it: start a run, then follow it until it ends. */
final class Conservation {

    private Conservation() {
    }

    /**
     * A new run started now (a run already in progress is first followed to its end, so that the new one sees what the test
     * wrote), followed until it ends; returns its last state.
     */
    static JsonPath executerJusquAuBout() {
        for (int essai = 0; essai < 3; essai++) {
            Response r = given().header("Authorization", Referentiel.ADMIN).post("/retention/execution");
            if (r.statusCode() != 200 && r.statusCode() != 202) {
                throw new AssertionError("POST /retention/execution : " + r.statusCode() + " " + r.asString());
            }
            JsonPath fin = suivre(r.header("Location"), Duration.ofSeconds(60));
            if (r.statusCode() == 202) {
                return fin;
            }
        }
        throw new AssertionError("une exécution déjà en cours ne s'est pas terminée");
    }

    /** Polls the run at this address until it is no longer EN_COURS. */
    static JsonPath suivre(String adresse, Duration delai) {
        AtomicReference<JsonPath> dernier = new AtomicReference<>();
        Awaitility.await().atMost(delai).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonPath j = given().header("Authorization", Referentiel.ADMIN).get(adresse).then().statusCode(200).extract().jsonPath();
            dernier.set(j);
            return !"EN_COURS".equals(j.getString("etat"));
        });
        return dernier.get();
    }

    /**
     * People registered years ago with nothing on their path since (plain SQL, as a department's history would be), or, with
     * {@code actifsRecemment}, registered as long ago but with a consent given today; returns their references.
     */
    @SuppressWarnings("unchecked")
    static List<String> personnes(EntityManager em, int combien, int ansDepuisInscription, boolean actifsRecemment) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                insert into beneficiaire (id, reference, nom, prenom, date_naissance, commune, canal_contact, contact, cree_par, cree_le,
                    inscrit_le, consentement_donne_le)
                select gen_random_uuid(), 'ben-' || substr(md5(random()::text || clock_timestamp()::text || g), 1, 12), 'Exemple', 'Camille',
                    date '1980-01-01', '35236', 'TELEPHONE', '02 99 00 00 00', 'test', now() - make_interval(years => ?2),
                    ((now() - make_interval(years => ?2)) at time zone 'Europe/Paris')::date, case when ?3 then current_date end
                from generate_series(1, ?1) g returning reference""").setParameter(1, combien).setParameter(2, ansDepuisInscription)
                .setParameter(3, actifsRecemment).getResultList());
    }
}
