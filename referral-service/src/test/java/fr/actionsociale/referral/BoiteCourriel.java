package fr.actionsociale.referral;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the real SMTP server (GreenMail, started by deploy/local/suite) received for an address, read on its HTTP API
 * ({@code suite.courriel.api}, http://127.0.0.1:8025 by default) and parsed as the MIME message it is.
 */
public final class BoiteCourriel {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private BoiteCourriel() {
    }

    /** A message as received: subject, recipients (To), text body, and the whole raw message (headers included). */
    public record Message(String sujet, List<String> destinataires, String corps, String brut) {
    }

    static String api() {
        return ConfigProvider.getConfig().getOptionalValue("suite.courriel.api", String.class).orElse("http://127.0.0.1:8025");
    }

    /** Every message of the address's inbox (none when the server never saw the address). */
    public static List<Message> messages(String adresse) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(api() + "/api/user/"
                    + URLEncoder.encode(adresse, StandardCharsets.UTF_8) + "/messages/INBOX")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 400 && r.body().contains("not found")) {
                return List.of(); // GreenMail creates a mailbox at the first message
            }
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GreenMail " + api() + " : " + r.statusCode() + " " + r.body());
            }
            List<Message> messages = new ArrayList<>();
            for (JsonNode n : JSON.readTree(r.body())) {
                messages.add(lire(n.path("mimeMessage").asText()));
            }
            return messages;
        } catch (IOException e) {
            throw new IllegalStateException("GreenMail injoignable à " + api() + " (deploy/local/suite le démarre)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Polls until the address has at least {@code combien} messages or the time is up. */
    public static List<Message> attendre(String adresse, int combien, Duration delai) {
        long fin = System.nanoTime() + delai.toNanos();
        List<Message> m = messages(adresse);
        while (m.size() < combien && System.nanoTime() < fin) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            m = messages(adresse);
        }
        return m;
    }

    private static Message lire(String brut) {
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(brut.getBytes(StandardCharsets.UTF_8)));
            Address[] a = m.getRecipients(RecipientType.TO);
            Object contenu = m.getContent();
            String corps = contenu instanceof String s ? s : contenu instanceof jakarta.mail.Multipart mp ? texte(mp) : String.valueOf(contenu);
            return new Message(m.getSubject(), a == null ? List.of() : Arrays.stream(a).map(Address::toString).toList(), corps, brut);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("message illisible : " + e.getMessage(), e);
        }
    }

    private static String texte(jakarta.mail.Multipart mp) throws MessagingException, IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < mp.getCount(); i++) {
            Object c = mp.getBodyPart(i).getContent();
            sb.append(c instanceof jakarta.mail.Multipart sous ? texte(sous) : String.valueOf(c));
        }
        return sb.toString();
    }
}
