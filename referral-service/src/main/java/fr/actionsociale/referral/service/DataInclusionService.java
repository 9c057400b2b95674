package fr.actionsociale.referral.service;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import fr.actionsociale.referral.config.DataInclusionConfig;
import fr.actionsociale.referral.domain.Service;
import fr.actionsociale.referral.domain.Structure;

/**
 * What referral-service publishes to data·inclusion: its structures and their services, under ids of its own source. Open
 * data: a structure's name, address and the institution's public details, never its privileged contact nor anything of a person.
 */
@ApplicationScoped
public class DataInclusionService {

    /** data·inclusion's separator between the producer and its own identifier ("dora--42"). */
    static final String SEPARATEUR = "--";

    private final StructureService structures;
    private final CatalogueService catalogue;
    private final DataInclusionConfig config;

    DataInclusionService(StructureService structures, CatalogueService catalogue, DataInclusionConfig config) {
        this.structures = structures;
        this.catalogue = catalogue;
        this.config = config;
    }

    public record ServicePublie(Service service, Structure structure) {
    }

    public String source() {
        return config.source();
    }

    public String id(Structure s) {
        return config.source() + SEPARATEUR + s.code();
    }

    public String id(Service s) {
        return config.source() + SEPARATEUR + s.id();
    }

    public String idStructure(Service s) {
        return config.source() + SEPARATEUR + s.structure();
    }

    public List<Structure> structures() {
        return structures.lister();
    }

    /** Each service with its structure, whose address is where it is offered. */
    public List<ServicePublie> services() {
        Map<String, Structure> parCode = structures.lister().stream().collect(Collectors.toMap(Structure::code, Function.identity()));
        return catalogue.tous().stream().map(s -> new ServicePublie(s, parCode.get(s.structure()))).toList();
    }
}
