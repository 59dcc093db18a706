"""The plugin manager: hook specifications, built-in stages, entry-point plugins, isolated calls.

Nothing is loaded at import time: :func:`get_plugin_manager` builds a manager
when asked, and :func:`default_runner` keeps one per process for calls
without per-call plugins.
"""

from __future__ import annotations

import functools
import importlib
import importlib.metadata
import json
import threading
from importlib import resources
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import pluggy

from . import hookspecs
from .records import Diagnostic

hookimpl = pluggy.HookimplMarker("recruitx")
"""Marker for hook implementations: ``@recruitx.hookimpl def recruitx_find_places(document): ...``."""

ENTRY_POINT_GROUP = "recruitx"

#: First-party stages, registered in this order on every manager (so plugins
#: registered afterwards are called before them).
BUILTIN_PLUGINS = (
    "recruitx.document",
    "recruitx.likelihood",
    "recruitx.quantities",
    "recruitx.periods",
    "recruitx.places",
    "recruitx.claims",
    "recruitx.attribution",
)


@functools.cache
def plugin_data(package: str, name: str = "data.json") -> Any:
    """A JSON table shipped inside ``package`` (``plugin_data(__name__)``), read once per process.

    Plugins keep their word lists and patterns in data files, as the core
    does; this reads one.
    """
    return json.loads(resources.files(package).joinpath(name).read_text(encoding="utf-8"))


@attrs.frozen
class PluginInfo:
    """One registered plugin, as ``recruitx plugins`` lists it."""

    name: str
    version: str | None
    distribution: str | None
    hooks: tuple[str, ...]
    builtin: bool


_entry_points_lock = threading.Lock()
_entry_points_cache: list[tuple[str, Any, str | None, str | None]] | None = None
_entry_point_errors: list[str] = []


def _entry_point_plugins() -> tuple[list[tuple[str, Any, str | None, str | None]], list[str]]:
    """Load the ``recruitx`` entry points once per process; a plugin that fails to load is reported, not raised."""
    global _entry_points_cache
    with _entry_points_lock:
        if _entry_points_cache is None:
            loaded = []
            for ep in sorted(importlib.metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
                dist = getattr(ep, "dist", None)
                dist_name = dist.metadata["Name"] if dist is not None else None
                version = dist.version if dist is not None else None
                try:
                    loaded.append((ep.name, ep.load(), dist_name, version))
                except Exception as exc:  # a broken third-party install must not stop parsing
                    _entry_point_errors.append(f"plugin {ep.name!r} failed to load: {type(exc).__name__}: {exc}")
            _entry_points_cache = loaded
        return _entry_points_cache, list(_entry_point_errors)


def get_plugin_manager(*, load_entry_points: bool = True) -> pluggy.PluginManager:
    """A new manager with the hook specifications, the built-in stages and (by default) the entry-point plugins."""
    pm = pluggy.PluginManager("recruitx")
    pm.add_hookspecs(hookspecs)
    for name in BUILTIN_PLUGINS:
        pm.register(importlib.import_module(name), name=name)
    if load_entry_points:
        for name, plugin, _dist, _version in _entry_point_plugins()[0]:
            if pm.is_registered(plugin):
                continue
            pm.register(plugin, name=name)
    return pm


class Runner:
    """Calls hooks one implementation at a time, so that a raising plugin becomes a diagnostic."""

    def __init__(self, pm: pluggy.PluginManager, load_errors: Sequence[str] = ()) -> None:
        self.pm = pm
        self.load_errors = tuple(load_errors)
        self._tables: Any = None
        self._lock = threading.Lock()

    def _impls(self, name: str) -> list[Any]:
        impls = getattr(self.pm.hook, name).get_hookimpls()
        return [i for i in reversed(impls) if not (i.hookwrapper or getattr(i, "wrapper", False))]

    def _invoke(self, impl: Any, name: str, kwargs: dict[str, Any], diagnostics: list[Diagnostic]) -> Any:
        try:
            return impl.function(*[kwargs[a] for a in impl.argnames])
        except Exception as exc:
            diagnostics.append(
                Diagnostic("error", f"plugin {impl.plugin_name!r} failed in {name}: {type(exc).__name__}: {exc}")
            )
            return None

    def call_all(self, name: str, diagnostics: list[Diagnostic], **kwargs: Any) -> list[tuple[str, Any]]:
        """Every implementation's non-``None`` result, with the plugin's name, in call order."""
        out = []
        for impl in self._impls(name):
            result = self._invoke(impl, name, kwargs, diagnostics)
            if result is not None:
                out.append((impl.plugin_name, result))
        return out

    def call_first(self, name: str, diagnostics: list[Diagnostic], **kwargs: Any) -> Any:
        """The first non-``None`` result (a *firstresult* hook)."""
        for impl in self._impls(name):
            result = self._invoke(impl, name, kwargs, diagnostics)
            if result is not None:
                return result
        return None

    def call_chain(self, name: str, key: str, diagnostics: list[Diagnostic], **kwargs: Any) -> Any:
        """Pass ``kwargs[key]`` through every implementation; ``None`` leaves it unchanged."""
        for impl in self._impls(name):
            result = self._invoke(impl, name, kwargs, diagnostics)
            if result is not None:
                kwargs[key] = result
        return kwargs[key]

    @property
    def tables(self) -> Any:
        """The alias and place tables: the data files plus what plugins register (built once)."""
        if self._tables is None:
            with self._lock:
                if self._tables is None:
                    from .document import Tables

                    diagnostics: list[Diagnostic] = []
                    aliases = [e for _, r in self.call_all("recruitx_register_source_aliases", diagnostics) for e in r]
                    places = [e for _, r in self.call_all("recruitx_register_places", diagnostics) for e in r]
                    self._tables = Tables.build(aliases, places, tuple(diagnostics))
        return self._tables

    def plugins(self) -> list[PluginInfo]:
        """What is registered, for ``recruitx plugins``."""
        dists = {name: (dist, version) for name, _, dist, version in (_entry_points_cache or [])}
        out = []
        for name, plugin in sorted(self.pm.list_name_plugin(), key=lambda p: p[0] or ""):
            if plugin is None or name is None:
                continue
            hooks = tuple(sorted(h.name for h in self.pm.get_hookcallers(plugin) or ()))
            builtin = name in BUILTIN_PLUGINS
            if builtin:
                from . import __version__

                dist, version = "recruitx", __version__
            else:
                dist, version = dists.get(name, (None, getattr(plugin, "__version__", None)))
            out.append(PluginInfo(name, version, dist, hooks, builtin))
        return out


_default_lock = threading.Lock()
_default_runner: Runner | None = None


def default_runner() -> Runner:
    """The process-wide runner for calls without per-call plugins, built on first use."""
    global _default_runner
    if _default_runner is None:
        with _default_lock:
            if _default_runner is None:
                pm = get_plugin_manager()
                _default_runner = Runner(pm, _entry_point_plugins()[1])
    return _default_runner


def runner_for(plugins: Iterable[Any] = (), *, load_entry_points: bool = True) -> Runner:
    """A runner with ``plugins`` registered on top of the default set (a fresh manager, so calls don't interfere).

    With ``load_entry_points=False`` only the built-in stages and ``plugins``
    are registered: what a plugin's own tests want.
    """
    plugins = tuple(plugins)
    if not plugins and load_entry_points:
        return default_runner()
    pm = get_plugin_manager(load_entry_points=load_entry_points)
    for i, plugin in enumerate(plugins):
        if pm.is_registered(plugin):
            continue
        name = getattr(plugin, "__name__", None) or f"{type(plugin).__name__}-{i}"
        if pm.get_plugin(name) is not None:
            name = f"{name}-{i}"
        pm.register(plugin, name=name)
    return Runner(pm, _entry_point_plugins()[1])
