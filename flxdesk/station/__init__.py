"""The packing station's own rules and looks: command barcodes, the duplicate guard, its
preferences, its colours.

Qt-free, so each rule has fast tests of its own. Not here: widgets, sounds, key
handling (``gui.station``).
"""
