"""How a language writes the values the film fills into its words, and the words it draws on screen.

Code hands the script values (numbers, a digit, a count), never words; the script says how to
write them, in its own grammar:

    {output:.2f}        a number as Python formats it, with the language's decimal mark: 0.80 / 0,80
    {accuracy:.1%}      a share as a percentage, in the language's style: 96.2% / 96,2 %
    {n:words}           a whole number in words (num2words): six / шесть / 육
    {n:words/genitive}  … in a grammatical case and/or gender (Russian): шести; {n:words/f}: две
    {digit:a_digit}     a word from the script's [words] table, chosen by the value ("an eight");
                        a value of None (your own photo, whose digit is unknown) takes the key "none"

A script's top level may hold ``[format]`` (decimal, thousands, percent, and number_words: the language
num2words writes in, if not the script's own), ``[words]`` (tables) and
``[labels]`` (words drawn on screen by any chapter or component); a chapter's own labels are
in ``[chNN.labels]``. No manim here.
"""
from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

#: num2words' grammatical options, as a format spec names them after "words/"
CASES = ("nominative", "genitive", "dative", "accusative", "instrumental", "prepositional")
GENDERS = {"m": "m", "f": "f", "n": "n"}


class WordingError(ValueError):
    """A value the script cannot write: an unknown table, a key a table lacks, a bad format."""


@dataclass(frozen=True)
class Wording:
    """One language's way of writing values, and its tables of words."""

    language: str = "en"  # the default language of the scripts (narration.DEFAULT_LANGUAGE)
    number_language: str = ""  # the language num2words writes numbers in ("": ``language``)
    decimal: str = "."
    thousands: str = ","
    percent: str = "%"  # what follows a percentage's number
    words: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_script(cls, language: str, data: Mapping[str, Any]) -> Wording:
        """The wording a script's top-level ``[format]`` and ``[words]`` tables give."""
        fmt = data.get("format", {})
        return cls(language, str(fmt.get("number_words", "")), str(fmt.get("decimal", ".")),
                   str(fmt.get("thousands", ",")), str(fmt.get("percent", "%")), dict(data.get("words", {})))

    def fill(self, text: str, values: Mapping[str, object]) -> str:
        """``text`` with every ``{name}`` or ``{name:spec}`` written from ``values``."""
        return _Formatter(self).vformat(text, (), values)

    def number(self, value: float, spec: str) -> str:
        """``value`` formatted by Python's ``spec``, in this language's notation."""
        text = format(value, spec)
        percent = text.endswith("%")
        text = text.rstrip("%").replace(",", "\0").replace(".", self.decimal).replace("\0", self.thousands)
        return text + self.percent if percent else text

    def in_words(self, value: object, options: list[str]) -> str:
        """A whole number in words, in a case and gender where the language has them."""
        from num2words import num2words

        kwargs: dict[str, str] = {}
        for option in options:
            if option in CASES:
                kwargs["case"] = option
            elif option in GENDERS:
                kwargs["gender"] = GENDERS[option]
            else:
                raise WordingError(f"unknown option {option!r} in words/… (cases: {', '.join(CASES)}; m, f, n)")
        language = self.number_language or self.language
        try:
            return str(num2words(int(value), lang=language, **kwargs))  # type: ignore[call-overload]
        except NotImplementedError:
            raise WordingError(f"num2words cannot write numbers in {language!r}: set [format] number_words") from None

    def from_table(self, value: object, table: str) -> str:
        """The entry of the ``[words]`` table ``table`` for ``value`` (None: the entry "none")."""
        entries = self.words[table]
        key = "none" if value is None else str(value)
        if key not in entries:
            raise WordingError(f"the words table {table!r} has no entry for {key!r}")
        return str(entries[key])


class _Formatter(string.Formatter):
    def __init__(self, wording: Wording) -> None:
        self.wording = wording

    def format_field(self, value: Any, spec: str) -> str:
        if not spec:
            return str(value) if not isinstance(value, float) else self.wording.number(value, "g")
        if spec == "words" or spec.startswith("words/"):
            return self.wording.in_words(value, spec.split("/")[1:])
        if spec in self.wording.words:
            return self.wording.from_table(value, spec)
        try:
            return self.wording.number(value, spec)
        except (TypeError, ValueError):
            raise WordingError(f"cannot write {value!r} as {{:{spec}}}: not a number format, 'words', "
                               f"or a [words] table ({', '.join(self.wording.words) or 'none'})") from None


def fields(text: str) -> set[str]:
    """The names of the values ``text`` asks for."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}
