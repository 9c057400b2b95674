package fr.actionsociale.budget.service;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.actionsociale.budget.domain.ActionProgramme;
import fr.actionsociale.budget.domain.Axe;
import fr.actionsociale.budget.domain.LigneBudgetaire;
import fr.actionsociale.budget.domain.Periode;
import fr.actionsociale.budget.domain.Programme;
import fr.actionsociale.budget.domain.coherence.Incoherence;
import fr.actionsociale.budget.domain.tableau.Colonne;
import fr.actionsociale.budget.domain.tableau.LigneTableau;
import fr.actionsociale.budget.domain.tableau.Rapprochement;
import fr.actionsociale.budget.domain.tableau.TableauConsolide;
import fr.actionsociale.commons.probleme.ProblemeException;

/**
 * Loads a consolidated table into a programme's lines for one period and keeps the reconciliation report it answers. The lines take
 * the table's inputs (valued contribution, carry-in, State's share, consumption); receipts and carry-over are recomputed and any
 * difference with the table's own figures is reported, never corrected.
 */
@ApplicationScoped
public class ImportService {

    private final EntityManager em;
    private final ProgrammeService programmes;
    private final ObjectMapper json;
    private final CoherenceService coherence;

    ImportService(EntityManager em, ProgrammeService programmes, ObjectMapper json, CoherenceService coherence) {
        this.em = em;
        this.programmes = programmes;
        this.json = json;
        this.coherence = coherence;
    }

    public record RapportImport(UUID id, String programme, String periode, String titre, LocalDate dateConsommation, int actions,
            int nombreEcarts, List<Rapprochement.Ecart> ecarts, List<String> reglesVerifiees, String regleCouverture,
            List<Rapprochement.Couverture> couvertures, List<Incoherence> incoherences) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public RapportImport importer(String programmeCode, String periodeCode, String texte, String par) {
        Programme p = programmes.trouver(programmeCode);
        Periode periode = Periode.lire("periode", periodeCode);
        TableauConsolide t = TableauConsolide.lire(texte);
        Rapprochement.Rapport r = Rapprochement.verifier(t);
        UUID importId = UUID.randomUUID();

        Map<String, UUID> axes = new HashMap<>();
        int rangAxe = 0;
        int rangAction = 0;
        for (LigneTableau l : t.lignes()) {
            if (l.genre() == LigneTableau.Genre.SECTION) {
                String code = l.section().length() > 120 ? l.section().substring(0, 120) : l.section();
                Axe axe = programmes.axe(p, code, l.libelle());
                axe.renommer(l.libelle(), ++rangAxe);
                axes.put(l.section(), axe.id());
            } else if (l.genre() == LigneTableau.Genre.ACTION) {
                if (l.code().length() > 30) {
                    throw ProblemeException.champInvalide("tableau", "ligne " + l.numero() + " : numéro d'action trop long");
                }
                UUID axe = l.section() == null ? null : axes.get(l.section());
                ActionProgramme a = programmes.action(p.id(), l.code()).orElse(null);
                if (a == null) {
                    a = new ActionProgramme(p.id(), axe, l.code(), l.libelle(), null, null, null, ++rangAction);
                    em.persist(a);
                } else {
                    a.reclasser(axe, l.libelle(), ++rangAction);
                }
                LigneBudgetaire ligne = programmes.ligne(a.id(), periode.code()).orElse(null);
                if (ligne == null) {
                    ligne = new LigneBudgetaire(a.id(), periode, l.montant(Colonne.VALORISATION_DEPARTEMENT), l.actionsValorisees(),
                            l.montant(Colonne.REPORT_ENTRANT), l.montant(Colonne.PARTICIPATION_ETAT), l.natureDepenses());
                    em.persist(ligne);
                } else {
                    ligne.definir(l.montant(Colonne.VALORISATION_DEPARTEMENT), l.actionsValorisees(), l.montant(Colonne.REPORT_ENTRANT),
                            l.montant(Colonne.PARTICIPATION_ETAT), l.natureDepenses());
                }
                ligne.constaterImport(importId, l.montant(Colonne.CONSOMMATION), t.dateConsommation(), l.montants().get(Colonne.RECETTES),
                        l.montants().get(Colonne.REPORT_SORTANT));
            }
        }
        em.flush();
        // the documents checked against each other with what was just loaded: kept in the report as answered
        List<Incoherence> incoherences = coherence.verifier(p).incoherences();
        RapportImport rapport = new RapportImport(importId, p.code(), periode.code(), t.titre(), t.dateConsommation(), t.actions().size(),
                r.ecarts().size(), r.ecarts(), List.of(Rapprochement.REGLE_RECETTES, Rapprochement.REGLE_REPORT, Rapprochement.REGLE_SOMME),
                Rapprochement.REGLE_COUVERTURE, r.couvertures(), incoherences);
        try {
            em.createNativeQuery("insert into import_tableau (id, programme_id, periode, titre, date_consommation, nombre_actions, nombre_ecarts, "
                    + "rapport, importe_par) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                    .setParameter(1, importId).setParameter(2, p.id()).setParameter(3, periode.code()).setParameter(4, t.titre())
                    .setParameter(5, t.dateConsommation()).setParameter(6, t.actions().size()).setParameter(7, r.ecarts().size())
                    .setParameter(8, json.writeValueAsString(rapport)).setParameter(9, par).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return rapport;
    }

    public RapportImport rapport(UUID id) {
        List<?> r = em.createNativeQuery("select rapport from import_tableau where id = ?1").setParameter(1, id).getResultList();
        if (r.isEmpty()) {
            throw ProblemeException.introuvable("Import", id);
        }
        try {
            return json.readValue((String) r.get(0), RapportImport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The reports of a programme's imports, most recent first. */
    @SuppressWarnings("unchecked")
    public List<UUID> imports(UUID programmeId) {
        return em.createNativeQuery("select id from import_tableau where programme_id = ?1 order by importe_le desc").setParameter(1, programmeId)
                .getResultList();
    }
}
