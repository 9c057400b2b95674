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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.commons.Formats;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.referral.domain.Structure;
import fr.actionsociale.referral.domain.TypeStructure;
import fr.actionsociale.referral.service.StructureService;

/** The structures de droit commun people are oriented to. */
@Path("/structures")
@Tag(name = "Structures")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class StructureResource {

    private final StructureService structures;

    StructureResource(StructureService structures) {
        this.structures = structures;
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
                    + "un autre") String contactPrivilegie) {
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
            @Schema(description = "Date de la désignation par la convention ; null pour un contact saisi") LocalDate contactDesigneLe) {
        static StructureVue de(Structure s) {
            return new StructureVue(s.code(), s.nom(), s.type().name(), s.communes(), s.contactPrivilegie(), s.contactSource(),
                    s.contactDesigneLe());
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
        Structure s = structures.enregistrer(r.code(), r.nom(), r.type(), r.communes() == null ? List.of() : r.communes(), r.contactPrivilegie());
        return Response.created(URI.create("/structures/" + s.code())).entity(StructureVue.de(s)).build();
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.COORDINATEUR, Roles.GESTIONNAIRE, Roles.PARTENAIRE, Roles.ADMIN })
    @Operation(summary = "Les structures", description = "Avec leur contact privilégié et d'où il vient (convention ou saisie).")
    public List<StructureVue> lister() {
        return structures.lister().stream().map(StructureVue::de).toList();
    }
}
