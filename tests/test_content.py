"""The shipped data matches the article, and the lookups answer as documented."""

from __future__ import annotations

import re
import subprocess
import sys

import pandas as pd
import pytest

import vakmanschap as vk

# Tabel 1 of the article, written out independently of data/.
TABEL_1 = {
    "jurist": ("klassiek", "extern"),
    "bouwkundig_ingenieur": ("klassiek", "extern"),
    "controller": ("klassiek", "intern"),
    "hrm": ("klassiek", "intern"),
    "reactiveringsambtenaar": ("organisatie", "extern"),
    "boa": ("organisatie", "extern"),
    "strateeg": ("organisatie", "intern"),
    "kwaliteitsfunctionaris": ("organisatie", "intern"),
}
SECTIONS = {
    ("klassiek", "extern"): "4.1",
    ("klassiek", "intern"): "4.2",
    ("organisatie", "extern"): "4.3",
    ("organisatie", "intern"): "4.4",
}
# Each dilemma's quadrant and models in tension, as sections 4.1-4.4 explain them.
DILEMMAS = {
    "zelf_uitvoeren_of_overlaten": ("4.1", {"klassiek", "netwerk"}),
    "risicomijdend_of_ondernemend": ("4.1", {"klassiek", "npm"}),
    "bedrijfsmatig_of_politiek": ("4.2", {"npm", "klassiek"}),
    "vangrail_of_vangnet": ("4.3", {"klassiek", "netwerk"}),
    "loslaten_of_ingrijpen": ("4.3", {"klassiek", "npm", "netwerk"}),
    "netwerkproces_of_stroperigheid": ("4.4", {"netwerk", "klassiek"}),
}


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2019", "'").replace("\u2018", "'")).strip()


def test_counts(fw):
    assert len(fw.quadrants) == 4
    assert len(fw.roles) == 8
    assert fw.steering_models["model_id"].tolist() == ["klassiek", "npm", "netwerk"]
    assert len(fw.dilemmas) == 6
    assert len(fw.recommendations) == 6


def test_quadrants_follow_tabel_1(fw):
    for _, q in fw.quadrants.iterrows():
        assert SECTIONS[(q["professionalism"], q["focus"])] == q["section"]


@pytest.mark.parametrize("role_id", sorted(TABEL_1))
def test_every_role_in_its_quadrant(fw, role_id):
    quadrant = fw.quadrant(fw.quadrant_of(role_id))
    assert (quadrant["professionalism"], quadrant["focus"]) == TABEL_1[role_id]


def test_two_roles_per_quadrant(fw):
    assert fw.roles.groupby("quadrant_id").size().tolist() == [2, 2, 2, 2]


def test_each_dilemma_quadrant_and_models(fw):
    assert set(fw.dilemmas["dilemma_id"]) == set(DILEMMAS)
    for _, d in fw.dilemmas.iterrows():
        section, models = DILEMMAS[d["dilemma_id"]]
        assert fw.quadrant(d["quadrant_id"])["section"] == section
        assert set(d["models"]) == models
        assert isinstance(d["models"], tuple)
    vangrail = fw.dilemma("vangrail_of_vangnet")
    assert vangrail["reinforced_by"] == ("npm",)  # efficiency sharpens it (4.3)
    # only the 4.4 dilemma's models are our reading; the article names the others
    inferred = fw.dilemmas.loc[fw.dilemmas["models_source"] == "afgeleid", "dilemma_id"]
    assert inferred.tolist() == ["netwerkproces_of_stroperigheid"]


def test_dilemma_names_appear_in_article(fw, article_text):
    text = normalise(article_text)
    for phrase in (
        "vangrail of vangnet",
        "risicomijdend of ondernemend zijn",
        "zelf de uitvoering bepalen of het aan de uitvoerende organisaties overlaten",
    ):
        assert phrase in text


def test_interview_counts(fw, article_text):
    counts = dict(
        zip(fw.municipalities["municipality_id"], fw.municipalities["interviews"], strict=True)
    )
    assert counts == {"grote_stad": 8, "provinciestad": 8, "dorp": 10}
    assert sum(counts.values()) == 26
    assert "in totaal 26" in article_text
    assert "In het dorp zijn twee extra interviews gehouden" in article_text
    design = dict(zip(fw.research_design["aspect"], fw.research_design["value_nl"], strict=True))
    assert design["periode"] == "juni 2013"


def test_quotes_are_verbatim_and_attributed(fw, article_text):
    text = normalise(article_text)
    assert len(fw.quotes) >= 12
    for _, quote in fw.quotes.iterrows():
        # "..." marks an omission (as in the article): check each fragment verbatim.
        fragments = re.split(r"\.\.\.|…", normalise(quote["text_nl"]))
        for fragment in (f.strip() for f in fragments):
            if fragment:
                assert fragment.lower() in text.lower(), (quote["quote_id"], fragment)
        assert len(quote["text_nl"].split()) <= 30, "quotes must stay short"
    assert set(fw.quotes["municipality_id"]) - {""} <= {"grote_stad", "provinciestad", "dorp"}


def test_competencies_named_and_lacking(fw):
    lacking = set(fw.competencies_in("klassiek_extern", kind="ontbreekt")["name_nl"])
    assert {
        "creativiteit",
        "inventiviteit",
        "assertiviteit",
        "lef",
        "luisteren",
        "vertrouwen organiseren",
    } <= lacking
    for quadrant_id in fw.quadrants["quadrant_id"]:
        assert len(fw.competencies_in(quadrant_id, kind="genoemd")) >= 3
    assert "vasthoudendheid" in set(fw.competencies_in("organisatie_intern")["name_nl"])


def test_steering_model_characteristics(fw):
    assert "hiërarchie" in fw.model("klassiek")["characteristics_nl"]
    assert "efficiëntie" in fw.model("npm")["characteristics_nl"]
    assert "publieke waarde" in fw.model("netwerk")["characteristics_nl"]


def test_references(fw):
    refs = fw.references
    assert refs["in_reference_list"].sum() == 7
    outside = set(refs.loc[~refs["in_reference_list"], "reference_id"])
    assert outside == {"wrr_2012", "rmo_2013", "rob_2012"}
    assert set(fw.recommendations["source"]) == {"'t Hart (2014: 35-37)"}


def test_lookups(fw):
    assert fw.quadrant_of("controller") == "klassiek_intern"
    assert fw.roles_in("organisatie_extern")["role_id"].tolist() == [
        "reactiveringsambtenaar",
        "boa",
    ]
    assert fw.dilemmas_in("klassiek_extern")["dilemma_id"].tolist() == [
        "zelf_uitvoeren_of_overlaten",
        "risicomijdend_of_ondernemend",
    ]
    assert fw.quadrant_at("organisatie", "intern") == "organisatie_intern"
    assert len(fw.quotes_in("klassiek_intern")) == 2
    assert isinstance(fw.roles, pd.DataFrame)
    assert fw.name("role", "hrm") == "HRM'er"
    vk.set_language("en")
    assert fw.name("role", "hrm") == "HR professional"


def test_unknown_ids_raise_clear_key_errors(fw):
    with pytest.raises(KeyError, match=r"Onbekende functie 'wethouder'\. Bekend: jurist"):
        fw.quadrant_of("wethouder")
    with pytest.raises(KeyError, match="Onbekende kwadrant 'midden'"):
        fw.roles_in("midden")


def test_import_is_light():
    heavy = "{'pandas', 'plotly', 'ipywidgets'}"
    code = f"import sys, vakmanschap; print(sorted({heavy} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_cli_example_prints_the_eight_roles():
    code = "import vakmanschap as vk; print(vk.load_framework().roles)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    for role_id, quadrant_id in [
        ("jurist", "klassiek_extern"),
        ("kwaliteitsfunctionaris", "organisatie_intern"),
    ]:
        assert re.search(rf"\b{role_id}\b[^\n]*\b{quadrant_id}\b", out.stdout)
