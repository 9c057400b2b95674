package fr.actionsociale.conventions.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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

import fr.actionsociale.commons.Formats;
import fr.actionsociale.commons.idempotence.Idempotence;
import fr.actionsociale.commons.idempotence.Idempotent;
import fr.actionsociale.commons.probleme.Probleme;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.conventions.domain.ContactPrivilegie;
import fr.actionsociale.conventions.domain.Convention;
import fr.actionsociale.conventions.domain.Financement;
import fr.actionsociale.conventions.domain.Imputation;
import fr.actionsociale.conventions.domain.PopulationInsee;
import fr.actionsociale.conventions.domain.VisaDeliberation;
import fr.actionsociale.conventions.domain.RepartitionCharges;
import fr.actionsociale.conventions.domain.StatutConvention;
import fr.actionsociale.conventions.domain.TrancheVersement;
import fr.actionsociale.conventions.rest.ConventionRequetes.ConventionRequete;
import fr.actionsociale.conventions.rest.ConventionRequetes.RepartitionRequete;
import fr.actionsociale.conventions.rest.ConventionRequetes.ResiliationRequete;
import fr.actionsociale.conventions.rest.ConventionRequetes.SignatureRequete;
import fr.actionsociale.conventions.rest.ConventionVues.ConventionVue;
import fr.actionsociale.conventions.rest.ConventionVues.PageVue;
import fr.actionsociale.conventions.rest.ConventionVues.RepartitionVue;
import fr.actionsociale.conventions.service.ConventionService;

@Path("/conventions")
@Tag(name = "Conventions")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class ConventionResource {

    private final ConventionService conventions;
    private final Appelant appelant;

    ConventionResource(ConventionService conventions, Appelant appelant) {
        this.conventions = conventions;
        this.appelant = appelant;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Rédiger une convention", description = "Crée la convention en BROUILLON avec ses parties ; chaque institution doit être connue.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ConventionVue.class)))
    @APIResponse(responseCode = "409", description = "Référence déjà utilisée", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    @Idempotent
    public Response rediger(@HeaderParam(Idempotence.ENTETE) String cle,
            @Valid @NotNull ConventionRequete r) {
        Convention brouillon = Convention.rediger(r.reference(), r.objet(), r.type(), r.porteur(), r.territoire(),
                r.basesLegales() == null ? List.of() : r.basesLegales(), r.dateDebut(), r.dateFin(), r.lieu(), r.nombreOriginaux(),
                r.montantTotal(), r.preavisMois(),
                r.parties().stream().map(p -> new Convention.NouvellePartie(p.institution(), p.role(), p.representantNom(),
                        p.representantQualite(), p.deliberation() == null ? null : p.deliberation().versDomaine(), p.deliberationId(),
                        p.signataire() == null || p.signataire())).toList());
        if (r.deliberationsVisees() != null) {
            List<VisaDeliberation> visas = new java.util.ArrayList<>();
            for (int i = 0; i < r.deliberationsVisees().size(); i++) {
                var v = r.deliberationsVisees().get(i);
                visas.add(new VisaDeliberation(i + 1, v.institution(), v.numero(), v.date()));
            }
            brouillon.viser(visas);
        }
        if (r.imputation() != null) {
            var m = r.imputation();
            brouillon.imputer(new Imputation(m.programme(), m.centreFinancier(), m.activite(), m.numeroEJ(), m.ordonnateur(),
                    m.comptableAssignataire()));
        }
        if (r.financements() != null || r.budgetPrevisionnel() != null) {
            List<Financement> parts = new java.util.ArrayList<>();
            List<ConventionRequetes.FinancementRequete> demandes = r.financements() == null ? List.of() : r.financements();
            for (int i = 0; i < demandes.size(); i++) {
                var f = demandes.get(i);
                parts.add(new Financement(i + 1, f.financeur(), f.institution(), f.nature(), f.montant(), f.taux(), f.base()));
            }
            brouillon.financer(r.budgetPrevisionnel(), parts);
        }
        if (r.hypotheses() != null) {
            brouillon.supposer(r.hypotheses());
        }
        if (r.versements() != null) {
            List<TrancheVersement> tranches = new java.util.ArrayList<>();
            for (int i = 0; i < r.versements().size(); i++) {
                var t = r.versements().get(i);
                tranches.add(new TrancheVersement(i + 1, t.pourcentage(), t.declencheur(), t.delaiJours()));
            }
            brouillon.prevoirVersements(tranches);
        }
        Convention c = conventions.rediger(brouillon);
        return Response.created(URI.create("/conventions/" + c.id())).tag(etag(c)).entity(vue(c)).build();
    }

    @GET
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE, Roles.AGENT })
    @Operation(summary = "Lister les conventions", description = "Filtres : statut, institution partie, date à laquelle elles sont actives, commune du territoire. Paginé.")
    public PageVue lister(
            @QueryParam("statut") @Pattern(regexp = "^(BROUILLON|EN_SIGNATURE|EN_VIGUEUR|EXPIREE|RESILIEE)$", message = "valeurs admises : BROUILLON, EN_SIGNATURE, EN_VIGUEUR, EXPIREE, RESILIEE") String statut,
            @QueryParam("institution") @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON) String institution,
            @QueryParam("activeLe") @Pattern(regexp = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$", message = "doit être une date AAAA-MM-JJ") String activeLe,
            @QueryParam("commune") @Pattern(regexp = Formats.CODE_INSEE, message = Formats.CODE_INSEE_RAISON) String commune,
            @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "doit être positive ou nulle") int page,
            @QueryParam("taille") @DefaultValue("50") @Min(value = 1, message = "doit valoir au moins 1") @Max(value = 500, message = "ne doit pas dépasser 500") int taille) {
        ConventionService.Page p = conventions.lister(statut == null ? null : StatutConvention.valueOf(statut), institution,
                ProblemeException.date("activeLe", activeLe), commune, page, taille);
        return new PageVue(p.conventions().stream().map(this::vue).toList(), page, taille, p.total());
    }

    @GET
    @Path("/export/scdl-subventions.csv")
    @Produces("text/csv")
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR })
    @Operation(summary = "Export SCDL Subventions 2.1.1 des conventions de financement signées",
            description = "CSV (schema.data.gouv.fr scdl/subventions). Les conventions qui ne peuvent pas être publiées (SIRET manquant, "
                    + "pas encore signées) sont nommées dans l'en-tête X-Conventions-Incompletes.")
    public Response exportScdl() {
        ConventionService.Export e = conventions.exportScdl();
        return Response.ok(e.csv(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"subventions.csv\"")
                .header("X-Conventions-Incompletes", String.join(",", e.incompletes())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE, Roles.AGENT })
    @Operation(summary = "Lire une convention")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConventionVue.class)))
    @APIResponse(responseCode = "404", description = "Inconnue", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    public Response lire(@PathParam("id") UUID id) {
        Convention c = conventions.trouver(id);
        return Response.ok(vue(c)).tag(etag(c)).build();
    }

    @POST
    @Path("/{id}/soumission")
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Soumettre le brouillon à la signature des parties")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConventionVue.class)))
    @APIResponse(responseCode = "409", description = "La convention n'est pas un brouillon", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    public Response soumettre(@PathParam("id") UUID id) {
        Convention c = conventions.soumettre(conventions.modifiable(id).id());
        return Response.ok(vue(c)).tag(etag(c)).build();
    }

    @POST
    @Path("/{id}/signatures")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Enregistrer la signature d'une partie", description = "Un gestionnaire signe pour sa propre institution. "
            + "La dernière signature met la convention EN_VIGUEUR et publie convention-signee.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConventionVue.class)))
    @APIResponse(responseCode = "409", description = "Brouillon, déjà signée par cette partie, ou plus en signature", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    public Response signer(@PathParam("id") UUID id,
            @Valid @NotNull SignatureRequete r) {
        Convention c = conventions.signer(id, r.institution(), r.date(), r.deliberationId(),
                r.deliberation() == null ? null : r.deliberation().versDomaine());
        return Response.ok(vue(c)).tag(etag(c)).build();
    }

    @POST
    @Path("/{id}/resiliation")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Résilier une convention en vigueur", description = "Unilatérale : la date d'effet est la date de la lettre "
            + "recommandée plus le préavis de la convention (jamais après sa fin). Commun accord : la date convenue. Publie convention-resiliee.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ConventionVue.class)))
    @APIResponse(responseCode = "409", description = "Pas en vigueur, ou déjà résiliée", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    public Response resilier(@PathParam("id") UUID id,
            @Valid @NotNull ResiliationRequete r) {
        Convention c = conventions.resilier(id, r.mode(), r.institution(), r.dateLettre(), r.dateEffet());
        return Response.ok(vue(c)).tag(etag(c)).build();
    }

    @POST
    @Path("/{id}/repartitions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Operation(summary = "Répartir des charges au prorata de la population INSEE des parties",
            description = "Parts exactes au centime, dont la somme est le montant ; la règle d'arrondi et le millésime de chaque population sont donnés.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = RepartitionVue.class)))
    public RepartitionVue repartir(@PathParam("id") UUID id,
            @Valid @NotNull RepartitionRequete r) {
        UUID uuid = id;
        List<RepartitionCharges.Part> parts = conventions.repartir(uuid, r.montant(), r.annee());
        return new RepartitionVue(uuid, r.annee(), r.montant().setScale(2), RepartitionCharges.REGLE_ARRONDI,
                PopulationInsee.millesimeEnVigueur(java.time.LocalDate.of(r.annee(), 1, 1)), REGLE_MILLESIME, parts);
    }

    static final String REGLE_MILLESIME = "« Le nombre d'habitants dernièrement connu selon l'Insee » au 1er janvier de l'année répartie : "
            + "la population légale du millésime N, publiée fin décembre N+2, est en vigueur au 1er janvier N+3.";

    @POST
    @Path("/{id}/contacts-privilegies")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Idempotent
    @Operation(summary = "Désigner le contact privilégié d'une partie", description = "Pour les situations individuelles bloquées ou urgentes "
            + "(seed 001). Publie contact-privilegie-designe : le contact devient celui de la structure dans referral-service.")
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ConventionVues.ContactPrivilegieVue.class)))
    @APIResponse(responseCode = "409", description = "Convention en brouillon, expirée ou résiliée", content = @Content(mediaType = Probleme.MEDIA_TYPE, schema = @Schema(implementation = Probleme.class)))
    public Response designerContact(@PathParam("id") UUID id, @HeaderParam(Idempotence.ENTETE) String cle,
            @Valid @NotNull ConventionRequetes.ContactPrivilegieRequete r) {
        ContactPrivilegie p = conventions.designerContact(id, r.institution(), r.contact(), r.designeLe(), r.hypothese());
        return Response.created(URI.create("/conventions/" + id + "/contacts-privilegies")).entity(ConventionVues.ContactPrivilegieVue.de(p)).build();
    }

    @GET
    @Path("/{id}/contacts-privilegies")
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE, Roles.AGENT })
    @Operation(summary = "Les contacts privilégiés que la convention désigne")
    public List<ConventionVues.ContactPrivilegieVue> contacts(@PathParam("id") UUID id) {
        return conventions.contacts(id).stream().map(ConventionVues.ContactPrivilegieVue::de).toList();
    }

    private ConventionVue vue(Convention c) {
        return ConventionVue.de(c, conventions.aujourdHui(), conventions.anomalies(c));
    }

    private static EntityTag etag(Convention c) {
        return new EntityTag(Long.toString(c.version()));
    }
}
