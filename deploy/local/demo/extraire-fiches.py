#!/usr/bin/env python3
"""Extracts every action sheet of seed 003's execution report into calpae-fiches.jsonl, one sheet per line, in the body of
PUT /programmes/CALPAE-2022/actions/{action}/fiche/contenu (plus "action"). The texts are the seed's, with its markup removed;
what the seed does not say (which annex 9 indicator a sheet's row reports on, the year a column is read as) is in LIENS and
in the rules below, and listed as assumptions in docs/fiches-action-et-coherence.md.

    python3 deploy/local/demo/extraire-fiches.py /work/shared/seeds/003_*.txt > deploy/local/demo/calpae-fiches.jsonl
"""
import json
import re
import sys

# the sheet's title -> the action's code in the consolidated table
CODES = {"1-1": "1.1", "8.4": "8.4bis"}  # sheet "8.4 Création d'un centre de santé mentale" is the table's "8.4bis- Création santé mentale"
ASE = "sans-numero-1"  # the table's "Action-Accompagnement et accueil des jeunes majeurs", imported without a number

# (action, start of a row's label in the sheet) -> annex 9 indicator the row reports on (same measure, by label)
LIENS = {
    ("1.1", "Nombre de passages"): "CALPAE-1.2-2",
    ("2.1", "Taux de couverture du 1er ASIP"): "CALPAE-2.1-1",
    ("2.1", "Nombre de structures (hors dispositifs du CD)"): "CALPAE-2.1-2",
    ("2.1", "Nombre de personnes reçues par les structures de premier accueil social inconditionnel des CD"): "CALPAE-2.1-3",
    ("3.1", "Nombre d'intervenants sociaux formés"): "CALPAE-2.2-1",
    ("3.1", "Nombre total de personnes accompagnées par un référent"): "CALPAE-2.2-2",
    ("3.2", "Nombre d'intervenants sociaux formés"): "CALPAE-2.2-1",
    ("3.2", "Nombre total de BRSA de moins de 26 ans suivis"): "CALPAE-2.2-2",
    ("4.1", "Nombre de nouveaux entrants orientés"): "CALPAE-3.1-2",
    ("4.1", "Nombre de nouveaux entrants"): "CALPAE-3.1-1",
    ("4.1", "Nombre total de 1er rendez-vous"): "CALPAE-3.1-3",
    ("4.1", "Nombre de 1er rendez-vous fixés dans le délai"): "CALPAE-3.1-4",
    ("4.1", "Nombre total de 1er contrat"): "CALPAE-3.1-5",
    ("4.1", "Nombre de 1er contrat d'engagement dans les 2 mois"): "CALPAE-3.2-1",
    ("5.1", "Nombre de BRSA orientés vers la garantie"): "CALPAE-3.2-2",
    ("5.1", "Nombre de BRSA en cours d'accompagnement par la garantie"): "CALPAE-3.2-3",
    ("5.1", "Nombre de BRSA orientés vers l'accompagnement global"): "CALPAE-3.2-4",
    ("5.1", "Nombre de BRSA en cours d'accompagnement par l'accompagnement global"): "CALPAE-3.2-5",
    ("5.1", "Nbre de personnes accompagnées par conseiller"): "CALPAE-3.2-6",
    ("5.1", "Délai moyen du démarrage"): "CALPAE-3.2-7",
    ("7.1", "Nombre de personnes accueillies par les plateformes"): "CALPAE-5.1-1",
}

# partners the sheet gives an amount for (in its budget section, "dont 20 000€ à WE KER, 5000€ à ML Vitré...")
PARTENAIRES = {
    "3.2": [("WE KER", "20000.00"), ("Mission locale de Vitré", "5000.00"), ("Mission locale de Fougères", "5000.00"),
            ("Mission locale de Redon", "5000.00"), ("Mission locale de Saint-Malo", "5000.00")],
    "5.6": [("ADIE", "15000.00"), ("Presol", "5000.00")],
}
# indicators tables whose cells are sub-headings or lists, not one figure per year: kept as written
TEXTE_SEUL = {"5.3", "5.6", "6.2", "8.1"}
# dates the sheet gives to the day
DEBUTS = {"3.2": "2020-01-01"}

SECTIONS = [("indicateurs", "indicateursTexte"), ("description", "description"), ("date de mise en place", "miseEnPlace"),
            ("partenaires", "partenairesTexte"), ("durée", "duree"), ("budget", "budgetTexte"), ("bilan", "bilan"),
            ("perspectives", "perspectives")]


def propre(ligne):
    ligne = re.sub(r"<sup>(.*?)</sup>", r"\1", ligne)
    ligne = re.sub(r"<li[^>]*>", "\n- ", ligne)
    ligne = re.sub(r"<[^>]+>", "", ligne)
    ligne = re.sub(r"\n- [•▪]\s*", "\n- ", ligne)
    ligne = ligne.replace("\\*", "").replace("**", "").replace("→", "").replace("\u00a0", " ")
    ligne = re.sub(r"(^|\s)\*(\S)", r"\1\2", ligne)
    ligne = re.sub(r"(\S)\*(\s|$|[.,:;])", r"\1\2", ligne)
    return ligne.strip()


def titre_section(ligne):
    """The section key of a heading ("### 5. Budget", "*4. Budget*", "## *10. Bilan d'exécution*"), else None."""
    brut = ligne.strip()
    if not (brut.startswith("#") or re.match(r"^\*\d+\s*\.", brut)):
        return None
    t = propre(brut.lstrip("#").strip()).strip("* ")
    m = re.match(r"^(\d+)\s*\.?\s*(.*)$", t)
    if not m or m.group(2)[:2] in ("er", "nd"):
        return None
    titre = m.group(2).lower()
    for cle, champ in SECTIONS:
        if titre.startswith(cle) or (cle == "indicateurs" and titre.startswith("indicateurs")):
            return champ
    return None


def annee(entete):
    if "projection" in entete.lower():
        return None
    annees = re.findall(r"(20[0-9]{2})", entete)
    return annees[-1] if annees else None  # "2018-2019", "Année scolaire 2020/2021": the year it ends


def tableau(action, lignes):
    """The sheet's indicators table as rows, when the section holds exactly one table with an "Indicateurs" column of years."""
    if action in TEXTE_SEUL:
        return None, lignes
    entetes = [i for i, l in enumerate(lignes) if "\t" in l and "Indicateurs" in [c.strip() for c in propre(l.replace("\t", "\x01")).split("\x01")]]
    if len(entetes) != 1:
        return None, lignes
    h = entetes[0]
    cellules = [propre(c) for c in lignes[h].split("\t")]
    ind = cellules.index("Indicateurs")
    colonnes = [(i, c, annee(c)) for i, c in enumerate(cellules) if i > ind and c and annee(c)]
    if not colonnes:
        return None, lignes
    rangs, reste, fin = [], lignes[:h], h + 1
    while fin < len(lignes) and "\t" in lignes[fin]:
        c = [propre(x) for x in lignes[fin].split("\t")]
        libelle = c[ind] if ind < len(c) and c[ind] else (c[0] if c and c[0] else None)
        if libelle:
            valeurs = [{"periode": a, "libellePeriode": e, "valeur": c[i]} for i, e, a in colonnes if i < len(c) and c[i] and c[i] != "/"]
            lien = next((code for (act, debut), code in LIENS.items() if act == action and libelle.startswith(debut)), None)
            rang = {"libelle": libelle, "valeurs": valeurs}
            if lien:
                rang["indicateur"] = lien
            rangs.append(rang)
        fin += 1
    if any(any("\t" in l for l in lignes[fin:]) for _ in [0]):
        return None, lignes  # a second table: kept as written
    return rangs, reste + lignes[fin:]


def texte(lignes):
    sortie = []
    for l in lignes:
        l = propre(l.lstrip("#").strip()) if l.strip().startswith("#") else propre(l)
        l = "\n".join(x.strip() for x in l.replace("\t", " | ").split("\n"))
        if l:
            sortie.append(l)
    return "\n".join(sortie) or None


def fiches(chemin):
    lignes = open(chemin, encoding="utf-8").read().split("\n")
    debuts = []
    for i, l in enumerate(lignes):
        m = re.match(r"^#+\s*\**Action\s+([0-9]+[.-][0-9]+)\s*:\s*(.*?)\**\s*$", l)
        if m:
            debuts.append((i, CODES.get(m.group(1), m.group(1).replace("-", "."))))
        elif l.startswith("Action : « Accompagnement et accueil des jeunes sortant de l'ASE »"):
            debuts.append((i, ASE))
    for n, (i, code) in enumerate(debuts):
        fin = debuts[n + 1][0] if n + 1 < len(debuts) else len(lignes)
        corps = lignes[i + 1:fin]
        # a sheet ends where the next commitment ("# Engagement ...", "## Initiatives locales") starts
        for j, l in enumerate(corps):
            if re.match(r"^#+\s*(Engagement|Initiatives locales)", l):
                corps = corps[:j]
                break
        champs, courant = {}, None
        for l in corps:
            s = titre_section(l)
            if s:
                courant = s
                champs.setdefault(courant, [])
            elif courant:
                champs[courant].append(l)
        fiche = {"action": code}
        for _, champ in SECTIONS:
            if champ not in champs:
                continue
            if champ == "indicateursTexte":
                rangs, reste = tableau(code, champs[champ])
                if rangs:
                    fiche["indicateurs"] = rangs
                if texte(reste):
                    fiche[champ] = texte(reste)
            elif texte(champs[champ]):
                fiche[champ] = texte(champs[champ])
        if code in PARTENAIRES:
            fiche["partenaires"] = [{"nom": nom, "montant": float(m)} for nom, m in PARTENAIRES[code]]
        elif fiche.get("partenairesTexte"):
            fiche["partenaires"] = [{"nom": p.lstrip("- ").strip()} for p in fiche["partenairesTexte"].split("\n") if p.strip()]
        if code in DEBUTS:
            fiche["dateDebut"] = DEBUTS[code]
        yield fiche


if __name__ == "__main__":
    for f in fiches(sys.argv[1]):
        print(json.dumps(f, ensure_ascii=False))
