"""The CI acceptance test: the oracle (each episode's reference solution, through the protocol)
reaches reward 1 on every task x 10 seeds; and the random agent runs."""

from __future__ import annotations

from mi_settings_gym.examples import oracle_agent, random_agent


def test_oracle_every_task_ten_seeds(catalogue):
    results = oracle_agent.run_catalogue(seeds=range(10), workers=2)
    assert len(results) == 10 * len(catalogue)
    summary = oracle_agent.summarise(results)
    assert all(r.ok for r in results), summary
    assert oracle_agent.main(["--seeds", "1", "--task", "turn_on_bluetooth"]) == 0


def test_oracle_main_fails_on_a_failing_episode(monkeypatch):
    real = oracle_agent.run_episode

    def sabotaged(env, task, seed):
        result = real(env, task, seed)
        result.reward = 0.0
        return result

    monkeypatch.setattr(oracle_agent, "run_episode", sabotaged)
    assert oracle_agent.main(["--seeds", "1", "--task", "turn_on_bluetooth"]) == 1


def test_random_agent_runs():
    results = random_agent.run_random(4, seed=3)
    assert len(results) == 4
    for r in results:
        assert r.terminated or r.truncated
        assert r.reward in (0.0, 1.0)
        assert r.steps >= 1
