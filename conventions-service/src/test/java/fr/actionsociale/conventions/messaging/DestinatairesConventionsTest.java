package fr.actionsociale.conventions.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Who may receive which of conventions-service's events by webhook (the rules that need no database). */
class DestinatairesConventionsTest {

    private final DestinatairesConventions destinataires = new DestinatairesConventions(null);

    @Test
    void unAppelARegularisationNeVaQuALaPartieAppeleeEtACelleQuiAAvance() {
        ObjectNode appel = new ObjectMapper().createObjectNode().put("institution", "ccas-bouvron").put("creancier", "ccas-blain")
                .put("montant", "412.37");
        assertEquals(Set.of("ccas-bouvron", "ccas-blain"),
                destinataires.institutions(AppelRegularisationEmis.TYPE, UUID.randomUUID().toString(), appel));
    }

    @Test
    void leContactPrivilegieNEstJamaisOffertEtLesNouveauxTypesLeSont() {
        Set<String> types = DestinatairesConventions.TYPES;
        assertTrue(types.contains(RetardDeclareEvenement.TYPE));
        assertTrue(types.contains(AppelRegularisationEmis.TYPE));
        assertTrue(!types.contains("contact-privilegie-designe"));
        assertEquals(Set.of(), destinataires.institutions("contact-privilegie-designe", UUID.randomUUID().toString(),
                new ObjectMapper().createObjectNode()));
    }
}
