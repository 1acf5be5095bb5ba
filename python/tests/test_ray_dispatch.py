"""The Ray backend's dispatch (``ray_backend._dispatch``) against a stand-in for Ray: what it
does when an actor's calls fail beyond Ray's own retries. No Ray needed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from mi_settings_gym.evaluate import ray_backend
from mi_settings_gym.evaluate.plan import Episode
from mi_settings_gym.evaluate.ray_backend import ATTEMPTS, IN_FLIGHT, RayBackendError


class ActorDied(Exception):
    """Stands for ray.exceptions.RayActorError."""


class Ref:
    def __init__(self, call: Callable[[], Any], done: bool = True) -> None:
        self.call = call
        self.done = done


class Method:
    def __init__(self, body: Callable[..., Any], done: bool = True) -> None:
        self.body = body
        self.done = done

    def remote(self, *args: Any) -> Ref:
        return Ref(lambda: self.body(*args), self.done)


class FakeRay:
    """A call is done at once (``get`` runs it, raising what the actor raised), except those of
    an actor that never starts, which are never done."""

    class exceptions:  # Ray's name
        RayActorError = ActorDied

    def wait(self, refs: list[Ref], num_returns: int = 1, timeout: float | None = None) -> Any:
        done = [r for r in refs if r.done][:num_returns]
        assert done or timeout is not None, "waiting forever"
        return done, [r for r in refs if r not in done]

    def get(self, ref: Ref, timeout: float | None = None) -> Any:
        return ref.call()

    def cluster_resources(self) -> dict[str, float]:
        return {"CPU": 1.0}


class Actor:
    """Plays an episode into a row, or dies on the episodes ``dies_on`` names. ``gone``: dead
    for good from the start (its creation failed); ``gone_on_first_call``: dead for good from
    its first call on; ``starts``: False for an actor the cluster has no room for."""

    def __init__(
        self,
        dies_on: Callable[[Episode], bool] = lambda e: False,
        gone: bool = False,
        gone_on_first_call: bool = False,
        starts: bool = True,
    ) -> None:
        self.played: list[str] = []
        self.calls = 0
        self.gone = gone

        def run(episode: Episode) -> dict[str, Any]:
            self.calls += 1
            if gone_on_first_call:
                self.gone = True
            if self.gone or dies_on(episode):
                raise ActorDied(f"the actor died playing {episode.key}")
            self.played.append(episode.key)
            return {"key": episode.key, "outcome": "success"}

        def ping() -> None:
            if self.gone:
                raise ActorDied("its creation failed: no mi-settings at /opt/mi-settings")

        self.run = Method(run, starts)
        self.ping = Method(ping, starts)


EPISODES = [Episode("check_login_history", seed) for seed in range(7)]


def rows(pool: list[Actor]) -> list[dict[str, Any]]:
    return list(ray_backend._dispatch(FakeRay(), pool, EPISODES))


def test_every_episode_gets_one_row_over_several_actors() -> None:
    pool = [Actor(), Actor(), Actor()]
    got = rows(pool)
    assert sorted(r["key"] for r in got) == sorted(e.key for e in EPISODES)
    assert all(a.played for a in pool)


def test_an_episode_whose_actor_always_dies_is_crashed_after_its_attempts() -> None:
    poison = EPISODES[3]
    pool = [Actor(dies_on=lambda e: e == poison), Actor(dies_on=lambda e: e == poison)]
    got = {r["key"]: r for r in rows(pool)}
    assert len(got) == len(EPISODES)
    assert got[poison.key]["outcome"] == "crashed"
    assert got[poison.key]["error"] == f"its Ray actor died {ATTEMPTS} times playing it: ActorDied"
    assert [r["outcome"] for k, r in got.items() if k != poison.key] == ["success"] * 6
    assert sum(a.calls for a in pool) == len(EPISODES) - 1 + ATTEMPTS


def test_an_actor_dead_for_good_leaves_its_episodes_to_the_others() -> None:
    dead, alive = Actor(gone_on_first_call=True), Actor()
    got = rows([dead, alive])
    assert sorted(r["key"] for r in got) == sorted(e.key for e in EPISODES)
    assert all(r["outcome"] == "success" for r in got)
    assert dead.calls == IN_FLIGHT  # no call after its first failures
    assert len(alive.played) == len(EPISODES)


def test_an_actor_that_never_starts_or_fails_to_is_given_no_episode() -> None:
    waiting, failed, alive = Actor(starts=False), Actor(gone=True), Actor()
    got = rows([waiting, failed, alive])
    assert sorted(r["key"] for r in got) == sorted(e.key for e in EPISODES)
    assert waiting.calls == failed.calls == 0


def test_no_actor_starting_stops_the_run_saying_why() -> None:
    with pytest.raises(RayBackendError, match=r"no Ray actor started within 600 s \(each needs"):
        rows([Actor(starts=False)])


def test_every_actor_dead_for_good_stops_the_run_saying_why() -> None:
    with pytest.raises(RayBackendError, match=r"every Ray actor died for good; 7 episodes") as e:
        rows([Actor(gone=True), Actor(gone_on_first_call=True)])
    assert "The last death: ActorDied: " in str(e.value)


def test_the_scale_page_names_only_options_that_exist() -> None:
    """docs/scale.md names options of the evaluation command, of python/bench_ray.py and of
    `ray start`; each is one of theirs."""
    import re
    import sys
    from pathlib import Path

    from mi_settings_gym.evaluate import cli

    python = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(python))
    import bench_ray

    def options(parser: Any) -> set[str]:
        return {o for a in parser._actions for o in a.option_strings if o.startswith("--")}

    ray_start = {"--head", "--num-cpus", "--address", "--port"}
    known = options(cli.parser()) | options(bench_ray.parser()) | ray_start
    text = (python.parent / "docs" / "scale.md").read_text(encoding="utf-8")
    named = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*[a-z]", text))
    assert named
    assert named <= known, named - known


def test_an_actors_death_is_told_by_the_line_that_says_why() -> None:
    created = ActorDied(
        "The actor died because of an error raised in its creation task, "
        "ray::_Player.__init__() (pid=256)\n"
        '  File "worker.py", line 87, in __init__\n'
        "    cls = load_agent_class(config.agent)\n"
        "mi_settings_gym.evaluate.agent.AgentLoadError: --agent 'x:Y': cannot import the module 'x'"
    )
    assert ray_backend._cause(created) == (
        "ActorDied: mi_settings_gym.evaluate.agent.AgentLoadError: --agent 'x:Y': "
        "cannot import the module 'x'"
    )
    assert ray_backend._cause(ActorDied("its worker process has died.\nmore")) == (
        "ActorDied: its worker process has died."
    )
