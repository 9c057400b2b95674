package fr.actionsociale.conventions.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.commons.idempotence.Idempotence;
import fr.actionsociale.commons.idempotence.Idempotent;
import fr.actionsociale.commons.probleme.Probleme;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.conventions.domain.Institution;
import fr.actionsociale.conventions.domain.PopulationInsee;
import fr.actionsociale.conventions.service.InstitutionService;

@Path("/institutions")
@Tag(name = "Institutions")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class InstitutionResource {

    private final InstitutionService institutions;
    private final Appelant appelant;

    InstitutionResource(InstitutionService institutions, Appelant appelant) {
        this.institutions = institutions;
        this.appelant = appelant;
    }

    public record Page(List<InstitutionVue> elements, int page, int taille, long total) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.GESTIONNAIRE })
    @Transactional
    @Operation(summary = "Enregistrer une institution partenaire")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = InstitutionVue.class)))
    @APIResponse(responseCode = "409", description = "Code ou SIRET déjà enregistré", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    @Idempotent
    public Response enregistrer(@HeaderParam(Idempotence.ENTETE) String cle,
            @Valid @NotNull InstitutionRequete r) {
        Institution i = institutions.enregistrer(Institution.enregistrer(r.code(), r.nom(), r.type(), r.siret(), r.adresse(),
                r.codeInsee(), r.population(), r.populationAnnee()));
        return Response.created(URI.create("/institutions/" + i.code())).tag(new EntityTag(Long.toString(i.version())))
                .entity(InstitutionVue.de(i)).build();
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.GESTIONNAIRE, Roles.COORDINATEUR, Roles.AGENT, Roles.PARTENAIRE })
    @Operation(summary = "Lister les institutions", description = "Par code, paginé.")
    public Page lister(@QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "doit être positive ou nulle") int page,
            @QueryParam("taille") @DefaultValue("50") @Min(value = 1, message = "doit valoir au moins 1") @Max(value = 500, message = "ne doit pas dépasser 500") int taille) {
        return new Page(institutions.lister(page, taille).stream().map(InstitutionVue::de).toList(), page, taille, institutions.compter());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.GESTIONNAIRE, Roles.COORDINATEUR, Roles.AGENT, Roles.PARTENAIRE })
    @Operation(summary = "Lire une institution")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InstitutionVue.class)))
    @APIResponse(responseCode = "404", description = "Code inconnu", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    public Response lire(@PathParam("code") String code) {
        Institution i = institutions.trouver(code);
        return Response.ok(InstitutionVue.de(i)).tag(new EntityTag(Long.toString(i.version()))).build();
    }

    @Schema(name = "PopulationRequete", description = "Une population légale INSEE, avec son millésime et sa source")
    public record PopulationRequete(
            @NotNull(message = "une population INSEE va avec son millésime") @Min(value = 1990, message = "doit être un millésime INSEE (année)")
            @Max(value = 2100, message = "doit être un millésime INSEE (année)") @Schema(example = "2011") Integer millesime,
            @NotNull @Min(value = 0, message = "doit être positive ou nulle") @Schema(description = "Population municipale", example = "9555") Integer population,
            @NotBlank @Size(max = 500) @Schema(example = "INSEE, populations légales 2011 (en vigueur au 1er janvier 2014)") String source) {
    }

    @Schema(name = "Population")
    public record PopulationVue(String institution, int millesime, int population, String source,
            @Schema(description = "1er janvier où ce millésime entre en vigueur") java.time.LocalDate enVigueurLe) {
        static PopulationVue de(PopulationInsee p) {
            return new PopulationVue(p.institution(), p.millesime(), p.population(), p.source(),
                    java.time.LocalDate.of(p.millesime() + PopulationInsee.DECALAGE, 1, 1));
        }
    }

    @POST
    @Path("/{code}/populations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.GESTIONNAIRE })
    @Transactional
    @Idempotent
    @Operation(summary = "Enregistrer une population légale INSEE d'un millésime", description = "Le millésime N, publié fin décembre N+2, "
            + "est en vigueur au 1er janvier N+3 ; la répartition au prorata d'une année prend celui en vigueur au 1er janvier.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = PopulationVue.class)))
    @APIResponse(responseCode = "409", description = "Millésime déjà enregistré", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    public Response enregistrerPopulation(@PathParam("code") String code, @HeaderParam(Idempotence.ENTETE) String cle,
            @Valid @NotNull PopulationRequete r) {
        PopulationInsee p = institutions.enregistrerPopulation(code, r.millesime(), r.population(), r.source());
        return Response.created(URI.create("/institutions/" + code + "/populations")).entity(PopulationVue.de(p)).build();
    }

    @GET
    @Path("/{code}/populations")
    @RolesAllowed({ Roles.ADMIN, Roles.GESTIONNAIRE, Roles.COORDINATEUR, Roles.AGENT, Roles.PARTENAIRE })
    @Operation(summary = "Les populations INSEE d'une institution, par millésime")
    public List<PopulationVue> populations(@PathParam("code") String code) {
        return institutions.populations(code).stream().map(PopulationVue::de).toList();
    }
}
