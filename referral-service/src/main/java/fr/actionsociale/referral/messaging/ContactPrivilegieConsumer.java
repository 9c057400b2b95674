package fr.actionsociale.referral.messaging;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import fr.actionsociale.commons.Formats;
import fr.actionsociale.commons.evenement.EvenementRecu;
import fr.actionsociale.commons.inbox.EvenementInvalideException;
import fr.actionsociale.commons.inbox.Inbox;
import fr.actionsociale.referral.service.ContactPrivilegieService;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * The privileged contacts the conventions designate (contact-privilegie-designe, from conventions-service), applied once each:
 * the structure of the same code takes the latest one, so that agents can escalate to it (seed 001, POST /saisines).
 */
@ApplicationScoped
public class ContactPrivilegieConsumer {

    private static final Logger LOG = Logger.getLogger(ContactPrivilegieConsumer.class);
    private static final Pattern CODE_INSTITUTION = Pattern.compile(Formats.CODE_INSTITUTION);

    private final Inbox inbox;
    private final ContactPrivilegieService contacts;

    ContactPrivilegieConsumer(Inbox inbox, ContactPrivilegieService contacts) {
        this.inbox = inbox;
        this.contacts = contacts;
    }

    @Incoming("contact-privilegie-designe")
    @Blocking
    public void designes(ConsumerRecords<String, String> records) {
        inbox.appliquer("contact-privilegie-designe", "contacts-privilegies", records, this::appliquer);
    }

    void appliquer(EvenementRecu e) {
        String institution = e.texte("institution");
        String contact = e.texte("contact").strip();
        UUID conventionId;
        LocalDate designeLe;
        try {
            conventionId = UUID.fromString(e.texte("conventionId"));
            designeLe = LocalDate.parse(e.texte("designeLe"));
        } catch (IllegalArgumentException | DateTimeParseException ex) {
            throw new EvenementInvalideException("désignation illisible : " + ex.getMessage());
        }
        if (institution.length() > 64 || !CODE_INSTITUTION.matcher(institution).matches()) {
            throw new EvenementInvalideException("institution : " + Formats.CODE_INSTITUTION_RAISON);
        }
        if (contact.codePointCount(0, contact.length()) > ContactPrivilegieService.LONGUEUR_MAX_CONTACT) {
            throw new EvenementInvalideException("contact : ne doit pas dépasser " + ContactPrivilegieService.LONGUEUR_MAX_CONTACT + " caractères");
        }
        if (contact.indexOf('\0') >= 0) {
            throw new EvenementInvalideException("contact : caractère nul"); // PostgreSQL's text refuses it
        }
        boolean retenue = contacts.designer(institution, conventionId, contact, designeLe, e.id());
        // the contact itself stays out of the logs: the personal-data scan reads them
        LOG.debugf("contact privilégié de %s par la convention %s du %s : %s", institution, conventionId, designeLe,
                retenue ? "retenu" : "ignoré, une désignation plus récente est connue");
    }
}
