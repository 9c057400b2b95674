package fr.actionsociale.budget.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.actionsociale.budget.domain.ActionProgramme;
import fr.actionsociale.budget.domain.CategorieDepense;
import fr.actionsociale.budget.domain.Depense;
import fr.actionsociale.budget.domain.Eligibilite;
import fr.actionsociale.budget.domain.LigneBudgetaire;
import fr.actionsociale.budget.domain.Programme;
import fr.actionsociale.budget.messaging.CreditsConsommes;
import fr.actionsociale.budget.messaging.DepenseEnregistree;
import fr.actionsociale.commons.jdbc.Colonnes;
import fr.actionsociale.commons.outbox.Outbox;
import fr.actionsociale.commons.domaine.RegleMetierException;

/** Expenses: recorded on the line open at their date, judged against the programme's rules, announced with the line's consumption. */
@ApplicationScoped
public class DepenseService {

    private final EntityManager em;
    private final ProgrammeService programmes;
    private final ConsommationService consommations;
    private final Outbox outbox;

    DepenseService(EntityManager em, ProgrammeService programmes, ConsommationService consommations, Outbox outbox) {
        this.em = em;
        this.programmes = programmes;
        this.consommations = consommations;
        this.outbox = outbox;
    }

    public record Enregistree(Depense depense, ActionProgramme action, LigneBudgetaire ligne, BigDecimal consommation) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Enregistree enregistrer(String programme, String actionCode, BigDecimal montant, LocalDate date, CategorieDepense categorie,
            String beneficiaire, String piece, BigDecimal etp, String par) {
        Programme p = programmes.verrouiller(programme);
        ActionProgramme a = programmes.actionConnue(p, "action", actionCode);
        if (!p.couvre(date)) {
            throw new RegleMetierException("date", "hors de la période du programme " + p.code() + " (du " + p.dateDebut() + " au " + p.dateFin() + ")");
        }
        if (date.isAfter(programmes.aujourdHui())) {
            throw new RegleMetierException("date", "ne peut pas être dans le futur");
        }
        LigneBudgetaire ligne = programmes.ligneOuverteLe(a.id(), date)
                .orElseThrow(() -> new RegleMetierException("date", "l'action " + a.code() + " n'a pas de ligne budgétaire ouverte à cette date"));
        if ((categorie == CategorieDepense.PERSONNEL_INGENIERIE || categorie == CategorieDepense.PERSONNEL_ACCOMPAGNEMENT) && etp == null) {
            throw new RegleMetierException("etp", "est obligatoire pour une dépense de personnel (le plafond d'ingénierie se compte en ETP)");
        }
        BigDecimal etpDuMois = (BigDecimal) em.createNativeQuery("select coalesce(sum(d.etp), 0) from depense d join ligne_budgetaire l on l.id = d.ligne_id "
                + "join action_programme a on a.id = l.action_id where a.programme_id = ?1 and d.eligible and d.categorie = 'PERSONNEL_INGENIERIE' "
                + "and date_trunc('month', d.date_depense) = date_trunc('month', cast(?2 as date))")
                .setParameter(1, p.id()).setParameter(2, date).getSingleResult();
        Eligibilite eligibilite = Eligibilite.juger(p.categoriesNonEligibles(), p.plafondEtpIngenierie(), categorie, etp, etpDuMois);
        Depense d = new Depense(ligne.id(), montant, date, categorie, beneficiaire, piece, etp, eligibilite, par);
        em.persist(d);
        em.flush();
        BigDecimal consommation = consommations.consommation(ligne, programmes.aujourdHui());
        outbox.publier(DepenseEnregistree.TYPE, d.id().toString(), DepenseEnregistree.de(d, p.code(), a.code(), ligne.periode()));
        if (d.eligible()) {
            outbox.publier(CreditsConsommes.TYPE, p.code() + "/" + a.code() + "/" + ligne.periode(),
                    CreditsConsommes.de(p.code(), a.code(), ligne.periode(), programmes.aujourdHui(), ligne.recettes(), consommation));
        }
        return new Enregistree(d, a, ligne, consommation);
    }

    /** One row of the statement of expenses. */
    public record LigneEtat(UUID id, String action, String actionLibelle, String periode, LocalDate date, CategorieDepense categorie,
            String beneficiaire, String pieceJustificative, BigDecimal montant, BigDecimal etp, boolean eligible, String regleRefus) {
    }

    /** The statement of expenses for the financial report: every expense of the programme up to a date, eligible or not. */
    public List<LigneEtat> etat(Programme p, LocalDate au) {
        List<?> lignes = em.createNativeQuery("select d.id, a.code, a.libelle, l.periode, d.date_depense, d.categorie, d.beneficiaire, "
                + "d.piece_justificative, d.montant, d.etp, d.eligible, d.regle_refus from depense d join ligne_budgetaire l on l.id = d.ligne_id "
                + "join action_programme a on a.id = l.action_id where a.programme_id = ?1 and d.date_depense <= ?2 "
                + "order by a.rang, d.date_depense, d.saisie_le").setParameter(1, p.id()).setParameter(2, au).getResultList();
        return lignes.stream().map(o -> (Object[]) o).map(d -> new LigneEtat((UUID) d[0], (String) d[1], (String) d[2], (String) d[3],
                Colonnes.date(d[4]), CategorieDepense.valueOf((String) d[5]), (String) d[6], (String) d[7], (BigDecimal) d[8],
                (BigDecimal) d[9], (Boolean) d[10], (String) d[11])).toList();
    }
}
