"""Language setting and the message catalogue.

Every string a user reads (error messages, widget labels, figure titles) comes from
:data:`MESSAGES`, in Dutch and English. Dutch is the default; call
:func:`set_language` to switch. Data files keep their own ``*_nl`` / ``*_en`` columns;
:func:`localized` names the column for the current language.
"""

from __future__ import annotations

import errno
import string

LANGUAGES = ("nl", "en")

#: Message catalogue: key -> {"nl": ..., "en": ...}. Placeholders use ``str.format``.
MESSAGES: dict[str, dict[str, str]] = {
    # --- data validation -----------------------------------------------------------
    "err.unreadable": {
        "nl": "{file}: bestand kan niet gelezen worden: {reason}",
        "en": "{file}: file cannot be read: {reason}",
    },
    "err.reason_folder": {
        "nl": "het is een map, geen bestand",
        "en": "it is a folder, not a file",
    },
    "err.reason_not_a_file": {
        "nl": "het is geen gewoon bestand",
        "en": "it is not a regular file",
    },
    "err.reason_permission": {
        "nl": "geen toestemming om het te lezen",
        "en": "no permission to read it",
    },
    "err.header_not_in_row_1": {
        "nl": "{file}, rij 1: deze rij is leeg, maar de kopregel (de kolomnamen) hoort in rij 1; rij {found} is als kopregel gelezen",
        "en": "{file}, row 1: this row is empty, but the header row (the column names) belongs in row 1; row {found} was read as the header",
    },
    "err.nul_byte": {
        "nl": (
            "{file}, rij {row}{column}: het bestand bevat een NUL-teken (byte 0x00), dat niet in "
            "een CSV-bestand hoort. Misschien is het opgeslagen als 'Unicode-tekst' (UTF-16) of is "
            "het geen CSV-bestand. Sla het op als 'CSV UTF-8 (door komma's gescheiden)'."
        ),
        "en": (
            "{file}, row {row}{column}: the file contains a NUL character (byte 0x00), which does "
            "not belong in a CSV file. It may have been saved as 'Unicode Text' (UTF-16), or it is "
            "not a CSV file. Save it as 'CSV UTF-8 (comma delimited)'."
        ),
    },
    "err.cell_too_long": {
        "nl": '{file}, rij {row}: een cel is langer dan {limit} tekens; controleer of elk aanhalingsteken (") weer gesloten wordt',
        "en": '{file}, row {row}: a cell is longer than {limit} characters; check that every quotation mark (") is closed again',
    },
    "err.int_too_large": {
        "nl": "{file}, rij {row}, kolom {letter} ({column}): '{value}' is te groot (hoogstens {maximum})",
        "en": "{file}, row {row}, column {letter} ({column}): '{value}' is too large (at most {maximum})",
    },
    "err.header": {
        "nl": "Problemen in de gegevens in {path} ({count}):",
        "en": "Problems in the data in {path} ({count}):",
    },
    "err.not_a_folder": {
        "nl": "{path}: deze map bestaat niet (verwacht: een map met de CSV-bestanden van data/)",
        "en": "{path}: this folder does not exist (expected: a folder with the CSV files of data/)",
    },
    "err.missing_file": {
        "nl": "{file}: bestand ontbreekt",
        "en": "{file}: file is missing",
    },
    "err.empty_file": {
        "nl": "{file}: bestand is leeg (geen kopregel)",
        "en": "{file}: file is empty (no header row)",
    },
    "err.not_utf8": {
        "nl": (
            "{file}, rij {row}{column}: het bestand is geen UTF-8 (byte 0x{byte} kan niet "
            "gelezen worden; {guess}). Waarschijnlijk is het in Excel opgeslagen als 'CSV "
            "(gescheiden door lijstscheidingsteken)', dus als Windows-1252. Sla het opnieuw op "
            "als 'CSV UTF-8 (door komma's gescheiden)', of kies in LibreOffice de tekenset "
            "'Unicode (UTF-8)'."
        ),
        "en": (
            "{file}, row {row}{column}: the file is not UTF-8 (byte 0x{byte} cannot be read; "
            "{guess}). It was probably saved from Excel as 'CSV (delimited)', i.e. as "
            "Windows-1252. Save it again as 'CSV UTF-8 (comma delimited)', or choose the "
            "character set 'Unicode (UTF-8)' in LibreOffice."
        ),
    },
    "err.not_utf8_guess": {
        "nl": "in Windows-1252 zou dit '{char}' zijn",
        "en": "in Windows-1252 this would be '{char}'",
    },
    "err.column_suffix": {"nl": ", kolom {letter}", "en": ", column {letter}"},
    "err.csv_syntax": {
        "nl": "{file}, rij {row}: het bestand is geen geldige CSV ({detail})",
        "en": "{file}, row {row}: the file is not valid CSV ({detail})",
    },
    # why the CSV reader stopped (csv's own messages are English), by its message
    "csv.msg.unexpected_end": {
        "nl": 'een cel met een aanhalingsteken (") wordt nergens afgesloten',
        "en": 'a cell with a quotation mark (") is never closed',
    },
    "csv.msg.after_quote": {
        "nl": 'na een afsluitend aanhalingsteken (") hoort een scheidingsteken of het einde van de rij',
        "en": 'a closing quotation mark (") must be followed by a separator or the end of the row',
    },
    "csv.msg.other": {
        "nl": "de opbouw van de rij klopt niet; kijk naar de aanhalingstekens",
        "en": "the row's structure is wrong; look at the quotation marks",
    },
    "err.missing_column": {
        "nl": "{file}, rij 1: kolom '{column}' ontbreekt",
        "en": "{file}, row 1: column '{column}' is missing",
    },
    "err.extra_column": {
        "nl": "{file}, rij 1, kolom {letter}: onbekende kolom '{column}' (toegestaan: {allowed})",
        "en": "{file}, row 1, column {letter}: unknown column '{column}' (allowed: {allowed})",
    },
    "err.duplicate_column": {
        "nl": "{file}, rij 1, kolom {letter}: kolom '{column}' staat er twee keer in",
        "en": "{file}, row 1, column {letter}: column '{column}' appears twice",
    },
    "err.too_many_cells": {
        "nl": "{file}, rij {row}: {count} cellen, maar de kopregel heeft er {expected}",
        "en": "{file}, row {row}: {count} cells, but the header row has {expected}",
    },
    "err.empty_cell": {
        "nl": "{file}, rij {row}, kolom {letter} ({column}): lege cel; dit veld is verplicht",
        "en": "{file}, row {row}, column {letter} ({column}): empty cell; this field is required",
    },
    "err.bad_id": {
        "nl": (
            "{file}, rij {row}, kolom {letter} ({column}): '{value}' is geen geldige id "
            "(gebruik kleine letters, cijfers en _, beginnend met een letter)"
        ),
        "en": (
            "{file}, row {row}, column {letter} ({column}): '{value}' is not a valid id "
            "(use lower-case letters, digits and _, starting with a letter)"
        ),
    },
    "err.duplicate_id": {
        "nl": (
            "{file}, rij {row}, kolom {letter} ({column}): id '{value}' komt al voor in rij {first}"
        ),
        "en": (
            "{file}, row {row}, column {letter} ({column}): id '{value}' already occurs in row "
            "{first}"
        ),
    },
    "err.bad_choice": {
        "nl": (
            "{file}, rij {row}, kolom {letter} ({column}): '{value}' is geen geldige waarde "
            "(kies uit: {allowed})"
        ),
        "en": (
            "{file}, row {row}, column {letter} ({column}): '{value}' is not a valid value "
            "(choose from: {allowed})"
        ),
    },
    "err.bad_int": {
        "nl": (
            "{file}, rij {row}, kolom {letter} ({column}): '{value}' is geen geheel getal van "
            "0 of meer"
        ),
        "en": (
            "{file}, row {row}, column {letter} ({column}): '{value}' is not a whole number of "
            "0 or more"
        ),
    },
    "err.bad_section": {
        "nl": (
            "{file}, rij {row}, kolom {letter} ({column}): '{value}' is geen paragraafnummer "
            "(zoals 4.1)"
        ),
        "en": (
            "{file}, row {row}, column {letter} ({column}): '{value}' is not a section number "
            "(such as 4.1)"
        ),
    },
    "err.unknown_ref": {
        "nl": (
            "{file}, rij {row}, kolom {letter} ({column}): '{value}' bestaat niet in "
            "{ref_file} (bekend: {known})"
        ),
        "en": (
            "{file}, row {row}, column {letter} ({column}): '{value}' does not exist in "
            "{ref_file} (known: {known})"
        ),
    },
    "err.duplicate_cell": {
        "nl": (
            "{file}, rij {row}, kolom {letter} ({column}): de combinatie {value} komt al voor "
            "in rij {first}"
        ),
        "en": (
            "{file}, row {row}, column {letter} ({column}): the combination {value} already "
            "occurs in row {first}"
        ),
    },
    "err.pole_model_not_in_models": {
        "nl": (
            "{file}, rij {row}, kolom {letter} ({column}): model '{value}' staat niet in de "
            "kolom models van deze rij"
        ),
        "en": (
            "{file}, row {row}, column {letter} ({column}): model '{value}' is not in this "
            "row's models column"
        ),
    },
    "err.too_few_models": {
        "nl": (
            "{file}, rij {row}, kolom {letter} ({column}): een dilemma heeft minstens twee "
            "sturingsmodellen in spanning nodig"
        ),
        "en": (
            "{file}, row {row}, column {letter} ({column}): a dilemma needs at least two "
            "steering models in tension"
        ),
    },
    "err.missing_row": {
        "nl": "{file}: er ontbreekt een rij met {column} '{value}'",
        "en": "{file}: a row with {column} '{value}' is missing",
    },
    "err.missing_combination": {
        "nl": "{file}: er ontbreekt een rij met {combination}",
        "en": "{file}: a row with {combination} is missing",
    },
    "err.too_few_options": {
        "nl": "{file}, rij {row}, kolom {letter} ({column}): een keuzevraag heeft minstens twee opties nodig, gescheiden door ;",
        "en": "{file}, row {row}, column {letter} ({column}): a multiple-choice question needs at least two options, separated by ;",
    },
    "err.options_mismatch": {
        "nl": "{file}, rij {row}, kolom {letter} ({column}): {count} opties, maar options_nl heeft er {expected}",
        "en": "{file}, row {row}, column {letter} ({column}): {count} options, but options_nl has {expected}",
    },
    "err.bad_answer": {
        "nl": "{file}, rij {row}, kolom {letter} ({column}): antwoord {value} bestaat niet (kies 1 tot en met {count})",
        "en": "{file}, row {row}, column {letter} ({column}): answer {value} does not exist (choose 1 to {count})",
    },
    "err.reflection_has_options": {
        "nl": "{file}, rij {row}, kolom {letter} ({column}): een reflectievraag heeft geen opties of antwoord; laat deze cel leeg",
        "en": "{file}, row {row}, column {letter} ({column}): a reflection question has no options or answer; leave this cell empty",
    },
    "err.empty_table": {
        "nl": "{file}: het bestand heeft geen gegevensrijen",
        "en": "{file}: the file has no data rows",
    },
    # --- lookups ---------------------------------------------------------------------
    "err.unknown_id": {
        "nl": "Onbekende {kind} '{value}'. Bekend: {known}",
        "en": "Unknown {kind} '{value}'. Known: {known}",
    },
    "err.unknown_language": {
        "nl": "Onbekende taal '{value}'. Kies uit: {known}",
        "en": "Unknown language '{value}'. Choose from: {known}",
    },
    # --- figures ---------------------------------------------------------------------
    "fig.no_description": {
        "nl": "Deze figuur heeft geen beschrijving (alleen figuren van vakmanschap.figures)",
        "en": "This figure has no description (only figures from vakmanschap.figures do)",
    },
    "fig.placements_columns": {
        "nl": "Plaatsingen missen de kolom(men): {missing}",
        "en": "Placements lack the column(s): {missing}",
    },
    "fig.weight_invalid": {
        "nl": "Gewicht voor '{model}' moet een getal van 0 of meer zijn, niet {value!r}",
        "en": "The weight for '{model}' must be a number of 0 or more, not {value!r}",
    },
    "fig.weights_zero": {
        "nl": "Minstens één sturingsmodel moet een gewicht groter dan 0 hebben",
        "en": "At least one steering model needs a weight above 0",
    },
    "fig.score_invalid": {
        "nl": "Score voor '{field}' moet een getal van {low} tot en met {high} zijn, niet {value!r}",
        "en": "The score for '{field}' must be a number from {low} to {high}, not {value!r}",
    },
    "grid.title": {
        "nl": "Tabel 1: beroepspraktijken en functies",
        "en": "Table 1: professional practices and roles",
    },
    "grid.intern": {"nl": "interne focus", "en": "internal focus"},
    "grid.extern": {"nl": "externe focus", "en": "external focus"},
    "grid.organisatie": {
        "nl": "organisatie-<br>professionaliteit",
        "en": "organisational<br>professionalism",
    },
    "grid.klassiek": {
        "nl": "'klassieke'<br>professionaliteit",
        "en": "'classic'<br>professionalism",
    },
    "grid.describe_quadrant": {
        "nl": "{where}: §{section} {name}. Functies volgens het artikel: {roles}.",
        "en": "{where}: §{section} {name}. Roles according to the article: {roles}.",
    },
    "grid.article_legend": {"nl": "artikel, §{section}", "en": "article, §{section}"},
    "grid.student_legend": {"nl": "jouw plaatsing", "en": "your placement"},
    "grid.describe_student": {
        "nl": "Jouw plaatsingen ({count}):",
        "en": "Your placements ({count}):",
    },
    "grid.on_border": {
        "nl": "op een grenslijn (kies een kant)",
        "en": "on a border line (choose a side)",
    },
    "grid.class_density": {"nl": "klas: dichtheid", "en": "class: density"},
    "grid.class_mean": {"nl": "klas: gemiddelde per functie", "en": "class: mean per role"},
    "grid.class_share": {
        "nl": "({share}% in het kwadrant van het artikel)",
        "en": "({share}% in the article's quadrant)",
    },
    "grid.describe_class": {
        "nl": "Plaatsingen van de klas ({count}), per functie:",
        "en": "The class's placements ({count}), per role:",
    },
    "tri.title": {
        "nl": "Spanning tussen de drie sturingsmodellen",
        "en": "Tension between the three steering models",
    },
    "tri.describe_corners": {
        "nl": "Driehoek met op de hoeken de sturingsmodellen: {a} (boven), {b} (linksonder) en {c} (rechtsonder).",
        "en": "Triangle with the steering models on its corners: {a} (top), {b} (bottom left) and {c} (bottom right).",
    },
    "tri.describe_dilemma": {
        "nl": "Dilemma {number}, {name}: spanning tussen {models}. Polen: '{pole_a}' tegenover '{pole_b}'.",
        "en": "Dilemma {number}, {name}: tension between {models}. Poles: '{pole_a}' versus '{pole_b}'.",
    },
    "tri.describe_reinforced": {
        "nl": "Dilemma {number} wordt versterkt door: {model}.",
        "en": "Dilemma {number} is reinforced by: {model}.",
    },
    "tri.reinforces": {
        "nl": "{model} versterkt de spanning",
        "en": "{model} reinforces the tension",
    },
    "tri.describe_point": {"nl": "Punt '{label}': {shares}.", "en": "Point '{label}': {shares}."},
    "tri.our_reading": {"nl": "(onze lezing)", "en": "(our reading)"},
    "tri.describe_area": {
        "nl": "Dilemma {number} speelt tussen alle drie de modellen en staat als één gearceerde driehoek in het midden.",
        "en": "Dilemma {number} lies between all three models and is drawn as one hatched triangle in the middle.",
    },
    "model.short.klassiek": {"nl": "klassiek", "en": "classic"},
    "model.short.npm": {"nl": "NPM", "en": "NPM"},
    "model.short.netwerk": {"nl": "netwerk", "en": "network"},
    "radar.title": {
        "nl": "Mijn vakmanschap volgens 't Hart (2014)",
        "en": "My craftsmanship according to 't Hart (2014)",
    },
    "radar.self": {"nl": "mijn inschatting", "en": "my assessment"},
    "radar.comparison": {"nl": "vergelijking", "en": "comparison"},
    "radar.describe_scale": {
        "nl": "Webdiagram van 't Harts aanbevelingen, schaal {low} (nog weinig) tot {high} (sterk).",
        "en": "Radar chart of 't Hart's recommendations, scale {low} (little yet) to {high} (strong).",
    },
    # --- widget state (from_dict) -------------------------------------------------------
    "state.not_a_dict": {
        "nl": "{widget}: de opgeslagen stand moet een object (dict) zijn, niet {type}",
        "en": "{widget}: the saved state must be an object (dict), not {type}",
    },
    "state.wrong_widget": {
        "nl": "Deze stand hoort niet bij {widget} maar bij {value}",
        "en": "This state does not belong to {widget} but to {value}",
    },
    "state.bad_version": {
        "nl": "{field}: versie {value} wordt niet ondersteund (verwacht: {expected})",
        "en": "{field}: version {value} is not supported (expected: {expected})",
    },
    "state.missing": {"nl": "{field}: dit veld ontbreekt", "en": "{field}: this field is missing"},
    "state.bad_type": {
        "nl": "{field}: onverwachte waarde {value}",
        "en": "{field}: unexpected value {value}",
    },
    "state.bad_number": {
        "nl": "{field}: {value} is geen geldig getal",
        "en": "{field}: {value} is not a valid number",
    },
    "state.out_of_range": {
        "nl": "{field}: {value} ligt niet tussen {low} en {high}",
        "en": "{field}: {value} is not between {low} and {high}",
    },
    "state.empty": {"nl": "{field}: mag niet leeg zijn", "en": "{field}: must not be empty"},
    "state.too_long": {
        "nl": "{field}: langer dan {limit} tekens",
        "en": "{field}: longer than {limit} characters",
    },
    "state.duplicate": {
        "nl": "{field}: {value} komt twee keer voor",
        "en": "{field}: {value} occurs twice",
    },
    "state.too_many": {
        "nl": "{field}: meer dan {limit} eigen functies",
        "en": "{field}: more than {limit} own roles",
    },
    "state.unknown_id": {
        "nl": "{field}: onbekende waarde {value}",
        "en": "{field}: unknown value {value}",
    },
    "state.all_zero": {
        "nl": "{field}: minstens één gewicht moet groter dan 0 zijn",
        "en": "{field}: at least one weight must be above 0",
    },
    # --- RolePlacer -------------------------------------------------------------------------
    # VignettePlacer (notebook 03): roles the article does not discuss, placed by the student
    "kind.vignette": {"nl": "vignet", "en": "vignette"},
    "vignettes.question": {
        "nl": "Kies per functie het kwadrant van Tabel 1 waar jij haar zou plaatsen en schrijf in één zin waarom, in de termen van §3: de professionaliteit (een 'klassieke' professional met een hoog gespecialiseerde opleiding en een sterke beroepsvereniging met eigen regels, of een organisatieprofessional) en de focus (de eigen afdeling en organisatie of de maatschappelijke omgeving). Druk dan op Controleer: je ziet onze lezing naast de jouwe.",
        "en": "For each role, choose the quadrant of Table 1 where you would put it and write in one sentence why, in the terms of §3: professionalism (a 'classic' professional with highly specialised training and a strong professional association with its own rules, or an organisational professional) and focus (the own department and organisation or society outside). Then press Check: you see our reading next to yours.",
    },
    "vignettes.invented": {
        "nl": "Voorbeeld van ons: deze functie en deze persoon komen niet in het artikel voor.",
        "en": "An example of ours: this role and this person do not appear in the article.",
    },
    "vignettes.label": {"nl": "Vignet {number}: {name}", "en": "Vignette {number}: {name}"},
    "vignettes.dropdown": {
        "nl": "Kwadrant van vignet {number}",
        "en": "Quadrant of vignette {number}",
    },
    "vignettes.choose": {"nl": "— kies een kwadrant —", "en": "— choose a quadrant —"},
    "vignettes.reason": {
        "nl": "Waarom (vignet {number})",
        "en": "Why (vignette {number})",
    },
    "vignettes.reason_placeholder": {
        "nl": "Eén zin, hoogstens {limit} tekens",
        "en": "One sentence, at most {limit} characters",
    },
    "vignettes.verdict": {
        "nl": "{correct} van de {total} vignetten in ons kwadrant of een verdedigbaar ander kwadrant. Vergelijk jouw zinnen met onze lezing: daar gaat het om.",
        "en": "{correct} of {total} vignettes in our quadrant or a defensible other one. Compare your sentences with our reading: that is what matters.",
    },
    "vignettes.goed": {
        "nl": "goed: wij kiezen hetzelfde kwadrant.",
        "en": "right: we choose the same quadrant.",
    },
    "vignettes.verdedigbaar": {
        "nl": "verdedigbaar: wij kiezen een ander kwadrant, maar voor het jouwe is een argument.",
        "en": "defensible: we choose another quadrant, but there is an argument for yours.",
    },
    "vignettes.anders": {
        "nl": "anders dan onze lezing: kijk welk onderscheid van §3 je anders weegt.",
        "en": "different from our reading: see which distinction of §3 you weigh differently.",
    },
    "vignettes.unanswered": {
        "nl": "nog geen kwadrant gekozen. Kies er een en druk opnieuw op Controleer om onze lezing te zien.",
        "en": "no quadrant chosen yet. Choose one and press Check again to see our reading.",
    },
    "vignettes.your_choice": {"nl": "Jouw keuze: {quadrant}.", "en": "Your choice: {quadrant}."},
    "vignettes.your_sentence": {"nl": "Jouw zin:", "en": "Your sentence:"},
    "vignettes.no_sentence": {
        "nl": "Je schreef nog geen zin: waarom hoort deze functie volgens jou daar?",
        "en": "You have not written a sentence yet: why does this role belong there, in your view?",
    },
    "vignettes.ours": {
        "nl": "Onze lezing (geen tekst uit het artikel): {quadrant}.",
        "en": "Our reading (not text from the article): {quadrant}.",
    },
    "vignettes.defensible": {
        "nl": "Verdedigbaar: {quadrant}.",
        "en": "Defensible: {quadrant}.",
    },
    "err.vignette_same_quadrant": {
        "nl": "{file}, rij {row}, kolom {letter} ({column}): '{value}' is hetzelfde kwadrant als quadrant_id; een verdedigbaar kwadrant is een ander kwadrant (of laat de cel leeg)",
        "en": "{file}, row {row}, column {letter} ({column}): '{value}' is the same quadrant as quadrant_id; a defensible quadrant is another quadrant (or leave the cell empty)",
    },
    "err.vignette_defensible_incomplete": {
        "nl": "{file}, rij {row}, kolom {letter} ({column}): lege cel; vul defensible_quadrant_id, defensible_reasoning_nl en defensible_reasoning_en samen in, of laat ze alle drie leeg",
        "en": "{file}, row {row}, column {letter} ({column}): empty cell; fill in defensible_quadrant_id, defensible_reasoning_nl and defensible_reasoning_en together, or leave all three empty",
    },
    "grid.axes_short": {
        "nl": "In elk raster, zoals in Tabel 1: horizontaal de professionaliteit (organisatie links, klassiek rechts), verticaal de focus (extern boven, intern onder).",
        "en": "In every grid, as in Table 1: horizontally professionalism (organisational left, classic right), vertically the focus (external at the top, internal at the bottom).",
    },
    "grid.axis_professionalism": {
        "nl": "Professionaliteit: organisatie ← → klassiek",
        "en": "Professionalism: organisational ← → classic",
    },
    "grid.axis_focus": {"nl": "Focus: intern ← → extern", "en": "Focus: internal ← → external"},
    "grid.axes_described": {
        "nl": "Tabel 1 als raster van twee bij twee, zoals in het artikel. Horizontaal de professionaliteit (de kolommen van Tabel 1): organisatieprofessionaliteit links, 'klassieke' professionaliteit rechts. Verticaal de focus (de rijen): externe focus boven, interne focus onder.",
        "en": "Table 1 as a two-by-two grid, as in the article. Horizontally professionalism (the columns of Table 1): organisational on the left, 'classic' on the right. Vertically the focus (the rows): external at the top, internal at the bottom.",
    },
    "grid.corner.top_left": {"nl": "Linksboven", "en": "Top left"},
    "grid.corner.top_right": {"nl": "Rechtsboven", "en": "Top right"},
    "grid.corner.bottom_left": {"nl": "Linksonder", "en": "Bottom left"},
    "grid.corner.bottom_right": {"nl": "Rechtsonder", "en": "Bottom right"},
    "placer.hint_own": {
        "nl": "Typ bij 'Eigen functie' de functie die je hebt of later wilt hebben en druk op Enter of op 'Voeg toe'. Zet haar dan op het raster met de twee schuifjes (pijltjestoetsen) of door in de figuur te klikken. De functies uit Tabel 1 staan er ter vergelijking bij. 'Controleer' vertelt wat jouw plek betekent.",
        "en": "Type the role you have or want to have under 'Own role' and press Enter or 'Add'. Then put it on the grid with the two sliders (arrow keys) or by clicking in the figure. The roles of Table 1 are shown for comparison. 'Check' tells you what your place means.",
    },
    "placer.own_default": {"nl": "Mijn functie", "en": "My role"},
    "placer.rename": {"nl": "Wijzig naam", "en": "Rename"},
    "placer.renamed": {
        "nl": "De functie heet nu '{name}'.",
        "en": "The role is now called '{name}'.",
    },
    "placer.rename_not_own": {
        "nl": "Alleen een eigen functie kun je een andere naam geven.",
        "en": "Only a role of your own can be renamed.",
    },
    "placer.list_title": {"nl": "Jouw plaatsingen:", "en": "Your placements:"},
    "placer.hover_only": {
        "nl": "Niet elke naam past naast zijn ster: wijs een ster aan om de naam te zien.",
        "en": "Not every name fits beside its star: point at a star to see its name.",
    },
    "feedback.unchecked": {
        "nl": "geplaatst, nog niet gecontroleerd: druk op 'Controleer'.",
        "en": "placed, not checked yet: press 'Check'.",
    },
    "feedback.summary_partial": {
        "nl": "{correct} van de {total} gecontroleerde functies staan in het kwadrant van Tabel 1. Functies die je nog niet plaatste, blijven verborgen.",
        "en": "{correct} of the {total} checked roles are in the quadrant of Table 1. Roles you have not placed yet stay hidden.",
    },
    "feedback.none_checked": {
        "nl": "Er is nog geen geplaatste functie gecontroleerd: zet een functie op het raster en druk op 'Controleer'.",
        "en": "No placed role has been checked yet: put a role on the grid and press 'Check'.",
    },
    "feedback.own": {
        "nl": "staat in §{section} {quadrant}. In de termen van §3: {professionalism}; {focus}.",
        "en": "is in section {section}, {quadrant}. In the terms of section 3: {professionalism}; {focus}.",
    },
    "feedback.meaning.klassiek": {
        "nl": "je lijkt op de 'klassieke' professional, met een gespecialiseerde opleiding en een sterke beroepsgroep met eigen regels en standaarden",
        "en": "you resemble the 'classic' professional, with specialised training and a strong professional body with its own rules and standards",
    },
    "feedback.meaning.organisatie": {
        "nl": "je bent eerder een organisatieprofessional: uiteenlopende opleidingen, geen sterke beroepsorganisatie, en werk dat weinig te standaardiseren of af te schermen is",
        "en": "you are rather an organisational professional: varied training, no strong professional body, and work that can hardly be standardised or shielded",
    },
    "feedback.meaning.extern": {
        "nl": "je werk is vooral gericht op de maatschappelijke omgeving (externe focus)",
        "en": "your work is directed mainly at society outside (external focus)",
    },
    "feedback.meaning.intern": {
        "nl": "je werk is vooral gericht op de eigen afdeling en de gemeentelijke organisatie (interne focus)",
        "en": "your work is directed mainly at your own department and the municipal organisation (internal focus)",
    },
    "feedback.own_reference": {
        "nl": "Het artikel plaatst hier: {roles}.",
        "en": "The article puts here: {roles}.",
    },
    "feedback.own_none": {
        "nl": "Je hebt nog geen eigen functie geplaatst.",
        "en": "You have not placed a role of your own yet.",
    },
    "placer.hint": {
        "nl": "Kies een functie en zet haar op het raster met de twee schuifjes (pijltjestoetsen) of door in de figuur te klikken. 'Controleer' geeft uitleg bij de functies die je hebt geplaatst en toont alleen daarvan de plek uit Tabel 1; de andere blijven verborgen.",
        "en": "Choose a role and put it on the grid with the two sliders (arrow keys) or by clicking in the figure. 'Check' explains the roles you have placed and shows the place in Table 1 of those only; the others stay hidden.",
    },
    "placer.role": {"nl": "Functie", "en": "Role"},
    "placer.x": {
        "nl": "Professionaliteit (organisatie −1 … klassiek +1)",
        "en": "Professionalism (organisational −1 … classic +1)",
    },
    "placer.y": {"nl": "Focus (intern −1 … extern +1)", "en": "Focus (internal −1 … external +1)"},
    "placer.new_name": {"nl": "Eigen functie", "en": "Own role"},
    "placer.new_placeholder": {"nl": "bijv. beleidsadviseur", "en": "e.g. policy adviser"},
    "placer.add": {"nl": "Voeg toe", "en": "Add"},
    "placer.check": {"nl": "Controleer", "en": "Check"},
    "placer.add_empty": {
        "nl": "Vul eerst een naam in voor je eigen functie.",
        "en": "First enter a name for your own role.",
    },
    "placer.add_duplicate": {
        "nl": "Er is al een functie met de naam '{name}'.",
        "en": "There already is a role named '{name}'.",
    },
    "placer.add_too_many": {
        "nl": "Je kunt hoogstens {limit} eigen functies toevoegen.",
        "en": "You can add at most {limit} roles of your own.",
    },
    "placer.added": {
        "nl": "'{name}' is toegevoegd en gekozen: zet de functie nu op het raster.",
        "en": "'{name}' was added and selected: now put it on the grid.",
    },
    "feedback.summary": {
        "nl": "{correct} van de {total} functies staan in het kwadrant van Tabel 1.",
        "en": "{correct} of the {total} roles are in the quadrant of Table 1.",
    },
    "feedback.right": {"nl": "goed.", "en": "right."},
    "feedback.wrong": {
        "nl": "nog niet goed. Jij koos: {yours}. Het artikel: {article}. Het verschil zit in de {dimensions}.",
        "en": "not yet right. You chose: {yours}. The article: {article}. The difference is in the {dimensions}.",
    },
    "feedback.dimension.professionalism": {
        "nl": "professionaliteit (klassiek of organisatie)",
        "en": "professionalism (classic or organisational)",
    },
    "feedback.dimension.focus": {
        "nl": "focus (extern of intern)",
        "en": "focus (external or internal)",
    },
    "feedback.and": {"nl": " en in de ", "en": " and in the "},
    "feedback.border": {
        "nl": "staat op een grenslijn: kies een kant.",
        "en": "is on a border line: choose a side.",
    },
    "feedback.unplaced": {"nl": "nog niet geplaatst.", "en": "not placed yet."},
    "feedback.custom": {
        "nl": "Het artikel plaatst jouw eigen functie niet: kun je je keuze uitleggen met de twee onderscheidingen uit §3?",
        "en": "The article does not place your own role: can you explain your choice with the two distinctions of section 3?",
    },
    # --- TensionTriangle -------------------------------------------------------------------
    "tri.hint": {
        "nl": "Kies een functie, een dilemma of je eigen casus en geef met de schuifjes aan hoe sterk elk sturingsmodel eraan trekt (0 = niet, 100 = heel sterk). Het punt in de driehoek volgt je keuze.",
        "en": "Choose a role, a dilemma or your own case and use the sliders to show how strongly each steering model pulls on it (0 = not, 100 = very strongly). The point in the triangle follows your choice.",
    },
    "tri.subject": {"nl": "Onderwerp", "en": "Subject"},
    "tri.option_role": {"nl": "Functie: {name}", "en": "Role: {name}"},
    "tri.option_dilemma": {"nl": "Dilemma: {name}", "en": "Dilemma: {name}"},
    "tri.option_case": {"nl": "Mijn eigen casus", "en": "My own case"},
    "tri.case_name": {"nl": "Naam van je casus", "en": "Name of your case"},
    "tri.case_placeholder": {"nl": "bijv. de speeltuin", "en": "e.g. the playground"},
    "tri.show_article": {
        "nl": "Toon de lezing van het artikel",
        "en": "Show the article's reading",
    },
    "tri.no_weights": {
        "nl": "Nog geen gewichten: zet minstens één schuifje boven 0.",
        "en": "No weights yet: move at least one slider above 0.",
    },
    "tri.no_article_reading": {
        "nl": "Het artikel geeft voor dit onderwerp geen lezing; vergelijk met de dilemma's van de kwadranten.",
        "en": "The article gives no reading for this subject; compare with the quadrants' dilemmas.",
    },
    "tri.article_reading": {
        "nl": "Dilemma's die het artikel hier geeft: {dilemmas}. De lijnen tonen welke sturingsmodellen daarin botsen; waar het artikel de modellen niet bij naam noemt (§4.4), is dat onze lezing.",
        "en": "Dilemmas the article gives here: {dilemmas}. The lines show which steering models clash in them; where the article does not name the models (section 4.4), that is our reading.",
    },
    "tri.legend_current": {"nl": "gekozen onderwerp", "en": "selected subject"},
    "tri.legend_others": {"nl": "eerder gewogen", "en": "weighed before"},
    # --- DilemmaExplorer -----------------------------------------------------------------
    "explorer.quadrant": {"nl": "Kwadrant", "en": "Quadrant"},
    "explorer.meaning": {
        "nl": "Verbindend vakmanschap betekent hier:",
        "en": "Connective professionalism here means:",
    },
    "explorer.roles": {"nl": "Functies:", "en": "Roles:"},
    "explorer.competencies.genoemd": {
        "nl": "Competenties die het artikel noemt:",
        "en": "Competencies the article names:",
    },
    "explorer.competencies.ontbreekt": {
        "nl": "Wat volgens het artikel (soms) ontbreekt:",
        "en": "What the article says is (sometimes) lacking:",
    },
    "explorer.quotes": {"nl": "Uit de interviews:", "en": "From the interviews:"},
    "explorer.interview": {"nl": "interview", "en": "interview"},
    "explorer.interview_in": {"nl": "interview {municipality}", "en": "interview, {municipality}"},
    "explorer.dilemma": {"nl": "Dilemma {number}", "en": "Dilemma {number}"},
    "explorer.models": {"nl": "Sturingsmodellen in spanning:", "en": "Steering models in tension:"},
    "explorer.reinforced": {"nl": "(versterkt door: {models})", "en": "(reinforced by: {models})"},
    "explorer.inferred": {
        "nl": "(het artikel noemt de modellen hier niet bij naam; dit is onze lezing)",
        "en": "(the article does not name the models here; this is our reading)",
    },
    # --- CompetencyProfile ----------------------------------------------------------------
    "radar.unset": {"nl": "niet ingevuld", "en": "not filled in"},
    "radar.filled": {
        "nl": "{count} van de {total} punten ingevuld; alleen ingevulde punten tellen mee.",
        "en": "{count} of the {total} points filled in; only filled-in points count.",
    },
    "radar.managers_note": {
        "nl": "Let op: 't Hart (2014) formuleert deze aanbevelingen in zijn studie 'Ambtelijk vakmanschap 3.0' voor nieuw ambtelijk vakmanschap, met name van overheidsmanagers. Hier spiegel je jezelf eraan.",
        "en": "Note: 't Hart (2014) formulates these recommendations in his study 'Ambtelijk vakmanschap 3.0' for new civil-service craftsmanship, in particular of public managers. Here you hold them up to yourself.",
    },
    "radar.anchors_note": {
        "nl": "De beschrijvingen bij 1, 3 en 5 zijn ankers van deze lesreeks, in eigen woorden naar de punten zoals het artikel ze samenvat; ze komen niet van 't Hart of van de auteurs.",
        "en": "The descriptions at 1, 3 and 5 are this course's anchors, in our own words after the points as the article summarises them; they are not 't Hart's or the authors'.",
    },
    "radar.hint": {
        "nl": "Hoe sterk ben jij (of wil je worden) op elk punt van 't Hart? Elk schuifje begint op 'niet ingevuld': schuif naar 1 (nog weinig) tot 5 (sterk), ook met de pijltjestoetsen. Helemaal naar links is weer 'niet ingevuld'. Alleen punten die je invult, tellen mee.",
        "en": "How strong are you (or do you want to become) on each of 't Hart's points? Every slider starts at 'not filled in': move it to 1 (little yet) up to 5 (strong), also with the arrow keys. All the way to the left is 'not filled in' again. Only points you fill in count.",
    },
    "radar.source": {
        "nl": "Bron van de punten: 't Hart (2014: 35-37), zoals samengevat in §2 van het artikel; de indeling in zes punten is van ons.",
        "en": "Source of the points: 't Hart (2014: 35-37), as summarised in section 2 of the article; the split into six points is ours.",
    },
    # --- Quiz, TensionQuiz, Reflection -------------------------------------------------
    "kind.quote": {"nl": "citaat", "en": "quote"},
    "tquiz.question_inferred": {
        "nl": "Het artikel noemt hier geen sturingsmodellen bij naam. Welke herken jij? Vink ze aan, schrijf bij elk aangevinkt model één zin waarom het hier speelt en druk op Controleer: dan zie je jouw lezing naast de onze. Hier is geen goed of fout.",
        "en": "The article does not name the steering models here. Which do you recognise? Tick them, write one sentence for each ticked model on why it is at stake here and press Check: you then see your reading next to ours. There is no right or wrong here.",
    },
    "tquiz.why": {"nl": "Waarom speelt {model} hier?", "en": "Why is {model} at stake here?"},
    "tquiz.why_placeholder": {
        "nl": "Eén zin, gerust met woorden uit het artikel",
        "en": "One sentence, words from the article are welcome",
    },
    "tquiz.verdict.goed": {"nl": "goed", "en": "right"},
    "tquiz.verdict.verdedigbaar": {"nl": "verdedigbaar", "en": "defensible"},
    "tquiz.verdict.niet": {"nl": "niet in het artikel", "en": "not in the article"},
    "tquiz.verdict.ontbreekt": {"nl": "ontbreekt", "en": "missing"},
    "tquiz.defensible": {
        "nl": "Verdedigbaar: je hebt de modellen van het artikel, plus een lezing waar argumenten voor zijn.",
        "en": "Defensible: you have the article's models, plus a reading with arguments for it.",
    },
    "tquiz.ungraded": {
        "nl": "Jouw lezing naast de onze (het artikel noemt hier geen modellen, dus er is geen goed of fout)",
        "en": "Your reading next to ours (the article names no models here, so there is no right or wrong)",
    },
    "tquiz.defensible_chosen": {
        "nl": "je vinkte het aan. Het artikel noemt dit model hier niet, maar er is een argument voor: weeg het voor en het tegen.",
        "en": "you ticked it. The article does not name this model here, but there is an argument for it: weigh the for and the against.",
    },
    "tquiz.defensible_not_chosen": {
        "nl": "je vinkte het niet aan, en het artikel noemt dit model hier niet. Verdedigen kan wel: zie het voor en het tegen.",
        "en": "you did not tick it, and the article does not name this model here. It can be defended, though: see the for and the against.",
    },
    "tquiz.ours_and_yours": {
        "nl": "jij ziet dit model hier, en in onze lezing speelt het ook.",
        "en": "you see this model here, and in our reading it is at stake too.",
    },
    "tquiz.ours_not_yours": {
        "nl": "jij ziet dit model hier niet, in onze lezing speelt het wel.",
        "en": "you do not see this model here, in our reading it is at stake.",
    },
    "tquiz.yours_not_ours": {
        "nl": "jij ziet dit model hier, in onze lezing speelt het niet. Overtuigt jouw argument?",
        "en": "you see this model here, in our reading it is not at stake. Is your argument convincing?",
    },
    "tquiz.neither": {
        "nl": "jij ziet dit model hier niet, en in onze lezing speelt het ook niet.",
        "en": "you do not see this model here, and in our reading it is not at stake either.",
    },
    "tquiz.defensible_yours": {
        "nl": "jij ziet dit model hier. Wij vinden dat verdedigbaar: zie het voor en het tegen.",
        "en": "you see this model here. We find that defensible: see the for and the against.",
    },
    "tquiz.defensible_not_yours": {
        "nl": "jij ziet dit model hier niet. Wij vinden het verdedigbaar: zie het voor en het tegen.",
        "en": "you do not see this model here. We find it defensible: see the for and the against.",
    },
    "tquiz.your_explanation": {"nl": "Jouw uitleg:", "en": "Your explanation:"},
    "tquiz.no_explanation": {
        "nl": "Je schreef hier nog geen zin bij: waarom speelt dit model volgens jou hier?",
        "en": "You have not written a sentence here yet: why is this model at stake, in your view?",
    },
    "tquiz.quote_source": {
        "nl": "Binnema & Geuijen, §{section}",
        "en": "Binnema & Geuijen, §{section}",
    },
    "quiz.option_feedback": {
        "nl": "Jouw keuze (optie {option}):",
        "en": "Your choice (option {option}):",
    },
    "quotes.question": {
        "nl": "Bij welk kwadrant hoort elk citaat? Kies per citaat een kwadrant en druk op Controleer.",
        "en": "Which quadrant does each quote belong to? Choose a quadrant for each quote and press Check.",
    },
    "quotes.label": {"nl": "Citaat {number}", "en": "Quote {number}"},
    "quotes.dropdown": {"nl": "Kwadrant van citaat {number}", "en": "Quadrant of quote {number}"},
    "quotes.choose": {"nl": "— kies een kwadrant —", "en": "— choose a quadrant —"},
    "quotes.translation": {"nl": "Onze vertaling: {text}", "en": "Our translation: {text}"},
    "quotes.verdict": {
        "nl": "{correct} van de {total} citaten bij het kwadrant van het artikel.",
        "en": "{correct} of {total} quotes with the article's quadrant.",
    },
    "quotes.right": {"nl": "goed.", "en": "right."},
    "quotes.wrong": {
        "nl": "het artikel plaatst dit citaat elders.",
        "en": "the article puts this quote elsewhere.",
    },
    "quotes.unanswered": {"nl": "nog niet toegewezen.", "en": "not assigned yet."},
    "quotes.your_choice": {"nl": "Jouw keuze: {quadrant}.", "en": "Your choice: {quadrant}."},
    "quotes.article": {
        "nl": "Het artikel: §{section} {quadrant}.",
        "en": "The article: §{section} {quadrant}.",
    },
    "quotes.who": {
        "nl": "Bron in het artikel: {who} ({context}).",
        "en": "Source in the article: {who} ({context}).",
    },
    "quotes.not_named": {
        "nl": "functie en gemeente noemt het artikel niet",
        "en": "the article names neither role nor municipality",
    },
    "quotes.why": {"nl": "Waarom het daar past:", "en": "Why it fits there:"},
    "err.reading_status": {
        "nl": "{file}, rij {row}, kolom {letter} ({column}): '{value}' klopt niet met de kolommen models en reinforced_by ({models}): 'artikel' hoort bij precies die modellen, 'verdedigbaar' of 'niet' bij de andere",
        "en": "{file}, row {row}, column {letter} ({column}): '{value}' does not agree with the columns models and reinforced_by ({models}): 'artikel' belongs to exactly those models, 'verdedigbaar' or 'niet' to the others",
    },
    "err.feedback_mismatch": {
        "nl": "{file}, rij {row}, kolom {letter} ({column}): {count} teksten, maar options_nl heeft {expected} opties; geef per optie één tekst, gescheiden door ;",
        "en": "{file}, row {row}, column {letter} ({column}): {count} texts, but options_nl has {expected} options; give one text per option, separated by ;",
    },
    "quiz.question": {"nl": "Vraag:", "en": "Question:"},
    "quiz.check": {"nl": "Controleer", "en": "Check"},
    "quiz.choose_first": {"nl": "Kies eerst een antwoord.", "en": "Choose an answer first."},
    "tquiz.choose_first": {
        "nl": "Vink eerst minstens één model aan en schrijf er een zin bij; dan zie je hoe het artikel het ziet.",
        "en": "First tick at least one model and write a sentence for it; then you see how the article sees it.",
    },
    "quiz.check_again": {
        "nl": "Je koos een ander antwoord: druk opnieuw op 'Controleer'.",
        "en": "You chose another answer: press 'Check' again.",
    },
    "quiz.right": {"nl": "Goed.", "en": "Right."},
    "quiz.wrong": {"nl": "Nog niet goed.", "en": "Not yet right."},
    "quiz.source": {"nl": "Bron: {source}", "en": "Source: {source}"},
    "fig.not_drawn": {
        "nl": "De figuur kon niet getekend worden. Laad de pagina opnieuw.",
        "en": "The figure could not be drawn. Reload the page.",
    },
    "quiz.explanation": {
        "nl": "Toelichting bij vraag {question_id}",
        "en": "Explanation of question {question_id}",
    },
    "tquiz.question": {
        "nl": "Welke sturingsmodellen staan in dit dilemma met elkaar in spanning? Vink ze aan en schrijf bij elk aangevinkt model één zin waarom het hier speelt. Druk dan op Controleer: je ziet per model wat het artikel zegt, met een citaat (en waar wij een andere lezing verdedigbaar vinden, het argument ervoor en ertegen), en in de driehoek de modellen die het artikel hier in spanning ziet.",
        "en": "Which steering models are in tension in this dilemma? Tick them and write one sentence for each ticked model on why it is at stake here. Then press Check: you see for each model what the article says, with a quote (and where we find another reading defensible, the argument for and against), and in the triangle the models the article sees in tension here.",
    },
    "tquiz.partly": {"nl": "Nog niet helemaal.", "en": "Not quite yet."},
    "tquiz.in_and_chosen": {
        "nl": "je vinkte het aan, en het artikel ziet dit model hier ook.",
        "en": "you ticked it, and the article sees this model here too.",
    },
    "tquiz.in_not_chosen": {
        "nl": "je vinkte het niet aan, maar het artikel ziet dit model hier wel.",
        "en": "you did not tick it, but the article does see this model here.",
    },
    "tquiz.out_but_chosen": {
        "nl": "je vinkte het aan, maar het artikel ziet dit model hier niet.",
        "en": "you ticked it, but the article does not see this model here.",
    },
    "tquiz.out_not_chosen": {
        "nl": "je vinkte het niet aan, en het artikel ziet dit model hier ook niet.",
        "en": "you did not tick it, and the article does not see this model here either.",
    },
    "tquiz.reinforcing": {
        "nl": "volgens het artikel voelen deze ambtenaren dat dit model de spanning nog versterkt: aanvinken mag, maar hoeft niet.",
        "en": "according to the article these civil servants feel that this model reinforces the tension further: ticking it is fine, but not required.",
    },
    "reflection.label": {"nl": "Reflectie:", "en": "Reflection:"},
    "reflection.answer": {"nl": "Jouw antwoord", "en": "Your answer"},
    "reflection.placeholder": {"nl": "Schrijf hier je antwoord…", "en": "Write your answer here…"},
    "reflection.count": {"nl": "{count} tekens", "en": "{count} characters"},
    "reflection.count_one": {"nl": "1 teken", "en": "1 character"},
    "kind.question.keuze": {"nl": "keuzevraag", "en": "multiple-choice question"},
    "kind.question.reflectie": {"nl": "reflectievraag", "en": "reflection question"},
    # --- views ---------------------------------------------------------------------------
    # Reflection: "Lever in", model answers and rubrics (data/model_answers.csv)
    "reflection.submit": {"nl": "Lever in", "en": "Hand in"},
    "reflection.submit_tooltip": {
        "nl": "Lever je antwoord in; daarna kun je het nog aanpassen en opnieuw inleveren",
        "en": "Hand in your answer; you can still change it afterwards and hand it in again",
    },
    "reflection.write_first": {
        "nl": "Schrijf eerst een antwoord; daarna kun je het inleveren.",
        "en": "Write an answer first; then you can hand it in.",
    },
    "reflection.hint_key": {
        "nl": "Nog niet ingeleverd. Druk op 'Lever in' als je klaar bent: daarna zie je een modelantwoord en de rubric.",
        "en": "Not handed in yet. Press 'Hand in' when you are ready: then you see a model answer and the rubric.",
    },
    "reflection.hint_plain": {
        "nl": "Nog niet ingeleverd. Druk op 'Lever in' als je klaar bent.",
        "en": "Not handed in yet. Press 'Hand in' when you are ready.",
    },
    "reflection.submitted": {"nl": "Ingeleverd.", "en": "Handed in."},
    "reflection.changed": {
        "nl": "Je hebt je antwoord veranderd nadat je het inleverde. Druk opnieuw op 'Lever in' om deze versie in te leveren.",
        "en": "You changed your answer after handing it in. Press 'Hand in' again to hand in this version.",
    },
    "reflection.key_hidden": {
        "nl": "Je docent bespreekt het modelantwoord later.",
        "en": "Your lecturer will discuss the model answer later.",
    },
    "reflection.model_answer": {"nl": "Modelantwoord", "en": "Model answer"},
    "reflection.compare": {
        "nl": "Een voorbeeld van een goed antwoord, niet het enige goede. Vergelijk het met het jouwe: wat heb jij ook, wat mist er, wat heb jij dat hier niet staat?",
        "en": "An example of a good answer, not the only good one. Compare it with yours: what do you have too, what is missing, what do you have that is not here?",
    },
    "reflection.rubric": {
        "nl": "Rubric: op welk niveau zit jouw antwoord?",
        "en": "Rubric: at which level is your answer?",
    },
    "reflection.level": {"nl": "Niveau", "en": "Level"},
    "reflection.level_means": {"nl": "Het antwoord…", "en": "The answer…"},
    "rubric.onvoldoende": {"nl": "Onvoldoende", "en": "Insufficient"},
    "rubric.voldoende": {"nl": "Voldoende", "en": "Sufficient"},
    "rubric.goed": {"nl": "Goed", "en": "Good"},
    "reflection.reading": {
        "nl": "Dit modelantwoord is onze lezing van het artikel. Gebaseerd op: {source}.",
        "en": "This model answer is our reading of the article. Based on: {source}.",
    },
    "key.caption.reflectie": {
        "nl": "Modelantwoorden en rubrics bij de reflectievragen",
        "en": "Model answers and rubrics for the reflection questions",
    },
    "key.caption.discussie": {
        "nl": "Modelantwoorden en rubrics bij de discussievragen",
        "en": "Model answers and rubrics for the discussion questions",
    },
    "key.heading.reflectie": {
        "nl": "Notebook {notebook}: {question}",
        "en": "Notebook {notebook}: {question}",
    },
    "key.heading.discussie": {
        "nl": "Discussievraag {number}: {question}",
        "en": "Discussion question {number}: {question}",
    },
    "key.shown": {
        "nl": "Studenten zien dit na 'Lever in' (show_students = ja).",
        "en": "Students see this after 'Hand in' (show_students = yes).",
    },
    "key.hidden": {
        "nl": "Verborgen voor studenten (show_students = nee).",
        "en": "Hidden from students (show_students = no).",
    },
    "key.bad_kind": {
        "nl": "Onbekende soort vraag '{value}'. Kies uit: reflectie, discussie",
        "en": "Unknown kind of question '{value}'. Choose from: reflectie, discussie",
    },
    "key.rubric": {"nl": "Rubric", "en": "Rubric"},
    "key.none": {
        "nl": "Geen modelantwoorden van deze soort in model_answers.csv.",
        "en": "No model answers of this kind in model_answers.csv.",
    },
    "kind.model_answer": {"nl": "vraag met modelantwoord", "en": "question with a model answer"},
    "err.model_answer_not_reflection": {
        "nl": "{file}, rij {row}, kolom {letter} ({column}): '{value}' is geen reflectievraag in questions.csv (reflectievragen: {known}); kies 'discussie' in kolom kind voor een discussievraag",
        "en": "{file}, row {row}, column {letter} ({column}): '{value}' is not a reflection question in questions.csv (reflection questions: {known}); choose 'discussie' in column kind for a discussion question",
    },
    "err.model_answer_has_question": {
        "nl": "{file}, rij {row}, kolom {letter} ({column}): de tekst van een reflectievraag staat in questions.csv; laat deze cel leeg",
        "en": "{file}, row {row}, column {letter} ({column}): the text of a reflection question is in questions.csv; leave this cell empty",
    },
    "err.model_answer_id_taken": {
        "nl": "{file}, rij {row}, kolom {letter} ({column}): '{value}' is al een vraag in questions.csv; geef een discussievraag een eigen id",
        "en": "{file}, row {row}, column {letter} ({column}): '{value}' is already a question in questions.csv; give a discussion question an id of its own",
    },
    "views.based_on": {"nl": "Gebaseerd op: {source}.", "en": "Based on: {source}."},
    "views.models.caption": {
        "nl": "De drie sturingsmodellen die de auteurs (onder meer naar Stoker, 2006) onderscheiden",
        "en": "The three steering models the authors distinguish (among others after Stoker, 2006)",
    },
    "views.models.model": {"nl": "Sturingsmodel", "en": "Steering model"},
    "views.models.traits": {"nl": "Kenmerken (§2)", "en": "Characteristics (section 2)"},
    "views.models.asks": {
        "nl": "Wat het van ambtenaren vraagt",
        "en": "What it asks of civil servants",
    },
    "views.models.practice": {
        "nl": "Zo vat het slot (§5) het samen",
        "en": "How the conclusion (section 5) sums it up",
    },
    "views.contrast.caption": {
        "nl": "NPM tegenover netwerksamenwerking (§2)",
        "en": "NPM versus network governance (section 2)",
    },
    "views.total": {"nl": "Totaal", "en": "Total"},
    "views.design.caption": {
        "nl": "Interviews per gemeente (§3)",
        "en": "Interviews per municipality (section 3)",
    },
    "views.design.municipality": {"nl": "Gemeente", "en": "Municipality"},
    "views.design.interviews": {"nl": "Interviews", "en": "Interviews"},
    "views.design.note": {"nl": "Toelichting", "en": "Note"},
    "views.dilemmas.caption": {"nl": "Alle dilemma's uit §4", "en": "All dilemmas of section 4"},
    "views.dilemmas.name": {"nl": "Dilemma", "en": "Dilemma"},
    "views.dilemmas.section": {"nl": "§", "en": "Section"},
    "views.dilemmas.poles": {"nl": "Polen", "en": "Poles"},
    "views.dilemmas.models": {
        "nl": "Sturingsmodellen in spanning",
        "en": "Steering models in tension",
    },
    "views.answers.caption": {
        "nl": "Keuzevragen met het goede antwoord",
        "en": "Multiple-choice questions with the right answer",
    },
    "views.answers.notebook": {"nl": "Notebook", "en": "Notebook"},
    "views.answers.question": {"nl": "Vraag", "en": "Question"},
    "views.answers.answer": {"nl": "Goed antwoord", "en": "Right answer"},
    "views.answers.why": {"nl": "Toelichting", "en": "Explanation"},
    # --- answer files -------------------------------------------------------------------
    "answers.zip_encrypted": {
        "nl": "versleuteld; er is een wachtwoord nodig",
        "en": "encrypted; a password is needed",
    },
    "answers.zip_unsupported": {
        "nl": "deze compressiemethode of zip-versie wordt niet ondersteund",
        "en": "this compression method or zip version is not supported",
    },
    "answers.zip_damaged": {
        "nl": "beschadigd of afgebroken: {detail}",
        "en": "damaged or cut off: {detail}",
    },
    "answers.zip_bad_entry": {
        "nl": "dit bestand in de zip kan niet worden gelezen ({reason})",
        "en": "this file in the zip cannot be read ({reason})",
    },
    "answers.zip_empty": {"nl": "de zip bevat geen bestanden", "en": "the zip holds no files"},
    "answers.not_regular": {
        "nl": "geen gewoon bestand (maar bijvoorbeeld een pipe, socket of apparaat); overgeslagen",
        "en": "not a regular file (but for example a pipe, socket or device); skipped",
    },
    "answers.link_dangling": {
        "nl": "link wijst nergens heen; overgeslagen",
        "en": "link points nowhere; skipped",
    },
    "answers.link_loop": {
        "nl": "link wijst in een kring naar zichzelf; overgeslagen",
        "en": "link points to itself in a loop; skipped",
    },
    "answers.link_outside": {
        "nl": "link wijst naar iets buiten de map; niet gevolgd",
        "en": "link points outside the folder; not followed",
    },
    "answers.link_inside": {
        "nl": "link naar iets binnen de map (het verwante bestand); dat wordt onder zijn eigen naam gelezen",
        "en": "link to something inside the folder (the related file); that is read under its own name",
    },
    "answers.same_file": {
        "nl": "hetzelfde bestand als het verwante bestand (een harde link); één keer gelezen",
        "en": "the same file as the related file (a hard link); read once",
    },
    "answers.folder_unreadable": {
        "nl": "map kan niet worden gelezen ({reason})",
        "en": "folder cannot be read ({reason})",
    },
    "answers.folder_seen": {
        "nl": "deze map is al gelezen (een kring); overgeslagen",
        "en": "this folder was read already (a loop); skipped",
    },
    "answers.bad_upload": {
        "nl": "upload kan niet worden gelezen (geen bytes maar {type})",
        "en": "upload cannot be read (not bytes but {type})",
    },
    "answers.duplicate_file": {
        "nl": "zelfde student als in het verwante bestand; het nieuwere bestand is gebruikt",
        "en": "same student as in the related file; the newer file was used",
    },
    "answers.older_attempt": {
        "nl": "een eerdere inlevering van dezelfde student in de leeromgeving; de latere inlevering (het verwante bestand) is gebruikt",
        "en": "an earlier submission of the same student in the learning environment; the later submission (the related file) was used",
    },
    "answers.lms_receipt_unused": {
        "nl": "Blackboard-ontvangstbewijs van een inlevering zonder antwoordbestand; niet nodig",
        "en": "Blackboard receipt of a submission without an answer file; not needed",
    },
    "answers.lms_receipt_bad": {
        "nl": "Blackboard-ontvangstbewijs zonder bruikbare regel 'Name: naam (gebruikersnaam)', of met een andere gebruikersnaam dan de bestandsnamen; de bestanden van deze inlevering houden de gebruikersnaam uit hun bestandsnaam",
        "en": "Blackboard receipt without a usable line 'Name: name (username)', or with another username than the file names; the files of this submission keep the username from their file name",
    },
    "answers.duplicate_exercise": {
        "nl": "oefening '{exercise}' niet nog eens meegeteld: dezelfde antwoorden van deze student staan ook in {kept} (nieuwer, of even oud en eerder op naam), en die zijn gebruikt",
        "en": "exercise '{exercise}' not counted again: the same answers of this student are also in {kept} (newer, or as old and first by name), and those were used",
    },
    "answers.related": {"nl": "Verwant bestand", "en": "Related file"},
    "answers.too_large": {
        "nl": "bestand is te groot ({size} bytes; hoogstens {limit})",
        "en": "file is too large ({size} bytes; at most {limit})",
    },
    "answers.empty": {"nl": "bestand is leeg", "en": "file is empty"},
    "answers.not_utf8": {
        "nl": "bestand is geen UTF-8-tekst (fout bij byte {position})",
        "en": "file is not UTF-8 text (error at byte {position})",
    },
    "answers.bad_json": {
        "nl": "geen geldige JSON: {detail} (regel {line}, kolom {column})",
        "en": "not valid JSON: {detail} (line {line}, column {column})",
    },
    "answers.nan": {
        "nl": "ongeldige waarde {value} in de JSON",
        "en": "invalid value {value} in the JSON",
    },
    "answers.not_object": {
        "nl": "de JSON is geen object maar een {type}",
        "en": "the JSON is not an object but a {type}",
    },
    "answers.too_deep": {
        "nl": "de JSON is te diep genest (meer dan {limit} niveaus)",
        "en": "the JSON is nested too deeply (more than {limit} levels)",
    },
    "answers.not_ours": {
        "nl": "geen antwoordbestand van deze notebooks (veld 'schema' ontbreekt of klopt niet)",
        "en": "not an answer file of these notebooks (field 'schema' missing or wrong)",
    },
    "answers.bad_version": {
        "nl": "ongeldige schema_version {value}",
        "en": "invalid schema_version {value}",
    },
    "answers.future_version": {
        "nl": "schema_version {value} is nieuwer dan deze versie van vakmanschap ({ours}); werk het pakket bij",
        "en": "schema_version {value} is newer than this version of vakmanschap ({ours}); update the package",
    },
    "answers.not_a_file": {
        "nl": "{file} is geen gewoon bestand (een map, apparaat of koppeling); er is niets aan veranderd en je antwoorden worden niet bewaard. Kies een ander bestand met de omgevingsvariabele VAKMANSCHAP_ANSWERS of verwijder wat daar staat.",
        "en": "{file} is not a regular file (a folder, device or link); nothing was changed and your answers are not saved. Choose another file with the environment variable VAKMANSCHAP_ANSWERS or remove what is there.",
    },
    "answers.set_aside_failed": {
        "nl": "{file} kon niet worden gelezen ({reason}) en ook niet opzij gezet ({error}); het is niet overschreven en je antwoorden worden nog niet bewaard",
        "en": "{file} could not be read ({reason}) nor set aside ({error}); it was not overwritten and your answers are not saved yet",
    },
    "answers.field_dropped": {
        "nl": "veld '{field}' weggelaten: {reason}; de rest van het bestand is gebruikt",
        "en": "field '{field}' left out: {reason}; the rest of the file was used",
    },
    "answers.not_text": {"nl": "geen tekst", "en": "not text"},
    "answers.text_repaired": {
        "nl": "{field}: tekens die niet als UTF-8 bestaan (losse surrogaten) zijn vervangen door �",
        "en": "{field}: characters that do not exist in UTF-8 (lone surrogates) were replaced by �",
    },
    "answers.future_stamp": {
        "nl": "{field} = {stamp} ligt in de toekomst (een klok die voorloopt of een bewerkt bestand); deze tijd telt niet mee bij het kiezen van het nieuwste",
        "en": "{field} = {stamp} lies in the future (a fast clock or an edited file); this time is not used to choose the newest",
    },
    "answers.bad_field": {
        "nl": "veld '{field}' ontbreekt of heeft een verkeerd type",
        "en": "field '{field}' is missing or of the wrong type",
    },
    "answers.unknown_exercise": {
        "nl": "onbekende oefening '{exercise}' overgeslagen",
        "en": "unknown exercise '{exercise}' skipped",
    },
    "answers.bad_exercise": {
        "nl": "oefening '{exercise}' overgeslagen: {reason}",
        "en": "exercise '{exercise}' skipped: {reason}",
    },
    "answers.set_aside": {
        "nl": "{file} kon niet worden gelezen ({reason}); het is bewaard als {aside} en er is een nieuw bestand begonnen",
        "en": "{file} could not be read ({reason}); it was kept as {aside} and a new file was started",
    },
    "answers.some_skipped": {
        "nl": "niet alle antwoorden konden worden hersteld: {problems}",
        "en": "not all answers could be restored: {problems}",
    },
    "answers.write_failed": {
        "nl": "opslaan in {file} mislukt ({reason}); download je antwoorden",
        "en": "saving to {file} failed ({reason}); download your answers",
    },
    "answers.bad_zip": {
        "nl": "zip kan niet worden gelezen ({reason})",
        "en": "zip cannot be read ({reason})",
    },
    "answers.zip_too_many": {
        "nl": "zip bevat meer dan {limit} bestanden",
        "en": "zip holds more than {limit} files",
    },
    "answers.unsafe_name": {
        "nl": "onveilige bestandsnaam in de zip (absoluut pad of '..'); overgeslagen",
        "en": "unsafe file name in the zip (absolute path or '..'); skipped",
    },
    "answers.not_json_name": {
        "nl": "geen .json-bestand; overgeslagen",
        "en": "not a .json file; skipped",
    },
    "answers.empty_folder": {"nl": "de map is leeg", "en": "the folder is empty"},
    "answers.no_such_source": {
        "nl": "bestand of map bestaat niet",
        "en": "file or folder does not exist",
    },
    "answers.nothing_uploaded": {
        "nl": "er zijn geen bestanden aangeboden",
        "en": "no files were given",
    },
    "answers.duplicate": {
        "nl": "zelfde student als in {newer}; het nieuwere bestand is gebruikt",
        "en": "same student as in {newer}; the newer file was used",
    },
    "panel.title": {"nl": "Mijn antwoorden", "en": "My answers"},
    "panel.explain": {
        "nl": "Je antwoorden worden bij elke wijziging bewaard in een bestand naast de notebooks. Download ze om in te leveren of om later verder te gaan (in Binder blijft niets bewaard); upload ze in een nieuwe sessie om verder te werken.",
        "en": "Your answers are saved to a file beside the notebooks on every change. Download them to hand in or to continue later (Binder keeps nothing); upload them in a new session to continue.",
    },
    "panel.name": {"nl": "Naam", "en": "Name"},
    "panel.number": {"nl": "Studentnummer", "en": "Student number"},
    "panel.name_placeholder": {"nl": "je naam", "en": "your name"},
    "panel.number_placeholder": {"nl": "bijv. 1234567", "en": "e.g. 1234567"},
    "panel.download": {"nl": "Download mijn antwoorden", "en": "Download my answers"},
    "panel.upload": {"nl": "Upload antwoorden", "en": "Upload answers"},
    "panel.saved": {
        "nl": "Opgeslagen in {file} ({count} oefeningen).",
        "en": "Saved in {file} ({count} exercises).",
    },
    "panel.saved_one": {
        "nl": "Opgeslagen in {file} (1 oefening).",
        "en": "Saved in {file} (1 exercise).",
    },
    "panel.upload_ok": {
        "nl": "Antwoorden uit {file} zijn overgenomen.",
        "en": "Answers from {file} were taken over.",
    },
    "panel.upload_partly": {
        "nl": "Overgenomen, behalve: {problems}",
        "en": "Taken over, except: {problems}",
    },
    "panel.upload_failed": {
        "nl": "{file} kon niet worden gebruikt: {reason}",
        "en": "{file} could not be used: {reason}",
    },
    # --- class results ------------------------------------------------------------------
    "class.hint": {
        "nl": "Upload de antwoordbestanden van je studenten (losse .json-bestanden of een zip uit Brightspace, Canvas of Moodle), of geef een map op, en druk op 'Verwerk'. Zet 'voorbeeldklas' aan om het eerst met verzonnen antwoorden te proberen.",
        "en": "Upload your students' answer files (single .json files or a zip from Brightspace, Canvas or Moodle), or give a folder, and press 'Process'. Tick 'example class' to try it with made-up answers first.",
    },
    "class.upload": {"nl": "Upload bestanden", "en": "Upload files"},
    "class.folder": {"nl": "of een map", "en": "or a folder"},
    "class.folder_placeholder": {"nl": "bijv. inleveringen/", "en": "e.g. submissions/"},
    "class.pseudonyms": {
        "nl": "Toon pseudoniemen in plaats van namen (ook in de exports)",
        "en": "Show pseudonyms instead of names (in the exports too)",
    },
    "class.example": {
        "nl": "Gebruik een voorbeeldklas van 30 verzonnen studenten",
        "en": "Use an example class of 30 made-up students",
    },
    "class.run": {"nl": "Verwerk", "en": "Process"},
    "class.summary": {
        "nl": "Studenten ingelezen: {students}. Bestanden of onderdelen niet gebruikt: {rejected} (zie het verslag).",
        "en": "Students read: {students}. Files or parts not used: {rejected} (see the report).",
    },
    "class.download_handout": {"nl": "Download hand-out (HTML)", "en": "Download handout (HTML)"},
    "class.download_csv": {
        "nl": "Download alle antwoorden (CSV)",
        "en": "Download all answers (CSV)",
    },
    "class.placements_title": {
        "nl": "Plaatsingen van de klas per functie (gestippeld: kwadrant van Tabel 1)",
        "en": "The class's placements per role (dashed: quadrant of Table 1)",
    },
    "class.placements_describe": {
        "nl": "Per functie een raster met de plaatsingen van de klas als dichtheid; het kwadrant van Tabel 1 is gestippeld omlijnd.",
        "en": "Per role a grid with the class's placements as a density; the quadrant of Table 1 is outlined with dashes.",
    },
    "class.placements_role": {
        "nl": "{role}: {n} plaatsingen, {share} in {quadrant}",
        "en": "{role}: {n} placements, {share} in {quadrant}",
    },
    "class.mean": {"nl": "gemiddelde", "en": "mean"},
    "class.agreement_title": {
        "nl": "Overeenstemming met Tabel 1 per functie",
        "en": "Agreement with Table 1 per role",
    },
    "class.agreement_axis": {
        "nl": "% in het kwadrant van het artikel",
        "en": "% in the article's quadrant",
    },
    "class.triangle_title": {
        "nl": "Spanningsdriehoek: de klas (punten) en het gemiddelde per onderwerp",
        "en": "Tension triangle: the class (dots) and the mean per subject",
    },
    "class.individual": {"nl": "studenten", "en": "students"},
    "class.scores_title": {
        "nl": "Zelfbeoordeling op de punten van 't Hart (2014): spreiding in de klas",
        "en": "Self-assessment on 't Hart's (2014) points: spread in the class",
    },
    "class.student": {"nl": "Student", "en": "Student"},
    "class.reflection": {"nl": "Reflectie", "en": "Reflection"},
    "class.no_reflections": {"nl": "Nog geen reflecties.", "en": "No reflections yet."},
    "class.all_used": {"nl": "Alle bestanden zijn gebruikt.", "en": "All files were used."},
    "class.report_caption": {"nl": "Niet gebruikt ({count})", "en": "Not used ({count})"},
    "class.file": {"nl": "Bestand", "en": "File"},
    "class.reason": {"nl": "Reden", "en": "Reason"},
    "class.report_title": {"nl": "Verslag van het inlezen", "en": "Reading report"},
    "class.handout_title": {
        "nl": "Verbindend vakmanschap: resultaten van de klas",
        "en": "Connective professionalism: class results",
    },
    "class.handout_meta": {
        "nl": "{students} studenten, gemaakt op {stamp}.",
        "en": "{students} students, made on {stamp}.",
    },
    "class.text_version": {"nl": "Tekstversie van de figuur", "en": "Text version of the figure"},
    "class.quiz_title": {"nl": "Vragen: aandeel goed", "en": "Questions: share right"},
    "class.question": {"nl": "Vraag", "en": "Question"},
    "class.right": {"nl": "goed", "en": "right"},
    "class.reflections_title": {"nl": "Reflecties", "en": "Reflections"},
    "class.col_role": {"nl": "Functie", "en": "Role"},
    "class.col_quadrant": {"nl": "Kwadrant in Tabel 1", "en": "Quadrant in Table 1"},
    "class.col_placements": {"nl": "Plaatsingen", "en": "Placements"},
    "class.col_share_in_quadrant": {
        "nl": "In het kwadrant van het artikel",
        "en": "In the article's quadrant",
    },
    "class.col_widget": {"nl": "Soort oefening", "en": "Kind of exercise"},
    "class.col_answers": {"nl": "Antwoorden", "en": "Answers"},
    "class.col_share_right": {"nl": "Aandeel goed", "en": "Share right"},
    "class.col_name": {"nl": "Naam", "en": "Name"},
    "class.col_number": {"nl": "Studentnummer", "en": "Student number"},
    "class.col_lms": {"nl": "Leeromgeving", "en": "Learning environment"},
    "class.col_lms_name": {
        "nl": "Naam in de leeromgeving",
        "en": "Name in the learning environment",
    },
    "class.col_lms_id": {"nl": "Id in de leeromgeving", "en": "Id in the learning environment"},
    "class.progress_start": {"nl": "Bezig: bestanden zoeken…", "en": "Working: finding files…"},
    "class.progress": {
        "nl": "Bezig met de bestanden: {done} van {total}",
        "en": "Working on the files: {done} of {total}",
    },
    "class.progress_building": {
        "nl": "Bestanden gelezen: {total}. Nu figuren, tabellen en hand-out maken…",
        "en": "Files read: {total}. Now making figures, tables and handout…",
    },
    "class.nothing_given": {
        "nl": "Er is nog niets om te verwerken. Kies antwoordbestanden met 'Upload bestanden' (losse .json-bestanden of een zip), geef een map op of zet de voorbeeldklas aan, en druk dan op 'Verwerk'.",
        "en": "There is nothing to process yet. Choose answer files with 'Upload files' (single .json files or a zip), give a folder or tick the example class, then press 'Process'.",
    },
    "class.none_usable": {
        "nl": "Geen enkel bestand kon worden gebruikt; de tabel noemt per bestand de reden. Kies de antwoordbestanden van je studenten (de .json-bestanden die ze downloaden onder 'Mijn antwoorden', of de zip uit je leeromgeving) en druk opnieuw op 'Verwerk'. Vraag studenten met een beschadigd bestand om het opnieuw te downloaden en in te leveren.",
        "en": "No file could be used; the table gives the reason for each file. Choose your students' answer files (the .json files they download under 'My answers', or the zip from your learning environment) and press 'Process' again. Ask students with a damaged file to download it again and hand it in.",
    },
    "class.failed_names": {
        "nl": "Toon welke bestanden niet gebruikt zijn en waarom ({count}); de bestandsnamen kunnen namen van studenten bevatten",
        "en": "Show which files were not used and why ({count}); the file names may contain students' names",
    },
    "json.type.list": {"nl": "lijst", "en": "list"},
    "json.type.str": {"nl": "tekst", "en": "text"},
    "json.type.int": {"nl": "getal", "en": "number"},
    "json.type.float": {"nl": "getal", "en": "number"},
    "json.type.bool": {"nl": "waar/onwaar-waarde", "en": "true/false value"},
    "json.type.NoneType": {"nl": "null", "en": "null"},
    # why the JSON parser stopped (json's own messages are English), by its message
    "json.msg.expecting_value": {"nl": "hier hoort een waarde", "en": "a value belongs here"},
    "json.msg.expecting_delimiter": {
        "nl": "hier hoort een komma of een sluithaakje",
        "en": "a comma or a closing bracket belongs here",
    },
    "json.msg.expecting_colon": {"nl": "hier hoort een dubbele punt", "en": "a colon belongs here"},
    "json.msg.expecting_name": {
        "nl": "hier hoort een naam tussen dubbele aanhalingstekens",
        "en": "a name in double quotes belongs here",
    },
    "json.msg.unterminated_string": {
        "nl": "een tekst die hier begint, wordt nergens afgesloten",
        "en": "a text that starts here is never closed",
    },
    "json.msg.extra_data": {
        "nl": "na het einde van de gegevens staat nog iets",
        "en": "something follows the end of the data",
    },
    "json.msg.control_character": {
        "nl": "een onzichtbaar stuurteken binnen een tekst",
        "en": "an invisible control character inside a text",
    },
    "json.msg.bad_escape": {
        "nl": "een ongeldige \\-reeks binnen een tekst",
        "en": "an invalid \\ sequence inside a text",
    },
    "json.msg.other": {"nl": "de opbouw klopt hier niet", "en": "the structure is wrong here"},
    # why the system could not read or write a file (its own messages are English), by errno
    "os.not_found": {
        "nl": "het bestand of de map bestaat niet",
        "en": "the file or folder does not exist",
    },
    "os.permission": {"nl": "geen toestemming", "en": "no permission"},
    "os.no_space": {"nl": "de schijf is vol", "en": "the disk is full"},
    "os.quota": {"nl": "je opslagruimte is vol", "en": "your storage quota is full"},
    "os.read_only": {"nl": "de schijf is alleen-lezen", "en": "the disk is read-only"},
    "os.is_folder": {"nl": "het is een map", "en": "it is a folder"},
    "os.not_folder": {
        "nl": "een deel van het pad is geen map",
        "en": "part of the path is not a folder",
    },
    "os.too_long": {"nl": "de naam is te lang", "en": "the name is too long"},
    "os.busy": {"nl": "het bestand is in gebruik", "en": "the file is in use"},
    "os.other": {"nl": "systeemfout {code}", "en": "system error {code}"},
    "answers.zip_too_large": {
        "nl": "de zip bevat samen meer dan {limit} bytes; de rest is overgeslagen",
        "en": "the zip holds more than {limit} bytes in all; the rest was skipped",
    },
    "answers.unreadable": {
        "nl": "bestand kan niet worden gelezen ({reason})",
        "en": "file cannot be read ({reason})",
    },
    "answers.file": {"nl": "bestand", "en": "file"},
    "class.failed": {"nl": "Verwerken mislukt: {reason}", "en": "Processing failed: {reason}"},
    # the exercise kinds by name, as tables for the lecturer show them
    "exercise.Quiz": {"nl": "keuzevraag", "en": "multiple-choice question"},
    "exercise.TensionQuiz": {"nl": "dilemma-opdracht", "en": "dilemma task"},
    "exercise.RolePlacer": {"nl": "functies plaatsen", "en": "placing roles"},
    "exercise.VignettePlacer": {"nl": "vignetten plaatsen", "en": "placing vignettes"},
    "exercise.QuoteAttribution": {"nl": "citaten plaatsen", "en": "placing quotes"},
    "exercise.TensionTriangle": {"nl": "spanningsdriehoek", "en": "tension triangle"},
    "exercise.DilemmaExplorer": {"nl": "dilemmaverkenner", "en": "dilemma explorer"},
    "exercise.CompetencyProfile": {"nl": "zelfbeoordeling", "en": "self-assessment"},
    "exercise.Reflection": {"nl": "reflectie", "en": "reflection"},
    "kind.role": {"nl": "functie", "en": "role"},
    "kind.quadrant": {"nl": "kwadrant", "en": "quadrant"},
    "kind.model": {"nl": "sturingsmodel", "en": "steering model"},
    "kind.dilemma": {"nl": "dilemma", "en": "dilemma"},
}

_state = {"language": "nl"}


def set_language(language: str) -> None:
    """Set the language of every user-facing string.

    Parameters
    ----------
    language : {"nl", "en"}
        ``"nl"`` (Dutch, the default) or ``"en"`` (English).

    Raises
    ------
    ValueError
        If `language` is not one of :data:`LANGUAGES`.
    """
    if language not in LANGUAGES:
        raise ValueError(t("err.unknown_language", value=language, known=", ".join(LANGUAGES)))
    _state["language"] = language


def get_language() -> str:
    """Return the current language code (``"nl"`` or ``"en"``)."""
    return _state["language"]


def t(key: str, /, language: str | None = None, **values: object) -> str:
    """Return message `key` in the current (or given) language, formatted with `values`.

    Parameters
    ----------
    key : str
        A key of :data:`MESSAGES`.
    language : str, optional
        Override the current language for this one message.
    **values
        Values for the message's ``{placeholders}``. When ``count`` is 1 and the catalogue
        has ``<key>_one``, that (singular) message is used: "1 oefening", not "1 oefeningen".

    Returns
    -------
    str
        The formatted message.
    """
    if values.get("count") == 1 and f"{key}_one" in MESSAGES:
        key = f"{key}_one"
    entry = MESSAGES[key]
    return entry[language or _state["language"]].format(**values)


def localized(field: str, language: str | None = None) -> str:
    """Return the data column holding `field` in the current language, e.g. ``"name_nl"``."""
    return f"{field}_{language or _state['language']}"


def placeholders(text: str) -> set[str]:
    """Return the names of the ``{placeholders}`` in `text` (used to check the catalogue)."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


#: errno values to the catalogue's reasons (the system's own messages are English).
_OS_REASONS = {
    errno.ENOENT: "os.not_found",
    errno.EACCES: "os.permission",
    errno.EPERM: "os.permission",
    errno.ENOSPC: "os.no_space",
    errno.EDQUOT: "os.quota",
    errno.EROFS: "os.read_only",
    errno.EISDIR: "os.is_folder",
    errno.ENOTDIR: "os.not_folder",
    errno.ENAMETOOLONG: "os.too_long",
    errno.EBUSY: "os.busy",
    errno.ETXTBSY: "os.busy",
}


def os_reason(exc: OSError) -> str:
    """Why the system could not read or write, in the user's language, without the path."""
    key = _OS_REASONS.get(exc.errno or -1)
    if key is not None:
        return t(key)
    return t("os.other", code=errno.errorcode.get(exc.errno or -1, type(exc).__name__))
