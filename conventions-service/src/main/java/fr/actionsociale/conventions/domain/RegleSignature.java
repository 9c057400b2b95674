package fr.actionsociale.conventions.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * Whether a type of institution signs on a deliberation of its board, kept as data (table regle_signature): communes,
 * EPCI, départements and CCAS/CIAS deliberate; CPAM, CAF, MSA, CARSAT, France Travail, the State and associations sign
 * through their representative's own capacity (seed 000: the MSA's director signs without a deliberation).
 */
@Entity
@Table(name = "regle_signature")
public class RegleSignature {

    @Id
    @Enumerated(EnumType.STRING)
    @Column(name = "type_institution")
    private TypeInstitution type;
    @Column(name = "deliberation_requise")
    private boolean deliberationRequise;
    private String organe;
    private String fondement;

    protected RegleSignature() {
    }

    public RegleSignature(TypeInstitution type, boolean deliberationRequise, String organe, String fondement) {
        this.type = type;
        this.deliberationRequise = deliberationRequise;
        this.organe = organe;
        this.fondement = fondement;
    }

    /** The rule in words, as a refusal states it. */
    public String enonce() {
        return deliberationRequise ? "type " + type.name() + " : signature sur délibération (organe : " + organe + " ; " + fondement + ")"
                : "type " + type.name() + " : signature par " + organe + ", sans délibération (" + fondement + ")";
    }

    public TypeInstitution type() {
        return type;
    }

    public boolean deliberationRequise() {
        return deliberationRequise;
    }

    public String organe() {
        return organe;
    }

    public String fondement() {
        return fondement;
    }
}
