"""Evaluating an agent over the task catalogue: ``python -m mi_settings_gym.evaluate``.

* :mod:`.plan`: the run's episodes (:class:`Episode`, :func:`plan`);
* :mod:`.agent`: the agent interface and ``module:Class`` loading;
* :mod:`.worker`: one simulator and one agent playing episodes (:class:`Worker`);
* :mod:`.local`: the local backend, worker processes on this machine;
* :mod:`.runner`: the journal, resuming, results.jsonl and the summary; :mod:`.cli` the command.
"""

from __future__ import annotations

from .agent import Agent, AgentLoadError, load_agent_class
from .plan import Episode, SelectionError, parse_seeds, plan
from .worker import Worker, WorkerConfig

__all__ = [
    "Agent",
    "AgentLoadError",
    "Episode",
    "SelectionError",
    "Worker",
    "WorkerConfig",
    "load_agent_class",
    "parse_seeds",
    "plan",
]
