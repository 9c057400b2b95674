package fr.actionsociale.conventions.messaging;

import java.time.LocalDate;
import java.util.UUID;

import fr.actionsociale.conventions.domain.ContactPrivilegie;

/** Data of the {@code contact-privilegie-designe} event (schema: /schemas/contact-privilegie-designe.json). */
public record ContactPrivilegieDesigne(UUID conventionId, String institution, String contact, LocalDate designeLe) {

    public static final String TYPE = "contact-privilegie-designe";

    public static ContactPrivilegieDesigne de(ContactPrivilegie c) {
        return new ContactPrivilegieDesigne(c.conventionId(), c.institution(), c.contact(), c.designeLe());
    }
}
