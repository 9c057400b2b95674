package fr.actionsociale.conventions.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.jdbc.ListeTexte;

/**
 * A board's deliberation (seed 001): institution, body, number, session date, object, votes, transmission to the
 * préfecture and publication, and the acts it authorises. A local authority's act is executory once both published
 * and transmitted (CGCT L. 2131-1, L. 3131-1): when either date is unknown, the suite does not call it executory.
 */
@Entity
@Table(name = "deliberation")
public class Deliberation {

    @Id
    private UUID id;
    private String institution;
    @Enumerated(EnumType.STRING)
    private OrganeDeliberant organe;
    private String numero;
    @Column(name = "date_seance")
    private LocalDate dateSeance;
    private String objet;
    private Integer presents;
    private Integer representes;
    private Integer pour;
    private Integer contre;
    private Integer abstentions;
    @Column(name = "ne_prend_pas_part")
    private Integer nePrendPasPart;
    @Column(name = "date_transmission")
    private LocalDate dateTransmission;
    @Column(name = "date_publication")
    private LocalDate datePublication;
    private String autorise;
    @Column(name = "convention_id")
    private UUID conventionId;
    @Version
    private long version;

    protected Deliberation() {
    }

    /** Votes as the minutes give them; all null when the document does not give them. */
    public record Votes(Integer presents, Integer representes, Integer pour, Integer contre, Integer abstentions, Integer nePrendPasPart) {
        static Votes aucun() {
            return new Votes(null, null, null, null, null, null);
        }
    }

    public static Deliberation enregistrer(String institution, OrganeDeliberant organe, String numero, LocalDate dateSeance, String objet,
            Votes votes, LocalDate dateTransmission, LocalDate datePublication, List<ActeAutorise> autorise, UUID conventionId,
            LocalDate aujourdHui) {
        if (dateSeance.isAfter(aujourdHui)) {
            throw new RegleMetierException("dateSeance", "une délibération ne peut pas être datée du futur");
        }
        if (dateTransmission != null && dateTransmission.isBefore(dateSeance)) {
            throw new RegleMetierException("dateTransmission", "la transmission en préfecture (" + dateTransmission
                    + ") ne peut pas précéder la séance (" + dateSeance + ")");
        }
        if (datePublication != null && datePublication.isBefore(dateSeance)) {
            throw new RegleMetierException("datePublication", "la publication (" + datePublication + ") ne peut pas précéder la séance ("
                    + dateSeance + ")");
        }
        Votes v = votes == null ? Votes.aucun() : votes;
        verifierVotes(v);
        if (autorise.isEmpty()) {
            throw new RegleMetierException("autorise", "doit dire ce que la délibération autorise");
        }
        Deliberation d = new Deliberation();
        d.id = UUID.randomUUID();
        d.institution = institution;
        d.organe = organe;
        d.numero = numero;
        d.dateSeance = dateSeance;
        d.objet = objet;
        d.presents = v.presents();
        d.representes = v.representes();
        d.pour = v.pour();
        d.contre = v.contre();
        d.abstentions = v.abstentions();
        d.nePrendPasPart = v.nePrendPasPart();
        d.dateTransmission = dateTransmission;
        d.datePublication = datePublication;
        d.autorise = ListeTexte.ecrire(autorise.stream().distinct().map(Enum::name).toList());
        d.conventionId = conventionId;
        return d;
    }

    /**
     * Every voter is counted once: pour + contre + abstentions + ne prend pas part = présents + représentés (seed 001:
     * 53 + 0 + 1 = 50 présents + 4 pouvoirs). The vote is given whole or not at all.
     */
    static void verifierVotes(Votes v) {
        List<Integer> decompte = Stream.of(v.pour(), v.contre(), v.abstentions()).toList();
        if (decompte.stream().anyMatch(n -> n == null) && decompte.stream().anyMatch(n -> n != null)) {
            throw new RegleMetierException("votes", "pour, contre et abstentions vont ensemble (0 quand il n'y en a pas)");
        }
        Map<String, Integer> decomptes = new LinkedHashMap<>();
        decomptes.put("votes.presents", v.presents());
        decomptes.put("votes.representes", v.representes());
        decomptes.put("votes.pour", v.pour());
        decomptes.put("votes.contre", v.contre());
        decomptes.put("votes.abstentions", v.abstentions());
        decomptes.put("votes.nePrendPasPart", v.nePrendPasPart());
        decomptes.forEach((champ, n) -> {
            if (n != null && n < 0) {
                throw new RegleMetierException(champ, "doit être positif ou nul");
            }
        });
        if (v.pour() == null) {
            if (v.presents() != null || v.representes() != null || v.nePrendPasPart() != null) {
                throw new RegleMetierException("votes.pour", "des présents sans décompte des voix : donnez pour, contre et abstentions");
            }
            return;
        }
        if (v.presents() != null) {
            int votants = v.presents() + (v.representes() == null ? 0 : v.representes());
            int comptes = v.pour() + v.contre() + v.abstentions() + (v.nePrendPasPart() == null ? 0 : v.nePrendPasPart());
            if (comptes != votants) {
                throw new RegleMetierException("votes", "les voix ne tombent pas juste : pour " + v.pour() + " + contre " + v.contre()
                        + " + abstentions " + v.abstentions() + (v.nePrendPasPart() == null ? "" : " + ne prend pas part " + v.nePrendPasPart())
                        + " = " + comptes + ", pour " + votants + " membres présents ou représentés");
            }
        }
    }

    /** The later of publication and transmission, once both are known; null while it is not established. */
    public LocalDate executoireLe() {
        if (dateTransmission == null || datePublication == null) {
            return null;
        }
        return dateTransmission.isAfter(datePublication) ? dateTransmission : datePublication;
    }

    /** Why the deliberation is not (known to be) executory on that day, or null when it is. */
    public String nonExecutoireAu(LocalDate jour) {
        LocalDate le = executoireLe();
        if (le == null) {
            List<String> manque = new ArrayList<>();
            if (dateTransmission == null) {
                manque.add("la transmission en préfecture");
            }
            if (datePublication == null) {
                manque.add("la publication");
            }
            return "caractère exécutoire non établi (" + String.join(" et ", manque) + " non renseignée"
                    + (manque.size() > 1 ? "s" : "") + ")";
        }
        return le.isAfter(jour) ? "exécutoire seulement le " + le : null;
    }

    /** Adopted when more votes for than against; null when the votes are not known. */
    public Boolean adoptee() {
        return pour == null ? null : pour > contre;
    }

    /** Unanimity of the votes cast: abstentions do not break it (seed 001: 53 pour, 1 abstention, "adoptée à l'unanimité"). */
    public Boolean unanimite() {
        return pour == null ? null : contre == 0 && pour > 0;
    }

    public boolean autorise(ActeAutorise acte) {
        return actes().contains(acte);
    }

    public List<ActeAutorise> actes() {
        return ListeTexte.lire(autorise).stream().map(ActeAutorise::valueOf).toList();
    }

    /** How a convention cites it. */
    public DeliberationCitee citation() {
        return new DeliberationCitee(numero, organe.libelle(), dateSeance);
    }

    public String designation() {
        return "la délibération " + (numero == null ? "" : "n° " + numero + " ") + "du " + dateSeance + " (" + organe.libelle() + ", "
                + institution + ")";
    }

    public UUID id() {
        return id;
    }

    public String institution() {
        return institution;
    }

    public OrganeDeliberant organe() {
        return organe;
    }

    public String numero() {
        return numero;
    }

    public LocalDate dateSeance() {
        return dateSeance;
    }

    public String objet() {
        return objet;
    }

    public Votes votes() {
        return new Votes(presents, representes, pour, contre, abstentions, nePrendPasPart);
    }

    public LocalDate dateTransmission() {
        return dateTransmission;
    }

    public LocalDate datePublication() {
        return datePublication;
    }

    public UUID conventionId() {
        return conventionId;
    }

    public long version() {
        return version;
    }
}
