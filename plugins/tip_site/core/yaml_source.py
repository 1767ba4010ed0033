"""YAML that remembers where each value came from.

Mappings load as `LineDict` and sequences as `LineList`, which record the line
of every key and item, so validation can point an editor at the exact line.
Only true/false, whole numbers and null are typed implicitly: dates, times and
words like `no` stay text until the schema reads them, which avoids YAML 1.1
surprises (`no` becoming False, `2024-13-01` raising a bare ValueError).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

from tip_site.core.yaml_mistakes import YamlMistake, after_parsing, explain


class LineDict(dict):
    """A dict with `.line` (its own line) and `.key_lines` (line of each key)."""

    line: int = 0
    key_lines: dict


class LineList(list):
    """A list with `.line` and `.item_lines` (line of each item)."""

    line: int = 0
    item_lines: list


class _Loader(yaml.SafeLoader):
    pass


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same loader on libyaml's parser: several times faster on thousands of front matters."""


for _loader in (_Loader, _FastLoader):
    # Keep only the implicit types we want; everything else stays a string.
    _loader.yaml_implicit_resolvers = {}
    _loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    # Decimal whole numbers only: 0800 (a phone number) stays text rather than an octal number or an error.
    _loader.add_implicit_resolver("tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789"))
    _loader.add_implicit_resolver("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


_STR_TAG = "tag:yaml.org,2002:str"


def _construct(loader: _Loader, node: yaml.Node):
    """`loader.construct_object(node, deep=True)`, with text (most values) taken straight from the node.

    For a text scalar PyYAML's constructor returns `node.value` after bookkeeping that
    only matters for collections and aliases; front matter is mostly text.
    """
    if node.tag == _STR_TAG and type(node) is yaml.ScalarNode:
        return node.value
    return loader.construct_object(node, deep=True)


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = _construct(loader, key_node)
        if not isinstance(key, (str, int, bool)) or key is None:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be a plain word", key_node.start_mark
            )
        key = str(key)
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key '{key}' appears twice", key_node.start_mark
            )
        result[key] = _construct(loader, value_node)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(_construct(loader, child) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


for _loader in (_Loader, _FastLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


@dataclass(frozen=True)
class YamlSyntaxError(Exception):
    """A YAML mistake, explained: its line (1-based, in the YAML text), field and fix."""

    line: int | None
    message: str
    field: str | None = None
    fix: str | None = None


def parse_yaml(text: str):
    """Parse YAML text into LineDict/LineList/str/int/bool/None, or raise YamlSyntaxError."""
    try:
        return yaml.load(text, Loader=_FastLoader)  # noqa: S506 - derives from (C)SafeLoader
    except Exception:  # noqa: BLE001 - read it again below, where mistakes are explained
        pass
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader derives from SafeLoader
    except yaml.YAMLError as error:
        mistake = explain(text, error)
    except RecursionError:
        mistake = YamlMistake(None, None, "the values are nested too deeply", "write one 'field: value' per line")
    except Exception as error:  # noqa: BLE001 - an input PyYAML chokes on must still get a message
        mistake = YamlMistake(None, None, f"the fields cannot be read ({type(error).__name__})",
                              "write one 'field: value' per line, and put values with special characters in double quotes")
    raise YamlSyntaxError(mistake.line, mistake.message, mistake.field, mistake.fix)


def yaml_slips(text: str) -> list[YamlMistake]:
    """Mistakes in YAML that reads without error but loses what the editor wrote ('#' inside a value)."""
    return after_parsing(text) if "#" in text else []
