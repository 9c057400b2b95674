package fr.actionsociale.referral.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.referral.domain.AdressePostale;
import fr.actionsociale.referral.domain.Structure;
import fr.actionsociale.referral.domain.TypeStructure;

/** The structures people are oriented to. */
@ApplicationScoped
public class StructureService {

    private final EntityManager em;
    private final ContactPrivilegieService contacts;
    /** Structures are never deleted: once seen, a code stays known (a miss still asks the database, for other replicas' creations). */
    private final Set<String> connues = ConcurrentHashMap.newKeySet();

    private final Clock horloge;

    StructureService(EntityManager em, ContactPrivilegieService contacts, Clock horloge) {
        this.em = em;
        this.horloge = horloge;
        this.contacts = contacts;
    }

    /**
     * A contact entered here is kept until a convention designates another; without one, the structure takes the contact its
     * institution's convention already designated, if any.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Structure enregistrer(String code, String nom, TypeStructure type, List<String> communes, String contactPrivilegie, AdressePostale adresse,
            String priseRendezVous, Structure.Publication publication) {
        contacts.verrouiller(code);
        if (em.find(Structure.class, code) != null) {
            throw ProblemeException.conflit("La structure " + code + " existe déjà.");
        }
        boolean saisi = contactPrivilegie != null && !contactPrivilegie.isBlank();
        Structure s = new Structure(code, nom, type, communes, saisi ? contactPrivilegie : null, LocalDate.now(horloge));
        s.coordonnees(adresse, priseRendezVous);
        s.publication(publication);
        if (!saisi) {
            contacts.designation(code).ifPresent(d -> s.designer(d.conventionId(), d.contact(), d.designeLe()));
        }
        em.persist(s);
        return s;
    }

    public List<Structure> lister() {
        return em.createQuery("from Structure order by code", Structure.class).getResultList();
    }

    /** @throws RegleMetierException naming the field when the structure is unknown */
    public Structure connue(String champ, String code) {
        Structure s = em.find(Structure.class, code);
        if (s == null) {
            throw new RegleMetierException(champ, "structure inconnue : " + code);
        }
        return s;
    }

    /** Like {@link #connue}, without loading it when this replica has already seen the code (the orientation's hot path). */
    public void verifier(String champ, String code) {
        if (!connues.contains(code)) {
            connue(champ, code);
            connues.add(code);
        }
    }
}
