package fr.actionsociale.referral.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.commons.Formats;
import fr.actionsociale.commons.idempotence.Idempotence;
import fr.actionsociale.commons.idempotence.Idempotent;
import fr.actionsociale.commons.probleme.Probleme;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.referral.domain.Service;
import fr.actionsociale.referral.domain.Structure;
import fr.actionsociale.referral.domain.TypeStructure;
import fr.actionsociale.referral.service.CatalogueService;
import fr.actionsociale.referral.service.LotCourriers;
import fr.actionsociale.referral.service.StructureService;

/** The structures de droit commun people are oriented to. */
@Path("/structures")
@Tag(name = "Structures")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class StructureResource {

    private final StructureService structures;
    private final LotCourriers lots;
    private final CatalogueService catalogue;

    StructureResource(StructureService structures, LotCourriers lots, CatalogueService catalogue) {
        this.structures = structures;
        this.lots = lots;
        this.catalogue = catalogue;
    }

    @Schema(name = "StructureRequete")
    public record StructureRequete(
            @NotBlank @Size(max = 64)
            @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON) @Schema(example = "mission-locale-redon") String code,
            @NotBlank @Size(min = 3, max = 150, message = "doit faire entre 3 et 150 caractères (data·inclusion)") String nom,
            @NotNull TypeStructure type,
            @Size(max = 200, message = "au plus 200 communes")
            List<@NotNull @Pattern(regexp = Formats.CODE_INSEE, message = Formats.CODE_INSEE_RAISON) String> communes,
            @Size(max = 500)
            @Schema(description = "Contact privilégié pour les situations bloquées ou urgentes (seed 001). Absent : la structure prend celui "
                    + "que la convention de son institution a désigné, s'il y en a un. Saisi : gardé jusqu'à ce qu'une convention en désigne "
                    + "un autre") String contactPrivilegie,
            @Valid @Schema(description = "Imprimée sur ses courriers d'invitation") AdresseVue adresse,
            @Size(max = 300) @Schema(description = "Comment prendre rendez-vous (téléphone, horaires, adresse web) : ce que dit une invitation "
                    + "qui ne propose pas de rendez-vous", example = "Appelez le 02 99 00 00 00, du lundi au vendredi de 9 h à 12 h") String priseRendezVous,
            @Pattern(regexp = "^[0-9]{14}$", message = "doit être un numéro SIRET de 14 chiffres") @Schema(description = "Publié (data·inclusion)",
                    example = "99900000000029") String siret,
            @Size(max = 10, message = "au plus 10 réseaux") @Schema(description = "Réseaux porteurs data·inclusion (énumération reseaux-porteurs) ; "
                    + "absent : celui de son type (CCAS : ccas-cias, CDAS et DEPARTEMENT : departements, CAF : caf...)", example = "[\"ccas-cias\"]")
            List<@NotNull String> reseauxPorteurs,
            @Pattern(regexp = Formats.CODE_INSEE, message = Formats.CODE_INSEE_RAISON) @Schema(description = "Code INSEE de la commune de son adresse",
                    example = "35220") String codeInsee,
            @Size(max = 30) @Schema(description = "Téléphone d'accueil de l'institution, publié en open data (jamais celui d'une personne)",
                    example = "+33299000000") String telephone,
            @Size(max = 254) @Email(regexp = COURRIEL, message = COURRIEL_RAISON) @Schema(description = "Courriel d'accueil de l'institution, publié en "
                    + "open data (jamais celui d'une personne)", example = "accueil@ccas-pipriac.fr") String courriel,
            @Size(max = 2083) @Pattern(regexp = URL, message = URL_RAISON) @Schema(example = "https://www.pipriac.fr/ccas") String siteWeb,
            @Size(max = 500) @Schema(description = "Horaires d'accueil au format OpenStreetMap opening_hours", example = "Mo-Fr 09:00-12:00")
            String horairesAccueil,
            @Size(min = 5, max = 10000, message = "doit faire entre 5 et 10000 caractères (data·inclusion)") String description) {

        Structure.Publication publication() {
            return new Structure.Publication(siret, reseauxPorteurs == null ? List.of() : reseauxPorteurs, codeInsee, telephone, courriel, siteWeb,
                    horairesAccueil, description);
        }
    }

    static final String COURRIEL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";
    static final String COURRIEL_RAISON = "doit être une adresse électronique (nom@domaine.fr)";
    static final String URL = "^https?://[^\\s]+$";
    static final String URL_RAISON = "doit être une adresse web commençant par http:// ou https://";

    @Schema(name = "Structure")
    public record StructureVue(String code, String nom, String type, List<String> communes,
            @Schema(description = "Contact privilégié pour les situations bloquées ou urgentes (seed 001) : celui que la convention de "
                    + "l'institution désigne (événement contact-privilegie-designe), ou celui saisi à l'enregistrement ; null sans "
                    + "contact, et les saisines vers cette institution sont refusées") String contactPrivilegie,
            @Schema(description = "D'où vient le contact : « convention <id> » quand une convention l'a désigné, « saisie » quand il a été "
                    + "saisi à l'enregistrement (gardé jusqu'à ce qu'une convention en désigne un autre) ; null sans contact",
                    pattern = "^(saisie|convention [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$",
                    example = "convention 3f2b8a4e-6c1d-4e8f-9a7b-2d5c0e1f4a6b") String contactSource,
            @Schema(description = "Date de la désignation par la convention ; null pour un contact saisi") LocalDate contactDesigneLe,
            AdresseVue adresse, String priseRendezVous, String siret,
            @Schema(description = "Réseaux porteurs data·inclusion : ceux saisis, ou celui de son type") List<String> reseauxPorteurs, String codeInsee,
            String telephone, String courriel, String siteWeb, String horairesAccueil, String description,
            @Schema(description = "Date de dernière modification de ce qu'elle publie") LocalDate dateMaj) {
        static StructureVue de(Structure s) {
            return new StructureVue(s.code(), s.nom(), s.type().name(), s.communes(), s.contactPrivilegie(), s.contactSource(),
                    s.contactDesigneLe(), AdresseVue.de(s.adresse()), s.priseRendezVous(), s.siret(), s.reseauxPorteurs(), s.codeInsee(),
                    s.telephone(), s.courriel(), s.siteWeb(), s.horairesAccueil(), s.description(), s.dateMaj());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Operation(summary = "Enregistrer une structure", description = "Sans contact privilégié saisi, la structure prend celui que la convention "
            + "de son institution a désigné, s'il y en a un.")
    @APIResponse(responseCode = "201", description = "Structure enregistrée", content = @Content(schema = @Schema(implementation = StructureVue.class)))
    public Response enregistrer(@Valid @NotNull StructureRequete r) {
        Structure s = structures.enregistrer(r.code(), r.nom(), r.type(), r.communes() == null ? List.of() : r.communes(), r.contactPrivilegie(),
                AdresseVue.adresse(r.adresse()), r.priseRendezVous(), r.publication());
        return Response.created(URI.create("/structures/" + s.code())).entity(StructureVue.de(s)).build();
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.COORDINATEUR, Roles.GESTIONNAIRE, Roles.PARTENAIRE, Roles.ADMIN })
    @Operation(summary = "Les structures", description = "Avec leur contact privilégié et d'où il vient (convention ou saisie).")
    public List<StructureVue> lister() {
        return structures.lister().stream().map(StructureVue::de).toList();
    }

    @POST
    @Path("/{code}/services")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Transactional
    @Idempotent
    @Operation(summary = "Décrire un service de la structure", description = "Dans les mots de data·inclusion (schéma v1) : type, thématiques, "
            + "frais, publics, modes d'accueil et de mobilisation, personnes mobilisatrices pris dans ses énumérations (une autre valeur : 400 "
            + "nommant le champ, rien n'est écrit). Sans zone d'éligibilité, celle des communes de la structure. Publié par "
            + "GET /data-inclusion/services.json et .csv. Un nouvel envoi avec le même en-tête Idempotency-Key et le même corps renvoie la "
            + "première réponse sans rien créer.")
    @APIResponse(responseCode = "201", description = "Service enregistré", content = @Content(schema = @Schema(implementation = ServiceVue.class)))
    @APIResponse(responseCode = "404", description = "Structure inconnue", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    @APIResponse(responseCode = "422", description = "Clé d'idempotence déjà utilisée avec un autre corps", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    public Response decrireService(@PathParam("code") String code,
            @Parameter(description = "Clé rendant la requête rejouable sans doublon") @HeaderParam(Idempotence.ENTETE) String cle,
            @Valid @NotNull ServiceRequete r) {
        Service x = catalogue.decrire(code, r.saisie());
        return Response.created(URI.create("/structures/" + code + "/services/" + x.id())).entity(ServiceVue.de(x)).build();
    }

    @GET
    @Path("/{code}/services")
    @RolesAllowed({ Roles.AGENT, Roles.COORDINATEUR, Roles.GESTIONNAIRE, Roles.PARTENAIRE, Roles.ADMIN })
    @Operation(summary = "Les services de la structure")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ServiceVue.class)))
    @APIResponse(responseCode = "404", description = "Structure inconnue", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    public List<ServiceVue> services(@PathParam("code") String code) {
        return catalogue.services(code).stream().map(ServiceVue::de).toList();
    }

    static final String PDF = "application/pdf";

    @GET
    @Path("/{code}/courriers")
    @Produces(PDF)
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Le lot de courriers d'invitation d'un jour", description = "Un seul PDF par structure et par jour, à imprimer et poster : "
            + "un bordereau (nombre de courriers, références), puis une page par courrier (première invitation ou relance du parcours RSA), "
            + "l'adresse placée pour une enveloppe à fenêtre. Chaque courrier porte le nom et l'adresse de la structure, l'adresse de la "
            + "personne, le rendez-vous ou comment en prendre un, et la référence opaque de l'invitation ; rien d'autre sur la personne. "
            + "La lecture des adresses est journalisée. Une structure n'imprime que ses propres courriers.")
    @APIResponse(responseCode = "200", description = "Le lot du jour (le bordereau seul s'il n'y a aucun courrier)",
            content = @Content(mediaType = PDF, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response courriers(@PathParam("code") String code,
            @QueryParam("date") @NotBlank @Parameter(description = "Le jour du lot, AAAA-MM-JJ") String date) {
        LocalDate jour = ProblemeException.date("date", date);
        return Response.ok(lots.lot(code, jour), PDF)
                .header("Content-Disposition", "attachment; filename=\"courriers-" + code + "-" + jour + ".pdf\"").build();
    }
}
