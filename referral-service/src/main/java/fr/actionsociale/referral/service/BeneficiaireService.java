package fr.actionsociale.referral.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import fr.actionsociale.commons.jdbc.Colonnes;
import fr.actionsociale.commons.outbox.Outbox;
import fr.actionsociale.commons.domaine.EtatInvalideException;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.referral.domain.AdressePostale;
import fr.actionsociale.referral.domain.Beneficiaire;
import fr.actionsociale.referral.domain.CanalContact;
import fr.actionsociale.referral.domain.ConsentementCanal;
import fr.actionsociale.referral.messaging.Evenements;

/** Beneficiaries, their consent, and who may read their record (every read is logged). */
@ApplicationScoped
public class BeneficiaireService {

    /** Seed 001: after a hand-over, the previous structure keeps reading the record this long. */
    public static final int JOURS_PASSATION = 30;

    private final EntityManager em;
    private final Outbox outbox;
    private final Appelant appelant;
    private final Clock horloge;

    BeneficiaireService(EntityManager em, Outbox outbox, Appelant appelant, Clock horloge) {
        this.horloge = horloge;
        this.em = em;
        this.outbox = outbox;
        this.appelant = appelant;
    }

    public LocalDate aujourdHui() {
        return LocalDate.now(horloge);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Beneficiaire inscrire(String nom, String prenom, LocalDate naissance, String commune, String quartier, CanalContact canal, String contact,
            String numeroAllocataire, String foyer, AdressePostale adresse, String courriel, LocalDate inscritLe) {
        if (numeroAllocataire != null && parAllocataire(numeroAllocataire).isPresent()) {
            throw ProblemeException.conflit("Un bénéficiaire porte déjà ce numéro d'allocataire.");
        }
        Beneficiaire b = Beneficiaire.inscrire(nom, prenom, naissance, commune, quartier, canal, contact, numeroAllocataire, foyer,
                appelant.institution(), inscritLe, horloge.instant());
        b.coordonnees(adresse, courriel);
        em.persist(b);
        return b;
    }

    /** The postal address and e-mail address the invitations use (replaced together; null erases). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Beneficiaire coordonnees(String reference, AdressePostale adresse, String courriel) {
        Beneficiaire b = modifiable(reference);
        b.coordonnees(adresse, courriel);
        return b;
    }

    /** The person agrees to be contacted through a channel (an e-mail is sent only with it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Beneficiaire consentirAuCanal(String reference, CanalContact canal, LocalDate le) {
        Beneficiaire b = modifiable(reference);
        ConsentementCanal c = consentementCanal(b.id(), canal);
        if (c == null) {
            c = new ConsentementCanal(b.id(), canal);
            c.donner(le, aujourdHui());
            em.persist(c);
        } else {
            c.donner(le, aujourdHui());
        }
        return b;
    }

    /** Withdrawn: nothing more goes through that channel, e-mails still waiting included. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Beneficiaire retirerConsentementAuCanal(String reference, CanalContact canal, LocalDate le) {
        Beneficiaire b = accessible(reference);
        ConsentementCanal c = consentementCanal(b.id(), canal);
        if (c == null) {
            throw new EtatInvalideException("Aucun consentement en cours au canal " + canal + " à retirer.");
        }
        c.retirer(le, aujourdHui());
        return b;
    }

    private ConsentementCanal consentementCanal(java.util.UUID beneficiaireId, CanalContact canal) {
        return em.createQuery("from ConsentementCanal where beneficiaireId = :b and canal = :c", ConsentementCanal.class)
                .setParameter("b", beneficiaireId).setParameter("c", canal).getResultStream().findFirst().orElse(null);
    }

    public boolean consentAuCanal(java.util.UUID beneficiaireId, CanalContact canal) {
        ConsentementCanal c = consentementCanal(beneficiaireId, canal);
        return c != null && c.actif();
    }

    public List<ConsentementCanal> consentementsAuxCanaux(java.util.UUID beneficiaireId) {
        return em.createQuery("from ConsentementCanal where beneficiaireId = :b order by canal", ConsentementCanal.class)
                .setParameter("b", beneficiaireId).getResultList();
    }

    public Optional<Beneficiaire> parReference(String reference) {
        return em.createQuery("from Beneficiaire where reference = :r", Beneficiaire.class).setParameter("r", reference).getResultStream().findFirst();
    }

    public Optional<Beneficiaire> parAllocataire(String numero) {
        return em.createQuery("from Beneficiaire where numeroAllocataire = :n", Beneficiaire.class).setParameter("n", numero).getResultStream()
                .findFirst();
    }

    /**
     * The person, if the caller may see them: an administrator; an agent or gestionnaire of the structure that registered them,
     * of a structure that oriented them, or of a structure they were oriented to and with which they agreed to share. Anyone else
     * gets a 404, as for an unknown person: the answer never tells that the person exists.
     */
    public Beneficiaire accessible(String reference) {
        Beneficiaire b = parReference(reference).orElseThrow(() -> ProblemeException.introuvable("Bénéficiaire", reference));
        if (!peutVoir(b)) {
            throw ProblemeException.introuvable("Bénéficiaire", reference);
        }
        return b;
    }

    /**
     * The person, visible to the caller, if their record may still receive new facts: an anonymised record keeps only its path
     * (retention), and a new orientation, RDV, contact, referral or consent would attach to a person nobody can name any more.
     */
    public Beneficiaire modifiable(String reference) {
        return actif(accessible(reference));
    }

    public static Beneficiaire actif(Beneficiaire b) {
        if (b.anonymiseLe() != null) {
            throw new EtatInvalideException("Ce dossier a été anonymisé le " + b.anonymiseLe()
                    + ", après deux ans sans activité : inscrivez la personne à nouveau pour la suivre.");
        }
        return b;
    }

    public boolean peutVoir(Beneficiaire b) {
        if (appelant.a(Roles.ADMIN)) {
            return true;
        }
        if (!appelant.a(Roles.AGENT) && !appelant.a(Roles.GESTIONNAIRE)) {
            return false; // coordinators and partners see aggregates, never a person
        }
        String inst = appelant.institution();
        if (inst.equals(b.creePar())) {
            return true;
        }
        long parLui = em.createQuery("select count(o) from Orientation o where o.beneficiaireId = :b and o.orientePar = :i", Long.class)
                .setParameter("b", b.id()).setParameter("i", inst).getSingleResult();
        if (parLui > 0) {
            return true;
        }
        // the structure the person is oriented to; after a re-orientation, the previous one stays informed for the hand-over period
        long versLui = em.createQuery("select count(o) from Orientation o where o.beneficiaireId = :b and o.structure = :i and (o.statut in "
                + "('PROPOSEE', 'ACCEPTEE', 'EN_COURS') or (o.statut = 'CLOTUREE' and o.clotureeLe >= :passation))", Long.class)
                .setParameter("b", b.id()).setParameter("i", inst).setParameter("passation", aujourdHui().minusDays(JOURS_PASSATION))
                .getSingleResult();
        return versLui > 0 && b.partageAvec(inst);
    }

    /** Reads the record and logs who read it, when and why. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Beneficiaire lire(String reference, String motif) {
        Beneficiaire b = accessible(reference);
        em.createNativeQuery("insert into acces_dossier (beneficiaire_id, lecteur, institution, motif) values (?1, ?2, ?3, ?4)")
                .setParameter(1, b.id()).setParameter(2, appelant.identifiant()).setParameter(3, appelant.institution())
                .setParameter(4, motif == null || motif.isBlank() ? "suivi" : motif).executeUpdate();
        return b;
    }

    public record Acces(String lecteur, String institution, String motif, java.time.OffsetDateTime luLe) {
    }

    public List<Acces> acces(Beneficiaire b) {
        List<?> lignes = em.createNativeQuery("select lecteur, institution, motif, lu_le from acces_dossier where beneficiaire_id = ?1 order by lu_le")
                .setParameter(1, b.id()).getResultList();
        return lignes.stream().map(o -> (Object[]) o).map(l -> new Acces((String) l[0], (String) l[1], (String) l[2],
                Colonnes.horodatage(l[3]))).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Beneficiaire consentir(String reference, LocalDate le, List<String> portee) {
        Beneficiaire b = modifiable(reference);
        b.consentir(le, portee, aujourdHui());
        return b;
    }

    /** Withdrawal stops further sharing at once, and tells the institutions through consentement-retire. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Beneficiaire retirerConsentement(String reference, LocalDate le) {
        Beneficiaire b = accessible(reference);
        b.retirerConsentement(le, aujourdHui());
        outbox.publier(Evenements.ConsentementRetire.TYPE, b.reference(), new Evenements.ConsentementRetire(b.reference(), le));
        return b;
    }
}
