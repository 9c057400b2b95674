package fr.actionsociale.budget.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import fr.actionsociale.budget.domain.Programme;
import fr.actionsociale.commons.evenement.EvenementRecu;
import fr.actionsociale.commons.inbox.EvenementInvalideException;
import fr.actionsociale.commons.jdbc.Colonnes;

/**
 * The money side of a programme: the envelope and expected tranches its funding convention opens (convention-signee), the payments
 * received, and at the final report the overpayment to refund (seed 002, art. 6).
 */
@ApplicationScoped
public class FinancementService {

    private final EntityManager em;
    private final ProgrammeService programmes;
    private final ConsommationService consommations;

    FinancementService(EntityManager em, ProgrammeService programmes, ConsommationService consommations) {
        this.em = em;
        this.programmes = programmes;
        this.consommations = consommations;
    }

    public record TrancheAttendue(int rang, String libelle, String payeur, BigDecimal montant, LocalDate dateLimite) {
    }

    /** Null fields until the convention's signature is known here. */
    public record Enveloppe(String statut, UUID conventionId, BigDecimal montant, LocalDate dateSignature, List<TrancheAttendue> tranches) {
    }

    public record Versement(UUID id, BigDecimal montant, LocalDate date, String libelle) {
    }

    public record Situation(String programme, LocalDate au, Enveloppe enveloppe, List<Versement> versements, BigDecimal totalVerse,
            BigDecimal consommation, BigDecimal tropPercu, LocalDate bilanFinalLe, BigDecimal tropPercuArrete, String regle) {
    }

    public static final String REGLE_TROP_PERCU = "Trop-perçu = versements reçus − crédits consommés (dépenses éligibles), s'il est positif ; "
            + "remboursé à l'État lors de la production du bilan final d'exécution (convention de financement, art. 6).";

    /** Applies one convention-signee; runs inside the Inbox's transaction. Any convention is kept: a programme may name it later. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void conventionSignee(EvenementRecu e) {
        JsonNode d = e.donnees();
        UUID id;
        LocalDate debut;
        LocalDate fin;
        LocalDate signature;
        BigDecimal montant;
        List<TrancheAttendue> tranches = new ArrayList<>();
        try {
            id = UUID.fromString(e.texte("conventionId"));
            debut = LocalDate.parse(e.texte("dateDebut"));
            fin = LocalDate.parse(e.texte("dateFin"));
            signature = LocalDate.parse(e.texte("dateSignature"));
            montant = d.hasNonNull("montantTotal") ? new BigDecimal(d.get("montantTotal").asText()) : null;
            for (JsonNode t : d.path("versements")) {
                tranches.add(new TrancheAttendue(t.path("rang").asInt(), t.path("libelle").asText(), t.path("payeur").asText(),
                        new BigDecimal(t.path("montant").asText()), t.hasNonNull("dateLimite") ? LocalDate.parse(t.get("dateLimite").asText()) : null));
            }
        } catch (IllegalArgumentException | DateTimeParseException | NullPointerException ex) {
            throw new EvenementInvalideException("convention-signee illisible : " + ex.getMessage());
        }
        if (e.texte("reference") == null || e.texte("type") == null || e.texte("porteur") == null) {
            throw new EvenementInvalideException("reference, type ou porteur absent");
        }
        int ajoutee = em.createNativeQuery("insert into convention_financement (convention_id, reference, type, porteur, montant_total, date_debut, "
                + "date_fin, date_signature) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict do nothing")
                .setParameter(1, id).setParameter(2, e.texte("reference")).setParameter(3, e.texte("type")).setParameter(4, e.texte("porteur"))
                .setParameter(5, montant).setParameter(6, debut).setParameter(7, fin).setParameter(8, signature).executeUpdate();
        if (ajoutee == 1) {
            for (TrancheAttendue t : tranches) {
                em.createNativeQuery("insert into tranche_attendue (convention_id, rang, libelle, payeur, montant, date_limite) values "
                        + "(?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, id).setParameter(2, t.rang()).setParameter(3, t.libelle())
                        .setParameter(4, t.payeur()).setParameter(5, t.montant()).setParameter(6, t.dateLimite()).executeUpdate();
            }
        }
    }

    public Enveloppe enveloppe(Programme p) {
        if (p.referenceConvention() == null) {
            return new Enveloppe("SANS_CONVENTION", null, null, null, List.of());
        }
        List<?> c = em.createNativeQuery("select convention_id, montant_total, date_signature from convention_financement where reference = ?1")
                .setParameter(1, p.referenceConvention()).getResultList();
        if (c.isEmpty()) {
            return new Enveloppe("EN_ATTENTE_DE_SIGNATURE", null, null, null, List.of());
        }
        Object[] ligne = (Object[]) c.get(0);
        UUID id = (UUID) ligne[0];
        List<TrancheAttendue> tranches = new ArrayList<>();
        for (Object o : em.createNativeQuery("select rang, libelle, payeur, montant, date_limite from tranche_attendue where convention_id = ?1 "
                + "order by rang").setParameter(1, id).getResultList()) {
            Object[] t = (Object[]) o;
            tranches.add(new TrancheAttendue(((Number) t[0]).intValue(), (String) t[1], (String) t[2], (BigDecimal) t[3],
                    Colonnes.date(t[4])));
        }
        return new Enveloppe("OUVERTE", id, (BigDecimal) ligne[1], Colonnes.date(ligne[2]), tranches);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Versement verser(Programme p, BigDecimal montant, LocalDate date, String libelle, String par) {
        Versement v = new Versement(UUID.randomUUID(), montant.setScale(2), date, libelle);
        em.createNativeQuery("insert into versement (id, programme_id, montant, date_versement, libelle, saisi_par) values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, v.id()).setParameter(2, p.id()).setParameter(3, v.montant()).setParameter(4, date).setParameter(5, libelle)
                .setParameter(6, par).executeUpdate();
        return v;
    }

    public Situation situation(Programme p, LocalDate au) {
        List<Versement> versements = new ArrayList<>();
        for (Object o : em.createNativeQuery("select id, montant, date_versement, libelle from versement where programme_id = ?1 and date_versement <= ?2 "
                + "order by date_versement, saisi_le").setParameter(1, p.id()).setParameter(2, au).getResultList()) {
            Object[] v = (Object[]) o;
            versements.add(new Versement((UUID) v[0], (BigDecimal) v[1], Colonnes.date(v[2]), (String) v[3]));
        }
        BigDecimal verse = versements.stream().map(Versement::montant).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal consomme = programmes.actions(p.id()).stream().flatMap(a -> programmes.lignes(a.id()).stream())
                .map(l -> consommations.consommation(l, au)).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal tropPercu = verse.subtract(consomme).max(BigDecimal.ZERO.setScale(2));
        return new Situation(p.code(), au, enveloppe(p), versements, verse, consomme, tropPercu, p.bilanFinalLe(), p.tropPercu(), REGLE_TROP_PERCU);
    }

    /** Fixes the overpayment as of the final report's date. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Situation bilanFinal(String programme, LocalDate le) {
        Programme p = programmes.verrouiller(programme);
        Situation s = situation(p, le);
        p.produireBilanFinal(le, s.tropPercu());
        return situation(p, le);
    }
}
