"""The packing station's own rules and looks: command barcodes, the duplicate guard, its
preferences, its colours, the names of its sounds.

Qt-free, so each rule has fast tests of its own. Not here: widgets, playing sounds, key
handling (``gui.station``).
"""
