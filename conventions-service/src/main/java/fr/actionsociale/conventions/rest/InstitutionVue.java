package fr.actionsociale.conventions.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.actionsociale.conventions.domain.Institution;

@Schema(name = "Institution")
public record InstitutionVue(String code, String nom, String type, String siret, String adresse, String codeInsee,
        Integer population, Integer populationAnnee, long version) {

    static InstitutionVue de(Institution i) {
        return new InstitutionVue(i.code(), i.nom(), i.type().name(), i.siret(), i.adresse(), i.codeInsee(), i.population(),
                i.populationAnnee(), i.version());
    }
}
