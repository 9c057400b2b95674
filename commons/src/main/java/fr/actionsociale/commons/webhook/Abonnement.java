package fr.actionsociale.commons.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A subscription as stored; the secret never leaves it except in the creation's answer. */
public record Abonnement(UUID id, String institution, String url, List<String> types, String contact, String secret, Statut statut,
        int echecsConsecutifs, OffsetDateTime creeLe, OffsetDateTime suspenduLe, OffsetDateTime termineLe) {

    public enum Statut {
        ACTIF, SUSPENDU, TERMINE
    }

    /** The attempt log of one delivery. */
    public record Tentative(int numero, OffsetDateTime tenteeLe, Integer statutHttp, String erreur, int dureeMs) {
    }

    public record Livraison(UUID evenementId, String type, String cle, OffsetDateTime evenementLe, String statut, OffsetDateTime prochaineLe,
            OffsetDateTime livreeLe, List<Tentative> tentatives) {
    }
}
