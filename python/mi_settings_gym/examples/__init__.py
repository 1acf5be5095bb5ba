"""Example agents, each a module to import or to run:

* :mod:`mi_settings_gym.examples.random_agent`: a random agent, a baseline and a smoke test
  (``python -m mi_settings_gym.examples.random_agent --episodes 20``);
* :mod:`mi_settings_gym.examples.oracle_agent`: the oracle, every episode's reference solution,
  which must reach reward 1 (``python -m mi_settings_gym.examples.oracle_agent``).
"""
