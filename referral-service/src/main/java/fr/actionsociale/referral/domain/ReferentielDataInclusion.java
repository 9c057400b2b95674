package fr.actionsociale.referral.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.actionsociale.commons.domaine.RegleMetierException;

/**
 * The data·inclusion (schema v1) enumerations a structure's services and the structure itself are described with, read from
 * the files vendored unchanged in /data-inclusion/ (SOURCE.md says which version): a value outside them is refused, naming
 * the field, so that every row published is valid against the schema.
 */
public final class ReferentielDataInclusion {

    /** Each enumeration, its vendored file and how a refusal names one of its values. */
    public enum Enumeration {
        THEMATIQUES("thematiques", "une thématique"),
        TYPES_DE_SERVICES("types-de-services", "un type de service"),
        FRAIS("frais", "une valeur de frais"),
        PUBLICS("publics", "un public"),
        MODES_ACCUEIL("modes-accueil", "un mode d'accueil"),
        MODES_MOBILISATION("modes-mobilisation", "un mode de mobilisation"),
        PERSONNES_MOBILISATRICES("personnes-mobilisatrices", "une personne mobilisatrice"),
        RESEAUX_PORTEURS("reseaux-porteurs", "un réseau porteur");

        final String fichier;
        final String libelle;

        Enumeration(String fichier, String libelle) {
            this.fichier = fichier;
            this.libelle = libelle;
        }
    }

    public static final String TOUS_PUBLICS = "tous-publics";
    private static final ReferentielDataInclusion V1 = charger();

    private final Map<Enumeration, Set<String>> valeurs;

    private ReferentielDataInclusion(Map<Enumeration, Set<String>> valeurs) {
        this.valeurs = valeurs;
    }

    public static ReferentielDataInclusion v1() {
        return V1;
    }

    private static ReferentielDataInclusion charger() {
        ObjectMapper json = new ObjectMapper();
        Map<Enumeration, Set<String>> valeurs = new EnumMap<>(Enumeration.class);
        for (Enumeration e : Enumeration.values()) {
            try (InputStream in = ReferentielDataInclusion.class.getResourceAsStream("/data-inclusion/" + e.fichier + ".json")) {
                if (in == null) {
                    throw new IllegalStateException("énumération data·inclusion absente : " + e.fichier);
                }
                Set<String> v = new LinkedHashSet<>();
                for (JsonNode n : json.readTree(in)) {
                    v.add(n.get("value").asText());
                }
                valeurs.put(e, Set.copyOf(v));
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        }
        return new ReferentielDataInclusion(valeurs);
    }

    public Set<String> valeurs(Enumeration e) {
        return valeurs.get(e);
    }

    /** A single value (null allowed: the field is optional). */
    public String verifier(String champ, Enumeration e, String valeur) {
        if (valeur != null && !valeurs.get(e).contains(valeur)) {
            throw new RegleMetierException(champ, "« " + valeur + " » n'est pas " + e.libelle + " de data·inclusion (" + e.fichier + ")");
        }
        return valeur;
    }

    /**
     * A web address as data·inclusion's "uri" format takes it (null allowed): absolute, http or https, with a host, every
     * character legal in a URI (java.net.URI parses it).
     */
    public static String verifierUrl(String champ, String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            java.net.URI u = new java.net.URI(url.strip());
            if (u.getScheme() == null || !List.of("http", "https").contains(u.getScheme()) || u.getHost() == null || url.strip().length() > 2083) {
                throw new java.net.URISyntaxException(url, "http(s) et un hôte");
            }
            return url.strip();
        } catch (java.net.URISyntaxException e) {
            throw new RegleMetierException(champ, "doit être une adresse web valide commençant par http:// ou https:// (espaces et accents encodés)");
        }
    }

    /** A list of values: each one in the enumeration, none twice (data·inclusion's lists have unique items). */
    public List<String> verifier(String champ, Enumeration e, Collection<String> liste) {
        if (liste == null) {
            return List.of();
        }
        Set<String> vus = new HashSet<>();
        for (String v : liste) {
            if (v == null) {
                throw new RegleMetierException(champ, "ne doit pas contenir de valeur vide");
            }
            verifier(champ, e, v);
            if (!vus.add(v)) {
                throw new RegleMetierException(champ, "contient deux fois « " + v + " »");
            }
        }
        return List.copyOf(liste);
    }
}
