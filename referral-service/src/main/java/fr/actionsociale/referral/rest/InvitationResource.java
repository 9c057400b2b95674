package fr.actionsociale.referral.rest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.referral.domain.EnvoiInvitation;
import fr.actionsociale.referral.domain.Invitation;
import fr.actionsociale.referral.domain.ReponseInvitation;
import fr.actionsociale.referral.service.InvitationService;

/** The first invitations of the RSA path (seed 002 art. 1): what was sent, by which channel, and what the person answered. */
@Path("/invitations")
@Tag(name = "Invitations")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class InvitationResource {

    private final InvitationService invitations;

    InvitationResource(InvitationService invitations) {
        this.invitations = invitations;
    }

    /** An appointment's time is Paris local time, without an offset: not OpenAPI's date-time, which requires one. */
    static final String HEURE_LOCALE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?$";

    @Schema(name = "RendezVous")
    public record RendezVousVue(@Schema(implementation = String.class, pattern = HEURE_LOCALE, description = "Date et heure, heure de Paris",
            example = "2026-12-10T09:30:00") LocalDateTime le, String lieu) {
    }

    @Schema(name = "EnvoiInvitation", description = "Un courrier (dans le lot du jour de la structure) ou un courriel (parti quand le serveur SMTP l'a pris)")
    public record EnvoiVue(@Schema(description = "COURRIER ou COURRIEL") String canal, boolean relance,
            @Schema(description = "Jour de l'envoi ; pour un courrier, le jour de son lot") LocalDate date,
            @Schema(description = "EN_ATTENTE (courriel que le serveur SMTP n'a pas encore pris), ENVOYE ou ABANDONNE") String statut,
            OffsetDateTime envoyeLe, int tentatives) {
        static EnvoiVue de(EnvoiInvitation e) {
            return new EnvoiVue(e.canal().name(), e.relance(), e.dateEnvoi(), e.statut().name(), e.envoyeLe(), e.tentatives());
        }
    }

    @Schema(name = "Invitation", description = "La première invitation du parcours RSA d'une personne ; le taux de non-venue se calcule des réponses "
            + "(NON_VENU / (VENU + NON_VENU))")
    public record InvitationVue(@Schema(description = "Référence opaque de l'invitation (inv-…), seule à circuler hors de ce service",
            pattern = "^inv-[0-9a-f]{12}$") String reference,
            @Schema(description = "Référence opaque de la personne invitée") String beneficiaire,
            @Schema(description = "La structure qui invite : celle qui porte l'étape PREMIERE_INVITATION") String structure,
            LocalDate envoyeeLe, @Schema(description = "COURRIER et/ou COURRIEL ; TELEPHONE pour un SMS de RDV-Insertion") List<String> canaux,
            RendezVousVue rendezVous, @Schema(description = "Jour de la relance, partie faute de réponse") LocalDate relanceeLe,
            @Schema(description = "RDV_PRIS, VENU ou NON_VENU ; null sans réponse") String reponse, LocalDate reponseLe, LocalDate rdvPrisLe,
            List<EnvoiVue> envois,
            @Schema(description = "Envoyée par RDV-Insertion : son identifiant d'invitation (la suite ne la relance ni ne l'imprime) ; null pour "
                    + "une invitation de la suite") Long rdvInsertion) {
        static InvitationVue de(Invitation i, String beneficiaire, List<EnvoiInvitation> envois) {
            return new InvitationVue(i.reference(), beneficiaire, i.structure(), i.envoyeeLe(), i.canaux().stream().map(Enum::name).toList(),
                    i.rdvLe() == null ? null : new RendezVousVue(i.rdvLe(), i.rdvLieu()), i.relanceeLe(),
                    i.reponse() == null ? null : i.reponse().name(), i.reponseLe(), i.rdvPrisLe(), envois.stream().map(EnvoiVue::de).toList(),
                    i.rdviInvitationId());
        }
    }

    private InvitationVue vue(Invitation i) {
        return InvitationVue.de(i, invitations.beneficiaire(i), invitations.envois(i));
    }

    @GET
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Les invitations d'une structure", description = "Celles envoyées entre deux dates (incluses), avec leurs envois et les "
            + "réponses des personnes : de quoi calculer un taux de non-venue. Une structure ne lit que les siennes.")
    public List<InvitationVue> lister(@QueryParam("structure") @NotBlank String structure,
            @QueryParam("du") @NotBlank @Parameter(description = "AAAA-MM-JJ") String du,
            @QueryParam("au") @NotBlank @Parameter(description = "AAAA-MM-JJ") String au) {
        LocalDate debut = ProblemeException.date("du", du);
        LocalDate fin = ProblemeException.date("au", au);
        if (fin.isBefore(debut)) {
            throw new RegleMetierException("au", "doit suivre du");
        }
        return invitations.deLaStructure(structure, debut, fin).stream().map(this::vue).toList();
    }

    @GET
    @Path("/{reference}")
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Operation(summary = "Une invitation", description = "Pour la structure qui l'a envoyée ou une structure qui voit la personne.")
    public InvitationVue lire(@PathParam("reference") String reference) {
        return vue(invitations.visible(reference));
    }

    @Schema(name = "ReponseInvitationRequete")
    public record ReponseRequete(@NotNull ReponseInvitation reponse,
            @Schema(description = "RDV_PRIS : le jour où le rendez-vous a été pris ; VENU, NON_VENU : le jour du rendez-vous ; aujourd'hui par défaut") LocalDate date) {
    }

    @POST
    @Path("/{reference}/reponse")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.AGENT, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Enregistrer la réponse de la personne", description = "RDV_PRIS (rendez-vous pris), puis VENU ou NON_VENU (ou l'un des "
            + "deux directement), avec sa date : ni dans le futur, ni avant l'invitation ; une fois VENU ou NON_VENU connu, la réponse est "
            + "définitive (409). Une invitation qui a sa réponse n'est plus relancée.")
    public InvitationVue repondre(@PathParam("reference") String reference, @Valid @NotNull ReponseRequete r) {
        return vue(invitations.repondre(reference, r.reponse(), Dates.ouAujourdHui(r.date())));
    }

    @POST
    @Path("/passe-quotidienne")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Lancer la passe quotidienne des invitations maintenant", description = "Ce qu'elle fait chaque matin "
            + "(referral.invitations.cron, 6 h 15) : la première invitation de chaque parcours RSA ouvert qui l'attend encore et dont la personne "
            + "a maintenant un canal ; une relance de chaque invitation sans réponse depuis referral.invitations.relance-apres-jours jours (7), "
            + "par les canaux dont la personne dispose ce jour-là.")
    public InvitationService.Passe passeQuotidienne() {
        return invitations.passeQuotidienne();
    }
}
