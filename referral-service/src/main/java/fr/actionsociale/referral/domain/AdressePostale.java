package fr.actionsociale.referral.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A postal address as La Poste prints it: what a letter needs, nothing more. */
@Embeddable
public record AdressePostale(
        @Column(name = "adresse_voie") String voie,
        @Column(name = "adresse_complement") String complement,
        @Column(name = "adresse_code_postal") String codePostal,
        @Column(name = "adresse_localite") String localite) {

    /** The lines of the address block, the locality in capitals as La Poste asks. */
    public List<String> lignes() {
        List<String> l = new ArrayList<>();
        l.add(voie);
        if (complement != null && !complement.isBlank()) {
            l.add(complement);
        }
        l.add(codePostal + " " + localite.toUpperCase(Locale.FRANCE));
        return l;
    }
}
