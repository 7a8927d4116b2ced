"""A sheet's own codes for a field's words (房屋类型 110 → 住宅, 状态 2001 → 已入住): the map the clerk gives.

Systems export codes where the clerk writes words. An import never guesses what a code means: it
lists each distinct value no word or alias matches (UnknownValues, carried by the preview), and the
clerk says what each stands for — in the import dialog (对应取值…) or on the command line
(`--value 房屋用途:110=住宅`). No system's codes are built in: none is documented to us.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..errors import ValidationError
from ..i18n import translate
from .sheet import FieldSpec, clean_text

ValueMap = Mapping[str, Mapping[str, str]]  # field key → value as written (value_text) → the word it means


@dataclass(frozen=True)
class UnknownValues:
    """One field's distinct written values that match no word, with the words the field allows."""

    key: str
    label: str
    values: tuple[str, ...]  # in the order the sheet first has them
    counts: tuple[int, ...]  # rows with each value
    allowed: tuple[str, ...]


def value_text(value: Any) -> str:
    """A cell as a value map's key: '110' for the number 110 or the text ' 110 ', half-width, no spaces."""
    return clean_text(value).replace(" ", "")


@dataclass
class ValueReader:
    """Reads the choice fields of the rows: the clerk's map first, then the aliases; remembers the rest."""

    values: ValueMap
    choices: Mapping[str, tuple[str, ...]]  # field key → the words allowed
    labels: Mapping[str, str]
    _unknown: dict[str, Counter[str]] = field(default_factory=dict)
    _mapped: dict[str, Counter[tuple[str, str]]] = field(default_factory=dict)

    def read(self, key: str, value: Any, aliases: Mapping[str, str]) -> tuple[str, str]:
        """(the word, or the text as written; what is wrong, "" when nothing is). Empty gives ("", "")."""
        text = value_text(value)
        if not text:
            return "", ""
        mapped = self.values.get(key, {}).get(text)
        if mapped is not None:
            self._mapped.setdefault(key, Counter())[(text, mapped)] += 1
            return mapped, ""
        word = aliases.get(text, text)
        allowed = self.choices[key]
        if word in allowed:
            return word, ""
        self._unknown.setdefault(key, Counter())[text] += 1
        return word, f"“{word}”无效，应为：{'、'.join(allowed)}；若是系统代码，请用“对应取值”（命令行 --value）说明它代表哪一项"

    def unknown(self) -> tuple[UnknownValues, ...]:
        found = [(key, self._unknown[key]) for key in self.choices if key in self._unknown]  # in the fields' order
        return tuple(UnknownValues(key, self.labels[key], tuple(values), tuple(values.values()), self.choices[key])
                     for key, values in found)

    def notes(self) -> list[str]:
        """'房屋用途“110”按“住宅”导入（12 行）' for each value the map translated."""
        return [f"{self.labels[key]}“{text}”按“{word}”导入（{n} 行）"
                for key, found in self._mapped.items() for (text, word), n in found.items()]


def parse_value_options(options: Sequence[str], fields: Sequence[FieldSpec],
                        choices: Mapping[str, tuple[str, ...]]) -> dict[str, dict[str, str]]:
    """`--value 房屋用途:110=住宅` options as a ValueMap; ValidationError naming the bad option."""
    found: dict[str, dict[str, str]] = {}
    names = {name: f for f in fields if f.key in choices for name in (f.key, f.label, *f.synonyms)}
    for option in options:
        name, _colon, rest = option.replace("：", ":").partition(":")
        written, equals, word = rest.partition("=")
        spec = names.get(name.strip())
        if spec is None or not equals or not value_text(written):
            labels = "、".join(translate("imports", f.label) for f in fields if f.key in choices)
            raise ValidationError(translate("imports", "--value 应写成 字段:表中的值=取值（如 房屋用途:110=住宅；字段为{labels}），而不是“{option}”。").format(
                labels=labels, option=option))
        if word.strip() not in choices[spec.key]:
            raise ValidationError(translate("imports", "--value {option}：“{word}”不是{label}的取值，应为：{choices}。").format(
                option=option, word=word.strip(), label=translate("imports", spec.label), choices='、'.join(choices[spec.key])))
        found.setdefault(spec.key, {})[value_text(written)] = word.strip()
    return found
