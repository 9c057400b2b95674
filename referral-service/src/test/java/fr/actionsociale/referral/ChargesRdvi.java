package fr.actionsociale.referral;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import fr.actionsociale.commons.temps.Horloges;

/**
 * RDV-Insertion webhook bodies as its code builds them (gip-inclusion/rdv-insertion): {@code {data, meta}} from
 * app/models/concerns/webhook_deliverable.rb, data from app/blueprints/invitation_blueprint.rb (extended: with its user),
 * rdv_blueprint.rb (extended: agents, lieu, motif, users, organisation, participations), participation_blueprint.rb and
 * user_blueprint.rb; instants as ActiveSupport writes them (ISO 8601, milliseconds, offset). Identities are fictitious.
 */
public final class ChargesRdvi {

    /** ActiveSupport's TimeWithZone#as_json: xmlschema(3). */
    static final DateTimeFormatter RAILS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

    private ChargesRdvi() {
    }

    public static String instant(LocalDate jour, int heure, int minute) {
        return RAILS.format(OffsetDateTime.of(jour.atTime(LocalTime.of(heure, minute)), Horloges.PARIS.getRules().getOffset(jour.atTime(heure, minute))));
    }

    public static String meta(String modele, String evenement, String horodatage) {
        return "{\"model\":\"%s\",\"event\":\"%s\",\"timestamp\":\"%s\"}".formatted(modele, evenement, horodatage);
    }

    /** user_blueprint.rb's fields, in its order; the CAF number (affiliation_number) may be absent, as the organisation type decides. */
    public static String usager(long id, String allocataire) {
        return """
                {"id":%d,"affiliation_number":%s,"role":"demandeur","created_at":"2026-01-05T10:00:00.000+01:00","department_internal_id":"D35-%d",\
                "first_name":"Camille","last_name":"Exemple","title":"madame","address":"12 rue des Lilas 35550 Pipriac",\
                "phone_number":"+33600000000","email":"camille.exemple@exemple.fr","birth_date":"1985-04-12","rights_opening_date":null,\
                "birth_name":null,"rdv_solidarites_user_id":%d,"nir":null,"france_travail_id":null}"""
                .formatted(id, allocataire == null ? "null" : "\"" + allocataire + "\"", id, id + 100000);
    }

    public static String invitation(long id, String format, String envoyeeLe, String usager, String evenement, String horodatage) {
        return """
                {"data":{"id":%d,"format":"%s","clicked":false,"rdv_with_referents":false,"created_at":"%s","delivery_status":null,\
                "delivered_at":null,"expires_at":null,"motif_category":{"id":1,"short_name":"rsa_orientation","name":"RSA orientation"},\
                "user":%s},"meta":%s}""".formatted(id, format, envoyeeLe, usager, meta("Invitation", evenement, horodatage));
    }

    public static String participation(long id, String statut, String priseLe, String rdvLe, String usager) {
        return """
                {"id":%d,"status":"%s","created_at":"%s","starts_at":"%s","user":%s,"created_by":"user"}""".formatted(id, statut, priseLe, rdvLe, usager);
    }

    public static String rdv(long id, String statut, String rdvLe, String usager, String participations, String evenement, String horodatage) {
        return """
                {"data":{"id":%d,"duration_in_min":30,"cancelled_at":null,"address":"3 place de la Mairie 35550 Pipriac",\
                "uuid":"4b1d0c2e-8f31-4d7a-9d2c-%012d","created_by":"user","status":"%s","users_count":1,"max_participants_count":null,\
                "rdv_solidarites_rdv_id":%d,"starts_at":"%s","agents":[{"id":12,"email":"agent@ccas.example.fr","first_name":"Agent","last_name":"Ccas"}],\
                "lieu":{"rdv_solidarites_lieu_id":3,"name":"CCAS","address":"3 place de la Mairie 35550 Pipriac","phone_number":null},\
                "motif":{"rdv_solidarites_motif_id":8,"name":"RSA - accompagnement","collectif":false,"location_type":"public_office",\
                "motif_category":{"id":2,"short_name":"rsa_accompagnement","name":"RSA accompagnement"}},"users":[%s],\
                "organisation":{"id":35001,"name":"CCAS de Pipriac","email":null,"phone_number":null,"department_number":"35",\
                "rdv_solidarites_organisation_id":501,"motif_categories":[]},"participations":[%s]},"meta":%s}"""
                .formatted(id, id, statut, id + 7000, rdvLe, usager, participations, meta("Rdv", evenement, horodatage));
    }
}
