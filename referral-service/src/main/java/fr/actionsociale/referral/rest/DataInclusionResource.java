package fr.actionsociale.referral.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonProperty;

import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.referral.domain.AdressePostale;
import fr.actionsociale.referral.domain.Service;
import fr.actionsociale.referral.domain.Structure;
import fr.actionsociale.referral.service.Csv;
import fr.actionsociale.referral.service.DataInclusionService;

/**
 * The structures and services referral-service knows, in the data·inclusion schema v1 (gip-inclusion/data-inclusion-schema),
 * as JSON and CSV: open data, no personal data.
 */
@Path("/data-inclusion")
@Tag(name = "data·inclusion")
@SecurityRequirement(name = "jeton")
public class DataInclusionResource {

    static final String CSV = "text/csv; charset=UTF-8";
    private static final int NOM_MAX = 150;

    private final DataInclusionService publication;

    DataInclusionResource(DataInclusionService publication) {
        this.publication = publication;
    }

    @Schema(name = "StructureDataInclusion", description = "Une structure au schéma data·inclusion v1 (structure.json)")
    public record StructureDataInclusion(
            @JsonProperty("source") @Schema(required = true, example = "action-sociale-pays-de-redon") String source,
            @JsonProperty("id") @Schema(required = true, example = "action-sociale-pays-de-redon--ccas-pipriac") String id,
            @JsonProperty("nom") @Schema(required = true, example = "CCAS de Pipriac") String nom,
            @JsonProperty("date_maj") @Schema(required = true) LocalDate dateMaj,
            @JsonProperty("siret") String siret,
            @JsonProperty("reseaux_porteurs") List<String> reseauxPorteurs,
            @JsonProperty("adresse") String adresse,
            @JsonProperty("complement_adresse") String complementAdresse,
            @JsonProperty("code_postal") String codePostal,
            @JsonProperty("commune") String commune,
            @JsonProperty("code_insee") String codeInsee,
            @JsonProperty("telephone") String telephone,
            @JsonProperty("courriel") String courriel,
            @JsonProperty("site_web") String siteWeb,
            @JsonProperty("horaires_accueil") String horairesAccueil,
            @JsonProperty("description") String description) {

        StructureDataInclusion(DataInclusionService p, Structure s) {
            this(p.source(), p.id(s), tronquer(s.nom()), s.dateMaj(), s.siret(), vide(s.reseauxPorteurs()), partie(s.adresse(), AdressePostale::voie),
                    partie(s.adresse(), AdressePostale::complement), partie(s.adresse(), AdressePostale::codePostal),
                    partie(s.adresse(), AdressePostale::localite), s.codeInsee(), s.telephone(), s.courriel(), s.siteWeb(), s.horairesAccueil(),
                    s.description());
        }
    }

    @Schema(name = "ServiceDataInclusion", description = "Un service au schéma data·inclusion v1 (service.json) ; son adresse est celle de sa "
            + "structure")
    public record ServiceDataInclusion(
            @JsonProperty("source") @Schema(required = true) String source,
            @JsonProperty("structure_id") @Schema(required = true, example = "action-sociale-pays-de-redon--ccas-pipriac") String structureId,
            @JsonProperty("id") @Schema(required = true) String id,
            @JsonProperty("nom") @Schema(required = true, example = "Rendez-vous des droits") String nom,
            @JsonProperty("description") @Schema(required = true) String description,
            @JsonProperty("date_maj") @Schema(required = true) LocalDate dateMaj,
            @JsonProperty("type") String type,
            @JsonProperty("thematiques") List<String> thematiques,
            @JsonProperty("frais") String frais,
            @JsonProperty("frais_precisions") String fraisPrecisions,
            @JsonProperty("publics") List<String> publics,
            @JsonProperty("publics_precisions") String publicsPrecisions,
            @JsonProperty("conditions_acces") String conditionsAcces,
            @JsonProperty("modes_accueil") List<String> modesAccueil,
            @JsonProperty("modes_mobilisation") List<String> modesMobilisation,
            @JsonProperty("mobilisable_par") List<String> mobilisablePar,
            @JsonProperty("mobilisation_precisions") String mobilisationPrecisions,
            @JsonProperty("zone_eligibilite") List<String> zoneEligibilite,
            @JsonProperty("telephone") String telephone,
            @JsonProperty("courriel") String courriel,
            @JsonProperty("lien_mobilisation") String lienMobilisation,
            @JsonProperty("horaires_accueil") String horairesAccueil,
            @JsonProperty("volume_horaire_hebdomadaire") BigDecimal volumeHoraireHebdomadaire,
            @JsonProperty("nombre_semaines") Integer nombreSemaines,
            @JsonProperty("adresse") String adresse,
            @JsonProperty("complement_adresse") String complementAdresse,
            @JsonProperty("code_postal") String codePostal,
            @JsonProperty("commune") String commune,
            @JsonProperty("code_insee") String codeInsee) {

        ServiceDataInclusion(DataInclusionService p, DataInclusionService.ServicePublie x) {
            this(p, x.service(), x.structure());
        }

        private ServiceDataInclusion(DataInclusionService p, Service s, Structure st) {
            this(p.source(), p.idStructure(s), p.id(s), s.nom(), s.description(), s.dateMaj(), s.type(), vide(s.thematiques()), s.frais(),
                    s.fraisPrecisions(), vide(s.publics()), s.publicsPrecisions(), s.conditionsAcces(), vide(s.modesAccueil()),
                    vide(s.modesMobilisation()), vide(s.mobilisablePar()), s.mobilisationPrecisions(), vide(s.zoneEligibilite()), s.telephone(),
                    s.courriel(), s.lienMobilisation(), s.horairesAccueil(), s.volumeHoraireHebdomadaire(), s.nombreSemaines(),
                    partie(st.adresse(), AdressePostale::voie), partie(st.adresse(), AdressePostale::complement),
                    partie(st.adresse(), AdressePostale::codePostal), partie(st.adresse(), AdressePostale::localite), st.codeInsee());
        }
    }

    /** data·inclusion's lists have at least one item when given: an empty one is "not given". */
    static List<String> vide(List<String> l) {
        return l.isEmpty() ? null : l;
    }

    static String partie(AdressePostale a, java.util.function.Function<AdressePostale, String> partie) {
        return a == null ? null : partie.apply(a);
    }

    /** Names are entered within data·inclusion's 150 characters; one registered before that rule is cut, not left invalid. */
    static String tronquer(String nom) {
        return nom.length() <= NOM_MAX ? nom : nom.substring(0, NOM_MAX - 1) + "…";
    }

    List<StructureDataInclusion> structures() {
        return publication.structures().stream().map(s -> new StructureDataInclusion(publication, s)).toList();
    }

    List<ServiceDataInclusion> services() {
        return publication.services().stream().map(x -> new ServiceDataInclusion(publication, x)).toList();
    }

    static final String ROLES_DESCRIPTION = " Données ouvertes : ni contact privilégié, ni rien d'une personne ; téléphone, courriel et site sont "
            + "ceux de l'institution.";

    @GET
    @Path("/structures.json")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.COORDINATEUR, Roles.GESTIONNAIRE, Roles.PARTENAIRE, Roles.ADMIN })
    @Operation(summary = "Les structures au schéma data·inclusion (JSON)", description = "Une ligne par structure, valide contre structure.json "
            + "du schéma data·inclusion v1 ; id = <source>--<code>." + ROLES_DESCRIPTION)
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = StructureDataInclusion.class)))
    public List<StructureDataInclusion> structuresJson() {
        return structures();
    }

    @GET
    @Path("/structures.csv")
    @Produces(CSV)
    @RolesAllowed({ Roles.AGENT, Roles.COORDINATEUR, Roles.GESTIONNAIRE, Roles.PARTENAIRE, Roles.ADMIN })
    @Operation(summary = "Les structures au schéma data·inclusion (CSV)", description = "RFC 4180, les colonnes du schéma data·inclusion v1 "
            + "dans l'ordre du JSON ; une liste (reseaux_porteurs) en un champ, ses valeurs séparées par des virgules ; vide = non renseigné."
            + ROLES_DESCRIPTION)
    @APIResponse(responseCode = "200", content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"structures.csv\"",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response structuresCsv() {
        return Response.ok(Csv.ecrire(StructureDataInclusion.class, structures()), CSV)
                .header("Content-Disposition", "attachment; filename=\"structures.csv\"").build();
    }

    @GET
    @Path("/services.json")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.COORDINATEUR, Roles.GESTIONNAIRE, Roles.PARTENAIRE, Roles.ADMIN })
    @Operation(summary = "Les services au schéma data·inclusion (JSON)", description = "Une ligne par service, valide contre service.json "
            + "du schéma data·inclusion v1 ; structure_id est l'id de sa structure dans structures.json, son adresse celle de sa structure."
            + ROLES_DESCRIPTION)
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = ServiceDataInclusion.class)))
    public List<ServiceDataInclusion> servicesJson() {
        return services();
    }

    @GET
    @Path("/services.csv")
    @Produces(CSV)
    @RolesAllowed({ Roles.AGENT, Roles.COORDINATEUR, Roles.GESTIONNAIRE, Roles.PARTENAIRE, Roles.ADMIN })
    @Operation(summary = "Les services au schéma data·inclusion (CSV)", description = "RFC 4180, les colonnes du schéma data·inclusion v1 "
            + "dans l'ordre du JSON ; une liste (thematiques, publics, modes_accueil...) en un champ, ses valeurs séparées par des virgules ; "
            + "vide = non renseigné." + ROLES_DESCRIPTION)
    @APIResponse(responseCode = "200", content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)),
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"services.csv\"",
                    schema = @Schema(type = SchemaType.STRING)))
    public Response servicesCsv() {
        return Response.ok(Csv.ecrire(ServiceDataInclusion.class, services()), CSV)
                .header("Content-Disposition", "attachment; filename=\"services.csv\"").build();
    }
}
