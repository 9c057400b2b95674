package fr.actionsociale.referral.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.actionsociale.commons.jdbc.Colonnes;
import fr.actionsociale.commons.jdbc.Ecriture;

/**
 * Seed 001: the privileged contact a convention designates for a partner institution (contact-privilegie-designe, published by
 * conventions-service). Per institution the designation with the latest date wins, whatever order the events arrive in; the
 * structure whose code is the institution takes it, replacing the contact entered at its registration. A structure registered
 * later without a contact of its own takes the designation already known ({@link StructureService#enregistrer}).
 */
@ApplicationScoped
public class ContactPrivilegieService {

    /** The schema's limit: a service's name, mailbox and phone. */
    public static final int LONGUEUR_MAX_CONTACT = 300;

    private final EntityManager em;

    ContactPrivilegieService(EntityManager em) {
        this.em = em;
    }

    public record Designation(UUID conventionId, String contact, LocalDate designeLe) {
    }

    /**
     * @return true when this designation is now the institution's, false when one of a later date was already known (nothing
     *         changes then)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean designer(String institution, UUID conventionId, String contact, LocalDate designeLe, String evenementId) {
        verrouiller(institution);
        // same date: the later event wins (one institution's events keep their order on its partition)
        int retenue = Ecriture.executer(em, "insert into designation_contact (institution, convention_id, contact, designe_le, evenement_id) "
                + "values (?, ?, ?, ?, ?) on conflict (institution) do update set convention_id = excluded.convention_id, "
                + "contact = excluded.contact, designe_le = excluded.designe_le, evenement_id = excluded.evenement_id, recue_le = now() "
                + "where designation_contact.designe_le <= excluded.designe_le", institution, conventionId, contact, designeLe, evenementId);
        if (retenue == 0) {
            return false;
        }
        Ecriture.executer(em, "update structure set contact_privilegie = ?, contact_convention_id = ?, contact_designe_le = ? where code = ?",
                contact, conventionId, designeLe, institution);
        return true;
    }

    /** The institution's current designation, if a convention made one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Designation> designation(String institution) {
        List<?> lignes = em.createNativeQuery("select convention_id, contact, designe_le from designation_contact where institution = ?1")
                .setParameter(1, institution).getResultList();
        return lignes.stream().map(o -> (Object[]) o).map(l -> new Designation((UUID) l[0], (String) l[1], Colonnes.date(l[2]))).findFirst();
    }

    /**
     * One institution's designation and its structure's registration, one after the other: run side by side, the registration
     * would not see the uncommitted designation and the designation would not see the uncommitted structure.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void verrouiller(String institution) {
        em.createNativeQuery("select true from pg_advisory_xact_lock(hashtextextended(?1, 0))").setParameter(1, "contact-privilegie:" + institution)
                .getSingleResult();
    }
}
