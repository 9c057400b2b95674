package fr.actionsociale.budget.domain.tableau;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import fr.actionsociale.budget.domain.Montants;

/**
 * A consolidated table of credits in seed 003's layout, read from tab- or semicolon-separated text: an optional title,
 * a header naming the columns, then sections, actions, subtotals and the total. Reading never corrects a figure.
 */
public record TableauConsolide(String titre, LocalDate dateConsommation, String enteteReportSortant, List<LigneTableau> lignes) {

    private static final Pattern DATE = Pattern.compile("([0-3]?[0-9])/([01]?[0-9])/([0-9]{4})");
    private static final Pattern ACTION = Pattern.compile("^action\\s*([0-9]+(?:\\.[0-9]+)*(?:\\s?bis|\\s?ter)?)?\\s*[-:–]?\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SECTION_NUMEROTEE = Pattern.compile("^([0-9]+(?:\\.[0-9]+)*)\\.?\\s+(.*)$");
    private static final int LIGNES_MAX = 5_000;

    public List<LigneTableau> actions() {
        return lignes.stream().filter(l -> l.genre() == LigneTableau.Genre.ACTION).toList();
    }

    /** @throws TableauIllisibleException naming the line and column that could not be read */
    public static TableauConsolide lire(String texte) {
        if (texte == null || texte.isBlank()) {
            throw new TableauIllisibleException(1, null, "le tableau est vide");
        }
        String[] lignesTexte = (texte.startsWith("\uFEFF") ? texte.substring(1) : texte).replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        if (lignesTexte.length > LIGNES_MAX) {
            throw new TableauIllisibleException(LIGNES_MAX + 1, null, "le tableau dépasse " + LIGNES_MAX + " lignes");
        }
        // the header: the first line that names at least the State's share and the consumption
        int entete = -1;
        String separateur = null;
        String titre = null;
        for (int i = 0; i < lignesTexte.length && entete < 0; i++) {
            String l = lignesTexte[i];
            for (String sep : new String[] { "\t", ";" }) {
                if (l.contains(sep)) {
                    String n = Colonne.normaliser(l);
                    if (n.contains("participation") && n.contains("consommation")) {
                        entete = i;
                        separateur = sep;
                        break;
                    }
                }
            }
            if (entete < 0 && titre == null && !Montants.texte(l).isEmpty()) {
                titre = Montants.texte(l.replace("\t", " ").replace(";", " ")).strip();
            }
        }
        if (entete < 0) {
            throw new TableauIllisibleException(1, null, "aucune ligne d'en-tête (séparée par des tabulations ou des points-virgules) "
                    + "ne nomme les colonnes « Participation Etat » et « Consommation crédits au … »");
        }
        String[] cellulesEntete = cellules(lignesTexte[entete], separateur);
        Map<Integer, Colonne> colonnes = new java.util.HashMap<>();
        LocalDate dateConsommation = null;
        String enteteReportSortant = null;
        for (int c = 0; c < cellulesEntete.length; c++) {
            String cellule = Montants.texte(cellulesEntete[c]);
            if (c == 0) {
                if (!cellule.isEmpty() && Colonne.reconnaitre(cellule) != null) {
                    throw new TableauIllisibleException(entete + 1, cellule, "la première colonne doit porter les libellés des lignes");
                }
                colonnes.put(0, Colonne.LIBELLE);
                continue;
            }
            if (cellule.isEmpty()) {
                continue;
            }
            Colonne col = Colonne.reconnaitre(cellule);
            if (col == null) {
                throw new TableauIllisibleException(entete + 1, cellule, "colonne inconnue (attendues : " + attendues() + ")");
            }
            if (colonnes.containsValue(col)) {
                throw new TableauIllisibleException(entete + 1, cellule, "colonne « " + col.libelle() + " » en double");
            }
            colonnes.put(c, col);
            if (col == Colonne.CONSOMMATION) {
                dateConsommation = date(cellule, entete + 1);
            }
            if (col == Colonne.REPORT_SORTANT) {
                enteteReportSortant = cellule;
            }
        }
        for (Colonne requise : new Colonne[] { Colonne.REPORT_ENTRANT, Colonne.PARTICIPATION_ETAT, Colonne.RECETTES, Colonne.CONSOMMATION,
                Colonne.REPORT_SORTANT }) {
            if (!colonnes.containsValue(requise)) {
                throw new TableauIllisibleException(entete + 1, requise.libelle(), "colonne absente de l'en-tête");
            }
        }

        List<LigneTableau> lignes = new ArrayList<>();
        String section = null;
        int sansCode = 0;
        for (int i = entete + 1; i < lignesTexte.length; i++) {
            String brute = lignesTexte[i];
            if (Montants.texte(brute.replace(separateur, "")).isEmpty()) {
                if (!lignes.isEmpty()) {
                    break; // a blank line ends the table: what follows (an annex) is not part of it
                }
                continue;
            }
            String[] cellules = cellules(brute, separateur);
            String libelle = Montants.texte(cellules[0]);
            if (libelle.isEmpty()) {
                throw new TableauIllisibleException(i + 1, Colonne.LIBELLE.libelle(), "ligne sans libellé");
            }
            Map<Colonne, BigDecimal> montants = new EnumMap<>(Colonne.class);
            String actionsValorisees = null;
            String nature = null;
            for (int c = 1; c < cellules.length; c++) {
                Colonne col = colonnes.get(c);
                String cellule = Montants.texte(cellules[c]);
                if (cellule.isEmpty()) {
                    continue;
                }
                if (col == null) {
                    throw new TableauIllisibleException(i + 1, "n° " + (c + 1), "cellule « " + abreger(cellule) + " » hors des colonnes de l'en-tête");
                }
                if (col.montant()) {
                    try {
                        montants.put(col, Montants.lire(cellule));
                    } catch (IllegalArgumentException e) {
                        throw new TableauIllisibleException(i + 1, col.libelle(), e.getMessage());
                    }
                } else if (col == Colonne.ACTIONS_VALORISEES) {
                    actionsValorisees = cellule;
                } else if (col == Colonne.NATURE_DEPENSES) {
                    nature = cellule;
                }
            }
            String n = Colonne.normaliser(libelle);
            Matcher action = ACTION.matcher(libelle);
            if (n.equals("total") || n.equals("total general")) {
                lignes.add(new LigneTableau(i + 1, LigneTableau.Genre.TOTAL, libelle, null, section, montants, null, null));
            } else if (n.startsWith("sous-total") || n.startsWith("sous total") || n.startsWith("total ")) {
                lignes.add(new LigneTableau(i + 1, LigneTableau.Genre.SOUS_TOTAL, libelle, null, section, montants, null, null));
            } else if (action.matches() && n.startsWith("action")) {
                String code = action.group(1) == null ? "sans-numero-" + (++sansCode) : action.group(1).replace(" ", "");
                String titreAction = action.group(2).isBlank() ? libelle : action.group(2).strip();
                lignes.add(new LigneTableau(i + 1, LigneTableau.Genre.ACTION, titreAction, code, section, montants, actionsValorisees, nature));
            } else if (montants.isEmpty() && actionsValorisees == null && nature == null) {
                Matcher m = SECTION_NUMEROTEE.matcher(libelle);
                String code = m.matches() ? m.group(1) : null;
                section = code != null ? code : libelle;
                lignes.add(new LigneTableau(i + 1, LigneTableau.Genre.SECTION, libelle, code, section, montants, null, null));
            } else {
                throw new TableauIllisibleException(i + 1, Colonne.LIBELLE.libelle(), "« " + abreger(libelle)
                        + " » n'est ni une action (« Action 4.1 - … »), ni une section (sans montant), ni un sous-total ou un total");
            }
        }
        if (lignes.stream().noneMatch(l -> l.genre() == LigneTableau.Genre.ACTION)) {
            throw new TableauIllisibleException(entete + 2, Colonne.LIBELLE.libelle(), "aucune ligne d'action sous l'en-tête");
        }
        return new TableauConsolide(titre, dateConsommation, enteteReportSortant, List.copyOf(lignes));
    }

    /** Splits a line on its separator; a field in double quotes may hold the separator (doubled quotes stand for one). */
    static String[] cellules(String ligne, String separateur) {
        List<String> champs = new ArrayList<>();
        StringBuilder champ = new StringBuilder();
        boolean entreGuillemets = false;
        char sep = separateur.charAt(0);
        for (int i = 0; i < ligne.length(); i++) {
            char c = ligne.charAt(i);
            if (entreGuillemets) {
                if (c == '"' && i + 1 < ligne.length() && ligne.charAt(i + 1) == '"') {
                    champ.append('"');
                    i++;
                } else if (c == '"') {
                    entreGuillemets = false;
                } else {
                    champ.append(c);
                }
            } else if (c == '"' && champ.isEmpty()) {
                entreGuillemets = true;
            } else if (c == sep) {
                champs.add(champ.toString());
                champ.setLength(0);
            } else {
                champ.append(c);
            }
        }
        champs.add(champ.toString());
        return champs.toArray(new String[0]);
    }

    private static LocalDate date(String entete, int ligne) {
        Matcher m = DATE.matcher(entete);
        if (!m.find()) {
            return null;
        }
        try {
            return LocalDate.parse("%02d/%02d/%s".formatted(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3)),
                    DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        } catch (RuntimeException e) {
            throw new TableauIllisibleException(ligne, entete, "la date « " + m.group() + " » n'existe pas");
        }
    }

    private static String attendues() {
        StringBuilder sb = new StringBuilder();
        for (Colonne c : Colonne.values()) {
            if (c != Colonne.LIBELLE) {
                sb.append(sb.isEmpty() ? "" : ", ").append(c.libelle());
            }
        }
        return sb.toString();
    }

    private static String abreger(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }
}
