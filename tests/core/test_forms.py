import pytest
from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils import translation

from core.forms import capfirst_lazy
from programs.forms.programmes import ModuleForm
from tests.factories import ProgramFactory


def test_choice_options_start_with_a_capital_letter_in_the_language_shown(db):
    form = ModuleForm(program=ProgramFactory())
    with translation.override("tr"):
        assert [str(label) for _, label in form.fields["method"].choices][:3] == [
            "---------",
            "Yaygın eğitim / aktif öğrenme",
            "Sunum (pasif öğrenme)",
        ]
    with translation.override("en"):
        assert str(form.fields["method"].choices[1][1]) == "Non-formal / active learning"


def test_capitalising_follows_turkish_rules():
    assert capfirst_lazy("ilçe belediyesi") == "İlçe belediyesi"
    assert capfirst_lazy("ısparta") == "Isparta"


def test_a_many_to_many_choice_no_database_integer_holds_is_an_invalid_value(db):
    data = {"title": "Modül", "method": "non_formal", "duration_minutes": 90}
    form = ModuleForm({**data, "objectives": ["9" * 40]}, program=ProgramFactory())
    with translation.override("tr"):
        assert form.errors["objectives"] == [f"“{'9' * 40}” geçerli bir değer değil."]
    assert form.errors.as_data()["objectives"][0].code == "invalid_pk_value"


@pytest.mark.parametrize(
    ("widget", "value"),
    [
        (forms.Select, "a"),
        (forms.Select, ""),
        (forms.SelectMultiple, ["a", "c"]),
        (forms.NullBooleanSelect, None),
    ],
)
def test_our_select_template_writes_djangos_markup(widget, value):
    """templates/django/forms/widgets/select.html writes the options in place (no template per
    option): the markup is Django's own, byte for byte."""
    choices = [("", "Tümü"), ("Grup", [("a", "A & <B>"), ("b", "B")]), ("c", 'C "ç"')]
    select = widget(attrs={"id": "id_x", "class": "wide", "required": True})
    if widget is not forms.NullBooleanSelect:
        select.choices = choices
    ours = select.render("x", value)
    assert "<option" in ours
    assert ours == select.render("x", value, renderer=DjangoTemplates())
