package fr.actionsociale.budget.domain.rapport;

import java.time.LocalDate;

import fr.actionsociale.budget.domain.Programme;
import fr.actionsociale.commons.document.FormatFrancais;
import fr.actionsociale.commons.domaine.RegleMetierException;

/**
 * The period a report covers and when it may be produced (seed 002, art. 3.2): an interim report covers one year of the programme
 * but its last (the final report covers that one) and is produced once that year is over, before 31 March of the next; the final
 * report covers the whole programme and is produced once it has ended, within three months. A report is never produced before
 * its period ends, nor dated in the future.
 */
public record PeriodeRapport(TypeRapport type, String code, LocalDate debut, LocalDate fin, LocalDate echeance) {

    public static final String FINAL = "FINAL";

    public static PeriodeRapport de(Programme p, TypeRapport type, String periode, LocalDate produitLe, LocalDate aujourdHui) {
        PeriodeRapport r;
        if (type == TypeRapport.FINAL) {
            if (periode != null && !periode.isBlank()) {
                throw new RegleMetierException("periode", "le bilan final couvre toute la durée du programme (du " + FormatFrancais.date(p.dateDebut())
                        + " au " + FormatFrancais.date(p.dateFin()) + ") : ne pas donner de période");
            }
            r = new PeriodeRapport(type, FINAL, p.dateDebut(), p.dateFin(), p.dateFin().plusMonths(3));
        } else {
            if (periode == null || !periode.matches("^[0-9]{4}$")) {
                throw new RegleMetierException("periode", "un bilan intermédiaire couvre une année : l'année, ex. 2023");
            }
            int annee = Integer.parseInt(periode);
            if (annee < p.dateDebut().getYear() || annee >= p.dateFin().getYear()) {
                throw new RegleMetierException("periode", p.dateFin().getYear() > p.dateDebut().getYear()
                        ? "un bilan intermédiaire couvre une année du programme autre que la dernière (de " + p.dateDebut().getYear() + " à "
                                + (p.dateFin().getYear() - 1) + ") ; la dernière est couverte par le bilan final"
                        : "le programme tient dans une seule année : seul le bilan final est dû");
            }
            LocalDate debut = annee == p.dateDebut().getYear() ? p.dateDebut() : LocalDate.of(annee, 1, 1);
            r = new PeriodeRapport(type, periode, debut, LocalDate.of(annee, 12, 31), LocalDate.of(annee + 1, 3, 31));
        }
        if (produitLe.isAfter(aujourdHui)) {
            throw new RegleMetierException("date", "ne peut pas être dans le futur");
        }
        if (!produitLe.isAfter(r.fin())) {
            throw new RegleMetierException("periode", "un bilan se produit une fois sa période finie : celle-ci se termine le "
                    + FormatFrancais.date(r.fin()) + ", le bilan ne peut pas être produit le " + FormatFrancais.date(produitLe));
        }
        return r;
    }

    /** "année 2023 (du 31 mai 2023 au 31 décembre 2023)" */
    public String libelle() {
        String bornes = "du " + FormatFrancais.date(debut) + " au " + FormatFrancais.date(fin);
        return type == TypeRapport.FINAL ? "durée de la convention (" + bornes + ")" : "année " + code + " (" + bornes + ")";
    }
}
