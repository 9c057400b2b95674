package fr.actionsociale.banc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class BancTest {

    @Test
    void lesOptionsSeLisentParPaires() {
        assertEquals(Map.of("--debit", "30", "--duree", "120"), Banc.options(new String[] { "--debit", "30", "--duree", "120" }));
    }

    /** No SUITE_PORT_OFFSET (the usual case: one suite on the machine) is no shift; a blank one too. */
    @Test
    void leDecalageDesPortsVautZeroSansVariable() {
        assertEquals(0, Banc.decalage(null));
        assertEquals(0, Banc.decalage(" "));
        assertEquals(100, Banc.decalage("100"));
    }

    @Test
    void leQuantileEstLeRangLePlusProche() {
        long[] trie = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
        assertEquals(5, Banc.quantile(trie, 0.5));
        assertEquals(10, Banc.quantile(trie, 0.99));
        assertEquals(1, Banc.quantile(trie, 0.0));
        assertEquals(0, Banc.quantile(new long[0], 0.5));
    }

    /** The fuzzer's wrong values for a date field: null, other types, hostile strings and impossible dates. */
    @Test
    void lesValeursFaussesDUneDateSontToutesInvalides() throws Exception {
        JsonNode schema = new ObjectMapper().readTree("{\"type\":\"string\",\"format\":\"date\"}");
        List<JsonNode> v = Fuzz.valeursFausses(schema, new ObjectMapper().createObjectNode());
        assertTrue(v.get(0).isNull());
        assertTrue(v.stream().anyMatch(JsonNode::isNumber));
        assertTrue(v.stream().filter(JsonNode::isTextual).map(JsonNode::asText).anyMatch(t -> t.equals("2026-02-30")), v.toString());
    }
}
