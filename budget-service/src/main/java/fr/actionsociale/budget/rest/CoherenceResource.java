package fr.actionsociale.budget.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.budget.domain.ActionProgramme;
import fr.actionsociale.budget.domain.Periode;
import fr.actionsociale.budget.domain.Programme;
import fr.actionsociale.budget.service.CoherenceService;
import fr.actionsociale.budget.service.FicheService;
import fr.actionsociale.budget.service.IndicateurService;
import fr.actionsociale.budget.service.ProgrammeService;
import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.probleme.Probleme;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;

/** The content of the action sheets as entered, and the documents of a programme checked against each other. */
@Path("/programmes/{code}")
@Tag(name = "Documents")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jeton")
public class CoherenceResource {

    private final ProgrammeService programmes;
    private final FicheService fiches;
    private final CoherenceService coherence;
    private final IndicateurService indicateurs;
    private final Appelant appelant;

    CoherenceResource(ProgrammeService programmes, FicheService fiches, CoherenceService coherence, IndicateurService indicateurs, Appelant appelant) {
        this.programmes = programmes;
        this.fiches = fiches;
        this.coherence = coherence;
        this.indicateurs = indicateurs;
        this.appelant = appelant;
    }

    @Schema(name = "PartenaireFicheRequete")
    public record PartenaireRequete(@NotBlank @Size(max = 1000) @Schema(example = "WE KER") String nom,
            @DecimalMin(value = "0", message = "ne peut pas être négatif") @Digits(integer = 13, fraction = 2, message = "au plus deux décimales")
            @Schema(example = "20000.00", description = "Le montant que la fiche lui attribue, s'il y en a un") BigDecimal montant) {
    }

    @Schema(name = "ValeurFicheRequete")
    public record ValeurRequete(@NotBlank @Pattern(regexp = Periode.FORMAT, message = Periode.RAISON) @Schema(example = "2021") String periode,
            @Size(max = 200) @Schema(example = "Situation au 31 déc 2021", description = "L'en-tête de colonne de la fiche") String libellePeriode,
            @NotBlank @Size(max = 2000) @Schema(example = "1 095", description = "La cellule telle que la fiche l'écrit") String valeur) {
    }

    @Schema(name = "IndicateurFicheRequete")
    public record IndicateurRequete(@NotBlank @Size(max = 1000) @Schema(example = "Nombre total de 1er rendez-vous d'accompagnement fixé") String libelle,
            @Size(max = 60) @Schema(example = "CALPAE-3.1-3", description = "L'indicateur de l'annexe 9 dont la ligne donne les valeurs") String indicateur,
            @NotNull @Size(max = 20) List<@Valid @NotNull ValeurRequete> valeurs) {
    }

    @Schema(name = "FicheContenuRequete")
    public record ContenuRequete(
            @Size(max = 50000) @Schema(description = "1. Description de l'action") String description,
            @Size(max = 20000) String objectifs,
            @Size(max = 5000) @Schema(description = "2. Date de mise en place, telle que la fiche l'écrit",
                    example = "Mise en place de la délégation à compter du 1er janvier 2020") String miseEnPlace,
            @Schema(example = "2020-01-01") LocalDate dateDebut, LocalDate dateFin,
            @Size(max = 5000) @Schema(description = "3. Partenaires et co-financeurs, tels que la fiche les écrit") String partenairesTexte,
            @Size(max = 100) List<@Valid @NotNull PartenaireRequete> partenaires,
            @Size(max = 5000) @Schema(description = "4. Durée de l'action") String duree,
            @Size(max = 20000) @Schema(description = "5. Ce que la fiche écrit de son budget (les montants viennent des lignes budgétaires)") String budgetTexte,
            @Size(max = 100) @Schema(description = "6. Le tableau des indicateurs de la fiche") List<@Valid @NotNull IndicateurRequete> indicateurs,
            @Size(max = 50000) String indicateursTexte,
            @Size(max = 100000) @Schema(description = "7. Bilan d'exécution") String bilan,
            @Size(max = 50000) @Schema(description = "8. Perspectives") String perspectives) {
    }

    public record FicheSaisie(String programme, String action, FicheService.Contenu contenu, CoherenceService.Resultat coherence) {
    }

    @PUT
    @Path("/actions/{action}/fiche/contenu")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Saisir le contenu d'une fiche action", description = "Les sections 1 à 8 de la fiche du rapport d'exécution : description, "
            + "objectifs, date de mise en place, partenaires (avec leur montant quand la fiche en donne un), durée, ce qu'elle écrit de son budget, "
            + "son tableau d'indicateurs (valeurs par période, telles qu'elle les écrit, reliées à l'indicateur de l'annexe 9 qu'elles concernent), "
            + "bilan et perspectives. Une nouvelle saisie remplace la précédente en entier : la répéter ne change rien. Répond le contenu et le "
            + "contrôle de cohérence du programme.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = FicheSaisie.class)))
    @APIResponse(responseCode = "400", description = "Requête invalide", content = @Content(mediaType = Probleme.MEDIA_TYPE,
            schema = @Schema(implementation = Probleme.class)))
    @APIResponse(responseCode = "404", description = "Programme ou action inconnu")
    public FicheSaisie saisir(@PathParam("code") String code, @PathParam("action") String action, @Valid @NotNull ContenuRequete r) {
        Programme p = programmes.trouver(code);
        ActionProgramme a = programmes.action(p.id(), action).orElseThrow(() -> ProblemeException.introuvable("Action", action + " du programme " + code));
        if (r.dateDebut() != null && r.dateFin() != null && r.dateFin().isBefore(r.dateDebut())) {
            throw new RegleMetierException("dateFin", "ne peut pas précéder dateDebut");
        }
        List<IndicateurRequete> lignes = r.indicateurs() == null ? List.of() : r.indicateurs();
        for (int i = 0; i < lignes.size(); i++) {
            String lie = lignes.get(i).indicateur();
            if (lie != null && indicateurs.lister(p).stream().noneMatch(d -> d.code().equals(lie))) {
                throw new RegleMetierException("indicateurs[" + i + "].indicateur", "l'indicateur " + lie + " n'est pas un indicateur du programme " + code);
            }
        }
        FicheService.Contenu c = new FicheService.Contenu(vide(r.description()), vide(r.objectifs()), vide(r.miseEnPlace()), r.dateDebut(), r.dateFin(),
                vide(r.partenairesTexte()),
                r.partenaires() == null ? List.of() : r.partenaires().stream().map(x -> new FicheService.Partenaire(x.nom().strip(), x.montant())).toList(),
                vide(r.duree()), vide(r.budgetTexte()),
                lignes.stream().map(l -> new FicheService.LigneIndicateur(l.libelle().strip(), l.indicateur(), l.valeurs().stream()
                        .map(v -> new FicheService.ValeurFiche(v.periode(), vide(v.libellePeriode()), v.valeur().strip())).toList())).toList(),
                vide(r.indicateursTexte()), vide(r.bilan()), vide(r.perspectives()));
        fiches.saisir(a, c, appelant.identifiant());
        return new FicheSaisie(p.code(), a.code(), fiches.contenu(a).orElseThrow(), coherence.verifier(p));
    }

    private static String vide(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @GET
    @Path("/coherence")
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE })
    @Operation(summary = "Les documents du programme vérifiés entre eux", description = "Les valeurs de l'annexe 9 contre celles des fiches action, les "
            + "montants des partenaires contre la participation de l'État de l'action, la consommation du tableau consolidé contre les dépenses "
            + "enregistrées, les comptes faits en direct depuis les événements contre les valeurs saisies. Chaque incohérence nomme les deux "
            + "sources, leurs chiffres et l'écart (A − B). Rien n'est corrigé.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CoherenceService.Resultat.class)))
    @APIResponse(responseCode = "404", description = "Programme inconnu")
    public CoherenceService.Resultat coherence(@PathParam("code") String code) {
        return coherence.verifier(programmes.trouver(code));
    }

    @Schema(name = "SourceDirecteRequete")
    public record SourceRequete(@NotBlank @Size(max = 80) @Schema(example = "parcours:nouveauxEntrants", description = CoherenceService.SOURCES)
            String source) {
    }

    public record SourceDirecte(String indicateur, String source) {
    }

    @PUT
    @Path("/indicateurs/{indicateur}/source-directe")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN })
    @Transactional
    @Operation(summary = "Relier un indicateur à son compte en direct", description = "Le compte fait depuis les événements qui mesure la même chose "
            + "que l'indicateur saisi à la main, pour que le contrôle de cohérence compare les deux sur chaque période où les deux existent. "
            + "Une nouvelle saisie remplace la précédente.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SourceDirecte.class)))
    @APIResponse(responseCode = "400", description = "Source inconnue", content = @Content(mediaType = Probleme.MEDIA_TYPE,
            schema = @Schema(implementation = Probleme.class)))
    @APIResponse(responseCode = "404", description = "Programme ou indicateur inconnu")
    public SourceDirecte lierSource(@PathParam("code") String code, @PathParam("indicateur") String indicateur, @Valid @NotNull SourceRequete r) {
        Programme p = programmes.trouver(code);
        if (indicateurs.lister(p).stream().noneMatch(d -> d.code().equals(indicateur))) {
            throw ProblemeException.introuvable("Indicateur", indicateur + " du programme " + code);
        }
        coherence.lierSource(indicateur, r.source());
        return new SourceDirecte(indicateur, r.source());
    }
}
