package fr.actionsociale.conventions.domain;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import fr.actionsociale.commons.document.FormatFrancais;
import fr.actionsociale.commons.domaine.EtatInvalideException;
import fr.actionsociale.commons.domaine.RegleMetierException;

/**
 * A delay in a convention's execution, declared to the funder "sans délai" (seed 002, art. 7: "en cas [...] de retard pris dans
 * l'exécution [...] celui-ci doit en informer l'administration sans délai"): what is late, why, when it was due and when it will
 * be done. It stands on the convention as declared; the deadline itself moves only by an avenant.
 */
@Entity
@Table(name = "retard_declare")
public class RetardDeclare {

    @Id
    private UUID id;
    @Column(name = "convention_id")
    private UUID conventionId;
    @Column(name = "echeance_id")
    private UUID echeanceId;
    private String objet;
    private String motif;
    @Column(name = "ancienne_date")
    private LocalDate ancienneDate;
    @Column(name = "nouvelle_date")
    private LocalDate nouvelleDate;
    @Column(name = "declare_le")
    private LocalDate declareLe;
    private String institution;
    @Column(name = "declare_par")
    private String declarePar;

    protected RetardDeclare() {
    }

    /**
     * @param echeance the deadline that is late, or null for a delay in an action the calendar does not hold
     * @param ancienneDate the date it was due; the deadline's own date when one is named and this is null
     */
    public static RetardDeclare declarer(Convention c, Echeance echeance, String institution, String objet, String motif, LocalDate ancienneDate,
            LocalDate nouvelleDate, LocalDate declareLe, String par, LocalDate aujourdHui) {
        StatutConvention statut = c.statutAu(aujourdHui);
        if (statut == StatutConvention.BROUILLON || statut == StatutConvention.EN_SIGNATURE) {
            throw new EtatInvalideException("Une convention " + statut + " n'est pas encore exécutée : aucun retard ne s'y déclare.");
        }
        if (!c.lie(institution)) {
            throw new RegleMetierException("institution", institution + " n'est pas partie à la convention");
        }
        if (echeance != null && !echeance.conventionId().equals(c.id())) {
            throw new RegleMetierException("echeance", "cette échéance n'est pas celle de la convention " + c.reference());
        }
        if (echeance != null && echeance.faiteLe() != null) {
            throw new RegleMetierException("echeance", "cette échéance est faite depuis le " + FormatFrancais.date(echeance.faiteLe())
                    + " : elle n'est plus en retard");
        }
        LocalDate ancienne = ancienneDate != null ? ancienneDate : echeance == null ? null : echeance.dateDue();
        if (echeance != null && ancienneDate != null && echeance.dateDue() != null && !ancienneDate.equals(echeance.dateDue())) {
            throw new RegleMetierException("ancienneDate", "l'échéance nommée est due le " + FormatFrancais.date(echeance.dateDue())
                    + ", pas le " + FormatFrancais.date(ancienneDate));
        }
        if (ancienne != null && !nouvelleDate.isAfter(ancienne)) {
            throw new RegleMetierException("nouvelleDate", "un retard repousse la date : la nouvelle date doit suivre l'ancienne ("
                    + FormatFrancais.date(ancienne) + ")");
        }
        if (declareLe.isAfter(aujourdHui)) {
            throw new RegleMetierException("declareLe", "ne peut pas être dans le futur");
        }
        RetardDeclare r = new RetardDeclare();
        r.id = UUID.randomUUID();
        r.conventionId = c.id();
        r.echeanceId = echeance == null ? null : echeance.id();
        r.objet = objet;
        r.motif = motif;
        r.ancienneDate = ancienne;
        r.nouvelleDate = nouvelleDate;
        r.declareLe = declareLe;
        r.institution = institution;
        r.declarePar = par;
        return r;
    }

    public UUID id() {
        return id;
    }

    public UUID conventionId() {
        return conventionId;
    }

    public UUID echeanceId() {
        return echeanceId;
    }

    public String objet() {
        return objet;
    }

    public String motif() {
        return motif;
    }

    public LocalDate ancienneDate() {
        return ancienneDate;
    }

    public LocalDate nouvelleDate() {
        return nouvelleDate;
    }

    public LocalDate declareLe() {
        return declareLe;
    }

    public String institution() {
        return institution;
    }

    public String declarePar() {
        return declarePar;
    }
}
