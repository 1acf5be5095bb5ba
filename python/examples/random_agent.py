#!/usr/bin/env python3
"""The random agent as a script: ``python python/examples/random_agent.py [options]`` runs
``python -m mi_settings_gym.examples.random_agent [options]``, a module of the installed package
(see it for the options and the functions)."""

import sys

from mi_settings_gym.examples.random_agent import main

if __name__ == "__main__":
    sys.exit(main())
