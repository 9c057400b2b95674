package fr.actionsociale.conventions.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import fr.actionsociale.commons.jdbc.ListeTexte;
import fr.actionsociale.commons.domaine.RegleMetierException;

/**
 * A governance body of a convention as the document states it (seed 000 art. 3): its members that are parties, the
 * others (services de l'État, habitants...), who chairs it, its missions and its rhythm (a comité four times a year).
 * Its rhythm is missed when a whole period of the convention went by without a meeting; a body whose document sets no
 * rhythm (an équipe projet, a groupe de travail) expects no meeting and never misses one.
 */
@Entity
@Table(name = "instance_gouvernance")
public class InstanceGouvernance {

    public static final int MAX_AUTRES_MEMBRES = 50;
    public static final int LONGUEUR_AUTRE_MEMBRE = 200;
    public static final int LONGUEUR_PRESIDENCE = 500;
    public static final int MAX_MISSIONS = 20;
    public static final int LONGUEUR_MISSION = 500;

    @Id
    private UUID id;
    @Column(name = "convention_id")
    private UUID conventionId;
    @Enumerated(EnumType.STRING)
    private TypeInstance type;
    private String nom;
    private String membres;
    @Column(name = "autres_membres")
    private String autresMembres;
    private String presidence;
    private String missions;
    /** Null when the document sets no rhythm. */
    @Column(name = "reunions_par_an")
    private Integer reunionsParAn;
    @OneToMany(mappedBy = "instance", cascade = CascadeType.ALL)
    @OrderBy("date")
    private List<Reunion> reunions = new ArrayList<>();
    @Version
    private long version;

    protected InstanceGouvernance() {
    }

    /** autresMembres or missions null: none; presidence null: not stated; reunionsParAn null: no rhythm, no meeting expected. */
    public static InstanceGouvernance instituer(Convention c, TypeInstance type, String nom, List<String> membres, List<String> autresMembres,
            String presidence, List<String> missions, Integer reunionsParAn) {
        for (int i = 0; i < membres.size(); i++) {
            if (!c.lie(membres.get(i))) {
                throw new RegleMetierException("membres[" + i + "]", membres.get(i) + " n'est pas partie à la convention");
            }
        }
        List<String> autres = autresMembres == null ? List.of() : autresMembres;
        List<String> lesMissions = missions == null ? List.of() : missions;
        textes("autresMembres", autres, MAX_AUTRES_MEMBRES, LONGUEUR_AUTRE_MEMBRE);
        textes("missions", lesMissions, MAX_MISSIONS, LONGUEUR_MISSION);
        if (presidence != null && (presidence.isBlank() || presidence.length() > LONGUEUR_PRESIDENCE)) {
            throw new RegleMetierException("presidence", "doit être un texte non vide d'au plus " + LONGUEUR_PRESIDENCE + " caractères");
        }
        if (reunionsParAn != null && (reunionsParAn < 1 || 12 % reunionsParAn != 0)) {
            throw new RegleMetierException("reunionsParAn", "doit diviser l'année en périodes de mois entiers (1, 2, 3, 4, 6 ou 12)");
        }
        InstanceGouvernance g = new InstanceGouvernance();
        g.id = UUID.randomUUID();
        g.conventionId = c.id();
        g.type = type;
        g.nom = nom;
        g.membres = ListeTexte.ecrire(membres);
        g.autresMembres = ListeTexteLibre.ecrire(autres);
        g.presidence = presidence;
        g.missions = ListeTexteLibre.ecrire(lesMissions);
        g.reunionsParAn = reunionsParAn;
        return g;
    }

    private static void textes(String champ, List<String> textes, int max, int longueur) {
        if (textes.size() > max) {
            throw new RegleMetierException(champ, "ne doit pas dépasser " + max + " éléments");
        }
        for (int i = 0; i < textes.size(); i++) {
            String t = textes.get(i);
            if (t == null || t.isBlank() || t.length() > longueur) {
                throw new RegleMetierException(champ + "[" + i + "]", "doit être un texte non vide d'au plus " + longueur + " caractères");
            }
        }
    }

    public Reunion reunir(LocalDate date, String objet, Convention c, LocalDate aujourdHui) {
        if (date.isAfter(aujourdHui)) {
            throw new RegleMetierException("date", "une réunion tenue ne peut pas être datée du futur");
        }
        if (date.isBefore(c.dateDebut()) || date.isAfter(c.dateFin())) {
            throw new RegleMetierException("date", "en dehors de la durée de la convention");
        }
        Reunion r = new Reunion(this, date, objet);
        reunions.add(r);
        return r;
    }

    /**
     * The periods (12 / reunionsParAn months each, from the convention's start) that ended by that day,
     * within the convention, without a meeting; none for a body without a rhythm.
     */
    public List<LocalDate> periodesSansReunion(Convention c, LocalDate jour) {
        List<LocalDate> manquees = new ArrayList<>();
        if (reunionsParAn == null) {
            return manquees;
        }
        int mois = 12 / reunionsParAn;
        for (LocalDate debut = c.dateDebut(); ; debut = debut.plusMonths(mois)) {
            LocalDate fin = debut.plusMonths(mois).minusDays(1);
            if (fin.isAfter(c.dateFin()) || !fin.isBefore(jour)) {
                return manquees;
            }
            LocalDate d = debut;
            if (reunions.stream().noneMatch(r -> !r.date().isBefore(d) && !r.date().isAfter(fin))) {
                manquees.add(debut);
            }
        }
    }

    public UUID id() {
        return id;
    }

    public UUID conventionId() {
        return conventionId;
    }

    public TypeInstance type() {
        return type;
    }

    public String nom() {
        return nom;
    }

    public List<String> membres() {
        return ListeTexte.lire(membres);
    }

    /** Members that are not parties, as the document names them. */
    public List<String> autresMembres() {
        return ListeTexteLibre.lire(autresMembres);
    }

    public String presidence() {
        return presidence;
    }

    public List<String> missions() {
        return ListeTexteLibre.lire(missions);
    }

    /** Null when the document sets no rhythm. */
    public Integer reunionsParAn() {
        return reunionsParAn;
    }

    public List<Reunion> reunions() {
        return List.copyOf(reunions);
    }
}
