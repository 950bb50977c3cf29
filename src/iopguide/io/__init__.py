"""Files iopguide writes or reads back from its own folders: private, atomic, checked."""
