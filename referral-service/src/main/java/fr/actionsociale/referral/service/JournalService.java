package fr.actionsociale.referral.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.actionsociale.commons.jdbc.Colonnes;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.referral.domain.Beneficiaire;
import fr.actionsociale.referral.domain.Droit;
import fr.actionsociale.referral.domain.EtapeRsa;
import fr.actionsociale.referral.domain.Orientation;
import fr.actionsociale.commons.temps.Horloges;

/**
 * A person's timeline across institutions. What each caller sees: an administrator and the structure that registered the person,
 * everything; another entitled structure, what concerns it, and everything else only if the person consented to share with all.
 * Free text (motives, escalation subjects) never appears: it stays with the structure that wrote it.
 */
@ApplicationScoped
public class JournalService {

    private final EntityManager em;
    private final BeneficiaireService beneficiaires;
    private final DroitService droits;
    private final OrientationService orientations;
    private final SuiviService suivi;
    private final Appelant appelant;

    JournalService(EntityManager em, BeneficiaireService beneficiaires, DroitService droits, OrientationService orientations, SuiviService suivi,
            Appelant appelant) {
        this.em = em;
        this.beneficiaires = beneficiaires;
        this.droits = droits;
        this.orientations = orientations;
        this.suivi = suivi;
        this.appelant = appelant;
    }

    /** Every entry has a date (the journal is sorted by it) and says what happened; the institution may be unknown. */
    public record Entree(@Schema(required = true) LocalDate date, @Schema(required = true) String quoi, String institution) {
    }

    public List<Entree> journal(String reference) {
        Beneficiaire b = beneficiaires.accessible(reference);
        List<Entree> tout = new ArrayList<>();
        tout.add(new Entree(b.inscritLe(), "Inscription", b.creePar()));
        if (b.consentementDonneLe() != null) {
            tout.add(new Entree(b.consentementDonneLe(), "Consentement au partage", b.creePar()));
        }
        if (b.consentementRetireLe() != null) {
            tout.add(new Entree(b.consentementRetireLe(), "Retrait du consentement", b.creePar()));
        }
        for (Droit d : droits.droits(b.id())) {
            String inst = d.institution();
            tout.add(new Entree(d.identifieLe(), d.type() + " identifié (" + d.source() + ")", inst));
            ajouter(tout, d.demandeLe(), d.type() + " demandé", inst);
            ajouter(tout, d.ouvertLe(), d.type() + " ouvert", inst);
            ajouter(tout, d.refuseLe(), d.type() + " refusé", inst);
            ajouter(tout, d.abandonneLe(), d.type() + " abandonné", inst);
            ajouter(tout, d.fermeLe(), d.type() + " fermé ou suspendu", inst);
        }
        for (Orientation o : orientations.deLaPersonne(b.id())) {
            tout.add(new Entree(LocalDate.ofInstant(o.dateOrientation(), Horloges.PARIS), "Orientée vers " + o.structure() + " par "
                    + o.orientePar(), o.structure()));
            ajouter(tout, o.accepteeLe(), "Orientation acceptée par " + o.structure() + " (référent unique)", o.structure());
            ajouter(tout, o.clotureeLe(), "Orientation vers " + o.structure() + " " + o.statut().name().toLowerCase(), o.structure());
        }
        for (EtapeRsa e : suivi.etapes(b.id())) {
            ajouter(tout, e.faiteLe(), e.type().libelle() + " : faite", e.structure());
        }
        for (Object o : em.createNativeQuery("select saisie_le, institution, repondue_le, par from saisine where beneficiaire_id = ?1")
                .setParameter(1, b.id()).getResultList()) {
            Object[] s = (Object[]) o;
            tout.add(new Entree(Colonnes.date(s[0]), "Situation signalée au contact privilégié de " + s[1] + " par " + s[3], (String) s[1]));
            ajouter(tout, Colonnes.date(s[2]), "Réponse de " + s[1], (String) s[1]);
        }
        String inst = appelant.institution();
        boolean toutVoir = appelant.a(Roles.ADMIN) || b.creePar().equals(inst) || "*".equals(b.consentementPortee()) && b.consentementActif();
        return tout.stream().filter(e -> toutVoir || inst.equals(e.institution()) || e.institution() == null)
                .sorted(Comparator.comparing(Entree::date)).toList();
    }

    private static void ajouter(List<Entree> liste, LocalDate date, String quoi, String institution) {
        if (date != null) {
            liste.add(new Entree(date, quoi, institution));
        }
    }
}
