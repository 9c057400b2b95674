package fr.actionsociale.referral.service;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;

import fr.actionsociale.commons.probleme.ProblemeException;
import fr.actionsociale.commons.probleme.TypeProbleme;
import fr.actionsociale.commons.securite.Appelant;
import fr.actionsociale.commons.securite.Roles;
import fr.actionsociale.referral.domain.Beneficiaire;
import fr.actionsociale.referral.domain.EnvoiInvitation;
import fr.actionsociale.referral.domain.Invitation;
import fr.actionsociale.referral.domain.Structure;

/**
 * A structure's letters of one day as one PDF, to print and post in one go: a slip (how many, which references), then one
 * page per letter, the address placed for a window envelope. Reading the people's addresses to print them is logged, as
 * every read of a record.
 */
@ApplicationScoped
public class LotCourriers {

    private static final Font TITRE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
    private static final Font GRAS = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
    private static final Font NORMAL = FontFactory.getFont(FontFactory.HELVETICA, 11);
    private static final Font PETIT = FontFactory.getFont(FontFactory.HELVETICA, 9);

    private final EntityManager em;
    private final Appelant appelant;
    private final RedactionInvitation redaction;

    LotCourriers(EntityManager em, Appelant appelant, RedactionInvitation redaction) {
        this.em = em;
        this.appelant = appelant;
        this.redaction = redaction;
    }

    /** One letter: to whom, what it says. */
    record Lettre(String reference, boolean relance, LocalDate date, List<String> destinataire, String corps) {
    }

    /** The day's batch of a structure (its own agents, or an administrator); a day without letters gives the slip alone. */
    @Transactional(Transactional.TxType.MANDATORY)
    public byte[] lot(String code, LocalDate jour) {
        Structure s = em.find(Structure.class, code);
        if (s == null) {
            throw ProblemeException.introuvable("Structure", code);
        }
        if (!appelant.a(Roles.ADMIN) && !code.equals(appelant.institution())) {
            throw new ProblemeException(TypeProbleme.ACCES_REFUSE, "Une structure n'imprime que ses propres courriers.");
        }
        List<EnvoiInvitation> envois = em.createQuery("from EnvoiInvitation where structure = :s and canal = 'COURRIER' and dateEnvoi = :j "
                + "order by creeLe, id", EnvoiInvitation.class).setParameter("s", code).setParameter("j", jour).getResultList();
        List<Lettre> lettres = new ArrayList<>();
        int sansAdresse = 0;
        for (EnvoiInvitation e : envois) {
            Invitation i = em.find(Invitation.class, e.invitationId());
            Beneficiaire b = em.find(Beneficiaire.class, i.beneficiaireId());
            if (b.adresse() == null) {
                sansAdresse++; // erased or anonymised since the letter was decided: nowhere to send it
                continue;
            }
            em.createNativeQuery("insert into acces_dossier (beneficiaire_id, lecteur, institution, motif) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, b.id()).setParameter(2, appelant.identifiant()).setParameter(3, appelant.institution())
                    .setParameter(4, "lot de courriers d'invitation du " + jour).executeUpdate();
            List<String> destinataire = new ArrayList<>();
            String nom = String.join(" ", List.of(b.prenom() == null ? "" : b.prenom(), b.nom() == null ? "" : b.nom().toUpperCase(RedactionInvitation.FR)))
                    .strip();
            if (!nom.isEmpty()) {
                destinataire.add(nom);
            }
            destinataire.addAll(b.adresse().lignes());
            lettres.add(new Lettre(i.reference(), e.relance(), e.dateEnvoi(), destinataire, redaction.corps(i, s, e.relance())));
        }
        return pdf(s, jour, lettres, sansAdresse);
    }

    private byte[] pdf(Structure s, LocalDate jour, List<Lettre> lettres, int sansAdresse) {
        ByteArrayOutputStream sortie = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 48, 48);
        PdfWriter.getInstance(doc, sortie);
        doc.addTitle("Courriers d'invitation du " + jour + " - " + s.nom());
        doc.addCreator("referral-service");
        doc.open();
        // the slip: what the batch holds
        doc.add(new Paragraph("Lot de courriers d'invitation", TITRE));
        doc.add(new Paragraph(s.nom() + " (" + s.code() + ")", NORMAL));
        doc.add(new Paragraph("Courriers du " + RedactionInvitation.jour(jour) + " : " + lettres.size(), NORMAL));
        if (sansAdresse > 0) {
            doc.add(new Paragraph(sansAdresse + " courrier(s) sans adresse postale à ce jour, non imprimé(s)", NORMAL));
        }
        if (lettres.isEmpty()) {
            doc.add(new Paragraph("Aucun courrier à imprimer ce jour.", NORMAL));
        }
        for (Lettre l : lettres) {
            doc.add(new Paragraph(l.reference() + (l.relance() ? " (relance)" : ""), PETIT));
        }
        for (Lettre l : lettres) {
            doc.newPage();
            lettre(doc, s, l);
        }
        doc.close();
        return sortie.toByteArray();
    }

    private void lettre(Document doc, Structure s, Lettre l) {
        // sender, top left
        doc.add(new Paragraph(s.nom(), GRAS));
        if (s.adresse() != null) {
            for (String ligne : s.adresse().lignes()) {
                doc.add(new Paragraph(ligne, NORMAL));
            }
        }
        // recipient, in the window of a DL envelope (right half, about 5 cm from the top)
        Paragraph destinataire = new Paragraph(String.join("\n", l.destinataire()), NORMAL);
        destinataire.setIndentationLeft(260);
        destinataire.setSpacingBefore(40);
        doc.add(destinataire);
        Paragraph date = new Paragraph("Le " + RedactionInvitation.jour(l.date()), NORMAL);
        date.setAlignment(Element.ALIGN_RIGHT);
        date.setSpacingBefore(30);
        doc.add(date);
        Paragraph reference = new Paragraph("Référence : " + l.reference(), NORMAL);
        reference.setSpacingBefore(20);
        doc.add(reference);
        doc.add(new Paragraph("Objet : " + redaction.objet(l.relance()), GRAS));
        Paragraph salutation = new Paragraph("Madame, Monsieur,", NORMAL);
        salutation.setSpacingBefore(20);
        doc.add(salutation);
        for (String paragraphe : l.corps().split("\\n\\s*\\n")) {
            Paragraph p = new Paragraph(paragraphe.strip(), NORMAL);
            p.setSpacingBefore(10);
            p.setAlignment(Element.ALIGN_JUSTIFIED);
            doc.add(p);
        }
        Paragraph politesse = new Paragraph("Nous vous prions d'agréer, Madame, Monsieur, nos salutations distinguées.", NORMAL);
        politesse.setSpacingBefore(10);
        doc.add(politesse);
        Paragraph signature = new Paragraph(s.nom(), GRAS);
        signature.setAlignment(Element.ALIGN_RIGHT);
        signature.setSpacingBefore(30);
        doc.add(signature);
    }
}
