package fr.actionsociale.conventions.domain;

public enum ModeResiliation {
    /** By one party, by registered letter, after the convention's notice period. */
    UNILATERALE,
    /** By every party's agreement, on the date they set. */
    COMMUN_ACCORD
}
