package fr.actionsociale.referral.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.referral.domain.ReferentielDataInclusion.Enumeration;

/** A service described in data·inclusion's words: its enumerations, its rules, without a database. */
class ServiceTest {

    static final LocalDate AUJOURDHUI = LocalDate.of(2026, 12, 2);
    static final String ACCES_AUX_DROITS = "difficultes-administratives-ou-juridiques--accompagnement-pour-lacces-aux-droits";

    static Service.Saisie saisie(String type, List<String> thematiques, String frais, List<String> publics, List<String> modesAccueil,
            List<String> zone, LocalDate dateMaj) {
        return new Service.Saisie("Rendez-vous des droits", "Un entretien pour faire le point sur vos droits.", type, thematiques, frais, null,
                publics, null, null, modesAccueil, List.of("telephoner"), List.of("usagers", "professionnels"), null, zone, null, null, null, null,
                new BigDecimal("1.50"), 1, dateMaj);
    }

    static Service decrire(Service.Saisie s) {
        return Service.decrire(UUID.randomUUID(), "ccas-pipriac", s, List.of("35220"), AUJOURDHUI, Instant.parse("2026-12-02T09:00:00Z"));
    }

    static Service.Saisie valide() {
        return saisie("accompagnement", List.of(ACCES_AUX_DROITS), "gratuit", List.of("beneficiaires-des-minimas-sociaux"), List.of("en-presentiel"),
                null, null);
    }

    @Test
    void unServiceDansLesEnumerationsEstDecritEtPrendLaZoneDeSaStructureEtLaDateDuJour() {
        Service s = decrire(valide());
        assertEquals("accompagnement", s.type());
        assertEquals(List.of(ACCES_AUX_DROITS), s.thematiques());
        assertEquals(List.of("beneficiaires-des-minimas-sociaux"), s.publics());
        assertEquals(List.of("usagers", "professionnels"), s.mobilisablePar());
        assertEquals(List.of("35220"), s.zoneEligibilite(), "sans zone, celle de sa structure");
        assertEquals(AUJOURDHUI, s.dateMaj());
        Service d = decrire(saisie(null, null, null, null, null, List.of("35", "france", "243500139"), LocalDate.of(2026, 11, 20)));
        assertNull(d.type());
        assertEquals(List.of(), d.thematiques());
        assertEquals(List.of("35", "france", "243500139"), d.zoneEligibilite());
        assertEquals(LocalDate.of(2026, 11, 20), d.dateMaj(), "une date de mise à jour passée garde son jour");
    }

    static void refuse(String champ, String raison, Service.Saisie s) {
        RegleMetierException e = assertThrows(RegleMetierException.class, () -> decrire(s));
        assertEquals(champ, e.champ());
        assertTrue(e.raison().contains(raison), e.raison());
    }

    @Test
    void uneValeurHorsDesEnumerationsEstRefuseeEnNommantLeChamp() {
        refuse("type", "« conseil » n'est pas un type de service", saisie("conseil", null, null, null, null, null, null));
        refuse("thematiques", "« acces-aux-droits » n'est pas une thématique",
                saisie(null, List.of(ACCES_AUX_DROITS, "acces-aux-droits"), null, null, null, null, null));
        refuse("frais", "« gratuite » n'est pas une valeur de frais", saisie(null, null, "gratuite", null, null, null, null));
        refuse("publics", "« rsa » n'est pas un public", saisie(null, null, null, List.of("rsa"), null, null, null));
        refuse("modesAccueil", "« presentiel » n'est pas un mode d'accueil", saisie(null, null, null, null, List.of("presentiel"), null, null));
        refuse("thematiques", "contient deux fois", saisie(null, List.of(ACCES_AUX_DROITS, ACCES_AUX_DROITS), null, null, null, null, null));
    }

    @Test
    void tousPublicsSeulUneZoneDeCodesOfficielsEtUneDateNiFutureNiDuSiecleDernier() {
        refuse("publics", "« tous-publics » ne peut pas être utilisé avec d'autres valeurs",
                saisie(null, null, null, List.of("tous-publics", "jeunes"), null, null, null));
        assertEquals(List.of("tous-publics"), decrire(saisie(null, null, null, List.of("tous-publics"), null, null, null)).publics());
        refuse("zoneEligibilite", "« Pipriac » n'est ni", saisie(null, null, null, null, null, List.of("Pipriac"), null));
        refuse("zoneEligibilite", "« 35 220 » n'est ni", saisie(null, null, null, null, null, List.of("35 220"), null));
        refuse("description", "entre 5 et 10000", new Service.Saisie("Rendez-vous", "  abc  ", null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null));
        refuse("lienMobilisation", "adresse web valide", new Service.Saisie("Rendez-vous", "Un rendez-vous.", null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, "https://exemple.fr/rdv des droits", null, null, null, null));
        refuse("lienMobilisation", "adresse web valide", new Service.Saisie("Rendez-vous", "Un rendez-vous.", null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, "mailto:accueil@exemple.fr", null, null, null, null));
        refuse("dateMaj", "futur", saisie(null, null, null, null, null, null, AUJOURDHUI.plusDays(1)));
        refuse("dateMaj", "21e siècle", saisie(null, null, null, null, null, null, LocalDate.of(1999, 12, 31)));
    }

    @Test
    void unReseauPorteurHorsEnumerationEstRefuseEtUnTypeDonneLeSienSansSaisie() {
        Structure s = new Structure("ccas-pipriac", "CCAS de Pipriac", TypeStructure.CCAS, List.of("35220"), null, AUJOURDHUI);
        s.publication(Structure.Publication.AUCUNE);
        assertEquals(List.of("ccas-cias"), s.reseauxPorteurs(), "sans saisie, le réseau de son type");
        s.publication(new Structure.Publication(null, List.of("france-service", "ccas-cias"), null, null, null, null, null, null));
        assertEquals(List.of("france-service", "ccas-cias"), s.reseauxPorteurs());
        RegleMetierException e = assertThrows(RegleMetierException.class,
                () -> s.publication(new Structure.Publication(null, List.of("ccas"), null, null, null, null, null, null)));
        assertEquals("reseauxPorteurs", e.champ());
        Structure asso = new Structure("iloz", "Association iLOZ", TypeStructure.ASSOCIATION, List.of(), null, AUJOURDHUI);
        asso.publication(Structure.Publication.AUCUNE);
        assertEquals(List.of(), asso.reseauxPorteurs(), "aucun réseau data·inclusion pour une association sans saisie");
    }

    /** The vendored enumeration files and the vendored JSON Schemas come from the same commit: they must say the same. */
    @Test
    void lesEnumerationsVerifieesSontCellesDesSchemasDataInclusion() throws IOException {
        JsonNode service = lire("/data-inclusion/service.json");
        JsonNode structure = lire("/data-inclusion/structure.json");
        ReferentielDataInclusion di = ReferentielDataInclusion.v1();
        assertEquals(enumeration(service, "Thematique"), new TreeSet<>(di.valeurs(Enumeration.THEMATIQUES)));
        assertEquals(enumeration(service, "TypeService"), new TreeSet<>(di.valeurs(Enumeration.TYPES_DE_SERVICES)));
        assertEquals(enumeration(service, "Frais"), new TreeSet<>(di.valeurs(Enumeration.FRAIS)));
        assertEquals(enumeration(service, "Public"), new TreeSet<>(di.valeurs(Enumeration.PUBLICS)));
        assertEquals(enumeration(service, "ModeAccueil"), new TreeSet<>(di.valeurs(Enumeration.MODES_ACCUEIL)));
        assertEquals(enumeration(service, "ModeMobilisation"), new TreeSet<>(di.valeurs(Enumeration.MODES_MOBILISATION)));
        assertEquals(enumeration(service, "PersonneMobilisatrice"), new TreeSet<>(di.valeurs(Enumeration.PERSONNES_MOBILISATRICES)));
        assertEquals(enumeration(structure, "ReseauPorteur"), new TreeSet<>(di.valeurs(Enumeration.RESEAUX_PORTEURS)));
        for (TypeStructure t : TypeStructure.values()) {
            assertTrue(t.reseauPorteur() == null || di.valeurs(Enumeration.RESEAUX_PORTEURS).contains(t.reseauPorteur()), t.name());
        }
    }

    static JsonNode lire(String chemin) throws IOException {
        try (InputStream in = ServiceTest.class.getResourceAsStream(chemin)) {
            return new ObjectMapper().readTree(in);
        }
    }

    static Set<String> enumeration(JsonNode schema, String def) {
        Set<String> v = new TreeSet<>();
        schema.path("$defs").path(def).path("enum").forEach(n -> v.add(n.asText()));
        assertTrue(v.size() > 1, def);
        return v;
    }
}
