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
 * A governance body of a convention and its rhythm (seed 000: a comité de pilotage four times a year).
 * Its rhythm is missed when a whole period of the convention went by without a meeting.
 */
@Entity
@Table(name = "instance_gouvernance")
public class InstanceGouvernance {

    @Id
    private UUID id;
    @Column(name = "convention_id")
    private UUID conventionId;
    @Enumerated(EnumType.STRING)
    private TypeInstance type;
    private String nom;
    private String membres;
    @Column(name = "reunions_par_an")
    private int reunionsParAn;
    @OneToMany(mappedBy = "instance", cascade = CascadeType.ALL)
    @OrderBy("date")
    private List<Reunion> reunions = new ArrayList<>();
    @Version
    private long version;

    protected InstanceGouvernance() {
    }

    public static InstanceGouvernance instituer(Convention c, TypeInstance type, String nom, List<String> membres, int reunionsParAn) {
        for (int i = 0; i < membres.size(); i++) {
            if (!c.lie(membres.get(i))) {
                throw new RegleMetierException("membres[" + i + "]", membres.get(i) + " n'est pas partie à la convention");
            }
        }
        if (12 % reunionsParAn != 0) {
            throw new RegleMetierException("reunionsParAn", "doit diviser l'année en périodes de mois entiers (1, 2, 3, 4, 6 ou 12)");
        }
        InstanceGouvernance g = new InstanceGouvernance();
        g.id = UUID.randomUUID();
        g.conventionId = c.id();
        g.type = type;
        g.nom = nom;
        g.membres = ListeTexte.ecrire(membres);
        g.reunionsParAn = reunionsParAn;
        return g;
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
     * within the convention, without a meeting.
     */
    public List<LocalDate> periodesSansReunion(Convention c, LocalDate jour) {
        List<LocalDate> manquees = new ArrayList<>();
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

    public int reunionsParAn() {
        return reunionsParAn;
    }

    public List<Reunion> reunions() {
        return List.copyOf(reunions);
    }
}
