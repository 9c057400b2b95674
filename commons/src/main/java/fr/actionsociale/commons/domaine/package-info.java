/**
 * What plain domain code throws when a rule refuses a value ({@link fr.actionsociale.commons.domaine.RegleMetierException})
 * or a state forbids a transition ({@link fr.actionsociale.commons.domaine.EtatInvalideException}). Nothing here knows
 * HTTP: the edge (commons.probleme.ProblemeMappers) answers them as problem+json 400 and 409.
 */
package fr.actionsociale.commons.domaine;
