package fr.actionsociale.commons.document;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A document the suite produces for people (a report, an action sheet, a call for repayment, a committee pack), written once
 * as a sequence of blocks and rendered the same way to HTML ({@link RenduHtml}) and to PDF ({@link RenduPdf}). Text only:
 * amounts and dates arrive already formatted by {@link FormatFrancais}.
 */
public final class DocumentImprimable {

    public sealed interface Bloc permits Section, Paragraphe, Liste, Tableau, Mention {
    }

    /** A numbered or plain heading; {@code niveau} 1 for a section, 2 for a subsection. */
    public record Section(int niveau, String titre) implements Bloc {
    }

    public record Paragraphe(String texte) implements Bloc {
    }

    public record Liste(List<String> elements) implements Bloc {
    }

    /**
     * @param alignesADroite the columns holding amounts or counts
     * @param derniereLigneTotal the last row is a total, set in bold
     */
    public record Tableau(List<String> entetes, List<List<String>> lignes, boolean[] alignesADroite, boolean derniereLigneTotal) implements Bloc {
        public Tableau {
            for (List<String> l : lignes) {
                if (l.size() != entetes.size()) {
                    throw new IllegalArgumentException("ligne de " + l.size() + " cellules pour " + entetes.size() + " colonnes : " + l);
                }
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Tableau t && entetes.equals(t.entetes) && lignes.equals(t.lignes) && Arrays.equals(alignesADroite, t.alignesADroite)
                    && derniereLigneTotal == t.derniereLigneTotal;
        }

        @Override
        public int hashCode() {
            return Objects.hash(entetes, lignes, Arrays.hashCode(alignesADroite), derniereLigneTotal);
        }

        @Override
        public String toString() {
            return "Tableau" + entetes + lignes;
        }
    }

    /** A note set apart in small type: an assumption of the demo, a source, a warning. */
    public record Mention(String texte) implements Bloc {
    }

    private final String titre;
    private final String sousTitre;
    private final List<Bloc> blocs = new ArrayList<>();

    public DocumentImprimable(String titre, String sousTitre) {
        this.titre = Objects.requireNonNull(titre);
        this.sousTitre = sousTitre;
    }

    public DocumentImprimable section(String titre) {
        blocs.add(new Section(1, titre));
        return this;
    }

    public DocumentImprimable sousSection(String titre) {
        blocs.add(new Section(2, titre));
        return this;
    }

    public DocumentImprimable paragraphe(String texte) {
        blocs.add(new Paragraphe(texte));
        return this;
    }

    public DocumentImprimable liste(List<String> elements) {
        blocs.add(new Liste(List.copyOf(elements)));
        return this;
    }

    public DocumentImprimable mention(String texte) {
        blocs.add(new Mention(texte));
        return this;
    }

    /** Starts a table; {@link TableauEnCours#fin()} adds it. Columns listed in {@code colonnesADroite} are right-aligned. */
    public TableauEnCours tableau(List<String> entetes, int... colonnesADroite) {
        boolean[] droite = new boolean[entetes.size()];
        for (int c : colonnesADroite) {
            droite[c] = true;
        }
        return new TableauEnCours(List.copyOf(entetes), droite);
    }

    public final class TableauEnCours {
        private final List<String> entetes;
        private final boolean[] droite;
        private final List<List<String>> lignes = new ArrayList<>();
        private boolean total;

        private TableauEnCours(List<String> entetes, boolean[] droite) {
            this.entetes = entetes;
            this.droite = droite;
        }

        public TableauEnCours ligne(String... cellules) {
            lignes.add(Arrays.stream(cellules).map(c -> c == null ? "" : c).toList());
            return this;
        }

        /** The total row, last, in bold. */
        public TableauEnCours total(String... cellules) {
            ligne(cellules);
            total = true;
            return this;
        }

        public DocumentImprimable fin() {
            blocs.add(new Tableau(entetes, List.copyOf(lignes), droite, total));
            return DocumentImprimable.this;
        }
    }

    public String titre() {
        return titre;
    }

    public String sousTitre() {
        return sousTitre;
    }

    public List<Bloc> blocs() {
        return List.copyOf(blocs);
    }
}
