"""The sandbox a user's message template runs in, with a budget per render.

Jinja's sandbox keeps a template away from Python's insides; this one also keeps
it from spending the server: each render has a time budget, a number of loop
iterations and calls, and a size for every text or list it makes. Loops and `~`
are rewritten when a template is parsed so that each step is counted, the
filters and string methods that multiply a text by a number are left out, and
whatever a guarded operation makes is measured before it is kept.
"""

from __future__ import annotations

import operator
import time
from collections.abc import Callable, Iterable, Iterator, Sized
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from jinja2 import nodes, pass_eval_context
from jinja2.exceptions import SecurityError
from jinja2.filters import FILTERS
from jinja2.sandbox import SandboxedEnvironment
from jinja2.visitor import NodeTransformer

# One render may take this long (of this thread's processor time: a busy machine
# does not make a template slow), run this many loop steps and calls, write this
# much (counting what `{% set %}` captures), and make texts and lists of at most
# this size; a message itself is at most 20,000 characters.
SECONDS = 0.5
STEPS = 20_000
WRITTEN = 100_000
LARGEST = 100_000
LARGEST_NUMBER_BITS = 256

# Filters a message needs; those that take a width or a count to pad, repeat or
# split by (center, indent, wordwrap, format, batch, slice...) are left out.
FILTERS_KEPT = (  # noqa: SIM905
    "abs capitalize count d default dictsort e escape first float forceescape groupby int "
    "join last length list lower map max min reject rejectattr replace reverse round safe "
    "select selectattr sort string striptags sum title trim truncate unique upper "
    "wordcount"
).split()
# The methods of a text a template may call; replace and join are measured first.
STR_METHODS = frozenset(
    (  # noqa: SIM905
        "capitalize casefold count endswith find index isalnum isalpha isdigit islower "
        "isspace istitle isupper join lower lstrip partition removeprefix removesuffix "
        "replace rfind rindex rpartition rsplit rstrip split splitlines startswith strip "
        "swapcase title upper"
    ).split()
)


class OverBudget(SecurityError):
    """The render went past one of its limits; the message says which."""


@dataclass
class _Budget:
    deadline: float
    steps: int = 0
    written: int = 0

    def write(self, size: int) -> None:
        self.written += size
        if self.written > WRITTEN:
            raise OverBudget(f"it writes more than {WRITTEN:,} characters")

    def step(self) -> None:
        self.steps += 1
        if self.steps > STEPS:
            raise OverBudget(f"it runs more than {STEPS:,} loop steps and calls")
        if time.thread_time() > self.deadline:
            raise OverBudget(f"it takes longer than {SECONDS} seconds to write")


_BUDGET: ContextVar[_Budget | None] = ContextVar("template_budget", default=None)


@contextmanager
def budget() -> Iterator[None]:
    """The limits of one render, for everything the sandbox runs inside it."""
    token = _BUDGET.set(_Budget(deadline=time.thread_time() + SECONDS))
    try:
        yield
    finally:
        _BUDGET.reset(token)


def _current() -> _Budget:
    current = _BUDGET.get()
    if current is None:
        raise OverBudget("a template runs only within a render's budget")
    return current


def _step() -> None:
    _current().step()


def _measured(value: Any) -> Any:
    """What a template made, refused when it is larger than a message could need."""
    if isinstance(value, int) and value.bit_length() > LARGEST_NUMBER_BITS:
        raise OverBudget("it makes a number larger than a message could need")
    if isinstance(value, Sized) and not isinstance(value, range):
        _need(len(value))
    return value


def written(value: Any) -> Any:
    """A piece of the output (or of a `{% set %}` block), counted as it is written."""
    _current().write(len(str(value)))
    return value


def _need(size: int) -> None:
    if size > LARGEST:
        raise OverBudget(f"it makes a text or a list longer than {LARGEST:,}")


def counted(iterable: Iterable[Any]) -> Iterator[Any]:
    """A loop's items, each one counted against the render's budget."""
    for item in iterable:
        _step()
        yield item


def concat(*parts: Any) -> str:
    """`a ~ b`, measured before the text is made."""
    texts = [str(part) for part in parts]
    _need(sum(map(len, texts)))
    return "".join(texts)


def _replace(text: str, old: str, new: str, count: int = -1) -> str:
    times = text.count(old) if old else len(text) + 1
    if count >= 0:
        times = min(times, count)
    _need(len(text) + times * (len(new) - len(old)))
    return text.replace(old, new, count)


def _join(separator: str, items: Iterable[Any]) -> str:
    texts = [str(item) for item in items]
    _need(sum(map(len, texts)) + len(separator) * max(0, len(texts) - 1))
    return separator.join(texts)


def _guarded_filter(name: str, apply: Callable[..., Any]) -> Callable[..., Any]:
    def guarded(*args: Any, **kwargs: Any) -> Any:
        _step()
        return _measured(apply(*args, **kwargs))

    # Keeps what Jinja reads off a filter: whether it takes the context first.
    pass_arg = getattr(apply, "jinja_pass_arg", None)
    if pass_arg is not None:
        guarded.jinja_pass_arg = pass_arg  # type: ignore[attr-defined]
    guarded.__name__ = name
    return guarded


@pass_eval_context
def _do_replace(eval_ctx: Any, text: Any, old: str, new: str, count: int | None = None) -> str:
    return _replace(str(text), str(old), str(new), -1 if count is None else count)


@pass_eval_context
def _do_join(
    eval_ctx: Any, items: Iterable[Any], separator: str = "", attribute: Any = None
) -> str:
    if attribute is not None:
        raise SecurityError("join by attribute is not available in a message template")
    return _join(str(separator), items)


class _Counted(NodeTransformer):
    """Rewrites a parsed template so each loop step, each `~` and each piece of
    output pass the budget."""

    def visit_Output(self, node: nodes.Output) -> nodes.Node:
        self.generic_visit(node)
        node.nodes = [
            _call(
                "_ns_written",
                [nodes.Const(child.data) if isinstance(child, nodes.TemplateData) else child],
                node.lineno,
            )
            for child in node.nodes
        ]
        return node

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = _call("_ns_counted", [node.iter], node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return _call("_ns_concat", node.nodes, node.lineno)


def _call(name: str, args: list[Any], lineno: int) -> nodes.Call:
    return nodes.Call(nodes.Name(name, "load"), args, [], None, None, lineno=lineno)


class BudgetedSandbox(SandboxedEnvironment):
    # `"x" * 10**9` would fill the memory before any check of its size could run.
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.filters = {name: _guarded_filter(name, FILTERS[name]) for name in FILTERS_KEPT}
        self.filters["replace"] = _guarded_filter("replace", _do_replace)
        self.filters["join"] = _guarded_filter("join", _do_join)
        self.globals.pop("lipsum", None)  # makes as many paragraphs as asked
        self.globals.update(_ns_counted=counted, _ns_concat=concat, _ns_written=written)

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        counted_tree = _Counted().visit(tree)
        counted_tree.set_environment(self)
        return counted_tree  # type: ignore[no-any-return]

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if isinstance(obj, str) and callable(value) and attr not in STR_METHODS:
            return False  # center, ljust, zfill...: a width makes any text huge
        return bool(super().is_safe_attribute(obj, attr, value))

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        if super().wrap_str_format(value) is not None:
            raise SecurityError("the text method format is not allowed in a message template")
        return None

    def call_binop(self, context: Any, op: str, left: Any, right: Any) -> Any:
        _step()
        texts = any(isinstance(v, str | list | tuple) for v in (left, right))
        if op == "**" or (op in ("*", "%") and texts):
            raise SecurityError(f"the {op} operator is not allowed in a message template")
        if op == "+" and texts:
            _need(len(left) + len(right))
        return _measured({"*": operator.mul, "+": operator.add, "%": operator.mod}[op](left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        _step()
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, str) and __obj.__name__ == "replace":
            return _replace(owner, *args, **kwargs)
        if isinstance(owner, str) and __obj.__name__ == "join":
            return _join(owner, *args, **kwargs)
        result = _measured(super().call(__context, __obj, *args, **kwargs))
        if isinstance(owner, list | dict | set):
            _measured(owner)  # `l.extend(l)` grows the list it is called on
        return result
