#!/usr/bin/env python3
"""The oracle agent (each episode's reference solution must reach reward 1) as a script:
``python python/examples/oracle_agent.py [options]`` runs
``python -m mi_settings_gym.examples.oracle_agent [options]``, a module of the installed package
(see it for the options and the functions)."""

import sys

from mi_settings_gym.examples.oracle_agent import main

if __name__ == "__main__":
    sys.exit(main())
