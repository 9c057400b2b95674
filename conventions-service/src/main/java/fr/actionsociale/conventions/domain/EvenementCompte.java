package fr.actionsociale.conventions.domain;

/** The events of other services that a commitment's réalisations can be counted from. */
public enum EvenementCompte {
    /** One réalisation per orientation made to the committed institution, in the convention's territory. */
    ORIENTATION_FAITE
}
