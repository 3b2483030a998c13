"""How a run is executed: the stages, the runner and its cache, engines, tables, paths, the command
line."""
