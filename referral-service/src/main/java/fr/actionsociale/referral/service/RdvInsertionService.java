package fr.actionsociale.referral.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import fr.actionsociale.commons.domaine.EtatInvalideException;
import fr.actionsociale.commons.domaine.RegleMetierException;
import fr.actionsociale.commons.probleme.Probleme;
import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.probleme.TypeProbleme;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.referral.config.RdvInsertionConfig;
import fr.actionsociale.referral.domain.Beneficiaire;
import fr.actionsociale.referral.domain.Droit;
import fr.actionsociale.referral.domain.EtapeRsa;
import fr.actionsociale.referral.domain.Invitation;
import fr.actionsociale.referral.domain.ReponseInvitation;
import fr.actionsociale.referral.domain.SignatureRdvi;
import fr.actionsociale.referral.domain.TypeEtapeRsa;
import fr.actionsociale.referral.domain.WebhookRdvi;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * RDV-Insertion's webhooks onto the RSA path, with the dates they carry: an invitation sent dates the first-invitation step, a
 * RDV held the first accompaniment appointment, and the person's participation answers their first invitation (taken, came,
 * did not come: the no-show rate). Per organisation and record, only a payload newer than the last applied one changes
 * anything; what cannot be applied to a person waits, with its reason, in the organisation's structure's list.
 */
@ApplicationScoped
public class RdvInsertionService {

    private static final Logger LOG = Logger.getLogger(RdvInsertionService.class);

    public enum Statut {
        /** Applied: what it says is on the path (or was already). */
        APPLIQUEE,
        /** Older than, or the same as, what was already applied for that record: nothing changed. */
        IGNOREE,
        /** At least one person's part waits in the structure's list, with its reason. */
        EN_ATTENTE
    }

    public record Resultat(UUID livraison, Statut statut, List<String> details) {
    }

    public record EnAttente(UUID id, String organisation, String modele, long ressource, String fait, Long usagerRdvi, String raison,
            OffsetDateTime recueLe, OffsetDateTime reappliqueeLe) {
    }

    private final EntityManager em;
    private final RdvInsertionConfig config;
    private final BeneficiaireService beneficiaires;
    private final Appelant appelant;
    private final Clock horloge;
    private final IndicateurParcoursService indicateurs;

    RdvInsertionService(EntityManager em, RdvInsertionConfig config, BeneficiaireService beneficiaires, Appelant appelant, Clock horloge,
            IndicateurParcoursService indicateurs) {
        this.indicateurs = indicateurs;
        this.em = em;
        this.config = config;
        this.beneficiaires = beneficiaires;
        this.appelant = appelant;
        this.horloge = horloge;
    }

    /**
     * One delivery: refused with nothing written when it is not signed by the organisation's secret (401) or the organisation is
     * not configured (404); an authenticated body that cannot be read is kept as a dead letter with its reason, and refused (400).
     */
    public Resultat recevoir(String organisation, byte[] corps, String signature) {
        if (signature == null || signature.isBlank()) {
            throw new ProblemeException(TypeProbleme.NON_AUTHENTIFIE, "Webhook RDV-Insertion non signé : rien n'a été enregistré.",
                    List.of(new Probleme.Erreur(SignatureRdvi.ENTETE, "absente")));
        }
        RdvInsertionConfig.Organisation org = config.organisations().get(organisation);
        if (org == null) {
            throw new ProblemeException(TypeProbleme.INTROUVABLE, "Organisation RDV-Insertion " + court(organisation) + " inconnue : rien n'a été enregistré.",
                    List.of(new Probleme.Erreur("organisation", "aucune organisation RDV-Insertion configurée sous cet identifiant")));
        }
        if (!SignatureRdvi.valide(org.secret(), corps, signature)) {
            LOG.warnf("Webhook RDV-Insertion de l'organisation %s refusé : signature invalide", organisation);
            throw new ProblemeException(TypeProbleme.NON_AUTHENTIFIE, "Signature du webhook RDV-Insertion invalide : rien n'a été enregistré.",
                    List.of(new Probleme.Erreur(SignatureRdvi.ENTETE, "ne correspond pas au HMAC-SHA256 du corps avec le secret de l'organisation")));
        }
        WebhookRdvi webhook;
        try {
            webhook = WebhookRdvi.lire(corps);
        } catch (WebhookRdvi.Illisible e) {
            String raison = e.champ() + " : " + e.getMessage();
            UUID id = QuarkusTransaction.requiringNew().call(() -> lettreMorte(organisation, corps, raison));
            LOG.infof("Webhook RDV-Insertion de l'organisation %s en lettre morte %s", organisation, id);
            throw new ProblemeException(TypeProbleme.REQUETE_INVALIDE, "Webhook RDV-Insertion illisible, gardé en lettre morte " + id + ".",
                    List.of(new Probleme.Erreur(e.champ(), e.getMessage())));
        }
        Resultat r = QuarkusTransaction.requiringNew().call(() -> appliquer(organisation, org.structure(), webhook, corps));
        LOG.infof("Webhook RDV-Insertion %s %s/%d (%s) de l'organisation %s : %s", webhook.evenement(), webhook.modele(), webhook.ressourceId(),
                webhook.horodatage(), organisation, r.statut());
        return r;
    }

    private UUID lettreMorte(String organisation, byte[] corps, String raison) {
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into rdvi_lettre_morte (id, organisation, corps, raison, recue_le) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, id).setParameter(2, organisation).setParameter(3, new String(corps, StandardCharsets.UTF_8).replace("\u0000", ""))
                .setParameter(4, raison).setParameter(5, OffsetDateTime.now(horloge)).executeUpdate();
        return id;
    }

    private Resultat appliquer(String organisation, String structure, WebhookRdvi w, byte[] corps) {
        UUID livraison = UUID.randomUUID();
        // the record's newest timestamp wins, atomically: a row comes back only when this one is newer (or the first)
        boolean plusRecente = !em.createNativeQuery("""
                insert into rdvi_reception (organisation, modele, ressource_id, horodatage) values (?1, ?2, ?3, ?4)
                on conflict (organisation, modele, ressource_id) do update set horodatage = excluded.horodatage
                where rdvi_reception.horodatage < excluded.horodatage returning horodatage""")
                .setParameter(1, organisation).setParameter(2, w.modele()).setParameter(3, w.ressourceId()).setParameter(4, w.horodatage())
                .getResultList().isEmpty();
        if (!plusRecente) {
            String raison = "horodatage " + w.horodatage() + " pas plus récent que le dernier appliqué pour " + w.modele() + "/" + w.ressourceId()
                    + " : rien n'a changé";
            journal(livraison, organisation, w, Statut.IGNOREE, raison);
            return new Resultat(livraison, Statut.IGNOREE, List.of(raison));
        }
        List<String> details = new ArrayList<>();
        List<String[]> attentes = new ArrayList<>();
        List<EtapeRsa> datees = new ArrayList<>();
        if (w.faits().isEmpty()) {
            details.add(w.evenement().equals("destroyed") ? "suppression : rien à dater sur le parcours" : "aucune participation");
        }
        for (WebhookRdvi.Fait f : w.faits()) {
            Issue issue = appliquer(f, datees);
            details.add(f.cle() + " : " + issue.detail());
            if (issue.enAttente()) {
                attentes.add(new String[] { f.cle(), issue.detail(), f.personne().rdviId() == null ? null : f.personne().rdviId().toString() });
            }
        }
        republier(datees);
        Statut statut = attentes.isEmpty() ? Statut.APPLIQUEE : Statut.EN_ATTENTE;
        journal(livraison, organisation, w, statut, String.join(" ; ", details));
        String texte = new String(corps, StandardCharsets.UTF_8).replace("\u0000", "");
        for (String[] a : attentes) {
            em.createNativeQuery("""
                    insert into rdvi_en_attente (id, livraison_id, organisation, structure, modele, ressource_id, fait, rdvi_user_id, raison, corps,
                    recue_le) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)""").setParameter(1, UUID.randomUUID()).setParameter(2, livraison)
                    .setParameter(3, organisation).setParameter(4, structure).setParameter(5, w.modele()).setParameter(6, w.ressourceId())
                    .setParameter(7, a[0]).setParameter(8, a[2] == null ? null : Long.valueOf(a[2])).setParameter(9, a[1]).setParameter(10, texte)
                    .setParameter(11, OffsetDateTime.now(horloge)).executeUpdate();
        }
        return new Resultat(livraison, statut, details);
    }

    private void journal(UUID id, String organisation, WebhookRdvi w, Statut statut, String raison) {
        em.createNativeQuery("""
                insert into rdvi_livraison (id, organisation, modele, evenement, ressource_id, horodatage, recue_le, statut, raison)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""").setParameter(1, id).setParameter(2, organisation).setParameter(3, w.modele())
                .setParameter(4, w.evenement()).setParameter(5, w.ressourceId()).setParameter(6, w.horodatage())
                .setParameter(7, OffsetDateTime.now(horloge)).setParameter(8, statut.name()).setParameter(9, raison).executeUpdate();
    }

    /** What became of one person's part: applied (or nothing to change), or waiting with its reason. */
    record Issue(boolean enAttente, String detail) {
        static Issue faite(String detail) {
            return new Issue(false, detail);
        }

        static Issue attente(String raison) {
            return new Issue(true, raison);
        }
    }

    /**
     * A step dated late in an entrants' month already closed changes that month's figures: they are published again for the
     * person's commune (as a correction does), the current month's wait for their own publication.
     */
    private void republier(List<EtapeRsa> datees) {
        YearMonth courant = YearMonth.from(beneficiaires.aujourdHui());
        Map<YearMonth, Set<String>> mois = new TreeMap<>();
        for (EtapeRsa e : datees) {
            LocalDate ouvert = e.droitId() == null ? null : em.find(Droit.class, e.droitId()).ouvertLe();
            if (ouvert != null && YearMonth.from(ouvert).isBefore(courant)) {
                mois.computeIfAbsent(YearMonth.from(ouvert), m -> new TreeSet<>()).add(em.find(Beneficiaire.class, e.beneficiaireId()).commune());
            }
        }
        if (!mois.isEmpty()) {
            em.flush();
            mois.forEach((m, communes) -> indicateurs.publier(m, List.copyOf(communes)));
        }
    }

    /** @param datees collects the steps this part dated */
    private Issue appliquer(WebhookRdvi.Fait f, List<EtapeRsa> datees) {
        Beneficiaire b;
        try {
            Optional<Beneficiaire> trouve = personne(f.personne());
            if (trouve.isEmpty()) {
                return Issue.attente("personne inconnue de la suite : ni son numéro d'allocataire ni son identifiant RDV-Insertion ne "
                        + "correspondent à une personne suivie");
            }
            b = trouve.get();
        } catch (EtatInvalideException e) {
            return Issue.attente(e.getMessage());
        }
        LocalDate aujourdHui = beneficiaires.aujourdHui();
        try {
            return f instanceof WebhookRdvi.InvitationEnvoyee i ? invitation(b, i, aujourdHui, datees)
                    : participation(b, (WebhookRdvi.Participation) f, aujourdHui, datees);
        } catch (RegleMetierException | EtatInvalideException e) {
            // the domain refused before changing anything: the agent sees why
            return Issue.attente(e.getMessage());
        }
    }

    /**
     * By the identifiers both sides hold, exactly: RDV-Insertion's user id once learnt, the CAF allocataire number; two people
     * for one webhook is a contradiction left to an agent. A person matched by the number learns the RDV-Insertion id.
     */
    private Optional<Beneficiaire> personne(WebhookRdvi.Personne p) {
        Optional<Beneficiaire> parId = p.rdviId() == null ? Optional.empty()
                : em.createQuery("from Beneficiaire where identifiantRdvi = :i", Beneficiaire.class).setParameter("i", p.rdviId()).getResultStream()
                        .findFirst();
        Optional<Beneficiaire> parNumero = p.numeroAllocataire() == null ? Optional.empty() : beneficiaires.parAllocataire(p.numeroAllocataire());
        if (parId.isPresent() && parNumero.isPresent() && !parId.get().id().equals(parNumero.get().id())) {
            throw new EtatInvalideException("identifiants contradictoires : l'identifiant RDV-Insertion et le numéro d'allocataire désignent deux "
                    + "personnes différentes");
        }
        Optional<Beneficiaire> b = parId.or(() -> parNumero);
        if (b.isPresent() && b.get().anonymiseLe() != null) {
            return Optional.empty();
        }
        if (b.isPresent() && p.rdviId() != null && b.get().identifiantRdvi() == null) {
            b.get().lierRdvi(p.rdviId());
        } else if (b.isPresent() && p.rdviId() != null && !p.rdviId().equals(b.get().identifiantRdvi())) {
            throw new EtatInvalideException("identifiants contradictoires : la personne au numéro d'allocataire est liée à un autre usager de RDV-Insertion");
        }
        return b;
    }

    private Optional<EtapeRsa> etape(Beneficiaire b, TypeEtapeRsa type) {
        return em.createQuery("from EtapeRsa where beneficiaireId = :b and type = :t order by dateDepart desc", EtapeRsa.class)
                .setParameter("b", b.id()).setParameter("t", type).setMaxResults(1).getResultStream().findFirst();
    }

    /** The invitation sent dates the first-invitation step, unless it is already done (by the suite's own, or an earlier one). */
    private Issue invitation(Beneficiaire b, WebhookRdvi.InvitationEnvoyee i, LocalDate aujourdHui, List<EtapeRsa> datees) {
        boolean connue = !em.createQuery("select 1 from Invitation where rdviInvitationId = :i").setParameter("i", i.invitationId())
                .getResultList().isEmpty();
        if (connue) {
            return Issue.faite("invitation déjà enregistrée : rien ne change");
        }
        Optional<EtapeRsa> etape = etape(b, TypeEtapeRsa.PREMIERE_INVITATION);
        if (etape.isEmpty()) {
            return Issue.attente("aucun droit RSA ouvert pour cette personne : pas d'étape de première invitation à dater");
        }
        EtapeRsa e = etape.get();
        if (e.faiteLe() != null) {
            return Issue.faite("première invitation déjà faite le " + e.faiteLe() + " : rien ne change");
        }
        if (i.le().isBefore(e.dateDepart())) {
            return Issue.faite("invitation envoyée le " + i.le() + ", avant l'ouverture du droit (" + e.dateDepart() + ") : elle ne date pas l'étape");
        }
        em.persist(Invitation.deRdvInsertion(e, i.invitationId(), i.canal(), i.le(), aujourdHui));
        datees.add(e);
        return Issue.faite("première invitation faite le " + i.le());
    }

    /**
     * A RDV held dates the first accompaniment appointment; the participation answers the first invitation: taken (the day it
     * was taken), came or did not come (the day of the RDV).
     */
    private Issue participation(Beneficiaire b, WebhookRdvi.Participation p, LocalDate aujourdHui, List<EtapeRsa> datees) {
        Invitation premiere = etape(b, TypeEtapeRsa.PREMIERE_INVITATION)
                .flatMap(e -> em.createQuery("from Invitation where etapeId = :e", Invitation.class).setParameter("e", e.id()).getResultStream().findFirst())
                .orElse(null);
        switch (p.statut()) {
            case EXCUSED, REVOKED -> {
                return Issue.faite("rendez-vous annulé (" + p.statut().name().toLowerCase() + ") : rien à dater");
            }
            case UNKNOWN -> {
                if (premiere == null) {
                    return Issue.faite("rendez-vous pris le " + p.priseLe() + " sans première invitation connue : rien à dater");
                }
                if (premiere.reponse() != null) {
                    return Issue.faite("réponse à la première invitation déjà connue (" + premiere.reponse() + ") : rien ne change");
                }
                premiere.repondre(ReponseInvitation.RDV_PRIS, p.priseLe(), aujourdHui);
                return Issue.faite("rendez-vous pris le " + p.priseLe());
            }
            case NOSHOW -> {
                if (premiere == null) {
                    return Issue.attente("absence au rendez-vous du " + p.rdvLe() + " sans première invitation connue : elle compte quand l'invitation "
                            + "sera connue");
                }
                return repondre(premiere, ReponseInvitation.NON_VENU, p.rdvLe(), aujourdHui, "absence au rendez-vous du " + p.rdvLe());
            }
            case SEEN -> {
                Optional<EtapeRsa> rdv = etape(b, TypeEtapeRsa.PREMIER_RDV);
                if (rdv.isEmpty()) {
                    return Issue.attente("rendez-vous tenu le " + p.rdvLe() + " mais aucune étape de premier rendez-vous : la personne n'est pas "
                            + "orientée");
                }
                List<String> fait = new ArrayList<>();
                if (premiere != null && premiere.reponse() != ReponseInvitation.VENU && premiere.reponse() != ReponseInvitation.NON_VENU
                        && !p.rdvLe().isBefore(premiere.envoyeeLe())) {
                    premiere.repondre(ReponseInvitation.VENU, p.rdvLe(), aujourdHui);
                    fait.add("venue à la première invitation le " + p.rdvLe());
                }
                EtapeRsa e = rdv.get();
                if (e.faiteLe() != null) {
                    fait.add("premier rendez-vous déjà fait le " + e.faiteLe());
                } else {
                    e.faire(p.rdvLe(), aujourdHui);
                    datees.add(e);
                    fait.add("premier rendez-vous fait le " + p.rdvLe());
                }
                return Issue.faite(String.join(", ", fait));
            }
            default -> throw new IllegalStateException(p.statut().name());
        }
    }

    private static Issue repondre(Invitation i, ReponseInvitation r, LocalDate le, LocalDate aujourdHui, String quoi) {
        if (i.reponse() == ReponseInvitation.VENU || i.reponse() == ReponseInvitation.NON_VENU) {
            return Issue.faite(quoi + " : réponse à la première invitation déjà connue (" + i.reponse() + "), rien ne change");
        }
        i.repondre(r, le, aujourdHui);
        return Issue.faite(quoi + " : " + r + " le " + le);
    }

    /** What waits for an agent of a structure (its own list; an administrator, any), oldest first. */
    public List<EnAttente> enAttente(String structure) {
        if (!appelant.a(Roles.ADMIN) && !structure.equals(appelant.institution())) {
            throw new ProblemeException(TypeProbleme.ACCES_REFUSE, "Une structure ne consulte que sa propre liste.");
        }
        List<?> lignes = em.createNativeQuery("""
                select id, organisation, modele, ressource_id, fait, rdvi_user_id, raison, recue_le from rdvi_en_attente
                where structure = ?1 and reappliquee_le is null order by recue_le, id""").setParameter(1, structure).getResultList();
        return lignes.stream().map(o -> (Object[]) o).map(l -> new EnAttente((UUID) l[0], (String) l[1], (String) l[2], ((Number) l[3]).longValue(),
                (String) l[4], l[5] == null ? null : ((Number) l[5]).longValue(), (String) l[6], horodatage(l[7]), null)).toList();
    }

    /**
     * Applies a waiting part again (once the person is registered, their right opened or oriented): it leaves the list when it
     * applies, stays with its new reason otherwise. A newer delivery of the same record applied since makes it stale (409).
     */
    public EnAttente reappliquer(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> l = em.createNativeQuery("""
                    select a.organisation, a.structure, a.modele, a.ressource_id, a.fait, a.corps, l.horodatage, r.horodatage, a.recue_le
                    from rdvi_en_attente a join rdvi_livraison l on l.id = a.livraison_id
                    join rdvi_reception r on r.organisation = a.organisation and r.modele = a.modele and r.ressource_id = a.ressource_id
                    where a.id = ?1 and a.reappliquee_le is null for update of a""").setParameter(1, id).getResultList();
            if (l.isEmpty()) {
                throw ProblemeException.introuvable("Webhook en attente", id);
            }
            Object[] a = (Object[]) l.get(0);
            if (!appelant.a(Roles.ADMIN) && !a[1].equals(appelant.institution())) {
                throw ProblemeException.introuvable("Webhook en attente", id);
            }
            if (horodatage(a[7]).isAfter(horodatage(a[6]))) {
                throw ProblemeException.conflit("Une livraison plus récente de " + a[2] + "/" + a[3] + " a été appliquée depuis : celle-ci est dépassée.");
            }
            WebhookRdvi w = WebhookRdvi.lire(((String) a[5]).getBytes(StandardCharsets.UTF_8));
            WebhookRdvi.Fait fait = w.faits().stream().filter(f -> f.cle().equals(a[4])).findFirst()
                    .orElseThrow(() -> ProblemeException.introuvable("Webhook en attente", id));
            List<EtapeRsa> datees = new ArrayList<>();
            Issue issue = appliquer(fait, datees);
            republier(datees);
            OffsetDateTime maintenant = OffsetDateTime.now(horloge);
            // applied: the body (it names the person) is no longer needed
            em.createNativeQuery("update rdvi_en_attente set raison = ?2, reappliquee_le = ?3, corps = case when ?4 then corps else '' end "
                    + "where id = ?1").setParameter(1, id).setParameter(2, issue.detail()).setParameter(3, issue.enAttente() ? null : maintenant)
                    .setParameter(4, issue.enAttente()).executeUpdate();
            return new EnAttente(id, (String) a[0], (String) a[2], ((Number) a[3]).longValue(), (String) a[4], fait.personne().rdviId(), issue.detail(),
                    horodatage(a[8]), issue.enAttente() ? null : maintenant);
        });
    }

    private static OffsetDateTime horodatage(Object o) {
        if (o instanceof OffsetDateTime t) {
            return t;
        }
        if (o instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) o).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    private static String court(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
