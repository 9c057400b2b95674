package fr.actionsociale.referral.messaging;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.actionsociale.referral.domain.Beneficiaire;
import fr.actionsociale.referral.domain.CanalContact;
import fr.actionsociale.referral.domain.Droit;
import fr.actionsociale.referral.domain.DroitVise;
import fr.actionsociale.referral.domain.EtatDroit;
import fr.actionsociale.referral.domain.Orientation;
import fr.actionsociale.commons.temps.Horloges;

/**
 * The data of the events referral-service publishes besides orientation-faite (schemas under /schemas/). A person is only their
 * opaque reference; no name, contact, CAF number or free text ever goes into one.
 */
public final class Evenements {

    private Evenements() {
    }

    /** orientation-acceptee, orientation-en-cours, orientation-refusee, orientation-cloturee. */
    public record OrientationSuivie(UUID orientationId, String beneficiaire, String structure, String commune, String statut, LocalDate date,
            UUID remplaceePar) {

        public static String type(Orientation o) {
            return switch (o.statut()) {
                case ACCEPTEE -> "orientation-acceptee";
                case EN_COURS -> "orientation-en-cours";
                case REFUSEE -> "orientation-refusee";
                case CLOTUREE -> "orientation-cloturee";
                default -> throw new IllegalStateException("pas d'événement pour " + o.statut());
            };
        }

        public static OrientationSuivie de(Orientation o, LocalDate date, UUID remplaceePar) {
            return new OrientationSuivie(o.id(), o.beneficiaire(), o.structure(), o.commune(), o.statut().name(), date, remplaceePar);
        }
    }

    /** droit-demande, droit-ouvert, droit-refuse, droit-ferme. */
    public record DroitChange(UUID droitId, String beneficiaire, DroitVise droit, String institution, EtatDroit etat, LocalDate date, String commune,
            UUID orientationId) {

        /** @return the topic for this state, or null when no event tells it (potential, abandoned) */
        public static String type(EtatDroit etat) {
            return switch (etat) {
                case DEMANDE -> "droit-demande";
                case OUVERT -> "droit-ouvert";
                case REFUSE -> "droit-refuse";
                case FERME, SUSPENDU -> "droit-ferme";
                default -> null;
            };
        }

        public static DroitChange de(Droit d, Beneficiaire b) {
            return new DroitChange(d.id(), b.reference(), d.type(), d.institution() == null ? "inconnue" : d.institution(), d.etat(), d.dateEtat(),
                    b.commune(), d.orientationId());
        }
    }

    public record ConsentementRetire(String beneficiaire, LocalDate date) {
        public static final String TYPE = "consentement-retire";
    }

    /** The person's identity was erased after two years without activity: the institutions drop what they keep of it. */
    public record BeneficiaireAnonymise(String beneficiaire, LocalDate date, LocalDate derniereActivite) {
        public static final String TYPE = "beneficiaire-anonymise";
    }

    public record RdvDroitsTenu(String beneficiaire, String commune, LocalDate date, String tenuPar, List<DroitVise> droitsExamines,
            List<DroitVise> droitsPotentiels) {
        public static final String TYPE = "rdv-droits-tenu";
    }

    public record RuptureDetectee(UUID ruptureId, String beneficiaire, DroitVise droit, EtatDroit etat, LocalDate date, String structure,
            String commune) {
        public static final String TYPE = "rupture-detectee";
    }

    public record BeneficiaireContacte(UUID contactId, UUID campagneId, String beneficiaire, String commune, String canal, String issue,
            LocalDate date, String par) {
        public static final String TYPE = "beneficiaire-contacte";
    }

    /**
     * invitation-envoyee: a first invitation of the RSA path left by one channel (COURRIER in its structure's batch of the day,
     * COURRIEL once the SMTP server took it); a later event with the same reference is its reminder. Only the invitation's
     * opaque reference, the date and the channel: nothing about the person, not even their reference.
     */
    public record InvitationEnvoyee(String invitation, LocalDate date, CanalContact canal) {
        public static final String TYPE = "invitation-envoyee";
    }

    /** indicateurs-parcours: one commune, one month, the counts of seed 003's table. */
    public record IndicateursParcours(String commune, String mois, long nouveauxEntrants, long nouveauxEntrantsOrientesEnUnMoisEtMoins,
            long premiersRendezVousFixes, long premiersRendezVousFixesEnDeuxSemainesEtMoins, long premiersContratsEngagementsReciproques,
            long premiersContratsDansLesDeuxMois, long droitsOuvertsApresUnRdvDesDroits, Map<String, Long> orientationsParStructure) {
    }

    public static final ZoneId PARIS = Horloges.PARIS;
}
