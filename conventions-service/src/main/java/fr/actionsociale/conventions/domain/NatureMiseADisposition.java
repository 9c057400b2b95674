package fr.actionsociale.conventions.domain;

/** What a party makes available to the network (seed 004 art. 4.2.2 and 5): its staff, its premises, its equipment. */
public enum NatureMiseADisposition {
    PERSONNEL, LOCAUX, MATERIEL
}
