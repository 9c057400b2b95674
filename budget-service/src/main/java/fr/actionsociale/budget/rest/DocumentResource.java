package fr.actionsociale.budget.rest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.actionsociale.budget.domain.ActionProgramme;
import fr.actionsociale.commons.document.ClasseurXlsx;
import fr.actionsociale.commons.document.Csv;
import fr.actionsociale.budget.domain.LigneBudgetaire;
import fr.actionsociale.budget.domain.Montants;
import fr.actionsociale.budget.domain.Periode;
import fr.actionsociale.budget.domain.Programme;
import fr.actionsociale.budget.service.ConsommationService;
import fr.actionsociale.budget.service.DepenseService;
import fr.actionsociale.budget.service.ExecutionService;
import fr.actionsociale.budget.service.ExecutionService.AxeExecution;
import fr.actionsociale.budget.service.ExecutionService.LigneExecution;
import fr.actionsociale.budget.service.IndicateurService;
import fr.actionsociale.budget.service.ProgrammeService;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.securite.Roles;

/** The documents people exchange: the consolidated table (CSV, XLSX), an action's sheet, the statement of expenses. */
@Path("/programmes/{code}")
@Tag(name = "Documents")
@SecurityRequirement(name = "jeton")
public class DocumentResource {

    static final String CSV = "text/csv; charset=UTF-8";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final DateTimeFormatter JJ_MM_AAAA = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ProgrammeService programmes;
    private final ExecutionService executions;
    private final ConsommationService consommations;
    private final DepenseService depenses;
    private final IndicateurService indicateurs;

    DocumentResource(ProgrammeService programmes, ExecutionService executions, ConsommationService consommations, DepenseService depenses,
            IndicateurService indicateurs) {
        this.programmes = programmes;
        this.executions = executions;
        this.consommations = consommations;
        this.depenses = depenses;
        this.indicateurs = indicateurs;
    }

    /** One row of the consolidated table: text cells, amounts (BigDecimal) and whether it is a subtotal. */
    record Rangee(boolean gras, Object... cellules) {
    }

    List<Rangee> tableau(Programme p, LocalDate au, String periode) {
        ExecutionService.Execution e = executions.execution(p, au, periode);
        List<Rangee> r = new ArrayList<>();
        r.add(new Rangee(true, "", "Montant valorisation Département", "Actions valorisées", "Report crédits de la période précédente",
                "Participation État", "Recettes État + reports", "Nature des dépenses", "Consommation crédits au " + au.format(JJ_MM_AAAA),
                "Reports crédits sur la période suivante"));
        int rang = 0;
        for (AxeExecution axe : e.axes()) {
            rang++;
            r.add(new Rangee(true, axe.libelle()));
            for (LigneExecution l : axe.lignes()) {
                String libelle = l.action().startsWith("sans-numero-") ? "Action - " + l.libelle() : "Action " + l.action() + " - " + l.libelle();
                r.add(montants(false, libelle, l.actionsValorisees(), l.natureDepenses(), l.montants()));
            }
            // a subtotal names its axis by number: that is how a re-import knows it covers this axis only
            r.add(montants(true, "Sous-total axe " + rang + " : " + axe.libelle(), null, null, axe.sousTotal()));
        }
        r.add(montants(true, "TOTAL", null, null, e.total()));
        return r;
    }

    private static Rangee montants(boolean gras, String libelle, String valorisees, String nature, ExecutionService.Montants m) {
        return new Rangee(gras, libelle, m.valorisationDepartement(), valorisees, m.reportEntrant(), m.participationEtat(), m.recettes(), nature,
                m.consommation(), m.reportSortant());
    }

    @GET
    @Path("/tableau-consolide.csv")
    @Produces(CSV)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE })
    @Operation(summary = "Tableau consolidé des crédits (CSV)", description = "Les colonnes du tableau CALPAE, par axe et action, sous-totaux et "
            + "total, montants à la française (« 1 459 218,00 € »), séparateur point-virgule, UTF-8 avec BOM pour les tableurs. "
            + "Il se réimporte tel quel par POST /imports/tableau-consolide.")
    public Response csv(@PathParam("code") String code, @QueryParam("date") @Parameter(description = "AAAA-MM-JJ, aujourd'hui par défaut") String date,
            @QueryParam("periode") @Pattern(regexp = Periode.FORMAT, message = Periode.RAISON) String periode) {
        Programme p = programmes.trouver(code);
        LocalDate au = programmes.auJour(date);
        StringBuilder sb = new StringBuilder("\uFEFF").append(p.libelle()).append(" - Tableau consommations crédits au ")
                .append(au.format(JJ_MM_AAAA)).append("\r\n\r\n");
        for (Rangee r : tableau(p, au, periode)) {
            List<String> champs = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                Object c = i < r.cellules().length ? r.cellules()[i] : null;
                champs.add(c == null ? "" : c instanceof BigDecimal m ? (m.signum() == 0 ? "- €" : Montants.formater(m)) : Csv.champ(c.toString()));
            }
            sb.append(String.join(";", champs)).append("\r\n");
        }
        return Response.ok(sb.toString().getBytes(StandardCharsets.UTF_8), CSV)
                .header("Content-Disposition", "attachment; filename=\"" + p.code() + "-tableau-consolide-" + au + ".csv\"").build();
    }

    @GET
    @Path("/tableau-consolide.xlsx")
    @Produces(XLSX)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE })
    @Operation(summary = "Tableau consolidé des crédits (XLSX)", description = "Les mêmes lignes que le CSV ; les montants sont des nombres au format euros.")
    public Response xlsx(@PathParam("code") String code, @QueryParam("date") String date,
            @QueryParam("periode") @Pattern(regexp = Periode.FORMAT, message = Periode.RAISON) String periode) {
        Programme p = programmes.trouver(code);
        LocalDate au = programmes.auJour(date);
        ClasseurXlsx x = new ClasseurXlsx(p.code());
        x.ligne(true, p.libelle() + " - Tableau consommations crédits au " + au.format(JJ_MM_AAAA));
        for (Rangee r : tableau(p, au, periode)) {
            x.ligne(r.gras(), r.cellules());
        }
        return Response.ok(x.octets(), XLSX)
                .header("Content-Disposition", "attachment; filename=\"" + p.code() + "-tableau-consolide-" + au + ".xlsx\"").build();
    }

    /** Seed 003's action sheet: planned and executed budget, State's and Département's shares, carry-over, indicators. */
    public record Fiche(String programme, String action, String libelle, String partenaires, LocalDate dateDebut, LocalDate dateFin, String periode,
            LocalDate au, BigDecimal partEtat, BigDecimal dontReports, BigDecimal partDepartement, BigDecimal budgetGlobal,
            BigDecimal executeEtat, BigDecimal executeDepartement, BigDecimal budgetExecute, BigDecimal reportPeriodeSuivante, String natureDepenses,
            String actionsValorisees, List<IndicateurService.Definition> indicateurs, String texte) {
    }

    @GET
    @Path("/actions/{action}/fiche")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR, Roles.PARTENAIRE })
    @Operation(summary = "Fiche action", description = "Budget prévisionnel (part État dont reports, part Département, budget global), budget exécuté, "
            + "report sur la période suivante et indicateurs, comme les fiches du rapport d'exécution ; « texte » la rédige à la française.")
    public Fiche fiche(@PathParam("code") String code, @PathParam("action") String action, @QueryParam("date") String date,
            @QueryParam("periode") @Pattern(regexp = Periode.FORMAT, message = Periode.RAISON) String periode) {
        Programme p = programmes.trouver(code);
        LocalDate au = programmes.auJour(date);
        ActionProgramme a = programmes.action(p.id(), action).orElseThrow(() -> ProblemeException.introuvable("Action", action + " du programme " + code));
        LigneBudgetaire l = (periode == null ? programmes.ligneOuverteLe(a.id(), au) : programmes.ligne(a.id(), periode))
                .orElseThrow(() -> ProblemeException.introuvable("Ligne budgétaire", "de l'action " + action + " à cette date"));
        BigDecimal consommation = consommations.consommation(l, au);
        BigDecimal global = l.recettes().add(l.valorisationDepartement());
        BigDecimal execute = consommation.add(l.valorisationDepartement());
        List<IndicateurService.Definition> ind = indicateurs.lister(p).stream().filter(d -> action.equals(d.action())).toList();
        String texte = """
                Action %s - %s
                → Budget prévisionnel %s
                Part Etat = %s dont %s de reports
                Part Département = %s
                Budget global = %s
                → Budget exécuté au %s
                %s
                Dont part Etat : %s
                Dont part Département : %s (valorisation)
                Reports sur la période suivante sur la part financée par l'Etat : %s
                """.formatted(a.code(), a.libelle(), l.periode(), Montants.formater(l.recettes()), Montants.formater(l.reportEntrant()),
                Montants.formater(l.valorisationDepartement()), Montants.formater(global), au.format(JJ_MM_AAAA), Montants.formater(execute),
                Montants.formater(consommation), Montants.formater(l.valorisationDepartement()), Montants.formater(l.reportSortant(consommation)));
        return new Fiche(p.code(), a.code(), a.libelle(), a.partenaires(), a.dateDebut(), a.dateFin(), l.periode(), au, l.recettes(), l.reportEntrant(),
                l.valorisationDepartement(), global, consommation, l.valorisationDepartement(), execute, l.reportSortant(consommation),
                l.natureDepenses(), l.actionsValorisees(), ind, texte);
    }

    @GET
    @Path("/etat-des-depenses.csv")
    @Produces(CSV)
    @RolesAllowed({ Roles.GESTIONNAIRE, Roles.ADMIN, Roles.COORDINATEUR })
    @Operation(summary = "État récapitulatif des dépenses (CSV)", description = "Pour le bilan financier : chaque dépense jusqu'à la date, éligible ou "
            + "refusée avec sa règle, et les totaux.")
    public Response etatDesDepenses(@PathParam("code") String code, @QueryParam("date") String date) {
        Programme p = programmes.trouver(code);
        LocalDate au = programmes.auJour(date);
        StringBuilder sb = new StringBuilder("\uFEFF").append("Action;Libellé de l'action;Période;Date;Catégorie;Bénéficiaire;Pièce justificative;"
                + "Montant;Éligible à la part de l'État;Règle de refus\r\n");
        BigDecimal eligibles = BigDecimal.ZERO.setScale(2);
        BigDecimal refusees = BigDecimal.ZERO.setScale(2);
        for (DepenseService.LigneEtat d : depenses.etat(p, au)) {
            sb.append(String.join(";", Csv.champ(d.action()), Csv.champ(d.actionLibelle()), d.periode(), d.date().format(JJ_MM_AAAA),
                    Csv.champ(d.categorie().libelle()), Csv.champ(d.beneficiaire()), Csv.champ(d.pieceJustificative()), Montants.formater(d.montant()),
                    d.eligible() ? "oui" : "non", Csv.champ(d.regleRefus() == null ? "" : d.regleRefus()))).append("\r\n");
            if (d.eligible()) {
                eligibles = eligibles.add(d.montant());
            } else {
                refusees = refusees.add(d.montant());
            }
        }
        sb.append(";Total des dépenses éligibles;;;;;;").append(Montants.formater(eligibles)).append(";;\r\n");
        sb.append(";Total des dépenses non éligibles;;;;;;").append(Montants.formater(refusees)).append(";;\r\n");
        return Response.ok(sb.toString().getBytes(StandardCharsets.UTF_8), CSV)
                .header("Content-Disposition", "attachment; filename=\"" + p.code() + "-etat-des-depenses-" + au + ".csv\"").build();
    }
}
