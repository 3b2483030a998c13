"""The floor every layer stands on: tables, paths, resources, hashing, partitions and engines, and
the stage declaration."""
