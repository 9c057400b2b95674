package fr.actionsociale.conventions.service;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.actionsociale.conventions.domain.Convention;

/** The convention as it reads at a moment, kept as a version (what was true when). */
@ApplicationScoped
public class Instantanes {

    private final ObjectMapper json;

    Instantanes(ObjectMapper json) {
        this.json = json;
    }

    public String de(Convention c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reference", c.reference());
        m.put("objet", c.objet());
        m.put("type", c.type().name());
        m.put("porteur", c.porteur());
        m.put("territoire", c.territoire());
        m.put("basesLegales", c.basesLegales());
        m.put("dateDebut", c.dateDebut().toString());
        m.put("dateFin", c.dateFin().toString());
        m.put("montantTotal", c.montantTotal() == null ? null : c.montantTotal().setScale(2).toPlainString());
        m.put("preavisMois", c.preavisMois());
        m.put("dateSignature", c.dateSignature() == null ? null : c.dateSignature().toString());
        m.put("parties", c.parties().stream().map(p -> Map.of("institution", p.institution(), "role", p.role().name())).toList());
        try {
            return json.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
