"""Imported first by the benchmarks beside it. This folder holds the package's source, which lacks
the extension module (the simulator built in) that pip builds into the installed copy; a script
run from here would import that source. This puts the folder last on ``sys.path``: ``import
mi_settings_gym`` then takes the installed package, and ``import bench`` still finds the
benchmark beside it."""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:] = [p for p in sys.path if os.path.abspath(p or os.curdir) != HERE] + [HERE]
