package fr.actionsociale.referral.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import fr.actionsociale.commons.probleme.RegleMetierException;

/** A beneficiary oriented to the structure that can open the rights aimed at. */
@Entity
@Table(name = "orientation")
public class Orientation {

    /** 13 digits or more in a row look like a social-security number, which must never be a reference. */
    private static final Pattern RESSEMBLE_A_UN_NIR = Pattern.compile("\\d{13,}");

    @Id
    private UUID id;
    private String beneficiaire;
    private String structure;
    private String commune;
    private String motif;
    @Column(name = "droits_vises")
    private String droitsVises;
    @Column(name = "oriente_par")
    private String orientePar;
    @Enumerated(EnumType.STRING)
    private StatutOrientation statut;
    @Column(name = "date_orientation")
    private Instant dateOrientation;
    @Version
    private long version;

    protected Orientation() {
    }

    /**
     * @throws RegleMetierException when the beneficiary reference looks like personal data
     */
    public static Orientation proposer(String beneficiaire, String structure, String commune, String motif,
            Set<DroitVise> droitsVises, String orientePar, Instant quand) {
        if (RESSEMBLE_A_UN_NIR.matcher(beneficiaire).find()) {
            throw new RegleMetierException("beneficiaire",
                    "ressemble à un numéro de sécurité sociale : utilisez la référence opaque du bénéficiaire");
        }
        if (droitsVises.isEmpty()) {
            throw new RegleMetierException("droitsVises", "au moins un droit visé est requis");
        }
        Orientation o = new Orientation();
        o.id = UUID.randomUUID();
        o.beneficiaire = beneficiaire;
        o.structure = structure;
        o.commune = commune;
        o.motif = motif;
        o.droitsVises = droitsVises.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        o.orientePar = orientePar;
        o.statut = StatutOrientation.PROPOSEE;
        o.dateOrientation = quand;
        return o;
    }

    /** An agent sees the orientations made by or to their own structure. */
    public boolean concerne(String institution) {
        return structure.equals(institution) || orientePar.equals(institution);
    }

    public UUID id() {
        return id;
    }

    public String beneficiaire() {
        return beneficiaire;
    }

    public String structure() {
        return structure;
    }

    public String commune() {
        return commune;
    }

    public String motif() {
        return motif;
    }

    public Set<DroitVise> droitsVises() {
        EnumSet<DroitVise> droits = EnumSet.noneOf(DroitVise.class);
        Arrays.stream(droitsVises.split(",")).filter(s -> !s.isEmpty()).map(DroitVise::valueOf).forEach(droits::add);
        return droits;
    }

    public String orientePar() {
        return orientePar;
    }

    public StatutOrientation statut() {
        return statut;
    }

    public Instant dateOrientation() {
        return dateOrientation;
    }

    public long version() {
        return version;
    }
}
