package fr.actionsociale.commons.probleme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

class ParametreHttpTest {

    @SuppressWarnings("unused")
    void operation(@PathParam("id") String id, @QueryParam("taille") int taille, @QueryParam("") String commune,
            @HeaderParam("Idempotency-Key") String cle, @Context UriInfo uri, String corps) {
    }

    @Test
    void chaqueParametreSaitDOuIlVientEtSonNomHttp() throws Exception {
        var m = Arrays.stream(getClass().getDeclaredMethods()).filter(x -> x.getName().equals("operation")).findFirst().orElseThrow();
        List<ParametreHttp> p = Arrays.stream(m.getParameters()).map(ParametreHttp::de).toList();
        assertEquals(List.of(new ParametreHttp(ParametreHttp.Lieu.PATH, "id"), new ParametreHttp(ParametreHttp.Lieu.QUERY, "taille"),
                new ParametreHttp(ParametreHttp.Lieu.QUERY, "commune"), new ParametreHttp(ParametreHttp.Lieu.HEADER, "Idempotency-Key"),
                new ParametreHttp(ParametreHttp.Lieu.AUTRE, "uri"), new ParametreHttp(ParametreHttp.Lieu.CORPS, "corps")), p);
    }
}
