"""The programme directory: model, reading, validation, search, geography, cache, importers."""

#: Miles from --zip when no --radius is given (the CLI, the search and the guide share it).
DEFAULT_RADIUS_MILES = 25.0
