package fr.actionsociale.referral.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.commons.Formats;
import fr.actionsociale.commons.idempotence.Idempotence;
import fr.actionsociale.commons.idempotence.Idempotent;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.referral.domain.Beneficiaire;
import fr.actionsociale.referral.domain.CanalContact;
import fr.actionsociale.referral.domain.ConsentementCanal;
import fr.actionsociale.referral.domain.Droit;
import fr.actionsociale.referral.domain.DroitVise;
import fr.actionsociale.referral.domain.EtapeRsa;
import fr.actionsociale.referral.service.BeneficiaireService;
import fr.actionsociale.referral.service.DroitService;
import fr.actionsociale.referral.service.InvitationService;
import fr.actionsociale.referral.service.JournalService;
import fr.actionsociale.referral.service.OrientationService;
import fr.actionsociale.referral.service.SuiviService;

/** Beneficiaries: identity, consent, RDV des droits, and their record as the caller may see it. */
@Path("/beneficiaires")
@Tag(name = "Bénéficiaires")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class BeneficiaireResource {

    static final String MOTIF = "X-Motif-Acces";

    private final BeneficiaireService beneficiaires;
    private final DroitService droits;
    private final OrientationService orientations;
    private final SuiviService suivi;
    private final JournalService journal;
    private final InvitationService invitations;

    BeneficiaireResource(BeneficiaireService beneficiaires, DroitService droits, OrientationService orientations, SuiviService suivi,
            JournalService journal, InvitationService invitations) {
        this.journal = journal;
        this.invitations = invitations;
        this.beneficiaires = beneficiaires;
        this.droits = droits;
        this.orientations = orientations;
        this.suivi = suivi;
    }

    @Schema(name = "BeneficiaireRequete", description = "L'identité se limite à ce dont le suivi a besoin")
    public record BeneficiaireRequete(
            @Size(max = 100) String nom,
            @Size(max = 100) String prenom,
            LocalDate dateNaissance,
            @NotBlank @Pattern(regexp = Formats.CODE_INSEE, message = Formats.CODE_INSEE_RAISON) String commune,
            @Size(max = 100) @Schema(example = "Bellevue") String quartier,
            CanalContact canalContact,
            @Size(max = 200) String contact,
            @Pattern(regexp = "^[0-9]{7,13}$", message = "doit être un numéro d'allocataire de 7 à 13 chiffres") String numeroAllocataire,
            @Size(max = 30) @Schema(example = "isole") String foyer,
            @Valid @Schema(description = "Où part le courrier de la première invitation RSA") AdresseVue adressePostale,
            @Email @Size(max = 254) @Schema(description = "Où part le courriel de l'invitation, si la personne consent au canal COURRIEL",
                    example = "camille.exemple@exemple.fr") String courriel,
            @Schema(description = "Le jour où la personne a été rencontrée et inscrite, quand l'inscription est saisie après coup ; aujourd'hui par "
                    + "défaut, jamais dans le futur ni avant la naissance. La durée de conservation (deux ans sans activité) compte à partir de ce jour",
                    example = "2026-11-18") LocalDate dateInscription) {
    }

    @Schema(name = "CoordonneesRequete", description = "Remplace l'adresse postale et le courriel de la personne ; un champ absent les efface")
    public record CoordonneesRequete(@Valid AdresseVue adressePostale, @Email @Size(max = 254) String courriel) {
    }

    @Schema(name = "ConsentementCanalRequete")
    public record ConsentementCanalRequete(
            @NotNull @Schema(description = "Le canal par lequel la personne accepte (ou n'accepte plus) d'être contactée") CanalContact canal,
            @Schema(description = "Le jour où c'est arrivé ; aujourd'hui par défaut, jamais dans le futur") LocalDate date) {
    }

    @Schema(name = "ConsentementCanal", description = "La personne accepte d'être contactée par ce canal depuis donneLe (jusqu'à retireLe)")
    public record ConsentementCanalVue(String canal, LocalDate donneLe, LocalDate retireLe) {
        static ConsentementCanalVue de(ConsentementCanal c) {
            return new ConsentementCanalVue(c.canal().name(), c.donneLe(), c.retireLe());
        }
    }

    @Schema(name = "Beneficiaire")
    public record BeneficiaireVue(String reference, String nom, String prenom, LocalDate dateNaissance, String commune, String quartier,
            String canalContact, String contact, String foyer, LocalDate consentementDonneLe, String consentementPortee,
            LocalDate consentementRetireLe, String creePar,
            @Schema(description = "Le jour où la personne a été rencontrée et inscrite (pour un entrant RSA importé : le jour de traitement du fichier "
                    + "de la CAF)") LocalDate dateInscription,
            @Schema(description = "Date à laquelle l'identité a été effacée après deux ans sans activité (durée de conservation)") LocalDate anonymiseLe,
            AdresseVue adressePostale, String courriel,
            @Schema(description = "Consentement à être contacté, canal par canal (un courriel ne part qu'avec celui du canal COURRIEL)")
            List<ConsentementCanalVue> consentementsCanaux) {
        static BeneficiaireVue de(Beneficiaire b, List<ConsentementCanal> canaux) {
            return new BeneficiaireVue(b.reference(), b.nom(), b.prenom(), b.dateNaissance(), b.commune(), b.quartier(),
                    b.canalContact() == null ? null : b.canalContact().name(), b.contact(), b.foyer(), b.consentementDonneLe(),
                    b.consentementPortee(), b.consentementRetireLe(), b.creePar(), b.inscritLe(), b.anonymiseLe(), AdresseVue.de(b.adresse()), b.courriel(),
                    canaux.stream().map(ConsentementCanalVue::de).toList());
        }
    }

    private BeneficiaireVue vue(Beneficiaire b) {
        return BeneficiaireVue.de(b, beneficiaires.consentementsAuxCanaux(b.id()));
    }

    @Schema(name = "ConsentementRequete")
    public record ConsentementRequete(@Schema(description = "Le jour où c'est arrivé ; aujourd'hui par défaut, jamais dans le futur") LocalDate date,
            @Schema(description = "Institutions avec lesquelles partager ; vide = celles vers lesquelles la personne est orientée")
            List<@NotNull @Pattern(regexp = Formats.CODE_INSTITUTION, message = Formats.CODE_INSTITUTION_RAISON) String> portee) {
    }

    @Schema(name = "RetraitRequete")
    public record RetraitRequete(@Schema(description = "Le jour où c'est arrivé ; aujourd'hui par défaut, jamais dans le futur") LocalDate date) {
    }

    @Schema(name = "RdvDesDroitsRequete")
    public record RdvRequete(@Schema(description = "Le jour où c'est arrivé ; aujourd'hui par défaut, jamais dans le futur") LocalDate date,
            @NotNull @NotEmpty(message = "au moins un droit examiné") List<@NotNull DroitVise> droitsExamines,
            @NotNull List<@NotNull DroitVise> droitsPotentiels) {
    }

    @Schema(name = "Droit", description = "Un droit suivi, tel qu'il est enregistré ; la personne n'y est que sa référence opaque")
    public record DroitVue(@Schema(required = true) UUID id,
            @Schema(required = true, description = "Référence opaque de la personne", example = "ben-7f3a9c21e0b4") String beneficiaire,
            @Schema(required = true) String droit,
            @Schema(required = true) String etat,
            @Schema(required = true, description = "Date de son état actuel (la plus récente de ses étapes)") LocalDate date,
            String institution, UUID orientationId, String source, LocalDate identifieLe,
            LocalDate demandeLe, LocalDate ouvertLe, LocalDate refuseLe, LocalDate abandonneLe, LocalDate fermeLe) {
        static DroitVue de(Droit d, String beneficiaire) {
            return new DroitVue(d.id(), beneficiaire, d.type().name(), d.etat().name(), d.dateEtat(), d.institution(), d.orientationId(),
                    d.source().name(), d.identifieLe(), d.demandeLe(), d.ouvertLe(), d.refuseLe(), d.abandonneLe(), d.fermeLe());
        }
    }

    @Schema(name = "EtapeRsa")
    public record EtapeVue(UUID id, String type, String libelle, LocalDate depart, LocalDate dateLimite, LocalDate faiteLe, String structure,
            @Schema(description = "Pas faite et son délai est passé") boolean enRetard,
            @Schema(description = "Faite : dans le délai (true) ou en retard (false) ; null tant qu'elle attend") Boolean faiteDansLeDelai,
            @Schema(description = "Jours au-delà du délai : au jour où elle a été faite, ou à aujourd'hui si elle attend ; 0 dans le délai")
            long joursDeRetard,
            @Schema(description = "Jours entre le départ du délai et l'étape faite ; null tant qu'elle attend") Long delaiJours) {
        static EtapeVue de(EtapeRsa e, LocalDate aujourdHui) {
            return new EtapeVue(e.id(), e.type().name(), e.type().libelle(), e.dateDepart(), e.dateLimite(), e.faiteLe(), e.structure(),
                    e.enRetardAu(aujourdHui), e.faiteLe() == null ? null : e.faiteDansLeDelai(), e.joursDeRetardAu(aujourdHui), e.delaiJours());
        }
    }

    @Schema(name = "Dossier", description = "Ce que l'appelant peut voir d'une personne ; sa lecture est journalisée")
    public record DossierVue(BeneficiaireVue beneficiaire, List<DroitVue> droits, List<OrientationVue> orientations, List<EtapeVue> parcoursRsa,
            @Schema(description = "La première invitation du parcours RSA, ses envois et la réponse de la personne") List<InvitationResource.InvitationVue> invitations) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Inscrire un bénéficiaire", description = "Répond sa référence opaque (ben-…), seule à circuler hors de ce service. "
            + "dateInscription garde le jour où la personne a été rencontrée quand l'inscription est saisie plus tard (aujourd'hui par défaut) ; "
            + "une date dans le futur est refusée (400 nommant dateInscription).")
    @APIResponse(responseCode = "201", description = "Bénéficiaire inscrit", content = @Content(schema = @Schema(implementation = BeneficiaireVue.class)))
    @Idempotent
    public Response inscrire(@HeaderParam(Idempotence.ENTETE) String cle,
            @Valid @NotNull BeneficiaireRequete r) {
        Beneficiaire b = beneficiaires.inscrire(r.nom(), r.prenom(), r.dateNaissance(), r.commune(), r.quartier(), r.canalContact(), r.contact(),
                r.numeroAllocataire(), r.foyer(), AdresseVue.adresse(r.adressePostale()), r.courriel(), r.dateInscription());
        return Response.created(URI.create("/beneficiaires/" + b.reference())).entity(BeneficiaireVue.de(b, List.of())).build();
    }

    @GET
    @Path("/{reference}")
    @RolesAllowed({ Roles.AGENT, Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Le dossier d'une personne", description = "Pour la structure qui l'a inscrite, qui l'a orientée, ou vers laquelle elle est "
            + "orientée et avec laquelle elle a consenti au partage. Toute lecture est journalisée (qui, quand, pourquoi : en-tête X-Motif-Acces).")
    public DossierVue lire(@PathParam("reference") String reference,
            @Parameter(description = "Pourquoi ce dossier est lu") @HeaderParam(MOTIF) String motif) {
        Beneficiaire b = beneficiaires.lire(reference, motif);
        LocalDate aujourdHui = beneficiaires.aujourdHui();
        return new DossierVue(vue(b), droits.droits(b.id()).stream().map(d -> DroitVue.de(d, b.reference())).toList(),
                orientations.deLaPersonne(b.id()).stream().map(OrientationVue::de).toList(),
                suivi.etapes(b.id()).stream().map(e -> EtapeVue.de(e, aujourdHui)).toList(),
                invitations.deLaPersonne(b.id()).stream().map(i -> InvitationResource.InvitationVue.de(i, b.reference(), invitations.envois(i))).toList());
    }

    @GET
    @Path("/{reference}/journal")
    @RolesAllowed({ Roles.AGENT, Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Le parcours d'une personne à travers les institutions", description = "Ce que le rôle, l'institution de l'appelant et le "
            + "consentement de la personne permettent de voir ; jamais de texte libre d'une autre structure. Lecture journalisée.")
    public List<JournalService.Entree> journal(@PathParam("reference") String reference, @HeaderParam(MOTIF) String motif) {
        beneficiaires.lire(reference, motif == null ? "journal" : motif);
        return journal.journal(reference);
    }

    @GET
    @Path("/{reference}/acces")
    @RolesAllowed({ Roles.AGENT, Roles.GESTIONNAIRE, Roles.ADMIN })
    @Operation(summary = "Qui a lu ce dossier, quand et pourquoi")
    public List<BeneficiaireService.Acces> acces(@PathParam("reference") String reference) {
        return beneficiaires.acces(beneficiaires.accessible(reference));
    }

    @POST
    @Path("/{reference}/consentement")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Recueillir le consentement au partage", description = "Date et portée.")
    public BeneficiaireVue consentir(@PathParam("reference") String reference,
            @Valid @NotNull ConsentementRequete r) {
        return vue(beneficiaires.consentir(reference, Dates.ouAujourdHui(r.date()), r.portee()));
    }

    @POST
    @Path("/{reference}/consentement/retrait")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Retirer le consentement", description = "Arrête tout partage ultérieur et publie consentement-retire.")
    public BeneficiaireVue retirer(@PathParam("reference") String reference,
            @Valid @NotNull RetraitRequete r) {
        return vue(beneficiaires.retirerConsentement(reference, Dates.ouAujourdHui(r.date())));
    }

    @POST
    @Path("/{reference}/coordonnees")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Changer l'adresse postale et le courriel", description = "Les deux sont remplacés ; un champ absent est effacé. "
            + "Ils restent dans ce service : ni événement, ni journal, ni métrique ne les portent.")
    public BeneficiaireVue coordonnees(@PathParam("reference") String reference, @Valid @NotNull CoordonneesRequete r) {
        return vue(beneficiaires.coordonnees(reference, AdresseVue.adresse(r.adressePostale()), r.courriel()));
    }

    @POST
    @Path("/{reference}/consentements-canaux")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Recueillir le consentement à un canal de contact", description = "La personne accepte d'être contactée par ce canal "
            + "(une invitation ne part par courriel qu'avec le consentement au canal COURRIEL). Distinct du consentement au partage.")
    public BeneficiaireVue consentirAuCanal(@PathParam("reference") String reference, @Valid @NotNull ConsentementCanalRequete r) {
        return vue(beneficiaires.consentirAuCanal(reference, r.canal(), Dates.ouAujourdHui(r.date())));
    }

    @POST
    @Path("/{reference}/consentements-canaux/retrait")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Retirer le consentement à un canal de contact", description = "Plus rien ne part par ce canal, y compris un courriel "
            + "encore en attente d'envoi.")
    public BeneficiaireVue retirerDuCanal(@PathParam("reference") String reference, @Valid @NotNull ConsentementCanalRequete r) {
        return vue(beneficiaires.retirerConsentementAuCanal(reference, r.canal(), Dates.ouAujourdHui(r.date())));
    }

    @Schema(name = "RendezVousPropose", description = "Le rendez-vous proposé ; sans lui, l'invitation dit comment en prendre un")
    public record RendezVousRequete(@NotNull @Schema(implementation = String.class, pattern = InvitationResource.HEURE_LOCALE,
            description = "Date et heure, heure de Paris (sans décalage horaire)", example = "2026-12-10T09:30:00") LocalDateTime le,
            @Size(max = 300) @Schema(example = "CCAS de Pipriac, 3 place de la Mairie") String lieu) {
    }

    @Schema(name = "InvitationRequete")
    public record InvitationRequete(
            @Schema(description = "Date d'envoi, qui est celle de l'étape PREMIERE_INVITATION faite ; aujourd'hui par défaut, pas dans le futur") LocalDate date,
            @Schema(description = "COURRIER, COURRIEL ou les deux ; absent : tous ceux dont dispose la personne (adresse postale ; courriel avec "
                    + "consentement)") List<@NotNull CanalContact> canaux,
            @Valid RendezVousRequete rendezVous) {
    }

    @POST
    @Path("/{reference}/invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Envoyer la première invitation du parcours RSA", description = "Seed 002 art. 1 : par courrier (dans le lot du jour de la "
            + "structure qui porte l'étape, GET /structures/{code}/courriers) et, si la personne y a consenti, par courriel. L'envoi fait "
            + "l'étape PREMIERE_INVITATION ; une relance part d'elle-même après quelques jours sans réponse. Refusée, sans rien écrire, si la "
            + "personne n'a aucun canal (l'erreur dit lequel manque : adresse postale, courriel ou son consentement), si elle n'a pas consenti "
            + "au courriel demandé, ou si la date est dans le futur. Publie invitation-envoyee (référence de l'invitation, date, canal). "
            + "Elle part d'elle-même à l'ouverture du droit RSA quand la personne a déjà un canal.")
    @APIResponse(responseCode = "201", description = "Invitation envoyée", content = @Content(schema = @Schema(implementation = InvitationResource.InvitationVue.class)))
    @Idempotent
    public Response inviter(@HeaderParam(Idempotence.ENTETE) String cle, @PathParam("reference") String reference,
            @Valid @NotNull InvitationRequete r) {
        var i = invitations.inviter(reference, Dates.ouAujourdHui(r.date()), r.canaux(), r.rendezVous() == null ? null : r.rendezVous().le(),
                r.rendezVous() == null ? null : r.rendezVous().lieu());
        return Response.created(URI.create("/invitations/" + i.reference())).entity(InvitationResource.InvitationVue.de(i, reference, invitations.envois(i)))
                .build();
    }

    @POST
    @Path("/{reference}/rdv-des-droits")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Tenir un RDV des droits", description = "Les droits examinés et ceux trouvés potentiellement ouverts, chacun suivi ensuite. "
            + "Publie rdv-droits-tenu.")
    @APIResponse(responseCode = "201", description = "RDV tenu ; les droits trouvés potentiellement ouverts, désormais suivis", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DroitVue.class)))
    public Response rdv(@PathParam("reference") String reference, @Valid @NotNull RdvRequete r) {
        List<Droit> crees = droits.rdvDesDroits(reference, Dates.ouAujourdHui(r.date()), EnumSet.copyOf(r.droitsExamines()),
                r.droitsPotentiels().isEmpty() ? EnumSet.noneOf(DroitVise.class) : EnumSet.copyOf(r.droitsPotentiels()));
        return Response.status(Response.Status.CREATED).entity(crees.stream().map(d -> DroitVue.de(d, reference)).toList()).build();
    }
}
