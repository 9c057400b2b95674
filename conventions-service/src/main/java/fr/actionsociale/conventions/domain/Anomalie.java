package fr.actionsociale.conventions.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Something in a convention as recorded that a legal officer should regularise or check (seed 000 is signed on 10 June
 * 2024 on deliberations of July 2024, and cites the CCAS de Pipriac's board on 8 July in its "VU" but on 11 July in its
 * parties). The suite accepts such facts as they happened and says what is wrong with them.
 */
public record Anomalie(Type type, String institution, String constat) {

    public enum Type {
        /** Signed before the deliberation that authorises the signature. */
        SIGNATURE_AVANT_DELIBERATION,
        /** Signed on a deliberation not (known to be) executory that day. */
        DELIBERATION_NON_EXECUTOIRE,
        /** The "VU" and the party's authority cite the same body's deliberation with different dates or numbers. */
        VISA_DISCORDANT,
        /** A party commits to something without signing the convention. */
        ENGAGEMENT_SANS_SIGNATURE,
        /** One person represents two parties: to be checked (conflict of interest, or a delegation to cite). */
        MEME_REPRESENTANT,
        /** A funding convention whose budget imputation lacks what a payment order needs. */
        IMPUTATION_INCOMPLETE,
        /** A co-financing plan whose shares do not cover its budget. */
        FINANCEMENT_INCOMPLET
    }

    /**
     * @param deliberations the recorded deliberations the parties sign on, by id
     * @param engagees the institutions that hold at least one commitment in the convention
     */
    public static List<Anomalie> de(Convention c, Map<UUID, Deliberation> deliberations, Set<String> engagees) {
        List<Anomalie> anomalies = new ArrayList<>();
        for (Partie p : c.parties()) {
            Deliberation d = p.deliberationId() == null ? null : deliberations.get(p.deliberationId());
            DeliberationCitee citee = d != null ? d.citation() : p.deliberation();
            if (p.aSigne() && citee != null && citee.date() != null && citee.date().isAfter(p.dateSignature())) {
                anomalies.add(new Anomalie(Type.SIGNATURE_AVANT_DELIBERATION, p.institution(), p.institution() + " a signé le "
                        + p.dateSignature() + ", avant la délibération qui l'y autorise (" + citee.instance() + " du " + citee.date() + ")"));
            }
            if (p.aSigne() && d != null && d.nonExecutoireAu(p.dateSignature()) != null) {
                anomalies.add(new Anomalie(Type.DELIBERATION_NON_EXECUTOIRE, p.institution(), p.institution() + " a signé le "
                        + p.dateSignature() + " sur " + d.designation() + " : " + d.nonExecutoireAu(p.dateSignature())));
            }
            for (VisaDeliberation v : c.visas()) {
                if (!v.institution().equals(p.institution()) || citee == null) {
                    continue;
                }
                boolean dateDiffere = citee.date() != null && !citee.date().equals(v.date());
                boolean numeroDiffere = v.numero() != null && citee.numero() != null && !chiffres(v.numero()).equals(chiffres(citee.numero()));
                if (dateDiffere || numeroDiffere) {
                    anomalies.add(new Anomalie(Type.VISA_DISCORDANT, p.institution(), "le visa cite la délibération de " + p.institution()
                            + (v.numero() == null ? "" : " n° " + v.numero()) + " du " + v.date() + ", la partie signe sur celle"
                            + (citee.numero() == null ? "" : " n° " + citee.numero()) + " du " + citee.date()));
                }
            }
            if (!p.signataire() && engagees.contains(p.institution())) {
                anomalies.add(new Anomalie(Type.ENGAGEMENT_SANS_SIGNATURE, p.institution(), p.institution()
                        + " prend des engagements dans la convention sans en être signataire : son engagement n'est pas formalisé"));
            }
        }
        Map<String, List<Partie>> parRepresentant = new LinkedHashMap<>();
        for (Partie p : c.parties()) {
            if (p.representantNom() != null && !p.representantNom().isBlank()) {
                parRepresentant.computeIfAbsent(normal(p.representantNom()), k -> new ArrayList<>()).add(p);
            }
        }
        for (List<Partie> representees : parRepresentant.values()) {
            if (representees.size() > 1) {
                anomalies.add(new Anomalie(Type.MEME_REPRESENTANT, null, representees.get(0).representantNom() + " représente à la fois "
                        + String.join(" et ", representees.stream().map(Partie::institution).toList())
                        + " : à vérifier (intérêts croisés, ou délégation à citer)"));
            }
        }
        if (c.type() == TypeConvention.FINANCEMENT) {
            List<String> manques = c.imputation() == null ? List.of("imputation budgétaire") : c.imputation().manques();
            if (!manques.isEmpty()) {
                anomalies.add(new Anomalie(Type.IMPUTATION_INCOMPLETE, null, "la convention de financement ne donne pas : " + String.join(", ", manques)));
            }
        }
        PlanFinancement.Bilan bilan = c.bilanFinancement();
        if (bilan != null && !bilan.equilibre()) {
            anomalies.add(new Anomalie(Type.FINANCEMENT_INCOMPLET, null, bilan.constat()));
        }
        return anomalies;
    }

    private static String chiffres(String numero) {
        return numero.replaceAll("[^0-9]", "");
    }

    private static String normal(String nom) {
        return Normalizer.normalize(nom, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("[^A-Za-z]", "").toLowerCase();
    }
}
