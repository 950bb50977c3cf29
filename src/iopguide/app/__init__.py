"""The application layer: the environment a run prints into, and the typed results of use cases."""
