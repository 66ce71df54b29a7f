"""The settings model: the settings.json files (the user's and IT's) read into one
``Settings``, above the features it describes (the API address, the floor, the station)."""
