package fr.actionsociale.referral.domain;

public enum CanalContact {
    TELEPHONE, COURRIEL, COURRIER, VISITE
}
