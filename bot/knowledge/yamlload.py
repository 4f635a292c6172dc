"""YAML loading that remembers line numbers, so validation can say `path:line`.

The loader is bounded, so a hostile or broken file cannot freeze or exhaust the process:
a document longer than `MAX_CHARS`, with more than `MAX_ALIASES` alias uses, nested deeper
than `MAX_DEPTH`, or whose aliases would expand to more than `MAX_EXPANDED_NODES` values
(an "alias bomb": `a1: &a1 [*a0, *a0, …]` nested a few levels) is refused with the line
of the offending alias. The knowledge files need no aliases at all.
"""

from __future__ import annotations

import yaml
from yaml.composer import Composer
from yaml.events import AliasEvent
from yaml.nodes import MappingNode, SequenceNode

from bot.knowledge.messages import say, yaml_problem

MAX_CHARS = 5_000_000
MAX_ALIASES = 100
MAX_DEPTH = 50
MAX_EXPANDED_NODES = 200_000  # the whole knowledge base has about 10,000 values


class LineDict(dict):
    """A mapping that knows its own line and the line of each key (1-based)."""

    line: int = 0
    key_lines: dict


class LineList(list):
    """A sequence that knows its own line and the line of each item (1-based)."""

    line: int = 0
    item_lines: list


class YamlLimitError(yaml.MarkedYAMLError):
    """The document exceeds one of the loader's limits."""


class _BoundedComposer(Composer):
    """PyYAML's composer, counting alias uses, nesting depth and the expanded size."""

    def compose_document(self):
        self._aliases = 0
        self._depth = 0
        self._expanded = 0  # values in the document once every alias is written out
        self._sizes: dict[int, int] = {}
        return super().compose_document()

    def compose_node(self, parent, index):
        event = self.peek_event()
        if self.check_event(AliasEvent):
            node = super().compose_node(parent, index)
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                self._refuse(event, "yaml_too_many_aliases", limit=MAX_ALIASES)
            self._expanded += self._size(node, event)
            if self._expanded > MAX_EXPANDED_NODES:
                self._refuse(event, "yaml_alias_bomb", limit=MAX_EXPANDED_NODES)
            return node
        self._depth += 1
        if self._depth > MAX_DEPTH:
            self._refuse(event, "yaml_too_deep", limit=MAX_DEPTH)
        try:
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        self._expanded += 1
        if self._expanded > MAX_EXPANDED_NODES:
            self._refuse(event, "yaml_too_many_values", limit=MAX_EXPANDED_NODES)
        return node

    def _size(self, node, event) -> int:
        """Values under `node` with aliases written out (memoised; depth is bounded)."""
        known = self._sizes.get(id(node))
        if known is not None:
            return known
        if isinstance(node, (SequenceNode, MappingNode)) and node.end_mark is None:
            # still being composed: the alias sits inside its own anchor
            self._refuse(event, "yaml_alias_loop")
        total = 1
        if isinstance(node, SequenceNode):
            for child in node.value:
                total += self._size(child, event)
        elif isinstance(node, MappingNode):
            for key, value in node.value:
                total += self._size(key, event) + self._size(value, event)
        self._sizes[id(node)] = total
        if total > MAX_EXPANDED_NODES:
            self._refuse(event, "yaml_alias_bomb", limit=MAX_EXPANDED_NODES)
        return total

    @staticmethod
    def _refuse(event, code: str, **values):
        error = YamlLimitError(problem=code, problem_mark=event.start_mark)
        error.values = values
        raise error


try:  # libyaml's C parser when PyYAML has it (several times faster); line marks work the same
    from yaml.cyaml import CParser

    class _Loader(_BoundedComposer, CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        def __init__(self, stream):
            CParser.__init__(self, stream)
            _BoundedComposer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)
except ImportError:  # pragma: no cover - PyYAML without libyaml

    class _Loader(_BoundedComposer, yaml.SafeLoader):  # type: ignore[no-redef]
        pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in result:
            result.setdefault("__duplicate_keys__", []).append((key, key_node.start_mark.line + 1))
            continue
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.item_lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)


class YamlSyntaxError(ValueError):
    """A file that cannot be read as YAML: its line, and the message `code` of
    `bot.knowledge.messages` with its `values` (`message` is the Chinese text)."""

    def __init__(self, line: int, code: str, **values: object):
        self.line = line
        self.code = code
        self.values = values
        self.message = say(code, **values)
        super().__init__(self.message)


def load_yaml(text: str):
    """Parse YAML text into LineDict/LineList; raise YamlSyntaxError with the parser's line
    (also for a document beyond the loader's limits, see the module docstring)."""
    if len(text) > MAX_CHARS:
        raise YamlSyntaxError(1, "too_large", chars=len(text), limit=MAX_CHARS)
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - SafeConstructor only
    except YamlLimitError as exc:
        raise YamlSyntaxError(exc.problem_mark.line + 1, exc.problem, **exc.values) from None
    except RecursionError:
        raise YamlSyntaxError(1, "yaml_too_deep", limit=MAX_DEPTH) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        problem = " ".join(filter(None, [exc.context, exc.problem]))
        lines = text.splitlines()
        line_text = lines[line - 1] if 0 < line <= len(lines) else ""
        raise YamlSyntaxError(line, "yaml_syntax", detail=yaml_problem(problem, line_text)) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(1, "yaml_syntax", detail=yaml_problem(str(exc))) from None
