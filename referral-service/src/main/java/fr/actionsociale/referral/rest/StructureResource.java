package fr.actionsociale.referral.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.referral.domain.Structure;
import fr.actionsociale.referral.domain.TypeStructure;
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

    StructureResource(StructureService structures, LotCourriers lots) {
        this.structures = structures;
        this.lots = lots;
    }

    @Schema(name = "StructureRequete")
    public record StructureRequete(
            @NotBlank @Size(max = 64)
            @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON) @Schema(example = "mission-locale-redon") String code,
            @NotBlank @Size(max = 300) String nom,
            @NotNull TypeStructure type,
            @Size(max = 200, message = "au plus 200 communes")
            List<@NotNull @Pattern(regexp = Formats.CODE_INSEE, message = Formats.CODE_INSEE_RAISON) String> communes,
            @Size(max = 500)
            @Schema(description = "Contact privilégié pour les situations bloquées ou urgentes (seed 001). Absent : la structure prend celui "
                    + "que la convention de son institution a désigné, s'il y en a un. Saisi : gardé jusqu'à ce qu'une convention en désigne "
                    + "un autre") String contactPrivilegie,
            @Valid @Schema(description = "Imprimée sur ses courriers d'invitation") AdresseVue adresse,
            @Size(max = 300) @Schema(description = "Comment prendre rendez-vous (téléphone, horaires, adresse web) : ce que dit une invitation "
                    + "qui ne propose pas de rendez-vous", example = "Appelez le 02 99 00 00 00, du lundi au vendredi de 9 h à 12 h") String priseRendezVous) {
    }

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
            AdresseVue adresse, String priseRendezVous) {
        static StructureVue de(Structure s) {
            return new StructureVue(s.code(), s.nom(), s.type().name(), s.communes(), s.contactPrivilegie(), s.contactSource(),
                    s.contactDesigneLe(), AdresseVue.de(s.adresse()), s.priseRendezVous());
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
                AdresseVue.adresse(r.adresse()), r.priseRendezVous());
        return Response.created(URI.create("/structures/" + s.code())).entity(StructureVue.de(s)).build();
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.COORDINATEUR, Roles.GESTIONNAIRE, Roles.PARTENAIRE, Roles.ADMIN })
    @Operation(summary = "Les structures", description = "Avec leur contact privilégié et d'où il vient (convention ou saisie).")
    public List<StructureVue> lister() {
        return structures.lister().stream().map(StructureVue::de).toList();
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
