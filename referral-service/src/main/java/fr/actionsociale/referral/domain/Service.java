package fr.actionsociale.referral.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.jdbc.ListeTexte;
import fr.actionsociale.referral.domain.ReferentielDataInclusion.Enumeration;

/**
 * A service a structure offers (an appointment for rights, an accompaniment...), described in data·inclusion's words so that
 * it can be published as they are: its enumerated fields hold only values of data·inclusion's enumerations (schema v1).
 * A service is public information about an institution: nothing in it names a person.
 */
@Entity
@Table(name = "service_structure")
public class Service {

    /** data·inclusion's zone_eligibilite codes: a commune (COG), a department, an EPCI (SIREN), a country, or all of France. */
    private static final Pattern COMMUNE = Pattern.compile("^\\w{5}$");
    private static final Pattern DEPARTEMENT = Pattern.compile("^\\w{2,3}$");
    private static final Pattern EPCI = Pattern.compile("^\\d{9}$");
    public static final String FRANCE = "france";
    private static final LocalDate PREMIERE_DATE_MAJ = LocalDate.of(2000, 1, 1);

    /** What is entered about a service; every list may be empty (data·inclusion: not given). */
    public record Saisie(String nom, String description, String type, List<String> thematiques, String frais, String fraisPrecisions,
            List<String> publics, String publicsPrecisions, String conditionsAcces, List<String> modesAccueil, List<String> modesMobilisation,
            List<String> mobilisablePar, String mobilisationPrecisions, List<String> zoneEligibilite, String telephone, String courriel,
            String lienMobilisation, String horairesAccueil, BigDecimal volumeHoraireHebdomadaire, Integer nombreSemaines, LocalDate dateMaj) {
    }

    @Id
    private UUID id;
    private String structure;
    private String nom;
    private String description;
    private String type;
    private String thematiques;
    private String frais;
    @Column(name = "frais_precisions")
    private String fraisPrecisions;
    private String publics;
    @Column(name = "publics_precisions")
    private String publicsPrecisions;
    @Column(name = "conditions_acces")
    private String conditionsAcces;
    @Column(name = "modes_accueil")
    private String modesAccueil;
    @Column(name = "modes_mobilisation")
    private String modesMobilisation;
    @Column(name = "mobilisable_par")
    private String mobilisablePar;
    @Column(name = "mobilisation_precisions")
    private String mobilisationPrecisions;
    @Column(name = "zone_eligibilite")
    private String zoneEligibilite;
    private String telephone;
    private String courriel;
    @Column(name = "lien_mobilisation")
    private String lienMobilisation;
    @Column(name = "horaires_accueil")
    private String horairesAccueil;
    @Column(name = "volume_horaire_hebdomadaire")
    private BigDecimal volumeHoraireHebdomadaire;
    @Column(name = "nombre_semaines")
    private Integer nombreSemaines;
    @Column(name = "date_maj")
    private LocalDate dateMaj;
    @Column(name = "enregistre_le")
    private Instant enregistreLe;

    protected Service() {
    }

    /**
     * Checks every enumerated value against data·inclusion's enumerations, the publics rule ("tous-publics" alone), the zone's
     * codes and the date of last change (given, or today; never in the future, nor before 2000 as data·inclusion requires).
     * Without a zone of its own, a service is eligible where its structure works ({@code zoneDeLaStructure}, empty: anywhere).
     *
     * @throws RegleMetierException naming the first field refused
     */
    public static Service decrire(UUID id, String structure, Saisie s, List<String> zoneDeLaStructure, LocalDate aujourdHui, Instant maintenant) {
        ReferentielDataInclusion di = ReferentielDataInclusion.v1();
        Service x = new Service();
        x.id = id;
        x.structure = structure;
        x.nom = longueur("nom", s.nom(), 3, 150);
        x.description = longueur("description", s.description(), 5, 10000);
        x.type = di.verifier("type", Enumeration.TYPES_DE_SERVICES, s.type());
        x.thematiques = ListeTexte.ecrire(di.verifier("thematiques", Enumeration.THEMATIQUES, s.thematiques()));
        x.frais = di.verifier("frais", Enumeration.FRAIS, s.frais());
        x.fraisPrecisions = texte(s.fraisPrecisions());
        List<String> publics = di.verifier("publics", Enumeration.PUBLICS, s.publics());
        if (publics.contains(ReferentielDataInclusion.TOUS_PUBLICS) && publics.size() > 1) {
            throw new RegleMetierException("publics", "« tous-publics » ne peut pas être utilisé avec d'autres valeurs");
        }
        x.publics = ListeTexte.ecrire(publics);
        x.publicsPrecisions = texte(s.publicsPrecisions());
        x.conditionsAcces = texte(s.conditionsAcces());
        x.modesAccueil = ListeTexte.ecrire(di.verifier("modesAccueil", Enumeration.MODES_ACCUEIL, s.modesAccueil()));
        x.modesMobilisation = ListeTexte.ecrire(di.verifier("modesMobilisation", Enumeration.MODES_MOBILISATION, s.modesMobilisation()));
        x.mobilisablePar = ListeTexte.ecrire(di.verifier("mobilisablePar", Enumeration.PERSONNES_MOBILISATRICES, s.mobilisablePar()));
        x.mobilisationPrecisions = texte(s.mobilisationPrecisions());
        x.zoneEligibilite = ListeTexte.ecrire(s.zoneEligibilite() == null || s.zoneEligibilite().isEmpty() ? zoneDeLaStructure
                : zone(s.zoneEligibilite()));
        x.telephone = texte(s.telephone());
        x.courriel = texte(s.courriel());
        x.lienMobilisation = ReferentielDataInclusion.verifierUrl("lienMobilisation", s.lienMobilisation());
        x.horairesAccueil = texte(s.horairesAccueil());
        if (s.volumeHoraireHebdomadaire() != null && s.volumeHoraireHebdomadaire().signum() < 0) {
            throw new RegleMetierException("volumeHoraireHebdomadaire", "ne peut pas être négatif");
        }
        x.volumeHoraireHebdomadaire = s.volumeHoraireHebdomadaire();
        if (s.nombreSemaines() != null && s.nombreSemaines() < 1) {
            throw new RegleMetierException("nombreSemaines", "doit être au moins 1");
        }
        x.nombreSemaines = s.nombreSemaines();
        x.dateMaj = dateMaj(s.dateMaj(), aujourdHui);
        x.enregistreLe = maintenant;
        return x;
    }

    static List<String> zone(List<String> codes) {
        if (codes == null) {
            return List.of();
        }
        Set<String> vus = new HashSet<>();
        for (String c : codes) {
            if (c == null || !(COMMUNE.matcher(c).matches() || DEPARTEMENT.matcher(c).matches() || EPCI.matcher(c).matches() || FRANCE.equals(c))) {
                throw new RegleMetierException("zoneEligibilite", "« " + c + " » n'est ni un code de commune (35236), de département (35, 2A), "
                        + "d'EPCI (SIREN à 9 chiffres) ou de pays (99100), ni « france »");
            }
            if (!vus.add(c)) {
                throw new RegleMetierException("zoneEligibilite", "contient deux fois « " + c + " »");
            }
        }
        return List.copyOf(codes);
    }

    static LocalDate dateMaj(LocalDate donnee, LocalDate aujourdHui) {
        if (donnee == null) {
            return aujourdHui;
        }
        if (donnee.isAfter(aujourdHui)) {
            throw new RegleMetierException("dateMaj", "ne peut pas être dans le futur");
        }
        if (donnee.isBefore(PREMIERE_DATE_MAJ)) {
            throw new RegleMetierException("dateMaj", "doit être au 21e siècle (data·inclusion)");
        }
        return donnee;
    }

    /** data·inclusion's bounds, on the text as published (spaces around it removed). */
    private static String longueur(String champ, String valeur, int min, int max) {
        String v = valeur == null ? "" : valeur.strip();
        if (v.length() < min || v.length() > max) {
            throw new RegleMetierException(champ, "doit faire entre " + min + " et " + max + " caractères (data·inclusion)");
        }
        return v;
    }

    private static String texte(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public UUID id() {
        return id;
    }

    public String structure() {
        return structure;
    }

    public String nom() {
        return nom;
    }

    public String description() {
        return description;
    }

    public String type() {
        return type;
    }

    public List<String> thematiques() {
        return ListeTexte.lire(thematiques);
    }

    public String frais() {
        return frais;
    }

    public String fraisPrecisions() {
        return fraisPrecisions;
    }

    public List<String> publics() {
        return ListeTexte.lire(publics);
    }

    public String publicsPrecisions() {
        return publicsPrecisions;
    }

    public String conditionsAcces() {
        return conditionsAcces;
    }

    public List<String> modesAccueil() {
        return ListeTexte.lire(modesAccueil);
    }

    public List<String> modesMobilisation() {
        return ListeTexte.lire(modesMobilisation);
    }

    public List<String> mobilisablePar() {
        return ListeTexte.lire(mobilisablePar);
    }

    public String mobilisationPrecisions() {
        return mobilisationPrecisions;
    }

    public List<String> zoneEligibilite() {
        return ListeTexte.lire(zoneEligibilite);
    }

    public String telephone() {
        return telephone;
    }

    public String courriel() {
        return courriel;
    }

    public String lienMobilisation() {
        return lienMobilisation;
    }

    public String horairesAccueil() {
        return horairesAccueil;
    }

    public BigDecimal volumeHoraireHebdomadaire() {
        return volumeHoraireHebdomadaire;
    }

    public Integer nombreSemaines() {
        return nombreSemaines;
    }

    public LocalDate dateMaj() {
        return dateMaj;
    }

    public Instant enregistreLe() {
        return enregistreLe;
    }
}
